package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * A way to ship a flexible invoice's goods (core.telegram.org/bots/api#shippingoption), offered in
 * {@link BotPayments#answerShippingQuery}.
 *
 * <pre>{@code
 * ShippingOption post = new ShippingOption("post", "Post", List.of(new LabeledPrice("Post", 500)));
 * }</pre>
 *
 * @param id the option's id
 * @param title its title
 * @param prices its price lines
 */
public record ShippingOption(@JsonProperty("id") String id, @JsonProperty("title") String title,
                             @JsonProperty("prices") List<LabeledPrice> prices) {
    /**
     * @param id the id
     * @param title the title
     * @param prices the prices
     */
    public ShippingOption {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        prices = List.copyOf(prices);
    }
}
