package dev.relaykit.binance.futures.userdata;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code ALGO_UPDATE}: a conditional (algo) order was created, triggered, finished, canceled,
 * rejected or expired (USD-M only, "Event: Algo Order Update"). Trigger rejections arrive here
 * (status {@code REJECTED}, reason in {@code rejectReason}) since CONDITIONAL_ORDER_TRIGGER_REJECT
 * was deprecated.
 *
 * <pre>{@code
 * if (event instanceof AlgoUpdate a && "REJECTED".equals(a.order().status())) System.out.println(a.order().rejectReason());
 * }</pre>
 *
 * @param eventTime {@code E}
 * @param transactionTime {@code T}
 * @param order {@code o}
 */
public record AlgoUpdate(
        @JsonProperty("E") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant eventTime,
        @JsonProperty("T") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant transactionTime,
        @JsonProperty("o") Order order) implements FuturesUserDataEvent {

    @Override
    public String eventType() {
        return "ALGO_UPDATE";
    }

    /**
     * The algo order.
     *
     * @param clientAlgoId {@code caid}
     * @param algoId {@code aid}
     * @param algoType {@code at}, e.g. CONDITIONAL
     * @param type {@code o}, e.g. TAKE_PROFIT
     * @param symbol {@code s}
     * @param side {@code S}
     * @param positionSide {@code ps}
     * @param timeInForce {@code f}
     * @param quantity {@code q}
     * @param status {@code X}: NEW, TRIGGERING, TRIGGERED, FINISHED, CANCELED, REJECTED, EXPIRED
     * @param actualOrderId {@code ai}: the order placed in the matching engine once triggered ("" before)
     * @param averagePrice {@code ap} of the triggered order
     * @param filledQuantity {@code aq} of the triggered order
     * @param actualOrderType {@code act}
     * @param triggerPrice {@code tp}
     * @param price {@code p}
     * @param selfTradePrevention {@code V}
     * @param workingType {@code wt}
     * @param priceMatch {@code pm}
     * @param closePosition {@code cp}
     * @param priceProtect {@code pP}
     * @param reduceOnly {@code R}
     * @param triggerTime {@code tt}
     * @param goodTillDate {@code gtd}
     * @param rejectReason {@code rm}
     */
    public record Order(
            @JsonProperty("caid") String clientAlgoId,
            @JsonProperty("aid") long algoId,
            @JsonProperty("at") String algoType,
            @JsonProperty("o") String type,
            @JsonProperty("s") String symbol,
            @JsonProperty("S") String side,
            @JsonProperty("ps") String positionSide,
            @JsonProperty("f") String timeInForce,
            @JsonProperty("q") BigDecimal quantity,
            @JsonProperty("X") String status,
            @JsonProperty("ai") String actualOrderId,
            @JsonProperty("ap") BigDecimal averagePrice,
            @JsonProperty("aq") BigDecimal filledQuantity,
            @JsonProperty("act") String actualOrderType,
            @JsonProperty("tp") BigDecimal triggerPrice,
            @JsonProperty("p") BigDecimal price,
            @JsonProperty("V") String selfTradePrevention,
            @JsonProperty("wt") String workingType,
            @JsonProperty("pm") String priceMatch,
            @JsonProperty("cp") boolean closePosition,
            @JsonProperty("pP") boolean priceProtect,
            @JsonProperty("R") boolean reduceOnly,
            @JsonProperty("tt") long triggerTime,
            @JsonProperty("gtd") long goodTillDate,
            @JsonProperty("rm") String rejectReason) {
    }
}
