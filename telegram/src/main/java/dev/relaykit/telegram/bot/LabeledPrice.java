package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One line of an invoice's price (core.telegram.org/bots/api#labeledprice).
 *
 * <pre>{@code
 * LabeledPrice price = new LabeledPrice("Pro plan, 1 month", 999); // 9.99 USD: amounts are in the smallest unit
 * }</pre>
 *
 * @param label the line's label
 * @param amount the price in the smallest units of the currency (cents; for Telegram Stars, {@code XTR},
 *     whole stars), as an integer, never a floating-point number
 */
public record LabeledPrice(@JsonProperty("label") String label, @JsonProperty("amount") long amount) {
    /**
     * @param label the label
     * @param amount the amount
     */
    public LabeledPrice {
        Objects.requireNonNull(label, "label");
    }
}
