package dev.relaykit.binance.futures.book;

import dev.relaykit.binance.book.OrderBook;
import dev.relaykit.binance.book.OrderBookListener;
import dev.relaykit.binance.futures.stream.DepthSpeed;
import dev.relaykit.binance.futures.stream.FuturesMarketStreams;
import dev.relaykit.binance.futures.stream.FuturesStream;
import dev.relaykit.binance.futures.stream.FuturesSubscription;
import dev.relaykit.binance.internal.BinanceContext;
import dev.relaykit.binance.model.OrderBookDepth;
import dev.relaykit.binance.model.PriceLevel;
import dev.relaykit.binance.stream.StreamGap;
import dev.relaykit.binance.stream.StreamListener;
import dev.relaykit.core.rest.RestRequest;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A local copy of one futures symbol's order book, kept by Binance's futures rule ("How to manage a
 * local order book correctly" on the USD-M and COIN-M "Websocket Market Streams" pages): buffer
 * {@code <symbol>@depth}, fetch {@code GET /fapi/v1/depth?limit=1000} (COIN-M {@code /dapi}), drop
 * events with {@code u < lastUpdateId}, apply the first with {@code U <= lastUpdateId <= u}, and
 * from then on require each event's {@code pu} to equal the previous {@code u}; otherwise the book
 * rebuilds from a new snapshot ({@link OrderBookListener#onResync}). The algorithm is the spot
 * module's {@link OrderBook} with {@link OrderBook.Sequencing#FUTURES}.
 *
 * <pre>{@code
 * try (FuturesMarketStreams streams = futures.streams();
 *      FuturesOrderBook book = FuturesOrderBook.builder("BTCUSDT", streams, "/fapi/v1/depth").build()) {
 *     book.synced().join();
 *     System.out.println(book.book().bestBid() + " / " + book.book().bestAsk());
 * }
 * }</pre>
 *
 * <p>A stream gap (a reconnect) also resyncs: after a reconnect Binance's {@code pu} chain would
 * show the hole anyway, the book does not wait for it.
 */
public final class FuturesOrderBook implements AutoCloseable {
    private final OrderBook book;
    private final FuturesSubscription subscription;

    private FuturesOrderBook(Builder b) {
        Function<String, CompletableFuture<OrderBookDepth>> snapshots = b.snapshots;
        if (snapshots == null) {
            BinanceContext context = b.streams.context();
            String path = b.depthPath;
            int limit = b.limit;
            snapshots = symbol -> context.executeAsync(RestRequest.get(path).param("symbol", symbol)
                            .param("limit", limit).weight(weight(limit)).build())
                    .thenApply(json -> dev.relaykit.core.json.Json.mapper().convertValue(json, OrderBookDepth.class));
        }
        OrderBook.Builder ob = OrderBook.builder(b.symbol).sequencing(OrderBook.Sequencing.FUTURES)
                .snapshotSource(snapshots);
        if (b.listener != null) {
            ob.listener(b.listener);
        }
        this.book = ob.build();
        this.subscription = b.streams.subscribe(FuturesStream.diffDepth(b.symbol, b.speed),
                new StreamListener<>() {
                    @Override
                    public void onEvent(String stream, dev.relaykit.binance.futures.stream.FuturesDepthUpdate e) {
                        book.accept(e.toDepthUpdateEvent());
                    }

                    @Override
                    public void onGap(StreamGap gap) {
                        // the next event's pu will not match, and the book resyncs on it
                    }
                });
    }

    /** Request weight of {@code GET /fapi/v1/depth} by limit (USD-M "Order Book" page). */
    private static int weight(int limit) {
        return limit <= 50 ? 2 : limit <= 100 ? 5 : limit <= 500 ? 10 : 20;
    }

    /**
     * @param symbol e.g. {@code BTCUSDT} or {@code BTCUSD_PERP}
     * @param streams where the diff stream is subscribed (its client fetches snapshots)
     * @param depthPath {@code /fapi/v1/depth} (USD-M) or {@code /dapi/v1/depth} (COIN-M)
     * @return the builder
     */
    public static Builder builder(String symbol, FuturesMarketStreams streams, String depthPath) {
        return new Builder(symbol, streams, depthPath);
    }

    /** @return the book: best bid/ask, levels, snapshot, listeners */
    public OrderBook book() {
        return book;
    }

    /** @return completes when the book is first in sync */
    public CompletableFuture<Void> synced() {
        return book.synced();
    }

    /** @return the highest bid, or {@code null} */
    public PriceLevel bestBid() {
        return book.bestBid();
    }

    /** @return the lowest ask, or {@code null} */
    public PriceLevel bestAsk() {
        return book.bestAsk();
    }

    /**
     * @param n how many
     * @return up to {@code n} bids, best first
     */
    public List<PriceLevel> bids(int n) {
        return book.bids(n);
    }

    /**
     * @param n how many
     * @return up to {@code n} asks, best first
     */
    public List<PriceLevel> asks(int n) {
        return book.asks(n);
    }

    /** Unsubscribes the diff stream and stops the book. */
    @Override
    public void close() {
        subscription.close();
        book.close();
    }

    @Override
    public String toString() {
        return "Futures" + book;
    }

    /** Configures a {@link FuturesOrderBook}. */
    public static final class Builder {
        private final String symbol;
        private final FuturesMarketStreams streams;
        private final String depthPath;
        private DepthSpeed speed = DepthSpeed.MS_100;
        private int limit = 1000;
        private Function<String, CompletableFuture<OrderBookDepth>> snapshots;
        private OrderBookListener listener;

        private Builder(String symbol, FuturesMarketStreams streams, String depthPath) {
            if (symbol == null || !symbol.matches("[A-Za-z0-9_]{1,40}")) {
                throw new IllegalArgumentException("not a futures symbol: '" + symbol + "'");
            }
            this.symbol = symbol.toUpperCase(Locale.ROOT);
            this.streams = Objects.requireNonNull(streams, "streams");
            this.depthPath = Objects.requireNonNull(depthPath, "depthPath");
        }

        /**
         * @param speed the diff stream's speed (default 100 ms)
         * @return this
         */
        public Builder speed(DepthSpeed speed) {
            this.speed = Objects.requireNonNull(speed, "speed");
            return this;
        }

        /**
         * @param limit snapshot depth: 5, 10, 20, 50, 100, 500 or 1000 (default 1000, Binance's recommendation)
         * @return this
         */
        public Builder snapshotLimit(int limit) {
            if (!List.of(5, 10, 20, 50, 100, 500, 1000).contains(limit)) {
                throw new IllegalArgumentException("snapshotLimit must be 5, 10, 20, 50, 100, 500 or 1000, was " + limit);
            }
            this.limit = limit;
            return this;
        }

        /**
         * @param source where snapshots come from instead of REST (a recording, the WebSocket API's {@code depth})
         * @return this
         */
        public Builder snapshotSource(Function<String, CompletableFuture<OrderBookDepth>> source) {
            this.snapshots = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * @param listener called on sync, updates, resyncs and snapshot failures
         * @return this
         */
        public Builder listener(OrderBookListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** @return the book; it subscribes at once and syncs by itself */
        public FuturesOrderBook build() {
            return new FuturesOrderBook(this);
        }
    }
}
