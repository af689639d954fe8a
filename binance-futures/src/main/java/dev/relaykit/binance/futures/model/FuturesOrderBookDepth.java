package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.time.Instant;
import java.util.List;

/**
 * An order book snapshot ({@code GET /fapi/v1/depth}, {@code /dapi/v1/depth}). Each level is {@code [price, quantity]}.
 *
 * @param lastUpdateId the book's update id (a local book continues from it)
 * @param messageTime message output time
 * @param transactionTime transaction time
 * @param symbol COIN-M: the symbol
 * @param pair COIN-M: the pair
 * @param bids bids, best first
 * @param asks asks, best first
 */
public record FuturesOrderBookDepth(
        long lastUpdateId,
        @JsonProperty("E") @JsonDeserialize(using = InstantMillis.class) Instant messageTime,
        @JsonProperty("T") @JsonDeserialize(using = InstantMillis.class) Instant transactionTime,
        String symbol,
        String pair,
        List<dev.relaykit.binance.model.PriceLevel> bids,
        List<dev.relaykit.binance.model.PriceLevel> asks) {
}
