package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as Binance reports it: the answer to placing ({@code ACK}, {@code RESULT} or {@code FULL}),
 * querying or canceling an order, and the reports inside order lists.
 *
 * <p>One record for every shape: fields a shape does not carry are {@code null} (an {@code ACK} has
 * only symbol, ids and {@link #transactTime()}; {@link #fills()} is empty unless the response type was
 * {@code FULL}). The conditional fields (iceberg, STP, strategy, trailing, SOR, peg, expiry) appear
 * only when Binance sends them. Times of {@code -1} ("not yet working") read as {@code null}.
 *
 * @param symbol the symbol
 * @param orderId Binance's order id
 * @param orderListId the order list's id, {@code -1} when not part of a list
 * @param clientOrderId the client order id (for a cancel: the id of the cancel request)
 * @param origClientOrderId for a cancel: the canceled order's client order id
 * @param transactTime when the placement or cancel was processed
 * @param time when the order was created (query responses)
 * @param updateTime when the order last changed (query responses)
 * @param workingTime when the order started working on the book, {@code null} if not yet
 * @param price the limit price ({@code 0} for market orders)
 * @param origQty the quantity ordered
 * @param executedQty the quantity filled so far
 * @param origQuoteOrderQty the quote quantity ordered ({@code quoteOrderQty} market orders)
 * @param cummulativeQuoteQty the quote quantity filled so far (Binance's spelling)
 * @param status the order status
 * @param timeInForce the time in force
 * @param type the order type
 * @param side the side
 * @param stopPrice the trigger price of stop and take-profit orders
 * @param icebergQty the visible quantity of an iceberg order
 * @param working whether the order is on the book ({@code isWorking}, query responses)
 * @param selfTradePreventionMode the STP mode
 * @param fills the trades that filled the order ({@code FULL} responses), never {@code null}
 * @param preventedMatchId the prevented match's id, when the order expired by STP
 * @param preventedQuantity the quantity that expired by STP
 * @param strategyId the strategy id sent with the order
 * @param strategyType the strategy type sent with the order
 * @param trailingDelta the trailing delta in basis points (trailing stop orders)
 * @param trailingTime when the trailing order became active, {@code null} if not yet
 * @param usedSor whether smart order routing placed the order
 * @param workingFloor {@code EXCHANGE} or {@code SOR}
 * @param pegPriceType the peg of a pegged order
 * @param pegOffsetType the peg offset type
 * @param pegOffsetValue the peg offset in price levels
 * @param peggedPrice the price a pegged order currently has
 * @param expiryReason why the order expired
 */
public record Order(
        String symbol,
        Long orderId,
        Long orderListId,
        String clientOrderId,
        String origClientOrderId,
        @JsonDeserialize(using = InstantMillis.class) Instant transactTime,
        @JsonDeserialize(using = InstantMillis.class) Instant time,
        @JsonDeserialize(using = InstantMillis.class) Instant updateTime,
        @JsonDeserialize(using = InstantMillis.class) Instant workingTime,
        BigDecimal price,
        BigDecimal origQty,
        BigDecimal executedQty,
        BigDecimal origQuoteOrderQty,
        BigDecimal cummulativeQuoteQty,
        OrderStatus status,
        TimeInForce timeInForce,
        OrderType type,
        OrderSide side,
        BigDecimal stopPrice,
        BigDecimal icebergQty,
        @JsonProperty("isWorking") Boolean working,
        SelfTradePreventionMode selfTradePreventionMode,
        List<Fill> fills,
        Long preventedMatchId,
        BigDecimal preventedQuantity,
        Long strategyId,
        Integer strategyType,
        Long trailingDelta,
        @JsonDeserialize(using = InstantMillis.class) Instant trailingTime,
        Boolean usedSor,
        String workingFloor,
        PegPriceType pegPriceType,
        PegOffsetType pegOffsetType,
        Integer pegOffsetValue,
        BigDecimal peggedPrice,
        String expiryReason) {

    /** Normalises {@code fills} to an unmodifiable list, empty when absent. */
    public Order {
        fills = fills == null ? List.of() : List.copyOf(fills);
    }
}
