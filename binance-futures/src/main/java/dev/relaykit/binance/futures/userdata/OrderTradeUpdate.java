package dev.relaykit.binance.futures.userdata;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code ORDER_TRADE_UPDATE}: an order was created, traded, or changed status ("Event: Order
 * Update").
 *
 * <pre>{@code
 * if (event instanceof OrderTradeUpdate u && "TRADE".equals(u.order().executionType())) {
 *     System.out.println(u.order().lastFilledQuantity() + " @ " + u.order().lastFilledPrice());
 * }
 * }</pre>
 *
 * @param eventTime {@code E}
 * @param transactionTime {@code T}
 * @param order {@code o}
 */
public record OrderTradeUpdate(
        @JsonProperty("E") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant eventTime,
        @JsonProperty("T") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant transactionTime,
        @JsonProperty("o") Order order) implements FuturesUserDataEvent {

    @Override
    public String eventType() {
        return "ORDER_TRADE_UPDATE";
    }

    /**
     * The order.
     *
     * @param symbol {@code s}
     * @param clientOrderId {@code c} ({@code autoclose-...}: liquidation; {@code adl_autoclose}: ADL)
     * @param side {@code S}
     * @param type {@code o}
     * @param timeInForce {@code f}
     * @param quantity {@code q}
     * @param price {@code p}
     * @param averagePrice {@code ap}
     * @param stopPrice {@code sp}
     * @param executionType {@code x}: NEW, TRADE, CANCELED, CALCULATED, EXPIRED, AMENDMENT
     * @param status {@code X}
     * @param orderId {@code i}
     * @param lastFilledQuantity {@code l}
     * @param filledQuantity {@code z}
     * @param lastFilledPrice {@code L}
     * @param commissionAsset {@code N}
     * @param commission {@code n}
     * @param tradeTime {@code T}
     * @param tradeId {@code t}
     * @param maker {@code m}
     * @param reduceOnly {@code R}
     * @param workingType {@code wt}
     * @param originalType {@code ot}
     * @param positionSide {@code ps}
     * @param closePosition {@code cp}
     * @param activationPrice {@code AP}
     * @param callbackRate {@code cr}
     * @param realizedProfit {@code rp}
     * @param selfTradePrevention {@code V}
     * @param priceMatch {@code pm}
     * @param goodTillDate {@code gtd}
     * @param expiryReason {@code er}, the reason an order expired (added 2025); {@code null} where not sent
     */
    public record Order(
            @JsonProperty("s") String symbol,
            @JsonProperty("c") String clientOrderId,
            @JsonProperty("S") String side,
            @JsonProperty("o") String type,
            @JsonProperty("f") String timeInForce,
            @JsonProperty("q") BigDecimal quantity,
            @JsonProperty("p") BigDecimal price,
            @JsonProperty("ap") BigDecimal averagePrice,
            @JsonProperty("sp") BigDecimal stopPrice,
            @JsonProperty("x") String executionType,
            @JsonProperty("X") String status,
            @JsonProperty("i") long orderId,
            @JsonProperty("l") BigDecimal lastFilledQuantity,
            @JsonProperty("z") BigDecimal filledQuantity,
            @JsonProperty("L") BigDecimal lastFilledPrice,
            @JsonProperty("N") String commissionAsset,
            @JsonProperty("n") BigDecimal commission,
            @JsonProperty("T") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant tradeTime,
            @JsonProperty("t") long tradeId,
            @JsonProperty("m") boolean maker,
            @JsonProperty("R") boolean reduceOnly,
            @JsonProperty("wt") String workingType,
            @JsonProperty("ot") String originalType,
            @JsonProperty("ps") String positionSide,
            @JsonProperty("cp") boolean closePosition,
            @JsonProperty("AP") BigDecimal activationPrice,
            @JsonProperty("cr") BigDecimal callbackRate,
            @JsonProperty("rp") BigDecimal realizedProfit,
            @JsonProperty("V") String selfTradePrevention,
            @JsonProperty("pm") String priceMatch,
            @JsonProperty("gtd") long goodTillDate,
            @JsonProperty("er") String expiryReason) {
    }
}
