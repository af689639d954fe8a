package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Basis of a pair's contract ({@code GET /futures/data/basis}).
 *
 * @param pair pair
 * @param contractType contract type
 * @param futuresPrice futures price
 * @param indexPrice index price
 * @param basis basis
 * @param basisRate basis rate
 * @param annualizedBasisRate annualized basis rate (empty for perpetuals)
 * @param time time
 */
public record Basis(
        String pair,
        ContractType contractType,
        BigDecimal futuresPrice,
        BigDecimal indexPrice,
        BigDecimal basis,
        BigDecimal basisRate,
        BigDecimal annualizedBasisRate,
        @JsonProperty("timestamp") @JsonDeserialize(using = InstantMillis.class) Instant time) {
}
