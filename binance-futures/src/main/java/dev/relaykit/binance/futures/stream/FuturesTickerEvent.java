package dev.relaykit.binance.futures.stream;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * 24 h rolling statistics, from {@code <symbol>@ticker} and {@code !ticker@arr} ("Individual
 * Symbol Ticker Streams"). COIN-M adds {@code ps} (pair) and a base volume in {@code q}.
 *
 * <pre>{@code
 * futuresStreams.subscribe(FuturesStream.ticker("BTCUSDT"), t -> System.out.println(t.lastPrice()));
 * }</pre>
 *
 * @param eventTime {@code E}
 * @param symbol {@code s}
 * @param pair {@code ps} (COIN-M), else {@code null}
 * @param priceChange {@code p}
 * @param priceChangePercent {@code P}
 * @param weightedAveragePrice {@code w}
 * @param lastPrice {@code c}
 * @param lastQuantity {@code Q}
 * @param openPrice {@code o}
 * @param highPrice {@code h}
 * @param lowPrice {@code l}
 * @param volume {@code v}
 * @param quoteVolume {@code q}
 * @param openTime {@code O}
 * @param closeTime {@code C}
 * @param firstTradeId {@code F}
 * @param lastTradeId {@code L}
 * @param tradeCount {@code n}
 */
public record FuturesTickerEvent(
        @JsonProperty("E") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant eventTime,
        @JsonProperty("s") String symbol,
        @JsonProperty("ps") String pair,
        @JsonProperty("p") BigDecimal priceChange,
        @JsonProperty("P") BigDecimal priceChangePercent,
        @JsonProperty("w") BigDecimal weightedAveragePrice,
        @JsonProperty("c") BigDecimal lastPrice,
        @JsonProperty("Q") BigDecimal lastQuantity,
        @JsonProperty("o") BigDecimal openPrice,
        @JsonProperty("h") BigDecimal highPrice,
        @JsonProperty("l") BigDecimal lowPrice,
        @JsonProperty("v") BigDecimal volume,
        @JsonProperty("q") BigDecimal quoteVolume,
        @JsonProperty("O") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant openTime,
        @JsonProperty("C") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant closeTime,
        @JsonProperty("F") long firstTradeId,
        @JsonProperty("L") long lastTradeId,
        @JsonProperty("n") long tradeCount) {
}
