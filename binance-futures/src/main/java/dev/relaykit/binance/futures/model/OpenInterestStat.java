package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Open interest over time ({@code GET /futures/data/openInterestHist}).
 *
 * @param symbol symbol
 * @param sumOpenInterest total open interest
 * @param sumOpenInterestValue its value
 * @param cmcCirculatingSupply circulating supply reported by CoinMarketCap
 * @param time time
 */
public record OpenInterestStat(
        String symbol,
        BigDecimal sumOpenInterest,
        BigDecimal sumOpenInterestValue,
        @JsonProperty("CMCCirculatingSupply") BigDecimal cmcCirculatingSupply,
        @JsonProperty("timestamp") @JsonDeserialize(using = InstantMillis.class) Instant time) {
}
