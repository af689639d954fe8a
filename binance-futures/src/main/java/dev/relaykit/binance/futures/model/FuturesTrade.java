package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A public trade ({@code GET /fapi/v1/trades}, {@code /historicalTrades}).
 *
 * @param id trade id
 * @param price price
 * @param qty quantity
 * @param quoteQty quote quantity (USD-M)
 * @param baseQty base quantity (COIN-M)
 * @param time trade time
 * @param buyerMaker whether the buyer was the maker
 * @param rpiTrade whether an RPI order took part (USD-M)
 */
public record FuturesTrade(
        long id,
        BigDecimal price,
        BigDecimal qty,
        BigDecimal quoteQty,
        BigDecimal baseQty,
        @JsonDeserialize(using = InstantMillis.class) Instant time,
        @JsonProperty("isBuyerMaker") boolean buyerMaker,
        @JsonProperty("isRPITrade") Boolean rpiTrade) {
}
