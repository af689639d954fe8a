package dev.relaykit.telegram.bot;

import java.util.List;
import java.util.Map;

/**
 * Payments (core.telegram.org/bots/payments, core.telegram.org/bots/api#payments): invoices in
 * money through a payment provider ({@code provider_token}) or in Telegram Stars ({@code XTR}, no
 * provider), and the answers to the shipping and pre-checkout queries that follow. Get it from
 * {@link TelegramBot#payments()}.
 *
 * <pre>{@code
 * Invoice invoice = new Invoice("Pro plan", "One month of Pro", "order-42", "XTR", List.of(new LabeledPrice("Pro", 250)));
 * bot.payments().sendInvoice(chatId, invoice, Map.of());
 * String link = bot.payments().createInvoiceLink(invoice, Map.of());
 * }</pre>
 */
public final class BotPayments {
    private final BotCalls calls;

    BotPayments(BotCalls calls) {
        this.calls = calls;
    }

    private static Map<String, Object> invoice(Invoice invoice, Map<String, ?> options, Object... more) {
        Map<String, Object> p = BotCalls.params(options, more);
        p.put("title", invoice.title());
        p.put("description", invoice.description());
        p.put("payload", invoice.payload());
        p.put("currency", invoice.currency());
        p.put("prices", invoice.prices());
        return p;
    }

    /**
     * {@code sendInvoice}.
     *
     * <pre>{@code
     * Invoice usd = new Invoice("T-shirt", "Size M", "order-7", "USD", List.of(new LabeledPrice("T-shirt", 1999)));
     * bot.payments().sendInvoice(chatId, usd, Map.of("provider_token", System.getenv("PAYMENT_PROVIDER_TOKEN"),
     *         "need_shipping_address", true, "is_flexible", true));
     * }</pre>
     *
     * @param chatId the chat
     * @param invoice what it asks for
     * @param options optional parameters ({@code provider_token} for money, {@code photo_url},
     *     {@code need_email}, {@code is_flexible}, {@code reply_markup} with a pay button first, ...)
     * @return the sent message
     */
    public BotMessage sendInvoice(Object chatId, Invoice invoice, Map<String, ?> options) {
        return BotMessage.of(calls.call("sendInvoice", invoice(invoice, options, "chat_id", chatId)));
    }

    /**
     * {@code createInvoiceLink}: a link to pay the invoice, to share anywhere.
     *
     * <pre>{@code
     * String link = bot.payments().createInvoiceLink(
     *         new Invoice("Pro", "Pro, monthly", "sub-1", "XTR", List.of(new LabeledPrice("Pro", 250))),
     *         Map.of("subscription_period", 2592000));
     * }</pre>
     *
     * @param invoice what it asks for
     * @param options optional parameters ({@code provider_token}, {@code subscription_period}, ...)
     * @return the link
     */
    public String createInvoiceLink(Invoice invoice, Map<String, ?> options) {
        return calls.call("createInvoiceLink", invoice(invoice, options)).asText();
    }

    /**
     * {@code answerPreCheckoutQuery}: confirm or refuse the payment; must come within 10 seconds.
     *
     * <pre>{@code
     * bot.payments().answerPreCheckoutQuery("pcq-1", null);                       // go ahead
     * bot.payments().answerPreCheckoutQuery("pcq-2", "Sorry, that size just sold out"); // refuse
     * }</pre>
     *
     * @param preCheckoutQueryId the query's id
     * @param errorMessage {@code null} to confirm ({@code ok: true}); else the reason shown to the user
     *     ({@code ok: false})
     * @return {@code true}
     */
    public boolean answerPreCheckoutQuery(String preCheckoutQueryId, String errorMessage) {
        Map<String, Object> p = BotCalls.params(Map.of(), "pre_checkout_query_id", preCheckoutQueryId,
                "ok", errorMessage == null);
        if (errorMessage != null) {
            p.put("error_message", errorMessage);
        }
        return calls.call("answerPreCheckoutQuery", p).asBoolean();
    }

    /**
     * {@code answerShippingQuery}: the ways to ship to the address, or why it cannot be shipped to.
     *
     * <pre>{@code
     * bot.payments().answerShippingQuery("sq-1", List.of(new ShippingOption("dhl", "DHL", List.of(new LabeledPrice("DHL", 900)))), null);
     * bot.payments().answerShippingQuery("sq-2", List.of(), "We do not ship there");
     * }</pre>
     *
     * @param shippingQueryId the query's id
     * @param options the shipping options, used when {@code errorMessage} is {@code null}
     * @param errorMessage {@code null} if delivery is possible; else the reason shown to the user
     * @return {@code true}
     */
    public boolean answerShippingQuery(String shippingQueryId, List<ShippingOption> options, String errorMessage) {
        Map<String, Object> p = BotCalls.params(Map.of(), "shipping_query_id", shippingQueryId,
                "ok", errorMessage == null);
        if (errorMessage == null) {
            p.put("shipping_options", List.copyOf(options));
        } else {
            p.put("error_message", errorMessage);
        }
        return calls.call("answerShippingQuery", p).asBoolean();
    }
}
