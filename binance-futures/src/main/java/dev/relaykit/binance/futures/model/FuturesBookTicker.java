package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Best bid and ask ({@code GET /fapi/v1/ticker/bookTicker}).
 *
 * @param symbol symbol
 * @param pair COIN-M: pair
 * @param bidPrice best bid
 * @param bidQty its quantity
 * @param askPrice best ask
 * @param askQty its quantity
 * @param time transaction time
 */
public record FuturesBookTicker(
        String symbol,
        String pair,
        BigDecimal bidPrice,
        BigDecimal bidQty,
        BigDecimal askPrice,
        BigDecimal askQty,
        @JsonDeserialize(using = InstantMillis.class) Instant time) {
}
