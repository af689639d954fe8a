package dev.relaykit.binance.book;

import dev.relaykit.binance.model.DepthUpdateEvent;


/**
 * Receives what happens to an {@link OrderBook}. Every method has an empty default. Callbacks run
 * while the book holds its lock, so the book is consistent inside them; keep them short.
 */
public interface OrderBookListener {

    /**
     * The book is in sync with Binance: after the first snapshot, and after each resync.
     *
     * @param book the book
     */
    default void onSynced(OrderBook book) {
    }

    /**
     * A diff event was applied.
     *
     * @param book the book, already updated
     * @param event the event
     */
    default void onUpdate(OrderBook book, DepthUpdateEvent event) {
    }

    /**
     * Update ids did not follow on: the book is being rebuilt from a new snapshot.
     *
     * @param book the book (cleared until it is in sync again)
     * @param resync what was expected and what came
     */
    default void onResync(OrderBook book, OrderBookResync resync) {
    }

    /**
     * Fetching a snapshot failed; it is retried.
     *
     * @param book the book
     * @param error the failure
     */
    default void onError(OrderBook book, Throwable error) {
    }
}
