package dev.relaykit.binance.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A Convert order: the answer to {@code GET /sapi/v1/convert/orderStatus}, an open limit order
 * ({@code /sapi/v1/convert/limit/queryOpenOrders}) or a trade in the history ({@code /sapi/v1/convert/tradeFlow}).
 *
 * @param quoteId the quote's id ({@code null} where Binance does not send it)
 * @param orderId the order's id
 * @param orderStatus its state
 * @param fromAsset the asset spent
 * @param fromAmount the amount spent
 * @param toAsset the asset received
 * @param toAmount the amount received
 * @param ratio the price, {@code toAsset} per {@code fromAsset}
 * @param inverseRatio the inverse price
 * @param createTime when it was created
 * @param expiredTimestamp when an open limit order expires ({@code null} for other orders)
 */
public record ConvertOrder(
        String quoteId,
        long orderId,
        ConvertOrderStatus orderStatus,
        String fromAsset,
        BigDecimal fromAmount,
        String toAsset,
        BigDecimal toAmount,
        BigDecimal ratio,
        BigDecimal inverseRatio,
        @JsonDeserialize(using = InstantMillis.class) Instant createTime,
        @JsonDeserialize(using = InstantMillis.class) Instant expiredTimestamp) {
}
