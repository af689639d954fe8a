package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One aggregate trade: the fills of a single taker order at one price, from the
 * {@code <symbol>@aggTrade} stream (Binance "WebSocket Streams", Aggregate Trade Streams).
 *
 * @param eventTime when Binance sent the event ({@code E})
 * @param symbol the symbol, upper case ({@code s})
 * @param aggregateTradeId the aggregate trade id ({@code a})
 * @param price the price ({@code p})
 * @param quantity the quantity ({@code q})
 * @param firstTradeId the first trade id in the aggregate ({@code f})
 * @param lastTradeId the last trade id in the aggregate ({@code l})
 * @param tradeTime when the trade happened ({@code T})
 * @param buyerMaker whether the buyer was the maker ({@code m}), i.e. the taker sold
 */
public record AggTradeEvent(
        @JsonProperty("E") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant eventTime,
        @JsonProperty("s") String symbol,
        @JsonProperty("a") long aggregateTradeId,
        @JsonProperty("p") BigDecimal price,
        @JsonProperty("q") BigDecimal quantity,
        @JsonProperty("f") long firstTradeId,
        @JsonProperty("l") long lastTradeId,
        @JsonProperty("T") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant tradeTime,
        @JsonProperty("m") boolean buyerMaker) {
}
