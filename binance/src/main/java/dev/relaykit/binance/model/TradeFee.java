package dev.relaykit.binance.model;

import java.math.BigDecimal;

/**
 * The account's trading fee on one symbol ({@code GET /sapi/v1/asset/tradeFee}).
 *
 * @param symbol the symbol
 * @param makerCommission the maker rate, e.g. {@code 0.001} for 0.1%
 * @param takerCommission the taker rate
 */
public record TradeFee(String symbol, BigDecimal makerCommission, BigDecimal takerCommission) {
}
