package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * The last step before a payment (core.telegram.org/bots/api#precheckoutquery): the bot must answer
 * within 10 seconds with {@link BotPayments#answerPreCheckoutQuery}, or the payment is cancelled.
 *
 * <pre>{@code
 * update.preCheckoutQuery().ifPresent(q ->
 *         bot.payments().answerPreCheckoutQuery(q.id(), q.invoicePayload().startsWith("order-") ? null : "Unknown order"));
 * }</pre>
 *
 * @param id the query's id
 * @param from the paying user
 * @param currency ISO 4217 code, or {@code "XTR"} for Telegram Stars
 * @param totalAmount the total in the smallest units of the currency
 * @param invoicePayload the invoice's payload, as the bot set it
 * @param shippingOptionId the chosen shipping option, or {@code null}
 * @param raw the whole object ({@code order_info}, ...)
 */
public record PreCheckoutQuery(String id, BotUser from, String currency, long totalAmount, String invoicePayload,
                               String shippingOptionId, JsonNode raw) {
    /**
     * @param id the id
     * @param from the user
     * @param currency the currency
     * @param totalAmount the amount
     * @param invoicePayload the payload
     * @param shippingOptionId the shipping option
     * @param raw the object
     */
    public PreCheckoutQuery {
        Objects.requireNonNull(raw, "raw");
    }

    /**
     * <pre>{@code
     * PreCheckoutQuery q = PreCheckoutQuery.of(update.payload());
     * }</pre>
     *
     * @param json a PreCheckoutQuery object
     * @return the query
     */
    public static PreCheckoutQuery of(JsonNode json) {
        return new PreCheckoutQuery(Nodes.text(json, "id"), Nodes.user(json.path("from")), Nodes.text(json, "currency"),
                json.path("total_amount").asLong(), Nodes.text(json, "invoice_payload"),
                Nodes.text(json, "shipping_option_id"), json);
    }

    /** @return the query's id and amount */
    @Override
    public String toString() {
        return "PreCheckoutQuery[id=" + id + ", " + totalAmount + " " + currency + "]";
    }
}
