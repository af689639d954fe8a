package dev.relaykit.binance.futures.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * Futures account information ({@code GET /fapi/v3/account}, {@code /dapi/v1/account}): totals (USD-M), assets and positions.
 *
 * @param totalInitialMargin USD-M: total initial margin
 * @param totalMaintMargin USD-M: total maintenance margin
 * @param totalWalletBalance USD-M: total wallet balance
 * @param totalUnrealizedProfit USD-M: total unrealized profit
 * @param totalMarginBalance USD-M: total margin balance
 * @param totalPositionInitialMargin USD-M: total position initial margin
 * @param totalOpenOrderInitialMargin USD-M: total open-order initial margin
 * @param totalCrossWalletBalance USD-M: total crossed wallet balance
 * @param totalCrossUnPnl USD-M: crossed unrealized profit
 * @param availableBalance USD-M: available balance
 * @param maxWithdrawAmount USD-M: most that can be transferred out
 * @param canDeposit COIN-M: can deposit
 * @param canTrade COIN-M: can trade
 * @param canWithdraw COIN-M: can withdraw
 * @param assets assets
 * @param positions positions
 */
public record FuturesAccountInfo(
        BigDecimal totalInitialMargin,
        BigDecimal totalMaintMargin,
        BigDecimal totalWalletBalance,
        BigDecimal totalUnrealizedProfit,
        BigDecimal totalMarginBalance,
        BigDecimal totalPositionInitialMargin,
        BigDecimal totalOpenOrderInitialMargin,
        BigDecimal totalCrossWalletBalance,
        BigDecimal totalCrossUnPnl,
        BigDecimal availableBalance,
        BigDecimal maxWithdrawAmount,
        Boolean canDeposit,
        Boolean canTrade,
        Boolean canWithdraw,
        List<FuturesAccountAsset> assets,
        List<FuturesAccountPosition> positions) {
}
