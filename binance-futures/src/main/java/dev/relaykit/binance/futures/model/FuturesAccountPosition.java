package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One position of futures account information (USD-M v3 lists only symbols with a position or open orders).
 *
 * @param symbol symbol
 * @param positionSide position side
 * @param positionAmt position amount
 * @param unrealizedProfit unrealized profit
 * @param isolatedMargin isolated margin
 * @param notional notional
 * @param isolatedWallet isolated wallet
 * @param initialMargin initial margin
 * @param maintMargin maintenance margin
 * @param leverage COIN-M: leverage
 * @param isolated COIN-M: whether isolated
 * @param entryPrice COIN-M: entry price
 * @param updateTime last update
 */
public record FuturesAccountPosition(
        String symbol,
        PositionSide positionSide,
        BigDecimal positionAmt,
        BigDecimal unrealizedProfit,
        BigDecimal isolatedMargin,
        BigDecimal notional,
        BigDecimal isolatedWallet,
        BigDecimal initialMargin,
        BigDecimal maintMargin,
        Integer leverage,
        Boolean isolated,
        BigDecimal entryPrice,
        @JsonDeserialize(using = InstantMillis.class) Instant updateTime) {
}
