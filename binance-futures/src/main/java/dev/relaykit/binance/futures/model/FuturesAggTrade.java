package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An aggregate trade ({@code GET /fapi/v1/aggTrades}): fills of one taker order at one price.
 *
 * @param id aggregate trade id
 * @param price price
 * @param quantity quantity
 * @param normalQuantity quantity of normal market trades only, without RPI orders ({@code nq}, USD-M since 2025-12-31)
 * @param firstTradeId first trade id
 * @param lastTradeId last trade id
 * @param time time
 * @param buyerMaker whether the buyer was the maker
 */
public record FuturesAggTrade(
        @JsonProperty("a") long id,
        @JsonProperty("p") BigDecimal price,
        @JsonProperty("q") BigDecimal quantity,
        @JsonProperty("nq") BigDecimal normalQuantity,
        @JsonProperty("f") long firstTradeId,
        @JsonProperty("l") long lastTradeId,
        @JsonProperty("T") @JsonDeserialize(using = InstantMillis.class) Instant time,
        @JsonProperty("m") boolean buyerMaker) {
}
