package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Present open interest of a contract ({@code GET /fapi/v1/openInterest}).
 *
 * @param symbol symbol
 * @param pair COIN-M: pair
 * @param contractType COIN-M: the contract type
 * @param openInterest open interest (USD-M: base asset; COIN-M: contracts)
 * @param time transaction time
 */
public record OpenInterest(
        String symbol,
        String pair,
        ContractType contractType,
        BigDecimal openInterest,
        @JsonDeserialize(using = InstantMillis.class) Instant time) {
}
