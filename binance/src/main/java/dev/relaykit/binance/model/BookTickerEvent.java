package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Best bid and ask, pushed on every change, from {@code <symbol>@bookTicker} (Binance "WebSocket
 * Streams", Individual Symbol Book Ticker Streams). The payload has no event time.
 *
 * @param updateId the order book update id ({@code u}); it jumps, so gaps in it mean nothing
 * @param symbol the symbol ({@code s})
 * @param bidPrice best bid price ({@code b})
 * @param bidQuantity best bid quantity ({@code B})
 * @param askPrice best ask price ({@code a})
 * @param askQuantity best ask quantity ({@code A})
 */
public record BookTickerEvent(
        @JsonProperty("u") long updateId,
        @JsonProperty("s") String symbol,
        @JsonProperty("b") BigDecimal bidPrice,
        @JsonProperty("B") BigDecimal bidQuantity,
        @JsonProperty("a") BigDecimal askPrice,
        @JsonProperty("A") BigDecimal askQuantity) {
}
