package dev.relaykit.binance.futures.stream;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A liquidation order, from {@code <symbol>@forceOrder} and {@code !forceOrder@arr} ("Liquidation
 * Order Streams"): per symbol, the latest one within each second.
 *
 * <pre>{@code
 * futuresStreams.subscribe(FuturesStream.forceOrder("BTCUSDT"), f -> System.out.println(f.order().side() + " " + f.order().quantity()));
 * }</pre>
 *
 * @param eventTime {@code E}
 * @param order {@code o}
 */
public record ForceOrderEvent(
        @JsonProperty("E") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant eventTime,
        @JsonProperty("o") Order order) {

    /**
     * The liquidation order.
     *
     * @param symbol {@code s}
     * @param pair {@code ps} (COIN-M), else {@code null}
     * @param side {@code S}, {@code BUY} or {@code SELL}
     * @param type {@code o}
     * @param timeInForce {@code f}
     * @param quantity {@code q}
     * @param price {@code p}
     * @param averagePrice {@code ap}
     * @param status {@code X}
     * @param lastFilledQuantity {@code l}
     * @param filledQuantity {@code z}
     * @param tradeTime {@code T}
     */
    public record Order(
            @JsonProperty("s") String symbol,
            @JsonProperty("ps") String pair,
            @JsonProperty("S") String side,
            @JsonProperty("o") String type,
            @JsonProperty("f") String timeInForce,
            @JsonProperty("q") BigDecimal quantity,
            @JsonProperty("p") BigDecimal price,
            @JsonProperty("ap") BigDecimal averagePrice,
            @JsonProperty("X") String status,
            @JsonProperty("l") BigDecimal lastFilledQuantity,
            @JsonProperty("z") BigDecimal filledQuantity,
            @JsonProperty("T") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant tradeTime) {
    }
}
