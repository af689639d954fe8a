package dev.relaykit.binance.userdata;

import dev.relaykit.core.RelayKitException;

/**
 * Receives the user data stream. Callbacks run on the WebSocket API client's dispatcher thread, one at
 * a time and in order, never on the socket's reader thread; keep them short.
 *
 * <pre>{@code
 * binance.wsApi().subscribeUserData(new UserDataListener() {
 *     public void onEvent(UserDataEvent e) {
 *         System.out.println(e.eventType() + " at " + e.eventTime());
 *     }
 *     public void onGap(UserDataGap gap) {   // events may have been missed: ask for the state again
 *         binance.trading().openOrdersAsync("BTCUSDT").thenAccept(open -> System.out.println(open));
 *     }
 * });
 * }</pre>
 */
@FunctionalInterface
public interface UserDataListener {

    /**
     * An event arrived.
     *
     * @param event the event
     */
    void onEvent(UserDataEvent event);

    /**
     * The connection was lost and the subscription is active again: events of the gap may be
     * missing. Re-query open orders and balances.
     *
     * @param gap when the stream was not delivering
     */
    default void onGap(UserDataGap gap) {
    }

    /**
     * Subscribing failed (it is retried after the next reconnect), or an event could not be decoded.
     *
     * @param error what went wrong
     */
    default void onError(RelayKitException error) {
    }
}
