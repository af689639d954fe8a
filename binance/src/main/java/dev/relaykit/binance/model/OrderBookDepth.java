package dev.relaykit.binance.model;

import java.util.List;

/**
 * An order book snapshot, as {@code GET /api/v3/depth} returns it.
 *
 * @param lastUpdateId the last update id included in the snapshot
 * @param bids bids, best (highest) first
 * @param asks asks, best (lowest) first
 */
public record OrderBookDepth(long lastUpdateId, List<PriceLevel> bids, List<PriceLevel> asks) {

    /**
     * Copies the lists.
     *
     * @param lastUpdateId the last update id
     * @param bids bids
     * @param asks asks
     */
    public OrderBookDepth {
        bids = bids == null ? List.of() : List.copyOf(bids);
        asks = asks == null ? List.of() : List.copyOf(asks);
    }
}
