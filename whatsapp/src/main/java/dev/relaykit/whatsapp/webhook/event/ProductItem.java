package dev.relaykit.whatsapp.webhook.event;

import java.math.BigDecimal;

/**
 * One line of an {@link MessageContent.Order order}.
 *
 * @param productRetailerId the product ID
 * @param quantity how many
 * @param itemPrice the price of one item, exactly as sent
 * @param currency the catalog currency, for example {@code USD}
 */
public record ProductItem(String productRetailerId, int quantity, BigDecimal itemPrice, String currency) {
}
