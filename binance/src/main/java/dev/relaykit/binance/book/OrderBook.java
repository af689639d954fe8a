package dev.relaykit.binance.book;

import dev.relaykit.binance.internal.BinanceContext;
import dev.relaykit.binance.internal.Call;
import dev.relaykit.binance.internal.Params;
import dev.relaykit.binance.model.DepthUpdateEvent;
import dev.relaykit.binance.model.OrderBookDepth;
import dev.relaykit.binance.model.PriceLevel;
import dev.relaykit.binance.stream.MarketStream;
import dev.relaykit.binance.stream.MarketStreams;
import dev.relaykit.binance.stream.StreamSubscription;
import dev.relaykit.binance.stream.UpdateSpeed;
import dev.relaykit.core.rest.RestRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A local copy of one symbol's order book, kept in sync the way Binance documents in "How to manage
 * a local order book correctly" (spot "WebSocket Streams" page):
 * <ol>
 *   <li>subscribe {@code <symbol>@depth[@100ms]} and buffer its events, noting the first {@code U};</li>
 *   <li>fetch a snapshot, {@code GET /api/v3/depth?symbol=...&limit=5000}; if its
 *       {@code lastUpdateId} is below that first {@code U}, fetch again;</li>
 *   <li>drop buffered events with {@code u <= lastUpdateId}; the first one left must have
 *       {@code U <= lastUpdateId + 1};</li>
 *   <li>apply events in order: ignore one whose {@code u} is not above the book's update id; an event
 *       whose {@code U} is above the book's update id + 1 means events were missed, so the book is
 *       rebuilt from a new snapshot ({@link OrderBookListener#onResync}); quantities are absolute and
 *       a quantity of zero removes the level.</li>
 * </ol>
 *
 * <pre>{@code
 * try (MarketStreams streams = binance.streams();
 *      OrderBook book = OrderBook.builder("BTCUSDT").streams(streams).build()) {
 *     book.synced().join();
 *     PriceLevel bid = book.bestBid();
 *     List<PriceLevel> top = book.asks(10);
 *     OrderBookDepth copy = book.snapshot();   // consistent copy of both sides
 * }
 * }</pre>
 *
 * <p>Binance futures keeps books by another rule ("How to manage a local order book correctly" on the
 * USD-M and COIN-M "Websocket Market Streams" pages), chosen with
 * {@link Builder#sequencing(Sequencing) sequencing(Sequencing.FUTURES)}: buffered events with
 * {@code u < lastUpdateId} are dropped, the first one applied must have
 * {@code U <= lastUpdateId <= u}, and from then on each event's {@code pu} must equal the previous
 * event's {@code u}, otherwise the book resyncs.
 *
 * <p>Prices are keys of sorted maps compared by value ({@code 0.0024} and {@code 0.00240000} are one
 * level); quantities are exactly the {@code BigDecimal}s Binance sent. Thread-safe: events are
 * applied on the stream's dispatcher, reads may come from any thread.
 */
public final class OrderBook implements AutoCloseable {
    /** How many events may wait for a snapshot before the oldest are given up (and a resync follows). */
    private static final int MAX_BUFFERED = 100_000;

    /** Which of Binance's two rules tells whether a diff event follows on from the book. */
    public enum Sequencing {
        /** Spot: the next event's {@code U} is the book's update id + 1 (ids are contiguous). */
        SPOT,
        /**
         * Futures (USD-M and COIN-M): the next event's {@code pu} equals the previous event's
         * {@code u}; update ids are not contiguous. Events need {@link DepthUpdateEvent#previousFinalUpdateId()}.
         */
        FUTURES
    }

    private final String symbol;
    private final Sequencing sequencing;
    private final Function<String, CompletableFuture<OrderBookDepth>> snapshots;
    private final List<OrderBookListener> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> firstSync = new CompletableFuture<>();
    private final StreamSubscription subscription;

    // guarded by this
    private final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
    private final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    private final ArrayDeque<DepthUpdateEvent> buffer = new ArrayDeque<>();
    private long lastUpdateId = -1;
    private boolean synced;
    private boolean firstAfterSnapshot; // futures: the next applied event must straddle the snapshot's id
    private boolean fetching;
    private int generation;
    private int failures;
    private boolean closed;

    private OrderBook(Builder b) {
        this.symbol = b.symbol;
        this.sequencing = b.sequencing;
        if (b.listener != null) {
            listeners.add(b.listener);
        }
        if (b.snapshots != null) {
            this.snapshots = b.snapshots;
        } else if (b.streams != null) {
            BinanceContext context = b.streams.context(); // GET /api/v3/depth on the streams' client
            Call<OrderBookDepth> depth = Call.query(RestRequest.get("/api/v3/depth").param("symbol", symbol)
                    .param("limit", b.snapshotLimit).weight(Params.depthWeight(b.snapshotLimit)).build(),
                    Call.as(OrderBookDepth.class));
            this.snapshots = s -> context.sendAsync(depth);
        } else {
            throw new IllegalArgumentException("an order book needs streams(...) (for its snapshots too) "
                    + "or a snapshotSource(...)");
        }
        this.subscription = b.streams == null ? null
                : b.streams.subscribe(MarketStream.diffDepth(symbol, b.speed), (stream, e) -> accept(e));
    }

    /**
     * Starts a builder.
     *
     * @param symbol e.g. {@code BTCUSDT}
     * @return the builder
     * @throws IllegalArgumentException if the symbol is missing or malformed
     */
    public static Builder builder(String symbol) {
        if (symbol == null || !symbol.matches("[A-Za-z0-9]{1,40}")) {
            throw new IllegalArgumentException("not a symbol: '" + symbol + "' (letters and digits, e.g. BTCUSDT)");
        }
        return new Builder(symbol.toUpperCase(java.util.Locale.ROOT));
    }

    // ------------------------------------------------------------------ reads

    /** @return the symbol, upper case */
    public String symbol() {
        return symbol;
    }

    /** @return completes when the book is first in sync */
    public CompletableFuture<Void> synced() {
        return firstSync;
    }

    /** @return {@code true} while the book follows Binance (false while buffering or resyncing) */
    public synchronized boolean isSynced() {
        return synced;
    }

    /** @return the update id the book reflects (the last applied {@code u}), or -1 before the first snapshot */
    public synchronized long lastUpdateId() {
        return lastUpdateId;
    }

    /** @return the highest bid, or {@code null} if there is none */
    public synchronized PriceLevel bestBid() {
        Map.Entry<BigDecimal, BigDecimal> e = bids.firstEntry();
        return e == null ? null : new PriceLevel(e.getKey(), e.getValue());
    }

    /** @return the lowest ask, or {@code null} if there is none */
    public synchronized PriceLevel bestAsk() {
        Map.Entry<BigDecimal, BigDecimal> e = asks.firstEntry();
        return e == null ? null : new PriceLevel(e.getKey(), e.getValue());
    }

    /**
     * @param n how many levels
     * @return up to {@code n} bids, best (highest) first
     */
    public synchronized List<PriceLevel> bids(int n) {
        return top(bids, n);
    }

    /**
     * @param n how many levels
     * @return up to {@code n} asks, best (lowest) first
     */
    public synchronized List<PriceLevel> asks(int n) {
        return top(asks, n);
    }

    /** @return a consistent copy of the whole book: both sides at one update id */
    public synchronized OrderBookDepth snapshot() {
        return new OrderBookDepth(lastUpdateId, top(bids, Integer.MAX_VALUE), top(asks, Integer.MAX_VALUE));
    }

    private static List<PriceLevel> top(TreeMap<BigDecimal, BigDecimal> side, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        List<PriceLevel> out = new ArrayList<>(Math.min(n, side.size()));
        Iterator<Map.Entry<BigDecimal, BigDecimal>> it = side.entrySet().iterator();
        while (out.size() < n && it.hasNext()) {
            Map.Entry<BigDecimal, BigDecimal> e = it.next();
            out.add(new PriceLevel(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** @param listener called on sync, updates, resyncs and snapshot failures */
    public void addListener(OrderBookListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** @param listener a listener added before */
    public void removeListener(OrderBookListener listener) {
        listeners.remove(listener);
    }

    // ------------------------------------------------------------------ the algorithm

    /**
     * Feeds one diff event. A streams-backed book calls this itself; feed it yourself for a book
     * built with {@link Builder#snapshotSource} only (a recording, another transport).
     *
     * @param event a {@code depthUpdate} of this book's symbol
     */
    public synchronized void accept(DepthUpdateEvent event) {
        if (closed) {
            return;
        }
        if (!synced) {
            if (buffer.size() >= MAX_BUFFERED) {
                buffer.pollFirst();
            }
            buffer.addLast(event);
            if (!fetching) {
                fetch(0);
            }
            return;
        }
        applyInSequence(event);
    }

    /** Applies an event to a synced book, or starts a resync when ids do not follow on. Holds the lock. */
    private void applyInSequence(DepthUpdateEvent e) {
        if (sequencing == Sequencing.FUTURES) {
            applyFutures(e);
            return;
        }
        if (e.finalUpdateId() <= lastUpdateId) {
            return; // already in the book
        }
        if (e.firstUpdateId() > lastUpdateId + 1) {
            resync(e, new OrderBookResync(symbol, lastUpdateId + 1, e.firstUpdateId(), Instant.now()));
            return;
        }
        apply(e);
    }

    /**
     * The futures rule: the first event after a snapshot must have {@code U <= lastUpdateId <= u};
     * after that each {@code pu} must be the previous {@code u}. Holds the lock.
     */
    private void applyFutures(DepthUpdateEvent e) {
        if (firstAfterSnapshot) {
            if (e.finalUpdateId() < lastUpdateId) {
                return; // older than the snapshot
            }
            if (e.firstUpdateId() > lastUpdateId) {
                resync(e, new OrderBookResync(symbol, lastUpdateId, e.firstUpdateId(), Instant.now()));
                return;
            }
            firstAfterSnapshot = false;
            apply(e);
            return;
        }
        if (e.finalUpdateId() <= lastUpdateId) {
            return; // already in the book
        }
        Long pu = e.previousFinalUpdateId();
        if (pu == null || pu != lastUpdateId) {
            resync(e, new OrderBookResync(symbol, lastUpdateId, pu == null ? -1 : pu, Instant.now()));
            return;
        }
        apply(e);
    }

    /** Drops the book and fetches a new snapshot, keeping {@code e} as the first buffered event. Holds the lock. */
    private void resync(DepthUpdateEvent e, OrderBookResync resync) {
        synced = false;
        bids.clear();
        asks.clear();
        buffer.clear();
        buffer.addLast(e);
        for (OrderBookListener l : listeners) {
            notify(() -> l.onResync(this, resync));
        }
        fetch(0);
    }

    /** Sets the event's levels and moves the book's update id to its {@code u}. Holds the lock. */
    private void apply(DepthUpdateEvent e) {
        set(bids, e.bids());
        set(asks, e.asks());
        lastUpdateId = e.finalUpdateId();
        for (OrderBookListener l : listeners) {
            notify(() -> l.onUpdate(this, e));
        }
    }

    private static void set(TreeMap<BigDecimal, BigDecimal> side, List<PriceLevel> levels) {
        for (int i = 0, n = levels.size(); i < n; i++) {
            PriceLevel level = levels.get(i);
            if (level.quantity().signum() == 0) {
                side.remove(level.price());
            } else {
                side.put(level.price(), level.quantity());
            }
        }
    }

    /** Requests a snapshot after {@code delayMillis}. Holds the lock. */
    private void fetch(long delayMillis) {
        fetching = true;
        int gen = ++generation;
        Runnable request = () -> {
            CompletableFuture<OrderBookDepth> f;
            try {
                f = snapshots.apply(symbol);
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            f.whenComplete((snapshot, error) -> onSnapshot(gen, snapshot, error));
        };
        if (delayMillis == 0) {
            request.run();
        } else {
            CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS).execute(request);
        }
    }

    private synchronized void onSnapshot(int gen, OrderBookDepth snapshot, Throwable error) {
        if (closed || gen != generation) {
            return;
        }
        fetching = false;
        if (error != null || snapshot == null) {
            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            for (OrderBookListener l : listeners) {
                notify(() -> l.onError(this, cause));
            }
            failures++;
            fetch(Math.min(30_000, 500L << Math.min(6, failures)));
            return;
        }
        failures = 0;
        DepthUpdateEvent first = buffer.peekFirst();
        if (first != null && snapshot.lastUpdateId() < first.firstUpdateId()) {
            fetch(250); // the snapshot is older than the first buffered event: get a newer one
            return;
        }
        long last = snapshot.lastUpdateId();
        boolean futures = sequencing == Sequencing.FUTURES;
        // spot drops u <= lastUpdateId and needs U <= lastUpdateId + 1; futures drops u < lastUpdateId
        // and needs U <= lastUpdateId
        while (!buffer.isEmpty() && (futures ? buffer.peekFirst().finalUpdateId() < last
                : buffer.peekFirst().finalUpdateId() <= last)) {
            buffer.pollFirst();
        }
        if (!buffer.isEmpty() && buffer.peekFirst().firstUpdateId() > (futures ? last : last + 1)) {
            // events between the snapshot and the buffer are missing: start over from here
            DepthUpdateEvent next = buffer.peekFirst();
            buffer.clear();
            buffer.addLast(next);
            fetch(250);
            return;
        }
        bids.clear();
        asks.clear();
        set(bids, snapshot.bids());
        set(asks, snapshot.asks());
        lastUpdateId = last;
        synced = true;
        firstAfterSnapshot = futures;
        List<DepthUpdateEvent> pending = new ArrayList<>(buffer);
        buffer.clear();
        for (OrderBookListener l : listeners) {
            notify(() -> l.onSynced(this));
        }
        for (DepthUpdateEvent e : pending) {
            if (synced) {
                applyInSequence(e);
            } else {
                buffer.addLast(e); // a gap inside the buffer started a resync: keep feeding it
            }
        }
        if (synced) {
            firstSync.complete(null);
        }
    }

    private static void notify(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(OrderBook.class).warn("order book listener threw", e);
        }
    }

    /** Unsubscribes the diff stream (if the book subscribed it) and stops applying events. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            buffer.clear();
        }
        if (subscription != null) {
            subscription.close();
        }
    }

    @Override
    public synchronized String toString() {
        return "OrderBook[" + symbol + ", " + (synced ? "synced at " + lastUpdateId : "syncing") + ", "
                + bids.size() + " bids, " + asks.size() + " asks]";
    }

    /** Configures an {@link OrderBook}. */
    public static final class Builder {
        private final String symbol;
        private MarketStreams streams;
        private UpdateSpeed speed = UpdateSpeed.MS_100;
        private int snapshotLimit = 5000;
        private Function<String, CompletableFuture<OrderBookDepth>> snapshots;
        private OrderBookListener listener;
        private Sequencing sequencing = Sequencing.SPOT;

        private Builder(String symbol) {
            this.symbol = symbol;
        }

        /**
         * @param streams subscribes the diff stream there and fetches snapshots over its client's REST
         * @return this
         */
        public Builder streams(MarketStreams streams) {
            this.streams = Objects.requireNonNull(streams, "streams");
            return this;
        }

        /**
         * @param speed the diff stream's speed (default 100 ms)
         * @return this
         */
        public Builder speed(UpdateSpeed speed) {
            this.speed = Objects.requireNonNull(speed, "speed");
            return this;
        }

        /**
         * @param limit snapshot depth, 1 to 5000 (default 5000, weight 250; Binance's recommendation)
         * @return this
         */
        public Builder snapshotLimit(int limit) {
            if (limit < 1 || limit > 5000) {
                throw new IllegalArgumentException("snapshotLimit must be between 1 and 5000, was " + limit);
            }
            this.snapshotLimit = limit;
            return this;
        }

        /**
         * Where snapshots come from instead of {@code GET /api/v3/depth} (a recording, the WebSocket API).
         *
         * @param source called with the symbol whenever a snapshot is needed
         * @return this
         */
        public Builder snapshotSource(Function<String, CompletableFuture<OrderBookDepth>> source) {
            this.snapshots = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Which rule the book checks update ids by: {@link Sequencing#SPOT} (the default) or
         * {@link Sequencing#FUTURES} for a Binance futures diff stream (fed with
         * {@link OrderBook#accept} and a {@link #snapshotSource} from {@code /fapi/v1/depth}).
         *
         * <pre>{@code
         * OrderBook book = OrderBook.builder("BTCUSDT").sequencing(OrderBook.Sequencing.FUTURES)
         *         .snapshotSource(symbol -> CompletableFuture.completedFuture(new OrderBookDepth(100, List.of(), List.of())))
         *         .build();
         * }</pre>
         *
         * @param sequencing the rule
         * @return this
         */
        public Builder sequencing(Sequencing sequencing) {
            this.sequencing = Objects.requireNonNull(sequencing, "sequencing");
            return this;
        }

        /**
         * @param listener the first listener
         * @return this
         */
        public Builder listener(OrderBookListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** @return the book; with {@link #streams} it subscribes at once and syncs by itself */
        public OrderBook build() {
            return new OrderBook(this);
        }
    }
}
