package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The latest price of a contract ({@code GET /fapi/v1/ticker/price}).
 *
 * @param symbol symbol
 * @param ps COIN-M: the pair
 * @param price price
 * @param time transaction time
 */
public record FuturesPriceTicker(
        String symbol,
        String ps,
        BigDecimal price,
        @JsonDeserialize(using = InstantMillis.class) Instant time) {
}
