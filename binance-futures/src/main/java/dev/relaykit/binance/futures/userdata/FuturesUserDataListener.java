package dev.relaykit.binance.futures.userdata;

/**
 * Receives a {@link FuturesUserDataStream}'s events, one at a time, never on a socket's reader
 * thread.
 *
 * <pre>{@code
 * FuturesUserDataListener l = event -> System.out.println(event.eventType());
 * }</pre>
 */
@FunctionalInterface
public interface FuturesUserDataListener {
    /** @param event a typed event, or {@link UnknownUserDataEvent} */
    void onEvent(FuturesUserDataEvent event);

    /** @param gap events may have been missed before this point */
    default void onGap(FuturesUserDataGap gap) {
    }

    /**
     * Something failed without ending the stream: a keep-alive that will be retried, an event
     * that did not decode, or the listener itself throwing.
     *
     * @param error what failed
     */
    default void onError(Throwable error) {
    }
}
