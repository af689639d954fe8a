package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An update of the current candle, from {@code <symbol>@kline_<interval>} and
 * {@code <symbol>@kline_<interval>@+08:00} (Binance "WebSocket Streams", Kline/Candlestick Streams).
 * Times are instants (UTC) either way; the offset only moves where candles open and close.
 *
 * @param eventTime when Binance sent the event ({@code E})
 * @param symbol the symbol ({@code s})
 * @param kline the candle ({@code k})
 */
public record KlineEvent(
        @JsonProperty("E") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant eventTime,
        @JsonProperty("s") String symbol,
        @JsonProperty("k") Candle kline) {

    /**
     * The candle in a {@link KlineEvent}.
     *
     * @param openTime start of the candle ({@code t})
     * @param closeTime end of the candle ({@code T})
     * @param symbol the symbol ({@code s})
     * @param intervalCode the interval code, e.g. {@code 1m} ({@code i}); see {@link #interval()}
     * @param firstTradeId first trade id ({@code f})
     * @param lastTradeId last trade id ({@code L})
     * @param open open price ({@code o})
     * @param close close (latest) price ({@code c})
     * @param high high price ({@code h})
     * @param low low price ({@code l})
     * @param volume base asset volume ({@code v})
     * @param tradeCount number of trades ({@code n})
     * @param closed whether this candle is final ({@code x})
     * @param quoteVolume quote asset volume ({@code q})
     * @param takerBuyBaseVolume taker buy base asset volume ({@code V})
     * @param takerBuyQuoteVolume taker buy quote asset volume ({@code Q})
     */
    public record Candle(
            @JsonProperty("t") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant openTime,
            @JsonProperty("T") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant closeTime,
            @JsonProperty("s") String symbol,
            @JsonProperty("i") String intervalCode,
            @JsonProperty("f") long firstTradeId,
            @JsonProperty("L") long lastTradeId,
            @JsonProperty("o") BigDecimal open,
            @JsonProperty("c") BigDecimal close,
            @JsonProperty("h") BigDecimal high,
            @JsonProperty("l") BigDecimal low,
            @JsonProperty("v") BigDecimal volume,
            @JsonProperty("n") long tradeCount,
            @JsonProperty("x") boolean closed,
            @JsonProperty("q") BigDecimal quoteVolume,
            @JsonProperty("V") BigDecimal takerBuyBaseVolume,
            @JsonProperty("Q") BigDecimal takerBuyQuoteVolume) {

        /** @return the interval, or {@code null} for a code this version does not know */
        public KlineInterval interval() {
            return KlineInterval.find(intervalCode);
        }
    }
}
