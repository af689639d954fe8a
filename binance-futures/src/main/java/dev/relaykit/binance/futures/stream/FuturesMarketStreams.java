package dev.relaykit.binance.futures.stream;

import dev.relaykit.binance.internal.BinanceContext;
import dev.relaykit.binance.stream.MarketStream;
import dev.relaykit.binance.stream.MarketStreams;
import dev.relaykit.binance.stream.StreamListener;
import dev.relaykit.binance.stream.StreamSubscription;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Binance futures market streams, each routed to the path that carries it. USD-M splits its stream
 * host (Binance "Important WebSocket Change Notice", 2026-03-06): book tickers and depth on
 * {@code wss://fstream.binance.com/public}, the rest on {@code .../market}; a stream subscribed on
 * the wrong path is accepted and stays silent. COIN-M has one host, so both paths are one URL.
 *
 * <pre>{@code
 * try (UsdmFutures futures = UsdmFutures.builder().build();
 *      FuturesMarketStreams streams = futures.streams()) {
 *     FuturesSubscription both = streams.subscribe(
 *             List.of(FuturesStream.raw("btcusdt@markPrice@1s"), FuturesStream.raw("btcusdt@depth@100ms")),
 *             (stream, json) -> System.out.println(stream + ": " + json));   // split over /market and /public
 *     both.ready().join();
 *     both.close();                                                           // live UNSUBSCRIBE on both
 * }
 * }</pre>
 *
 * <p>Each path is served by the spot module's {@link MarketStreams} (one per distinct URL), so every
 * rule it follows holds here too: live {@code SUBSCRIBE}/{@code UNSUBSCRIBE} with ids, at most 1024
 * streams per connection (more open more connections), replacement of each connection before
 * Binance's 24 h cut with neither gap nor duplicate, resubscription after a loss with
 * {@link StreamListener#onGap}, and a watchdog. Tune them with {@link Builder#configure}.
 * Thread-safe; {@link #close()} closes every connection.
 */
public final class FuturesMarketStreams implements AutoCloseable {
    private final BinanceContext context;
    private final Map<StreamPath, String> urls;
    private final Consumer<MarketStreams.Builder> configure;
    private final Map<String, MarketStreams> byUrl = new LinkedHashMap<>(); // guarded by this
    private boolean closed; // guarded by this

    private FuturesMarketStreams(Builder b) {
        this.context = b.context;
        this.urls = Map.of(StreamPath.PUBLIC, b.publicUrl, StreamPath.MARKET, b.marketUrl);
        this.configure = b.configure;
    }

    /**
     * Starts a builder; {@code futures.streams()} is the short form with the environment's URLs.
     *
     * @param client the futures client (its context fetches snapshots for order books)
     * @param publicUrl the {@code /public} stream base, e.g. {@code wss://fstream.binance.com/public}
     * @param marketUrl the {@code /market} stream base, e.g. {@code wss://fstream.binance.com/market};
     *     the same as {@code publicUrl} for COIN-M
     * @return the builder
     */
    public static Builder builder(BinanceContext.Source client, String publicUrl, String marketUrl) {
        return new Builder(Objects.requireNonNull(client, "client").context(), strip(publicUrl, "publicUrl"),
                strip(marketUrl, "marketUrl"));
    }

    /**
     * Not API: the context these streams were made from.
     *
     * @return the context
     */
    public BinanceContext context() {
        return context;
    }

    /**
     * Subscribes one stream on its path.
     *
     * @param stream e.g. {@code FuturesStream.markPrice("BTCUSDT")}
     * @param listener receives its events
     * @param <T> the event type
     * @return the subscription
     */
    public <T> FuturesSubscription subscribe(FuturesStream<T> stream, StreamListener<? super T> listener) {
        return subscribe(List.of(Objects.requireNonNull(stream, "stream")), listener);
    }

    /**
     * Subscribes one stream with a listener that only takes events.
     *
     * @param stream the stream
     * @param listener receives each event
     * @param <T> the event type
     * @return the subscription
     */
    public <T> FuturesSubscription subscribe(FuturesStream<T> stream, Consumer<? super T> listener) {
        Objects.requireNonNull(listener, "listener");
        return subscribe(stream, (StreamListener<T>) (s, e) -> listener.accept(e));
    }

    /**
     * Subscribes several streams with one listener: one combined subscription, split by path (and
     * over connections) as Binance requires.
     *
     * @param streams the streams; kinds may be mixed (use a common supertype such as {@code Object})
     * @param listener receives their events; the stream name tells them apart
     * @param <T> the event type
     * @return one subscription for all of them
     * @throws IllegalArgumentException if {@code streams} is empty
     * @throws IllegalStateException if closed
     */
    public <T> FuturesSubscription subscribe(Collection<? extends FuturesStream<? extends T>> streams,
                                             StreamListener<? super T> listener) {
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(listener, "listener");
        if (streams.isEmpty()) {
            throw new IllegalArgumentException("streams must not be empty");
        }
        Map<String, List<MarketStream<? extends T>>> groups = new LinkedHashMap<>();
        for (FuturesStream<? extends T> s : streams) {
            Objects.requireNonNull(s, "stream");
            groups.computeIfAbsent(urls.get(s.path()), u -> new ArrayList<>()).add(s.marketStream());
        }
        List<StreamSubscription> parts = new ArrayList<>();
        for (Map.Entry<String, List<MarketStream<? extends T>>> g : groups.entrySet()) {
            parts.add(streamsFor(g.getKey()).subscribe(g.getValue(), listener));
        }
        return new FuturesSubscription(parts);
    }

    /**
     * Lists what Binance says is subscribed, over every path and connection.
     *
     * @return the stream names, sorted
     */
    public List<String> listSubscriptions() {
        TreeSet<String> all = new TreeSet<>();
        for (MarketStreams s : all()) {
            all.addAll(s.listSubscriptions());
        }
        return List.copyOf(all);
    }

    /** @return how many connections are open or opening, over every path */
    public int connectionCount() {
        return all().stream().mapToInt(MarketStreams::connectionCount).sum();
    }

    private synchronized List<MarketStreams> all() {
        return new ArrayList<>(byUrl.values());
    }

    private synchronized MarketStreams streamsFor(String url) {
        if (closed) {
            throw new IllegalStateException("FuturesMarketStreams is closed");
        }
        return byUrl.computeIfAbsent(url, u -> {
            MarketStreams.Builder b = MarketStreams.builder(() -> context).endpoints(List.of(u + "/stream"));
            configure.accept(b);
            return b.build();
        });
    }

    /** Closes every path's connections. */
    @Override
    public void close() {
        List<MarketStreams> toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(byUrl.values());
            byUrl.clear();
        }
        toClose.forEach(MarketStreams::close);
    }

    @Override
    public String toString() {
        return "FuturesMarketStreams[" + urls.get(StreamPath.PUBLIC) + ", " + urls.get(StreamPath.MARKET) + ", "
                + connectionCount() + " connection(s)]";
    }

    private static String strip(String url, String what) {
        Objects.requireNonNull(url, what);
        if (!url.startsWith("ws://") && !url.startsWith("wss://")) {
            throw new IllegalArgumentException(what + " must start with ws:// or wss://: " + url);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Configures {@link FuturesMarketStreams}. */
    public static final class Builder {
        private final BinanceContext context;
        private final String publicUrl;
        private final String marketUrl;
        private Consumer<MarketStreams.Builder> configure = b -> { };

        private Builder(BinanceContext context, String publicUrl, String marketUrl) {
            this.context = context;
            this.publicUrl = publicUrl;
            this.marketUrl = marketUrl;
        }

        /**
         * Adjusts every path's stream machinery (connection age before rotation, overlap, watchdog,
         * reconnect policy, dispatcher, proxy).
         *
         * <pre>{@code
         * futures.streamsBuilder()
         *         .configure(b -> b.maxConnectionAge(Duration.ofHours(12)).watchdog(Duration.ofMinutes(1)))
         *         .build();
         * }</pre>
         *
         * @param configure called with each path's {@link MarketStreams.Builder} (its endpoint is set already)
         * @return this
         */
        public Builder configure(Consumer<MarketStreams.Builder> configure) {
            this.configure = Objects.requireNonNull(configure, "configure");
            return this;
        }

        /** @return the streams; a path connects when its first stream is subscribed */
        public FuturesMarketStreams build() {
            return new FuturesMarketStreams(this);
        }
    }
}
