package dev.relaykit.binance.stream;

import dev.relaykit.binance.BinanceApiException;
import dev.relaykit.binance.internal.BinanceContext;
import dev.relaykit.core.TransportException;
import dev.relaykit.core.ws.NotConnectedException;
import dev.relaykit.core.ws.ReconnectPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/**
 * Binance spot market streams: typed subscriptions over as many connections as needed, kept alive
 * for you.
 *
 * <pre>{@code
 * try (MarketStreams streams = binance.streams()) {
 *     StreamSubscription trades = streams.subscribe(MarketStream.trade("BTCUSDT"),
 *             (stream, t) -> System.out.println(t.price() + " x " + t.quantity()));
 *     trades.ready().join();                        // Binance confirmed the SUBSCRIBE
 *     streams.subscribe(MarketStream.kline("ETHUSDT", KlineInterval.MINUTE_1),
 *             k -> System.out.println(k.kline().close()));   // a Consumer when the stream name is not needed
 *     List<String> live = streams.listSubscriptions();
 * }
 * }</pre>
 *
 * <p>How it follows Binance's rules ("WebSocket Streams" page):
 * <ul>
 *   <li>Connections go to the combined endpoint ({@code /stream}) and streams are subscribed live
 *       with {@code SUBSCRIBE}/{@code UNSUBSCRIBE} requests carrying ids; each request's answer
 *       ({@code {"result":null,"id":n}} or an error) completes a future. Requests made close
 *       together are merged into one message.</li>
 *   <li>At most 5 incoming messages per second per connection, pongs included: this client sends at
 *       most 4 per second by default (one slot is left for the pong OkHttp sends when Binance pings
 *       every 20 s).</li>
 *   <li>At most 1024 streams per connection: more streams open more connections, transparently.</li>
 *   <li>Connections live at most 24 hours: before that ({@link Builder#maxConnectionAge}), a
 *       replacement connection is opened and subscribed, both run side by side until the new one is
 *       proven to carry on where the old one is, and the old one is closed. Events both deliver are
 *       passed on once (by trade id, update id or event time), so a listener sees neither a gap nor
 *       a duplicate. A {@code serverShutdown} event starts the same switch at once.</li>
 *   <li>A lost connection reconnects (with backoff) and subscribes every stream again; listeners get
 *       {@link StreamListener#onGap} because events may have been missed meanwhile. A watchdog
 *       drops a connection on which nothing arrived for {@link Builder#watchdog} (default 5
 *       minutes).</li>
 * </ul>
 *
 * <p>Listeners run on each connection's dispatcher (never the socket's reader thread), one at a time
 * per subscription. Thread-safe; {@link #close()} closes every connection and thread.
 */
public final class MarketStreams implements AutoCloseable {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    // One concern each: routing (StreamRouter, Route), the connections (ConnectionPool, whose lock is
    // the one lock of the streams' state), SUBSCRIBE/UNSUBSCRIBE requests (SubscriptionRequests) and the
    // 24-hour rotation (ConnectionRotation), on one timer thread (StreamTimer).
    private final BinanceContext context;
    private final Duration requestTimeout;
    private final StreamTimer timer;
    private final StreamRouter router;
    private final ConnectionPool pool;
    private final SubscriptionRequests requests;
    private final ConnectionRotation rotation;

    private MarketStreams(Builder b) {
        this.context = b.context;
        this.requestTimeout = b.requestTimeout;
        String name = "binance-streams-" + INSTANCES.incrementAndGet();
        this.timer = new StreamTimer(name);
        // the pieces call each other back through these methods: requests and rotation are made last
        this.router = new StreamRouter(this::answered, this::serverShutdown);
        this.pool = new ConnectionPool(b,
                b.endpoints != null ? b.endpoints
                        : context.environment().streamBaseUrls().stream().map(base -> base + "/stream").toList(),
                name, router, timer,
                new ConnectionPool.Hooks() {
                    @Override
                    public String replayFrame(StreamConnection c) {
                        return requests().replayFrame(c);
                    }

                    @Override
                    public List<SubscriptionRequests.Op> takeRequestsLocked(StreamConnection c,
                            Consumer<dev.relaykit.core.ws.WsRpc.Taken<Long>> unanswered) {
                        return requests().takeRequestsLocked(c, unanswered);
                    }

                    @Override
                    public void retiringClosed(StreamConnection c) {
                        timer.execute(() -> rotation().finishRotation(c));
                    }
                });
        this.requests = new SubscriptionRequests(pool, router, timer, b.rate, b.requestTimeout, this::replayAnswered);
        this.rotation = new ConnectionRotation(pool, router, requests, timer, name, b.maxAge, b.overlap);
    }

