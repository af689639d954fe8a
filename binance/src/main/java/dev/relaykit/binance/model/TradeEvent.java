package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One trade from the {@code <symbol>@trade} stream (Binance "WebSocket Streams", Trade Streams).
 * Binance no longer sends buyer and seller order ids in this stream.
 *
 * @param eventTime when Binance sent the event ({@code E})
 * @param symbol the symbol ({@code s})
 * @param tradeId the trade id ({@code t})
 * @param price the price ({@code p})
 * @param quantity the quantity ({@code q})
 * @param tradeTime when the trade happened ({@code T})
 * @param buyerMaker whether the buyer was the maker ({@code m})
 */
public record TradeEvent(
        @JsonProperty("E") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant eventTime,
        @JsonProperty("s") String symbol,
        @JsonProperty("t") long tradeId,
        @JsonProperty("p") BigDecimal price,
        @JsonProperty("q") BigDecimal quantity,
        @JsonProperty("T") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant tradeTime,
        @JsonProperty("m") boolean buyerMaker) {
}
