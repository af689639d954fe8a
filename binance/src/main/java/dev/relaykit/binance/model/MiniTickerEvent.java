package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * 24-hour rolling-window mini ticker, from {@code <symbol>@miniTicker} and (as array elements)
 * {@code !miniTicker@arr} (Binance "WebSocket Streams", Mini Ticker Streams).
 *
 * @param eventTime when Binance sent the event ({@code E})
 * @param symbol the symbol ({@code s})
 * @param close last price ({@code c})
 * @param open open price ({@code o})
 * @param high high price ({@code h})
 * @param low low price ({@code l})
 * @param volume total traded base asset volume ({@code v})
 * @param quoteVolume total traded quote asset volume ({@code q})
 */
public record MiniTickerEvent(
        @JsonProperty("E") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant eventTime,
        @JsonProperty("s") String symbol,
        @JsonProperty("c") BigDecimal close,
        @JsonProperty("o") BigDecimal open,
        @JsonProperty("h") BigDecimal high,
        @JsonProperty("l") BigDecimal low,
        @JsonProperty("v") BigDecimal volume,
        @JsonProperty("q") BigDecimal quoteVolume) {
}
