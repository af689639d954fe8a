package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The average price over a fixed interval, from {@code <symbol>@avgPrice} (Binance "WebSocket
 * Streams", Average Price).
 *
 * @param eventTime when Binance sent the event ({@code E})
 * @param symbol the symbol ({@code s})
 * @param intervalCode the averaging interval, e.g. {@code 5m} ({@code i})
 * @param price the average price ({@code w})
 * @param lastTradeTime time of the last trade ({@code T})
 */
public record AvgPriceEvent(
        @JsonProperty("E") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant eventTime,
        @JsonProperty("s") String symbol,
        @JsonProperty("i") String intervalCode,
        @JsonProperty("w") BigDecimal price,
        @JsonProperty("T") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant lastTradeTime) {
}
