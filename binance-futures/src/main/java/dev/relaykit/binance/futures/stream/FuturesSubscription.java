package dev.relaykit.binance.futures.stream;

import dev.relaykit.binance.stream.StreamSubscription;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One subscription of {@link FuturesMarketStreams}, which may span paths (a combined subscription
 * that mixes {@code /public} and {@code /market} streams is one subscription per path underneath).
 *
 * <pre>{@code
 * FuturesSubscription sub = futuresStreams.subscribe(FuturesStream.aggTrade("BTCUSDT"), t -> { });
 * sub.ready().join();   // Binance confirmed every SUBSCRIBE
 * sub.close();          // UNSUBSCRIBE, live, on every path
 * }</pre>
 */
public final class FuturesSubscription implements AutoCloseable {
    private final List<StreamSubscription> parts;

    FuturesSubscription(List<StreamSubscription> parts) {
        this.parts = List.copyOf(parts);
    }

    /** @return the stream names, over every path */
    public List<String> streams() {
        List<String> all = new ArrayList<>();
        parts.forEach(p -> all.addAll(p.streams()));
        return all;
    }

    /** @return completes when Binance confirmed the subscription on every path, or fails with the first error */
    public CompletableFuture<Void> ready() {
        return CompletableFuture.allOf(parts.stream().map(StreamSubscription::ready).toArray(CompletableFuture[]::new));
    }

    /** @return {@code true} until closed */
    public boolean isActive() {
        return parts.stream().anyMatch(StreamSubscription::isActive);
    }

    /** @return completes when every path answered the {@code UNSUBSCRIBE} */
    public CompletableFuture<Void> closeAsync() {
        return CompletableFuture.allOf(parts.stream().map(StreamSubscription::closeAsync)
                .toArray(CompletableFuture[]::new));
    }

    /** Unsubscribes on every path (without waiting for the answers). */
    @Override
    public void close() {
        parts.forEach(StreamSubscription::close);
    }

    @Override
    public String toString() {
        return "FuturesSubscription" + streams();
    }
}
