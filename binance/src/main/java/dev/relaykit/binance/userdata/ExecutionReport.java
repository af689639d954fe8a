package dev.relaykit.binance.userdata;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.OrderSide;
import dev.relaykit.binance.model.OrderStatus;
import dev.relaykit.binance.model.OrderType;
import dev.relaykit.binance.model.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code executionReport}: an order changed (placed, filled, cancelled, expired, ...). Every field
 * Binance documents ("User Data Streams", Order Update and its conditional fields); conditional
 * fields are {@code null} when Binance left them out. The average fill price is
 * {@code cumulativeQuoteQuantity / cumulativeFilledQuantity}.
 *
 * @param eventType {@code e}
 * @param eventTime {@code E}
 * @param symbol {@code s}
 * @param clientOrderId {@code c}
 * @param side {@code S}
 * @param orderType {@code o}
 * @param timeInForce {@code f}
 * @param quantity {@code q}
 * @param price {@code p}
 * @param stopPrice {@code P}
 * @param icebergQuantity {@code F}
 * @param orderListId {@code g} (-1 when not part of an order list)
 * @param originalClientOrderId {@code C}: the id of the order being cancelled
 * @param executionType {@code x}
 * @param orderStatus {@code X}
 * @param rejectReason {@code r} ({@code NONE} unless rejected)
 * @param orderId {@code i}
 * @param lastExecutedQuantity {@code l}
 * @param cumulativeFilledQuantity {@code z}
 * @param lastExecutedPrice {@code L}
 * @param commissionAmount {@code n}
 * @param commissionAsset {@code N} ({@code null} until a trade)
 * @param transactionTime {@code T}
 * @param tradeId {@code t} (-1 when not a trade)
 * @param preventedMatchId {@code v}: only for orders expired by self-trade prevention
 * @param executionId {@code I}
 * @param onBook {@code w}: is the order on the book
 * @param maker {@code m}: was this trade the maker side
 * @param orderCreationTime {@code O}
 * @param cumulativeQuoteQuantity {@code Z}
 * @param lastQuoteQuantity {@code Y} ({@code lastPrice * lastQty})
 * @param quoteOrderQuantity {@code Q}
 * @param workingTime {@code W}: when the order started working on the book
 * @param selfTradePreventionMode {@code V}
 * @param trailingDelta {@code d}: trailing stop orders only
 * @param trailingTime {@code D}: trailing stop orders only
 * @param strategyId {@code j}
 * @param strategyType {@code J}
 * @param preventedQuantity {@code A}
 * @param lastPreventedQuantity {@code B}
 * @param tradeGroupId {@code u}
 * @param counterOrderId {@code U}
 * @param counterSymbol {@code Cs}
 * @param preventedExecutionQuantity {@code pl}
 * @param preventedExecutionPrice {@code pL}
 * @param preventedExecutionQuoteQuantity {@code pY}
 * @param matchType {@code b}: orders with allocations
 * @param allocationId {@code a}
 * @param workingFloor {@code k} ({@code EXCHANGE} or {@code SOR})
 * @param usedSor {@code uS}
 * @param peggedPriceType {@code gP}: pegged orders only
 * @param peggedOffsetType {@code gOT}
 * @param peggedOffsetValue {@code gOV}
 * @param peggedPrice {@code gp}
 * @param expiryReason {@code eR}: when the order expired
 */
public record ExecutionReport(
        @JsonProperty("e") String eventType,
        @JsonProperty("E") @JsonDeserialize(using = EpochMillis.class) Instant eventTime,
        @JsonProperty("s") String symbol,
        @JsonProperty("c") String clientOrderId,
        @JsonProperty("S") OrderSide side,
        @JsonProperty("o") OrderType orderType,
        @JsonProperty("f") TimeInForce timeInForce,
        @JsonProperty("q") BigDecimal quantity,
        @JsonProperty("p") BigDecimal price,
        @JsonProperty("P") BigDecimal stopPrice,
        @JsonProperty("F") BigDecimal icebergQuantity,
        @JsonProperty("g") long orderListId,
        @JsonProperty("C") String originalClientOrderId,
        @JsonProperty("x") ExecutionType executionType,
        @JsonProperty("X") OrderStatus orderStatus,
        @JsonProperty("r") String rejectReason,
        @JsonProperty("i") long orderId,
        @JsonProperty("l") BigDecimal lastExecutedQuantity,
        @JsonProperty("z") BigDecimal cumulativeFilledQuantity,
        @JsonProperty("L") BigDecimal lastExecutedPrice,
        @JsonProperty("n") BigDecimal commissionAmount,
        @JsonProperty("N") String commissionAsset,
        @JsonProperty("T") @JsonDeserialize(using = EpochMillis.class) Instant transactionTime,
        @JsonProperty("t") long tradeId,
        @JsonProperty("v") Long preventedMatchId,
        @JsonProperty("I") long executionId,
        @JsonProperty("w") boolean onBook,
        @JsonProperty("m") boolean maker,
        @JsonProperty("O") @JsonDeserialize(using = EpochMillis.class) Instant orderCreationTime,
        @JsonProperty("Z") BigDecimal cumulativeQuoteQuantity,
        @JsonProperty("Y") BigDecimal lastQuoteQuantity,
        @JsonProperty("Q") BigDecimal quoteOrderQuantity,
        @JsonProperty("W") @JsonDeserialize(using = EpochMillis.class) Instant workingTime,
        @JsonProperty("V") String selfTradePreventionMode,
        @JsonProperty("d") Long trailingDelta,
        @JsonProperty("D") @JsonDeserialize(using = EpochMillis.class) Instant trailingTime,
        @JsonProperty("j") Long strategyId,
        @JsonProperty("J") Long strategyType,
        @JsonProperty("A") BigDecimal preventedQuantity,
        @JsonProperty("B") BigDecimal lastPreventedQuantity,
        @JsonProperty("u") Long tradeGroupId,
        @JsonProperty("U") Long counterOrderId,
        @JsonProperty("Cs") String counterSymbol,
        @JsonProperty("pl") BigDecimal preventedExecutionQuantity,
        @JsonProperty("pL") BigDecimal preventedExecutionPrice,
        @JsonProperty("pY") BigDecimal preventedExecutionQuoteQuantity,
        @JsonProperty("b") String matchType,
        @JsonProperty("a") Long allocationId,
        @JsonProperty("k") String workingFloor,
        @JsonProperty("uS") Boolean usedSor,
        @JsonProperty("gP") String peggedPriceType,
        @JsonProperty("gOT") String peggedOffsetType,
        @JsonProperty("gOV") Long peggedOffsetValue,
        @JsonProperty("gp") BigDecimal peggedPrice,
        @JsonProperty("eR") String expiryReason) implements UserDataEvent {
}
