package dev.relaykit.binance.model;

import java.util.List;

/**
 * What {@code DELETE /api/v3/openOrders} canceled: single orders and whole order lists (Binance mixes
 * both in one array; they are sorted apart here).
 *
 * @param orders the canceled orders that were not part of a list
 * @param orderLists the canceled order lists
 */
public record CanceledOpenOrders(List<Order> orders, List<OrderList> orderLists) {
    /** Copies the lists. */
    public CanceledOpenOrders {
        orders = List.copyOf(orders);
        orderLists = List.copyOf(orderLists);
    }
}
