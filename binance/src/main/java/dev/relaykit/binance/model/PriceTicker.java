package dev.relaykit.binance.model;

import java.math.BigDecimal;

/**
 * A symbol's latest price ({@code GET /api/v3/ticker/price}).
 *
 * @param symbol the symbol
 * @param price the latest price
 */
public record PriceTicker(String symbol, BigDecimal price) {
}
