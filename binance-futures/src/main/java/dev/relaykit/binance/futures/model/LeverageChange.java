package dev.relaykit.binance.futures.model;

import java.math.BigDecimal;

/**
 * The answer to a leverage change ({@code POST /fapi/v1/leverage}).
 *
 * @param leverage the leverage now
 * @param maxNotionalValue USD-M: the largest notional at this leverage
 * @param maxQty COIN-M: the largest quantity at this leverage
 * @param symbol symbol
 */
public record LeverageChange(
        int leverage,
        BigDecimal maxNotionalValue,
        BigDecimal maxQty,
        String symbol) {
}
