package dev.relaykit.binance.stream;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One listener's subscription to one or more market streams. It survives reconnects (the streams
 * are subscribed again on the new connection, and {@link StreamListener#onGap} says events may have
 * been missed) and the client's proactive connection rotation (no gap, no duplicate).
 *
 * <pre>{@code
 * StreamSubscription sub = streams.subscribe(MarketStream.bookTicker("BTCUSDT"),
 *         (stream, t) -> System.out.println(stream + ": " + t.bidPrice() + " / " + t.askPrice()));
 * sub.ready().join();   // Binance answered {"result":null,"id":n}
 * sub.close();          // UNSUBSCRIBE once no other subscription needs the stream
 * }</pre>
 */
public final class StreamSubscription implements AutoCloseable {
    private final MarketStreams owner;
    private final List<String> streams;
    private volatile CompletableFuture<Void> ready;
    private volatile boolean active = true;

    StreamSubscription(MarketStreams owner, List<String> streams) {
        this.owner = owner;
        this.streams = List.copyOf(streams);
    }

    void ready(CompletableFuture<Void> ready) {
        this.ready = ready;
    }

    /** @return the stream names, e.g. {@code [btcusdt@trade]} */
    public List<String> streams() {
        return streams;
    }

    /**
     * @return completes when Binance has confirmed every stream of this subscription; fails with
     *     {@code BinanceApiException} carrying Binance's code when it refused one, or with a
     *     {@code TimeoutException} when no answer came within the request timeout
     */
    public CompletableFuture<Void> ready() {
        return ready;
    }

    /** @return {@code true} until closed (or the client closed) */
    public boolean isActive() {
        return active && !owner.isClosed();
    }

    /**
     * Stops delivery at once and unsubscribes the streams no other subscription uses.
     *
     * @return completes when Binance confirmed the unsubscription (at once if nothing had to be sent)
     */
    public CompletableFuture<Void> closeAsync() {
        if (!active) {
            return CompletableFuture.completedFuture(null);
        }
        active = false;
        return owner.unsubscribe(this);
    }

    /** Stops delivery and unsubscribes; does not wait for Binance's answer (see {@link #closeAsync()}). */
    @Override
    public void close() {
        closeAsync();
    }

    @Override
    public String toString() {
        return "StreamSubscription" + streams + (isActive() ? "" : " (closed)");
    }
}
