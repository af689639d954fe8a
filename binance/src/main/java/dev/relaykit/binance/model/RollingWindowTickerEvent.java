package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Rolling-window ticker (1h, 4h or 1d), from {@code <symbol>@ticker_<window>} and (as array
 * elements) {@code !ticker_<window>@arr} (Binance "WebSocket Streams", Rolling Window Statistics
 * Streams). The open time starts on a minute, so the window may be up to 59999 ms wider.
 *
 * @param eventType {@code 1hTicker}, {@code 4hTicker} or {@code 1dTicker} ({@code e})
 * @param eventTime when Binance sent the event ({@code E})
 * @param symbol the symbol ({@code s})
 * @param priceChange price change ({@code p})
 * @param priceChangePercent price change percent ({@code P})
 * @param open open price ({@code o})
 * @param high high price ({@code h})
 * @param low low price ({@code l})
 * @param lastPrice last price ({@code c})
 * @param weightedAveragePrice weighted average price ({@code w})
 * @param volume total traded base asset volume ({@code v})
 * @param quoteVolume total traded quote asset volume ({@code q})
 * @param openTime statistics open time ({@code O})
 * @param closeTime statistics close time ({@code C})
 * @param firstTradeId first trade id ({@code F})
 * @param lastTradeId last trade id ({@code L})
 * @param tradeCount number of trades ({@code n})
 */
public record RollingWindowTickerEvent(
        @JsonProperty("e") String eventType,
        @JsonProperty("E") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant eventTime,
        @JsonProperty("s") String symbol,
        @JsonProperty("p") BigDecimal priceChange,
        @JsonProperty("P") BigDecimal priceChangePercent,
        @JsonProperty("o") BigDecimal open,
        @JsonProperty("h") BigDecimal high,
        @JsonProperty("l") BigDecimal low,
        @JsonProperty("c") BigDecimal lastPrice,
        @JsonProperty("w") BigDecimal weightedAveragePrice,
        @JsonProperty("v") BigDecimal volume,
        @JsonProperty("q") BigDecimal quoteVolume,
        @JsonProperty("O") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant openTime,
        @JsonProperty("C") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant closeTime,
        @JsonProperty("F") long firstTradeId,
        @JsonProperty("L") long lastTradeId,
        @JsonProperty("n") long tradeCount) {

    /** @return the window code from the event type, e.g. {@code 1h}, or the event type as is if it has no {@code Ticker} suffix */
    public String windowCode() {
        return eventType != null && eventType.endsWith("Ticker")
                ? eventType.substring(0, eventType.length() - "Ticker".length()) : eventType;
    }
}
