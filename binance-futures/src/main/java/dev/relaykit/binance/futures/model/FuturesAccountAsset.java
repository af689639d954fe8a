package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One asset of futures account information.
 *
 * @param asset asset
 * @param walletBalance wallet balance
 * @param unrealizedProfit unrealized profit
 * @param marginBalance margin balance
 * @param maintMargin maintenance margin
 * @param initialMargin initial margin
 * @param positionInitialMargin position initial margin
 * @param openOrderInitialMargin open-order initial margin
 * @param crossWalletBalance crossed wallet balance
 * @param crossUnPnl crossed unrealized profit
 * @param availableBalance available balance
 * @param maxWithdrawAmount most that can be transferred out
 * @param updateTime last update
 */
public record FuturesAccountAsset(
        String asset,
        BigDecimal walletBalance,
        BigDecimal unrealizedProfit,
        BigDecimal marginBalance,
        BigDecimal maintMargin,
        BigDecimal initialMargin,
        BigDecimal positionInitialMargin,
        BigDecimal openOrderInitialMargin,
        BigDecimal crossWalletBalance,
        BigDecimal crossUnPnl,
        BigDecimal availableBalance,
        BigDecimal maxWithdrawAmount,
        @JsonDeserialize(using = InstantMillis.class) Instant updateTime) {
}
