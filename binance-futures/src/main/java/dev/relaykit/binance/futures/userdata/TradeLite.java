package dev.relaykit.binance.futures.userdata;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code TRADE_LITE}: a fill, with fewer fields and less latency than {@link OrderTradeUpdate}
 * (USD-M only, "Event: Trade Lite").
 *
 * <pre>{@code
 * if (event instanceof TradeLite t) System.out.println(t.lastFilledQuantity() + " @ " + t.lastFilledPrice());
 * }</pre>
 *
 * @param eventTime {@code E}
 * @param transactionTime {@code T}
 * @param symbol {@code s}
 * @param quantity {@code q}
 * @param price {@code p}
 * @param maker {@code m}
 * @param clientOrderId {@code c}
 * @param side {@code S}
 * @param lastFilledPrice {@code L}
 * @param lastFilledQuantity {@code l}
 * @param tradeId {@code t}
 * @param orderId {@code i}
 */
public record TradeLite(
        @JsonProperty("E") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant eventTime,
        @JsonProperty("T") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant transactionTime,
        @JsonProperty("s") String symbol,
        @JsonProperty("q") BigDecimal quantity,
        @JsonProperty("p") BigDecimal price,
        @JsonProperty("m") boolean maker,
        @JsonProperty("c") String clientOrderId,
        @JsonProperty("S") String side,
        @JsonProperty("L") BigDecimal lastFilledPrice,
        @JsonProperty("l") BigDecimal lastFilledQuantity,
        @JsonProperty("t") long tradeId,
        @JsonProperty("i") long orderId) implements FuturesUserDataEvent {

    @Override
    public String eventType() {
        return "TRADE_LITE";
    }
}
