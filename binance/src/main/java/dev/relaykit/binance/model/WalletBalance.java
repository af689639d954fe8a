package dev.relaykit.binance.model;

import java.math.BigDecimal;

/**
 * One asset's balance in the funding wallet ({@code POST /sapi/v1/asset/get-funding-asset}) or the
 * user-asset view ({@code POST /sapi/v3/asset/getUserAsset}).
 *
 * @param asset the asset
 * @param free available
 * @param locked held
 * @param freeze frozen
 * @param withdrawing being withdrawn
 * @param ipoable available for launchpad ({@code null} for the funding wallet)
 * @param btcValuation the value in BTC ({@code 0} unless valuation was asked for)
 */
public record WalletBalance(String asset, BigDecimal free, BigDecimal locked, BigDecimal freeze, BigDecimal withdrawing,
        BigDecimal ipoable, BigDecimal btcValuation) {
}
