package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A position with its risk ({@code GET /fapi/v3/positionRisk}, {@code /dapi/v1/positionRisk}).
 *
 * @param symbol symbol
 * @param positionSide position side
 * @param positionAmt position amount
 * @param entryPrice entry price
 * @param breakEvenPrice break-even price
 * @param markPrice mark price
 * @param unRealizedProfit unrealized profit
 * @param liquidationPrice liquidation price
 * @param isolatedMargin isolated margin
 * @param notional USD-M: notional
 * @param notionalValue COIN-M: notional value
 * @param marginAsset USD-M: margin asset
 * @param isolatedWallet isolated wallet
 * @param initialMargin USD-M: initial margin
 * @param maintMargin USD-M: maintenance margin
 * @param positionInitialMargin USD-M: position initial margin
 * @param openOrderInitialMargin USD-M: open-order initial margin
 * @param adl USD-M: auto-deleverage quantile
 * @param bidNotional USD-M: bid notional
 * @param askNotional USD-M: ask notional
 * @param marginType COIN-M (and USD-M v2): {@code isolated} or {@code cross}
 * @param leverage COIN-M: leverage
 * @param maxQty COIN-M: most quantity at this leverage
 * @param updateTime last update
 */
public record PositionRisk(
        String symbol,
        PositionSide positionSide,
        BigDecimal positionAmt,
        BigDecimal entryPrice,
        BigDecimal breakEvenPrice,
        BigDecimal markPrice,
        BigDecimal unRealizedProfit,
        BigDecimal liquidationPrice,
        BigDecimal isolatedMargin,
        BigDecimal notional,
        BigDecimal notionalValue,
        String marginAsset,
        BigDecimal isolatedWallet,
        BigDecimal initialMargin,
        BigDecimal maintMargin,
        BigDecimal positionInitialMargin,
        BigDecimal openOrderInitialMargin,
        Integer adl,
        BigDecimal bidNotional,
        BigDecimal askNotional,
        String marginType,
        Integer leverage,
        BigDecimal maxQty,
        @JsonDeserialize(using = InstantMillis.class) Instant updateTime) {
}
