package dev.relaykit.binance.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.List;

/**
 * An order list (OCO, OTO, OTOCO, OPO, OPOCO) as Binance reports it when it is placed, canceled or
 * queried. Placement and cancel answers carry {@link #orderReports()}; queries carry only
 * {@link #orders()}.
 *
 * @param orderListId the list's id
 * @param contingencyType {@code OCO} or {@code OTO} (OTOCO, OPO and OPOCO report {@code OTO})
 * @param listStatusType the list status type
 * @param listOrderStatus the list order status
 * @param listClientOrderId the list's client id
 * @param transactionTime when the list was placed or changed
 * @param symbol the symbol
 * @param orders the list's orders, by id
 * @param orderReports the list's orders in full (placement and cancel answers), never {@code null}
 */
public record OrderList(
        Long orderListId,
        ContingencyType contingencyType,
        ListStatusType listStatusType,
        ListOrderStatus listOrderStatus,
        String listClientOrderId,
        @JsonDeserialize(using = InstantMillis.class) Instant transactionTime,
        String symbol,
        List<Member> orders,
        List<Order> orderReports) {

    /** Normalises the lists to unmodifiable lists, empty when absent. */
    public OrderList {
        orders = orders == null ? List.of() : List.copyOf(orders);
        orderReports = orderReports == null ? List.of() : List.copyOf(orderReports);
    }

    /**
     * One order of a list, by id.
     *
     * @param symbol the symbol
     * @param orderId the order id
     * @param clientOrderId the client order id
     */
    public record Member(String symbol, Long orderId, String clientOrderId) {
    }
}
