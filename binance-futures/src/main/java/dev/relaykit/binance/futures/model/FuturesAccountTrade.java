package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One of your fills ({@code GET /fapi/v1/userTrades}).
 *
 * @param id trade id
 * @param symbol symbol
 * @param pair COIN-M: pair
 * @param orderId order id
 * @param side side
 * @param positionSide position side
 * @param price price
 * @param qty quantity
 * @param quoteQty USD-M: quote quantity
 * @param baseQty COIN-M: base quantity
 * @param realizedPnl realized profit
 * @param commission commission
 * @param commissionAsset commission asset
 * @param buyer whether you bought
 * @param maker whether you were the maker
 * @param time time
 */
public record FuturesAccountTrade(
        long id,
        String symbol,
        String pair,
        long orderId,
        dev.relaykit.binance.model.OrderSide side,
        PositionSide positionSide,
        BigDecimal price,
        BigDecimal qty,
        BigDecimal quoteQty,
        BigDecimal baseQty,
        BigDecimal realizedPnl,
        BigDecimal commission,
        String commissionAsset,
        boolean buyer,
        boolean maker,
        @JsonDeserialize(using = InstantMillis.class) Instant time) {
}
