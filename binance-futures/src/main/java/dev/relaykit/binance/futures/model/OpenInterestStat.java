package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Open interest over time ({@code GET /futures/data/openInterestHist}). USD-M answers per symbol, COIN-M per pair
 * and contract type (in contracts, valued in the base asset).
 *
 * @param symbol symbol (USD-M), else {@code null}
 * @param pair pair (COIN-M), else {@code null}
 * @param contractType contract type (COIN-M), else {@code null}
 * @param sumOpenInterest total open interest
 * @param sumOpenInterestValue its value
 * @param cmcCirculatingSupply circulating supply reported by CoinMarketCap (USD-M)
 * @param time time
 */
public record OpenInterestStat(
        String symbol,
        String pair,
        ContractType contractType,
        BigDecimal sumOpenInterest,
        BigDecimal sumOpenInterestValue,
        @JsonProperty("CMCCirculatingSupply") BigDecimal cmcCirculatingSupply,
        @JsonProperty("timestamp") @JsonDeserialize(using = InstantMillis.class) Instant time) {
}
