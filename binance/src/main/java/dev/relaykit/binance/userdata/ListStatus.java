package dev.relaykit.binance.userdata;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.List;

/**
 * {@code listStatus}: an order list (OCO, OTO, OTOCO) changed; sent with the legs'
 * {@link ExecutionReport}s.
 *
 * @param eventType {@code "listStatus"}
 * @param eventTime {@code E}
 * @param symbol {@code s}
 * @param orderListId {@code g}
 * @param contingencyType {@code c} ({@code OCO}, {@code OTO})
 * @param listStatusType {@code l} ({@code RESPONSE}, {@code EXEC_STARTED}, {@code UPDATED}, {@code ALL_DONE})
 * @param listOrderStatus {@code L} ({@code EXECUTING}, {@code ALL_DONE}, {@code REJECT})
 * @param listRejectReason {@code r}
 * @param listClientOrderId {@code C}
 * @param transactionTime {@code T}
 * @param orders {@code O}: the legs
 */
public record ListStatus(
        @JsonProperty("e") String eventType,
        @JsonProperty("E") @JsonDeserialize(using = EpochMillis.class) Instant eventTime,
        @JsonProperty("s") String symbol,
        @JsonProperty("g") long orderListId,
        @JsonProperty("c") String contingencyType,
        @JsonProperty("l") String listStatusType,
        @JsonProperty("L") String listOrderStatus,
        @JsonProperty("r") String listRejectReason,
        @JsonProperty("C") String listClientOrderId,
        @JsonProperty("T") @JsonDeserialize(using = EpochMillis.class) Instant transactionTime,
        @JsonProperty("O") List<Leg> orders) implements UserDataEvent {

    /**
     * Copies the list.
     *
     * @param eventType event type
     * @param eventTime event time
     * @param symbol symbol
     * @param orderListId order list id
     * @param contingencyType contingency type
     * @param listStatusType list status type
     * @param listOrderStatus list order status
     * @param listRejectReason reject reason
     * @param listClientOrderId list client order id
     * @param transactionTime transaction time
     * @param orders legs
     */
    public ListStatus {
        orders = orders == null ? List.of() : List.copyOf(orders);
    }

    /**
     * One order of the list.
     *
     * @param symbol {@code s}
     * @param orderId {@code i}
     * @param clientOrderId {@code c}
     */
    public record Leg(@JsonProperty("s") String symbol, @JsonProperty("i") long orderId,
                      @JsonProperty("c") String clientOrderId) {
    }
}
