package dev.relaykit.binance.futures.model;

import java.math.BigDecimal;

/**
 * A contract's funding settings where they differ from the default ({@code GET /fapi/v1/fundingInfo}).
 *
 * @param symbol symbol
 * @param adjustedFundingRateCap funding rate cap
 * @param adjustedFundingRateFloor funding rate floor
 * @param fundingIntervalHours hours between fundings
 * @param disclaimer whether a disclaimer applies
 */
public record FundingInfo(
        String symbol,
        BigDecimal adjustedFundingRateCap,
        BigDecimal adjustedFundingRateFloor,
        int fundingIntervalHours,
        Boolean disclaimer) {
}
