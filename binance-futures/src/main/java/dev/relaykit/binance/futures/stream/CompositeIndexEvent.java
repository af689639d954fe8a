package dev.relaykit.binance.futures.stream;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A composite index's price and composition, from {@code <symbol>@compositeIndex} (USD-M "Composite Index Symbol
 * Information Streams", every second, on {@code /market}).
 *
 * <pre>{@code
 * futuresStreams.subscribe(FuturesStream.compositeIndex("DEFIUSDT"),
 *         i -> System.out.println(i.price() + " from " + i.composition().size() + " assets"));
 * }</pre>
 *
 * @param eventTime {@code E}
 * @param symbol {@code s}, the index symbol
 * @param price {@code p}, the index price
 * @param compositionType {@code C}, what the weights are in (the page shows {@code baseAsset})
 * @param composition {@code c}, one entry per asset
 */
public record CompositeIndexEvent(
        @JsonProperty("E") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant eventTime,
        @JsonProperty("s") String symbol,
        @JsonProperty("p") BigDecimal price,
        @JsonProperty("C") String compositionType,
        @JsonProperty("c") List<Component> composition) {

    /**
     * One asset of the index.
     *
     * @param baseAsset {@code b}
     * @param quoteAsset {@code q}
     * @param weightInQuantity {@code w}
     * @param weightInPercentage {@code W}, a fraction ({@code 0.014578} is 1.4578 %)
     * @param indexPrice {@code i}, the asset's index price
     */
    public record Component(
            @JsonProperty("b") String baseAsset,
            @JsonProperty("q") String quoteAsset,
            @JsonProperty("w") BigDecimal weightInQuantity,
            @JsonProperty("W") BigDecimal weightInPercentage,
            @JsonProperty("i") BigDecimal indexPrice) {
    }
}
