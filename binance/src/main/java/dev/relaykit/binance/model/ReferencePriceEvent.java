package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The reference price of a symbol, from {@code <symbol>@referencePrice} (Binance "WebSocket
 * Streams", Reference Price Streams).
 *
 * @param symbol the symbol ({@code s})
 * @param referencePrice the reference price, or {@code null} when there is none ({@code r})
 * @param time the engine time at which the price was valid ({@code t})
 */
public record ReferencePriceEvent(
        @JsonProperty("s") String symbol,
        @JsonProperty("r") BigDecimal referencePrice,
        @JsonProperty("t") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant time) {
}
