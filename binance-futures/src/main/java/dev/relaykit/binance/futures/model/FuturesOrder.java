package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A futures order as Binance reports it (new, query, cancel, modify, open and all orders), USD-M and COIN-M. Fields one product does not send are {@code null}: {@code cumQuote} is USD-M, {@code cumBase} and {@code pair} are COIN-M.
 *
 * @param orderId order id
 * @param symbol symbol
 * @param pair COIN-M: pair
 * @param status status
 * @param clientOrderId client order id
 * @param price price
 * @param avgPrice average fill price
 * @param origQty ordered quantity
 * @param executedQty filled quantity
 * @param cumQty cumulative quantity
 * @param cumQuote USD-M: cumulative quote
 * @param cumBase COIN-M: cumulative base
 * @param timeInForce time in force
 * @param type type
 * @param origType the type as placed
 * @param reduceOnly reduce only
 * @param closePosition close-all
 * @param side side
 * @param positionSide position side
 * @param stopPrice trigger price (conditional types)
 * @param workingType trigger price type
 * @param priceProtect price protection
 * @param priceMatch price match
 * @param selfTradePreventionMode self-trade prevention
 * @param goodTillDate GTD cancel time, epoch ms (0 if none)
 * @param activatePrice trailing stop activation price
 * @param priceRate trailing stop callback rate
 * @param modifyId the modification's id (modify)
 * @param time creation time
 * @param updateTime last update
 */
public record FuturesOrder(
        long orderId,
        String symbol,
        String pair,
        FuturesOrderStatus status,
        String clientOrderId,
        BigDecimal price,
        BigDecimal avgPrice,
        BigDecimal origQty,
        BigDecimal executedQty,
        BigDecimal cumQty,
        BigDecimal cumQuote,
        BigDecimal cumBase,
        FuturesTimeInForce timeInForce,
        FuturesOrderType type,
        FuturesOrderType origType,
        Boolean reduceOnly,
        Boolean closePosition,
        dev.relaykit.binance.model.OrderSide side,
        PositionSide positionSide,
        BigDecimal stopPrice,
        WorkingType workingType,
        Boolean priceProtect,
        PriceMatch priceMatch,
        dev.relaykit.binance.model.SelfTradePreventionMode selfTradePreventionMode,
        Long goodTillDate,
        BigDecimal activatePrice,
        BigDecimal priceRate,
        Long modifyId,
        @JsonDeserialize(using = InstantMillis.class) Instant time,
        @JsonDeserialize(using = InstantMillis.class) Instant updateTime) {
}
