package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An aggregate trade ({@code GET /api/v3/aggTrades}): trades that filled at the same time, from the
 * same taker order, at the same price, with their quantity summed. Binance's one-letter JSON names
 * are mapped to readable ones.
 *
 * @param id the aggregate trade id ({@code a})
 * @param price the price ({@code p})
 * @param quantity the summed quantity ({@code q})
 * @param firstTradeId the first trade id included ({@code f})
 * @param lastTradeId the last trade id included ({@code l})
 * @param time when it happened ({@code T})
 * @param buyerMaker {@code true} if the buyer was the maker ({@code m})
 * @param bestMatch whether it was the best price match ({@code M})
 */
public record AggregateTrade(
        @JsonProperty("a") long id,
        @JsonProperty("p") BigDecimal price,
        @JsonProperty("q") BigDecimal quantity,
        @JsonProperty("f") long firstTradeId,
        @JsonProperty("l") long lastTradeId,
        @JsonProperty("T") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant time,
        @JsonProperty("m") boolean buyerMaker,
        @JsonProperty("M") boolean bestMatch) {
}
