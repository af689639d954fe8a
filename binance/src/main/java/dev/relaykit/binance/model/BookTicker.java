package dev.relaykit.binance.model;

import java.math.BigDecimal;

/**
 * The best bid and ask of a symbol ({@code GET /api/v3/ticker/bookTicker}).
 *
 * @param symbol the symbol
 * @param bidPrice best bid price
 * @param bidQty quantity at the best bid
 * @param askPrice best ask price
 * @param askQty quantity at the best ask
 */
public record BookTicker(String symbol, BigDecimal bidPrice, BigDecimal bidQty, BigDecimal askPrice,
        BigDecimal askQty) {
}
