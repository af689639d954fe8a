package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A shipping address for a flexible invoice (core.telegram.org/bots/api#shippingquery), answered
 * with {@link BotPayments#answerShippingQuery}.
 *
 * <pre>{@code
 * update.shippingQuery().ifPresent(q -> bot.payments().answerShippingQuery(q.id(),
 *         List.of(new ShippingOption("post", "Post", List.of(new LabeledPrice("Post", 500)))), null));
 * }</pre>
 *
 * @param id the query's id
 * @param from the user
 * @param invoicePayload the invoice's payload, as the bot set it
 * @param shippingAddress the ShippingAddress object ({@code country_code}, {@code city}, ...)
 * @param raw the whole object
 */
public record ShippingQuery(String id, BotUser from, String invoicePayload, JsonNode shippingAddress, JsonNode raw) {
    /**
     * @param id the id
     * @param from the user
     * @param invoicePayload the payload
     * @param shippingAddress the address
     * @param raw the object
     */
    public ShippingQuery {
        Objects.requireNonNull(raw, "raw");
    }

    /**
     * <pre>{@code
     * ShippingQuery q = ShippingQuery.of(update.payload());
     * }</pre>
     *
     * @param json a ShippingQuery object
     * @return the query
     */
    public static ShippingQuery of(JsonNode json) {
        return new ShippingQuery(Nodes.text(json, "id"), Nodes.user(json.path("from")),
                Nodes.text(json, "invoice_payload"), json.path("shipping_address"), json);
    }

    /** @return the query's id; never the address */
    @Override
    public String toString() {
        return "ShippingQuery[id=" + id + "]";
    }
}
