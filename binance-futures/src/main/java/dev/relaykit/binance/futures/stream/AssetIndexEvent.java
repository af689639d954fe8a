package dev.relaykit.binance.futures.stream;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A Multi-Assets mode asset index, from {@code <assetSymbol>@assetIndex} or {@code !assetIndex@arr} (USD-M
 * "Multi-Assets Mode Asset Index", every second, on {@code /market}): the rates at which an asset counts as margin.
 *
 * <pre>{@code
 * futuresStreams.subscribe(FuturesStream.allAssetIndexes(), list -> list.forEach(a -> System.out.println(a.symbol() + " " + a.bidRate())));
 * }</pre>
 *
 * @param eventTime {@code E}
 * @param symbol {@code s}, the asset index symbol, e.g. {@code ADAUSD}
 * @param indexPrice {@code i}
 * @param bidBuffer {@code b}
 * @param askBuffer {@code a}
 * @param bidRate {@code B}
 * @param askRate {@code A}
 * @param autoExchangeBidBuffer {@code q}
 * @param autoExchangeAskBuffer {@code g}
 * @param autoExchangeBidRate {@code Q}
 * @param autoExchangeAskRate {@code G}
 */
public record AssetIndexEvent(
        @JsonProperty("E") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant eventTime,
        @JsonProperty("s") String symbol,
        @JsonProperty("i") BigDecimal indexPrice,
        @JsonProperty("b") BigDecimal bidBuffer,
        @JsonProperty("a") BigDecimal askBuffer,
        @JsonProperty("B") BigDecimal bidRate,
        @JsonProperty("A") BigDecimal askRate,
        @JsonProperty("q") BigDecimal autoExchangeBidBuffer,
        @JsonProperty("g") BigDecimal autoExchangeAskBuffer,
        @JsonProperty("Q") BigDecimal autoExchangeBidRate,
        @JsonProperty("G") BigDecimal autoExchangeAskRate) {
}
