package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A public trade on a symbol, as {@code GET /api/v3/trades} and {@code GET /api/v3/historicalTrades}
 * return it.
 *
 * @param id the trade id
 * @param price the price
 * @param qty the quantity (base asset)
 * @param quoteQty the quote asset quantity ({@code price * qty})
 * @param time when the trade happened
 * @param buyerMaker {@code true} if the buyer was the maker (so the taker sold); JSON {@code isBuyerMaker}
 * @param bestMatch whether the trade was the best price match; JSON {@code isBestMatch}
 */
public record MarketTrade(
        long id,
        BigDecimal price,
        BigDecimal qty,
        BigDecimal quoteQty,
        @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant time,
        @JsonProperty("isBuyerMaker") boolean buyerMaker,
        @JsonProperty("isBestMatch") boolean bestMatch) {
}
