package dev.relaykit.kafka;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One listener's subscription to streams of a {@link KafkaMarketFeed}: the same methods as the direct client's
 * {@code StreamSubscription}.
 *
 * <pre>{@code
 * FeedSubscription sub = feed.subscribe(MarketStream.trade("BTCUSDT"), t -> System.out.println(t.price()));
 * sub.ready().join();   // a feed process subscribed the stream at Binance and said so
 * sub.close();
 * }</pre>
 */
public final class FeedSubscription implements AutoCloseable {
    private final KafkaMarketFeed owner;
    private final List<String> streams;
    private final CompletableFuture<Void> ready;
    private volatile boolean active = true;

    FeedSubscription(KafkaMarketFeed owner, List<String> streams, CompletableFuture<Void> ready) {
        this.owner = owner;
        this.streams = List.copyOf(streams);
        this.ready = ready;
    }

    /** @return the stream names, e.g. {@code [btcusdt@trade]} */
    public List<String> streams() {
        return streams;
    }

    /**
     * @return completes when a feed process announced every stream of this subscription (Binance confirmed it);
     *     fails with a {@code TimeoutException} when no feed did within the feed's request timeout
     */
    public CompletableFuture<Void> ready() {
        return ready;
    }

    /** @return {@code true} until closed (or the feed closed) */
    public boolean isActive() {
        return active && !owner.isClosed();
    }

    /**
     * Stops delivery at once and withdraws the streams no other subscription of this consumer uses.
     *
     * @return completes when the control topic has the withdrawal
     */
    public CompletableFuture<Void> closeAsync() {
        if (!active) {
            return CompletableFuture.completedFuture(null);
        }
        active = false;
        return owner.unsubscribe(this);
    }

    /** Stops delivery and withdraws the streams; does not wait (see {@link #closeAsync()}). */
    @Override
    public void close() {
        closeAsync();
    }

    @Override
    public String toString() {
        return "FeedSubscription" + streams + (isActive() ? "" : " (closed)");
    }
}
