package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A conditional order in USD-M's algo-order service ({@code POST/GET /fapi/v1/algoOrder}, open and all algo orders). Once triggered, {@code actualOrderId} names the order it placed in the matching engine.
 *
 * <pre>{@code
 * AlgoOrder stop = usdm.algo().newOrder(NewFuturesOrder.stopMarket("BTCUSDT", OrderSide.SELL,
 *         new BigDecimal("0.01"), new BigDecimal("58000")));
 * System.out.println(stop.algoId() + " " + stop.algoStatus());
 * }</pre>
 *
 * @param algoId the algo order id
 * @param clientAlgoId the client's id
 * @param algoType {@code CONDITIONAL}
 * @param orderType the conditional type
 * @param symbol symbol
 * @param side side
 * @param positionSide position side
 * @param timeInForce time in force
 * @param quantity quantity
 * @param algoStatus status in the algo service
 * @param triggerPrice trigger price
 * @param price limit price (STOP, TAKE_PROFIT)
 * @param icebergQuantity iceberg quantity as sent (the docs show the text {@code "null"})
 * @param selfTradePreventionMode self-trade prevention
 * @param workingType trigger price type
 * @param priceMatch price match
 * @param closePosition close-all
 * @param priceProtect price protection
 * @param reduceOnly reduce only
 * @param activatePrice trailing stop activation price
 * @param callbackRate trailing stop callback rate
 * @param actualOrderId the matching-engine order it placed once triggered (empty before)
 * @param actualPrice that order's price
 * @param actualType that order's type
 * @param actualQty that order's quantity
 * @param createTime creation time
 * @param updateTime last update
 * @param triggerTime trigger time (the epoch until triggered: Binance sends 0)
 * @param goodTillDate GTD cancel time, epoch ms (0 if none)
 */
public record AlgoOrder(
        long algoId,
        String clientAlgoId,
        String algoType,
        FuturesOrderType orderType,
        String symbol,
        dev.relaykit.binance.model.OrderSide side,
        PositionSide positionSide,
        FuturesTimeInForce timeInForce,
        BigDecimal quantity,
        AlgoStatus algoStatus,
        BigDecimal triggerPrice,
        BigDecimal price,
        String icebergQuantity,
        dev.relaykit.binance.model.SelfTradePreventionMode selfTradePreventionMode,
        WorkingType workingType,
        PriceMatch priceMatch,
        Boolean closePosition,
        Boolean priceProtect,
        Boolean reduceOnly,
        BigDecimal activatePrice,
        BigDecimal callbackRate,
        String actualOrderId,
        BigDecimal actualPrice,
        FuturesOrderType actualType,
        BigDecimal actualQty,
        @JsonDeserialize(using = InstantMillis.class) Instant createTime,
        @JsonDeserialize(using = InstantMillis.class) Instant updateTime,
        @JsonDeserialize(using = InstantMillis.class) Instant triggerTime,
        Long goodTillDate) {
}
