package dev.relaykit.binance.futures.model;

import java.math.BigDecimal;

/**
 * A symbol's commission rates ({@code GET /fapi/v1/commissionRate}).
 *
 * @param symbol symbol
 * @param makerCommissionRate maker rate (0.0002 = 0.02%)
 * @param takerCommissionRate taker rate
 * @param rpiCommissionRate USD-M: RPI order rate
 */
public record CommissionRate(
        String symbol,
        BigDecimal makerCommissionRate,
        BigDecimal takerCommissionRate,
        BigDecimal rpiCommissionRate) {
}