    private SubscriptionRequests requests() {
        return requests;
    }

    private ConnectionRotation rotation() {
        return rotation;
    }

    private void answered(StreamConnection c, com.fasterxml.jackson.databind.JsonNode answer) {
        requests.answer(c, answer);
    }

    private void serverShutdown(StreamConnection c) {
        timer.execute(() -> rotation.rotate(c));
    }

    private void replayAnswered(StreamConnection c) {
        rotation.successorReady(c);
    }

    private void switched(StreamConnection old) {
        rotation.switched(old);
    }

    /**
     * Starts a builder; {@code binance.streams()} is the short form with every default.
     *
     * @param client the client whose environment (stream endpoint) to use: a
     *     {@link dev.relaykit.binance.BinanceSpot}
     * @return the builder
     */
    public static Builder builder(BinanceContext.Source client) {
        return new Builder(Objects.requireNonNull(client, "client").context());
    }

    /**
     * Not API: the context of the client these streams were made from (its REST side fetches order
     * book snapshots). It may change in any release.
     *
     * @return the context
     */
    public BinanceContext context() {
        return context;
    }

    // ------------------------------------------------------------------ subscribing

    /**
     * Subscribes one stream.
     *
     * @param stream the stream, e.g. {@code MarketStream.trade("BTCUSDT")}
     * @param listener receives its events
     * @param <T> the event type
     * @return the subscription; {@link StreamSubscription#ready()} completes on Binance's answer
     * @throws IllegalStateException if this client is closed
     */
    public <T> StreamSubscription subscribe(MarketStream<T> stream, StreamListener<? super T> listener) {
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
    public <T> StreamSubscription subscribe(MarketStream<T> stream, Consumer<? super T> listener) {
        Objects.requireNonNull(listener, "listener");
        return subscribe(stream, (StreamListener<T>) (s, e) -> listener.accept(e));
    }

    /**
     * Subscribes several streams of one type with one listener (one request where possible,
     * spread over connections when one connection would carry more than 1024 streams).
     *
     * @param streams the streams
     * @param listener receives their events (the stream name tells them apart)
     * @param <T> the event type
     * @return one subscription for all of them
     * @throws IllegalArgumentException if {@code streams} is empty
     * @throws IllegalStateException if this client is closed
     */
    public <T> StreamSubscription subscribe(Collection<? extends MarketStream<? extends T>> streams,
                                            StreamListener<? super T> listener) {
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(listener, "listener");
        if (streams.isEmpty()) {
            throw new IllegalArgumentException("streams must not be empty");
        }
        Map<String, MarketStream<? extends T>> byName = new LinkedHashMap<>();
        for (MarketStream<? extends T> s : streams) {
            byName.putIfAbsent(Objects.requireNonNull(s, "stream").name(), s);
        }
        StreamSubscription sub = new StreamSubscription(this, new ArrayList<>(byName.keySet()));
        List<CompletableFuture<Void>> confirmations = new ArrayList<>();
        Set<StreamConnection> touched = new LinkedHashSet<>();
        List<StreamConnection> created = new ArrayList<>();
        synchronized (pool.lock) {
            if (pool.isClosed()) {
                throw new IllegalStateException("MarketStreams is closed");
            }
            for (MarketStream<? extends T> s : byName.values()) {
                Route r = router.routes.get(s.name());
                if (r == null) {
                    StreamConnection c = pool.assignLocked(created);
                    r = new Route(s, c, this::switched);
                    router.routes.put(s.name(), r);
                    c.desired.add(s.name());
                    c.pending.add(new SubscriptionRequests.Op(SubscriptionRequests.SUBSCRIBE, s.name(), r.confirmed));
                    touched.add(c);
                }
                @SuppressWarnings({"unchecked", "rawtypes"})
                Route.Sink<?> sink = new Route.Sink(sub, s, listener);
                r.add(sink);
                confirmations.add(r.confirmed);
            }
        }
        sub.ready(requests.withTimeout(CompletableFuture.allOf(confirmations.toArray(CompletableFuture[]::new)),
                "SUBSCRIBE " + sub.streams(), touched));
        created.forEach(pool::start);
        touched.forEach(requests::flushSoon);
        return sub;
    }

    /**
     * Lists the streams Binance says are subscribed, over every open connection
     * ({@code LIST_SUBSCRIPTIONS}).
     *
     * @return the stream names, sorted
     * @throws BinanceApiException if Binance answered with an error
     * @throws NotConnectedException if a connection is not open
     */
    public List<String> listSubscriptions() {
        try {
            return listSubscriptionsAsync().get(requestTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new dev.relaykit.core.TransportException("no answer to LIST_SUBSCRIPTIONS within "
                    + requestTimeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Asynchronous {@link #listSubscriptions()}.
     *
     * @return completes with the sorted stream names of every open connection
     */
    public CompletableFuture<List<String>> listSubscriptionsAsync() {
        return requests.listSubscriptions();
    }

    /** @return how many connections are open or opening now (for monitoring) */
    public int connectionCount() {
        return pool.connections().size();
    }

    boolean isClosed() {
        return pool.isClosed();
    }

    /** Removes a subscription's listeners; unsubscribes streams nobody listens to any more. */
    CompletableFuture<Void> unsubscribe(StreamSubscription sub) {
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        Set<StreamConnection> touched = new LinkedHashSet<>();
        List<StreamConnection> emptied = new ArrayList<>();
        synchronized (pool.lock) {
            for (String stream : sub.streams()) {
                Route r = router.routes.get(stream);
                if (r == null) {
                    continue;
                }
                r.remove(sub);
                if (!r.sinks.isEmpty()) {
                    continue;
                }
                router.routes.remove(stream);
                for (StreamConnection c : new StreamConnection[] {r.primary, r.successor}) {
                    if (c == null || !c.desired.remove(stream)) {
                        continue;
                    }
                    if (c.desired.isEmpty() && c.predecessor == null && !c.retiring) {
                        emptied.add(c); // closing the connection unsubscribes everything
                    } else {
                        CompletableFuture<Void> done = new CompletableFuture<>();
                        c.pending.add(new SubscriptionRequests.Op(SubscriptionRequests.UNSUBSCRIBE, stream, done));
                        answers.add(done);
                        touched.add(c);
                    }
                }
            }
            emptied.forEach(pool::retireLocked);
        }
        emptied.forEach(c -> c.session.close());
        touched.removeAll(emptied);
        touched.forEach(requests::flushSoon);
        return requests.withTimeout(CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)),
                "UNSUBSCRIBE " + sub.streams());
    }

    /** Closes every connection and the client's threads. Subscriptions end; nothing reconnects. */
    @Override
    public void close() {
        List<StreamConnection> all = pool.closeAll();
        if (all == null) {
            return;
        }
        requests.clear(all);
        all.forEach(c -> c.session.close());
        router.routes.clear();
        timer.shutdown();
    }

    @Override
    public String toString() {
        return "MarketStreams[" + context.environment().name() + ", " + connectionCount() + " connection(s), "
                + router.routes.size() + " stream(s)]";
    }

    /** Configures {@link MarketStreams}. */
    public static final class Builder {
        private final BinanceContext context;
        // read by the pieces the streams are built of
        int maxStreams = 1024;
        Duration maxAge = Duration.ofHours(23);
        Duration overlap = Duration.ofSeconds(5);
        int rate = 4;
        Duration watchdog = Duration.ofMinutes(5);
        ReconnectPolicy policy = ReconnectPolicy.defaults();
        boolean retryInitialConnect;
        Executor dispatcher;
        OkHttpClient httpClient;
        Duration requestTimeout = Duration.ofSeconds(10);
        List<String> endpoints;

        private Builder(BinanceContext context) {
            this.context = context;
        }

        /**
         * The combined-stream endpoints to connect to, in failover order, instead of the environment's
         * {@code <streamBase>/stream}. Binance USD-M futures routes streams by kind to different paths
         * ({@code wss://fstream.binance.com/public/stream}, {@code .../market/stream}); its client builds
         * one {@code MarketStreams} per path this way.
         *
         * <pre>{@code
         * MarketStreams market = MarketStreams.builder(binance)
         *         .endpoints(List.of("wss://fstream.binance.com/market/stream"))
         *         .build();
         * }</pre>
         *
         * @param urls {@code ws(s)://} URLs of endpoints that accept {@code SUBSCRIBE} and send
         *     {@code {"stream":..,"data":..}} messages
         * @return this
         * @throws IllegalArgumentException if {@code urls} is empty or a URL is not {@code ws(s)://}
         */
        public Builder endpoints(List<String> urls) {
            Objects.requireNonNull(urls, "urls");
            if (urls.isEmpty()) {
                throw new IllegalArgumentException("endpoints must not be empty");
            }
            for (String u : urls) {
                if (u == null || !(u.startsWith("ws://") || u.startsWith("wss://"))) {
                    throw new IllegalArgumentException("not a ws:// or wss:// endpoint: " + u);
                }
            }
            this.endpoints = List.copyOf(urls);
            return this;
        }

        /**
         * @param max streams per connection before another connection is opened, 1 to 1024 (default 1024, Binance's limit)
         * @return this
         */
        public Builder maxStreamsPerConnection(int max) {
            if (max < 1 || max > 1024) {
                throw new IllegalArgumentException("maxStreamsPerConnection must be between 1 and 1024, was " + max);
            }
            this.maxStreams = max;
            return this;
        }

        /**
         * @param age replace a connection proactively once it is this old (default 23 h; Binance ends
         *     connections at 24 h)
         * @return this
         */
        public Builder maxConnectionAge(Duration age) {
            this.maxAge = positive(age, "maxConnectionAge");
            return this;
        }

        /**
         * @param overlap the longest the old and new connection run side by side once the new one is
         *     subscribed (default 5 s); usually the switch completes with the next event
         * @return this
         */
        public Builder rotationOverlap(Duration overlap) {
            this.overlap = positive(overlap, "rotationOverlap");
            return this;
        }

        /**
         * @param messagesPerSecond messages this client sends per connection per second, 1 to 5
         *     (default 4: Binance allows 5 and counts the pongs that answer its pings)
         * @return this
         */
        public Builder outgoingRateLimit(int messagesPerSecond) {
            if (messagesPerSecond < 1 || messagesPerSecond > 5) {
                throw new IllegalArgumentException("outgoingRateLimit must be between 1 and 5 (Binance closes "
                        + "connections that send more than 5 messages per second), was " + messagesPerSecond);
            }
            this.rate = messagesPerSecond;
            return this;
        }

        /**
         * @param silence drop and reconnect a connection on which no message arrived for this long
         *     (default 5 min), or {@code null} for no watchdog
         * @return this
         */
        public Builder watchdog(Duration silence) {
            this.watchdog = silence == null ? null : positive(silence, "watchdog");
            return this;
        }

        /**
         * @param policy how lost connections reconnect (default {@link ReconnectPolicy#defaults()})
         * @return this
         */
        public Builder reconnect(ReconnectPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Whether a first connection that fails is retried by the reconnect policy. Off by default:
         * {@code StreamSubscription.ready()} then fails at once with the cause (a {@code java.net.ConnectException} for a
         * refused port) and nothing keeps trying. Once a connection has been open, losses always
         * reconnect by the policy.
         *
         * @param keepTrying {@code true} to keep trying the first connection by the policy
         * @return this
         */
        public Builder retryInitialConnect(boolean keepTrying) {
            this.retryInitialConnect = keepTrying;
            return this;
        }

        /**
         * @param executor runs listener callbacks (one at a time per connection) instead of each
         *     connection's own thread
         * @return this
         */
        public Builder dispatcher(Executor executor) {
            this.dispatcher = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * @param client the OkHttp client to derive connections from (proxy, TLS)
         * @return this
         */
        public Builder httpClient(OkHttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * @param timeout how long to wait for Binance's answer to a request (default 10 s)
         * @return this
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /** @return the client; it connects when the first stream is subscribed */
        public MarketStreams build() {
            return new MarketStreams(this);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, was " + d);
            }
            return d;
        }
    }
}
