package dev.relaykit.binance.futures.stream;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * COIN-M index price, from {@code <pair>@indexPrice[@1s]} (COIN-M "Index Price Stream").
 *
 * <pre>{@code
 * futuresStreams.subscribe(FuturesStream.indexPrice("BTCUSD"), i -> System.out.println(i.indexPrice()));
 * }</pre>
 *
 * @param eventTime {@code E}
 * @param pair {@code i}
 * @param indexPrice {@code p}
 */
public record IndexPriceEvent(
        @JsonProperty("E") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant eventTime,
        @JsonProperty("i") String pair,
        @JsonProperty("p") BigDecimal indexPrice) {
}
