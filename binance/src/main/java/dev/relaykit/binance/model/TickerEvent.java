package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * 24-hour rolling-window ticker, from {@code <symbol>@ticker} (Binance "WebSocket Streams",
 * Individual Symbol Ticker Streams).
 *
 * @param eventTime when Binance sent the event ({@code E})
 * @param symbol the symbol ({@code s})
 * @param priceChange price change ({@code p})
 * @param priceChangePercent price change percent ({@code P})
 * @param weightedAveragePrice weighted average price ({@code w})
 * @param firstTradeBeforeWindowPrice price of the last trade before the window ({@code x})
 * @param lastPrice last price ({@code c})
 * @param lastQuantity last quantity ({@code Q})
 * @param bidPrice best bid price ({@code b})
 * @param bidQuantity best bid quantity ({@code B})
 * @param askPrice best ask price ({@code a})
 * @param askQuantity best ask quantity ({@code A})
 * @param open open price ({@code o})
 * @param high high price ({@code h})
 * @param low low price ({@code l})
 * @param volume total traded base asset volume ({@code v})
 * @param quoteVolume total traded quote asset volume ({@code q})
 * @param openTime statistics open time ({@code O})
 * @param closeTime statistics close time ({@code C})
 * @param firstTradeId first trade id ({@code F})
 * @param lastTradeId last trade id ({@code L})
 * @param tradeCount number of trades ({@code n})
 */
public record TickerEvent(
        @JsonProperty("E") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant eventTime,
        @JsonProperty("s") String symbol,
        @JsonProperty("p") BigDecimal priceChange,
        @JsonProperty("P") BigDecimal priceChangePercent,
        @JsonProperty("w") BigDecimal weightedAveragePrice,
        @JsonProperty("x") BigDecimal firstTradeBeforeWindowPrice,
        @JsonProperty("c") BigDecimal lastPrice,
        @JsonProperty("Q") BigDecimal lastQuantity,
        @JsonProperty("b") BigDecimal bidPrice,
        @JsonProperty("B") BigDecimal bidQuantity,
        @JsonProperty("a") BigDecimal askPrice,
        @JsonProperty("A") BigDecimal askQuantity,
        @JsonProperty("o") BigDecimal open,
        @JsonProperty("h") BigDecimal high,
        @JsonProperty("l") BigDecimal low,
        @JsonProperty("v") BigDecimal volume,
        @JsonProperty("q") BigDecimal quoteVolume,
        @JsonProperty("O") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant openTime,
        @JsonProperty("C") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant closeTime,
        @JsonProperty("F") long firstTradeId,
        @JsonProperty("L") long lastTradeId,
        @JsonProperty("n") long tradeCount) {
}
