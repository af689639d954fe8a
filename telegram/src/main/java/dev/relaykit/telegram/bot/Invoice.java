package dev.relaykit.telegram.bot;

import java.util.List;
import java.util.Objects;

/**
 * What an invoice asks for (the required parameters of core.telegram.org/bots/api#sendinvoice and
 * #createinvoicelink). Optional ones ({@code provider_token} for payments in money, {@code photo_url},
 * {@code need_shipping_address}, {@code is_flexible}, ...) go in the method's options.
 *
 * <pre>{@code
 * Invoice stars = new Invoice("Pro plan", "One month of Pro", "order-42", "XTR", List.of(new LabeledPrice("Pro", 250)));
 * bot.payments().sendInvoice(chatId, stars, Map.of());
 * }</pre>
 *
 * @param title product name, 1-32 characters
 * @param description product description, 1-255 characters
 * @param payload 1-128 bytes your bot reads back in the pre-checkout query and the payment; not shown to the user
 * @param currency a three-letter ISO 4217 code, or {@code "XTR"} for Telegram Stars
 * @param prices the price lines (exactly one for Telegram Stars)
 */
public record Invoice(String title, String description, String payload, String currency, List<LabeledPrice> prices) {
    /**
     * @param title the title
     * @param description the description
     * @param payload the payload
     * @param currency the currency
     * @param prices the prices
     * @throws IllegalArgumentException if there is no price line
     */
    public Invoice {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(currency, "currency");
        prices = List.copyOf(prices);
        if (prices.isEmpty()) {
            throw new IllegalArgumentException("an invoice needs at least one price line");
        }
    }
}
