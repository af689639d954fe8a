package dev.relaykit.binance.stream;

/**
 * Receives the events of a {@link StreamSubscription}. Callbacks run on the stream connection's
 * dispatcher (never the socket's reader thread), one at a time for a subscription.
 *
 * <pre>{@code
 * streams.subscribe(MarketStream.trade("BTCUSDT"), (stream, trade) -> System.out.println(trade.price()));
 * }</pre>
 *
 * @param <T> the event type
 */
@FunctionalInterface
public interface StreamListener<T> {

    /**
     * An event arrived.
     *
     * @param stream the stream it came on, e.g. {@code btcusdt@trade}
     * @param event the decoded event
     */
    void onEvent(String stream, T event);

    /**
     * Events may have been missed (the connection was lost and re-established).
     *
     * @param gap which stream and why
     */
    default void onGap(StreamGap gap) {
    }

    /**
     * A message of this subscription could not be decoded, or {@link #onEvent} threw.
     *
     * @param stream the stream
     * @param error what went wrong
     */
    default void onError(String stream, Throwable error) {
    }

    /**
     * A listener that only takes events.
     *
     * @param consumer receives each event
     * @param <T> the event type
     * @return the listener
     */
    static <T> StreamListener<T> of(java.util.function.Consumer<? super T> consumer) {
        return (stream, event) -> consumer.accept(event);
    }
}
