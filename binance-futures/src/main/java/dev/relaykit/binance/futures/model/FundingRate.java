package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One funding rate of the history ({@code GET /fapi/v1/fundingRate}).
 *
 * @param symbol symbol
 * @param fundingRate the rate
 * @param fundingTime when it was charged
 * @param markPrice the mark price then (USD-M)
 */
public record FundingRate(
        String symbol,
        BigDecimal fundingRate,
        @JsonDeserialize(using = InstantMillis.class) Instant fundingTime,
        BigDecimal markPrice) {
}
