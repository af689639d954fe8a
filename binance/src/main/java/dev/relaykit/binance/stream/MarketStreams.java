package dev.relaykit.binance.stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.binance.BinanceApiException;
import dev.relaykit.binance.internal.BinanceContext;
import dev.relaykit.core.DecodeException;
import dev.relaykit.core.TransportException;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.ws.ConnectionState;
import dev.relaykit.core.ws.FrameType;
import dev.relaykit.core.ws.NotConnectedException;
import dev.relaykit.core.ws.ReconnectPolicy;
import dev.relaykit.core.ws.StateChange;
import dev.relaykit.core.ws.WsListener;
import dev.relaykit.core.ws.WsSession;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance spot market streams: typed subscriptions over as many connections as needed, kept alive
 * for you.
 *
 * <pre>{@code
 * try (MarketStreams streams = binance.streams()) {
 *     StreamSubscription trades = streams.subscribe(MarketStream.trade("BTCUSDT"),
 *             (stream, t) -> System.out.println(t.price() + " x " + t.quantity()));
 *     trades.ready().join();                        // Binance confirmed the SUBSCRIBE
 *     streams.subscribe(MarketStream.kline("ETHUSDT", KlineInterval.MINUTE_1), k -> ...);
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
    private static final Logger LOG = LoggerFactory.getLogger(MarketStreams.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final String SUBSCRIBE = "SUBSCRIBE";
    private static final String UNSUBSCRIBE = "UNSUBSCRIBE";

    private final BinanceContext context;
    private final String url;
    private final String name;
    private final int maxStreams;
    private final Duration maxAge;
    private final Duration overlap;
    private final int rate;
    private final Duration watchdog;
    private final ReconnectPolicy policy;
    private final boolean retryInitialConnect;
    private final Executor dispatcher;
    private final OkHttpClient httpClient;
    private final Duration requestTimeout;
    private final ScheduledThreadPoolExecutor scheduler;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();

    private final Object lock = new Object();
    // --- guarded by lock ---
    private final List<Conn> conns = new ArrayList<>();
    private final Map<Long, Request> inflight = new HashMap<>();
    private int connSequence;
    private volatile boolean closed;
    // --- end guarded ---

    private MarketStreams(Builder b) {
        this.context = b.context;
        this.url = b.context.environment().streamBaseUrl() + "/stream";
        this.name = "binance-streams-" + INSTANCES.incrementAndGet();
        this.maxStreams = b.maxStreams;
        this.maxAge = b.maxAge;
        this.overlap = b.overlap;
        this.rate = b.rate;
        this.watchdog = b.watchdog;
        this.policy = b.policy;
        this.retryInitialConnect = b.retryInitialConnect;
        this.dispatcher = b.dispatcher;
        this.httpClient = b.httpClient;
        this.requestTimeout = b.requestTimeout;
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "relaykit-" + name + "-timer");
            t.setDaemon(true);
            return t;
        });
        this.scheduler.setRemoveOnCancelPolicy(true);
        long tick = Math.max(20, Math.min(1000, maxAge.toMillis() / 20));
        scheduler.scheduleWithFixedDelay(this::rotateDue, tick, tick, TimeUnit.MILLISECONDS);
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
        Set<Conn> touched = new LinkedHashSet<>();
        List<Conn> created = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("MarketStreams is closed");
            }
            for (MarketStream<? extends T> s : byName.values()) {
                Route r = routes.get(s.name());
                if (r == null) {
                    Conn c = assign(created);
                    r = new Route(s, c);
                    routes.put(s.name(), r);
                    c.desired.add(s.name());
                    c.pending.add(new Op(SUBSCRIBE, s.name(), r.confirmed));
                    touched.add(c);
                }
                @SuppressWarnings({"unchecked", "rawtypes"})
                Sink<?> sink = new Sink(sub, s, listener);
                r.add(sink);
                confirmations.add(r.confirmed);
            }
        }
        sub.ready(withTimeout(CompletableFuture.allOf(confirmations.toArray(CompletableFuture[]::new)),
                "SUBSCRIBE " + sub.streams()));
        created.forEach(this::start);
        touched.forEach(this::flushSoon);
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
        List<Conn> open;
        synchronized (lock) {
            open = new ArrayList<>(conns);
        }
        List<CompletableFuture<List<String>>> answers = new ArrayList<>();
        for (Conn c : open) {
            long id = ids.incrementAndGet();
            CompletableFuture<List<String>> f = new CompletableFuture<>();
            synchronized (lock) {
                inflight.put(id, new Request(c, List.of(), false, f));
            }
            answers.add(withTimeout(f, "LIST_SUBSCRIPTIONS"));
            try {
                c.session.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + id + "}");
            } catch (RuntimeException e) {
                synchronized (lock) {
                    inflight.remove(id);
                }
                f.completeExceptionally(e);
            }
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(v -> {
            TreeSet<String> all = new TreeSet<>();
            answers.forEach(a -> all.addAll(a.join()));
            return List.copyOf(all);
        });
    }

    /** @return how many connections are open or opening now (for monitoring) */
    public int connectionCount() {
        synchronized (lock) {
            return conns.size();
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Removes a subscription's listeners; unsubscribes streams nobody listens to any more. */
    CompletableFuture<Void> unsubscribe(StreamSubscription sub) {
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        Set<Conn> touched = new LinkedHashSet<>();
        List<Conn> emptied = new ArrayList<>();
        synchronized (lock) {
            for (String stream : sub.streams()) {
                Route r = routes.get(stream);
                if (r == null) {
                    continue;
                }
                r.remove(sub);
                if (!r.sinks.isEmpty()) {
                    continue;
                }
                routes.remove(stream);
                for (Conn c : new Conn[] {r.primary, r.successor}) {
                    if (c == null || !c.desired.remove(stream)) {
                        continue;
                    }
                    if (c.desired.isEmpty() && c.predecessor == null && !c.retiring) {
                        emptied.add(c); // closing the connection unsubscribes everything
                    } else {
                        CompletableFuture<Void> done = new CompletableFuture<>();
                        c.pending.add(new Op(UNSUBSCRIBE, stream, done));
                        answers.add(done);
                        touched.add(c);
                    }
                }
            }
            emptied.forEach(this::retireLocked);
        }
        emptied.forEach(c -> c.session.close());
        touched.removeAll(emptied);
        touched.forEach(this::flushSoon);
        return withTimeout(CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)),
                "UNSUBSCRIBE " + sub.streams());
    }

    // ------------------------------------------------------------------ connections

    /** The connection a new stream goes on; creates one when all are full. Caller holds the lock. */
    private Conn assign(List<Conn> created) {
        for (Conn c : conns) {
            if (!c.retiring && c.desired.size() < maxStreams) {
                return c;
            }
        }
        Conn c = newConnLocked();
        created.add(c);
        return c;
    }

    private Conn newConnLocked() {
        WsSession.Builder b = WsSession.builder(url)
                .name(name + "-c" + (++connSequence))
                .reconnect(policy)
                .retryInitialConnect(retryInitialConnect)
                .outgoingRateLimit(rate)
                .expect(FrameType.TEXT);
        if (watchdog != null) {
            b.watchdog(watchdog);
        }
        if (dispatcher != null) {
            b.dispatcher(dispatcher);
        }
        if (httpClient != null) {
            b.httpClient(httpClient);
        }
        Conn c = new Conn(b.build());
        conns.add(c);
        return c;
    }

    /** Registers the replay frame and connects; never under the lock. */
    private void start(Conn c) {
        c.session.addListener(c);
        c.session.subscribe(() -> replayFrame(c), null);
        // a first connect that fails ends the connection (see connectFailed); later losses are retried by the
        // session and reported as gaps
        c.session.connect().exceptionally(e -> null);
    }

    /**
     * The frame sent on every (re)connect: subscribes everything the connection should carry. Ops
     * waiting to be sent, and requests sent on a previous connection and never answered, are
     * answered by this frame's answer. Runs under the session's lock.
     */
    private String replayFrame(Conn c) {
        List<CompletableFuture<List<String>>> orphans = new ArrayList<>();
        String frame;
        synchronized (lock) {
            long id = ids.incrementAndGet();
            List<Op> ops = new ArrayList<>(c.pending);
            c.pending.clear();
            for (Iterator<Request> it = inflight.values().iterator(); it.hasNext(); ) {
                Request r = it.next();
                if (r.conn == c) {
                    it.remove();
                    ops.addAll(r.ops);
                    if (r.list != null) {
                        orphans.add(r.list);
                    }
                }
            }
            inflight.put(id, new Request(c, ops, true, null));
            frame = c.desired.isEmpty()
                    ? "{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + id + "}"
                    : frame(SUBSCRIBE, c.desired, id);
        }
        if (!orphans.isEmpty()) {
            scheduler.execute(() -> orphans.forEach(f -> f.completeExceptionally(
                    new NotConnectedException("the connection was lost before Binance answered"))));
        }
        return frame;
    }

    private void flushSoon(Conn c) {
        synchronized (lock) {
            if (c.flushScheduled || c.closed) {
                return;
            }
            c.flushScheduled = true;
        }
        long delay = Math.max(0, c.nextFlushNanos - System.nanoTime());
        scheduleQuietly(() -> flush(c), delay, TimeUnit.NANOSECONDS);
    }

    /** Sends the longest run of same-method ops waiting on {@code c} as one request. */
    private void flush(Conn c) {
        synchronized (lock) {
            c.flushScheduled = false;
        }
        if (c.session.state() != ConnectionState.OPEN) {
            return; // the replay frame on the next open takes what waits
        }
        List<Op> ops = new ArrayList<>();
        long id;
        String frame;
        synchronized (lock) {
            if (c.pending.isEmpty() || c.closed) {
                return;
            }
            long now = System.nanoTime();
            if (c.nextFlushNanos - now > 0) {
                c.flushScheduled = true;
                scheduleQuietly(() -> flush(c), c.nextFlushNanos - now, TimeUnit.NANOSECONDS);
                return;
            }
            String method = c.pending.get(0).method;
            Set<String> names = new LinkedHashSet<>();
            while (!c.pending.isEmpty() && c.pending.get(0).method.equals(method)
                    && names.size() < FRAME_MAX_STREAMS) {
                Op op = c.pending.remove(0);
                ops.add(op);
                names.add(op.stream);
            }
            id = ids.incrementAndGet();
            inflight.put(id, new Request(c, ops, false, null));
            frame = frame(method, names, id);
            c.nextFlushNanos = now + 1_000_000_000L / rate;
            if (!c.pending.isEmpty()) {
                c.flushScheduled = true;
                scheduleQuietly(() -> flush(c), c.nextFlushNanos - now, TimeUnit.NANOSECONDS);
            }
        }
        try {
            c.session.send(frame);
        } catch (RuntimeException e) {
            synchronized (lock) {
                if (inflight.remove(id) != null) {
                    c.pending.addAll(0, ops); // not taken by a replay: try again
                }
            }
            scheduleQuietly(() -> flushSoon(c), 250, TimeUnit.MILLISECONDS);
        }
    }

    /** Most streams one SUBSCRIBE/UNSUBSCRIBE message carries (one connection's limit). */
    private static final int FRAME_MAX_STREAMS = 1024;

    private static String frame(String method, Collection<String> streams, long id) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("method", method);
        ArrayNode params = o.putArray("params");
        streams.forEach(params::add);
        o.put("id", id);
        return o.toString();
    }

    // ------------------------------------------------------------------ incoming

    private void onText(Conn c, String text) {
        JsonNode m;
        try {
            m = text.startsWith("{\"stream\":") ? onStreamText(c, text) : Json.mapper().readTree(text);
        } catch (IOException e) {
            LOG.warn("{}: undecodable message ignored: {}", c.session.name(), e.getMessage());
            return;
        }
        if (m == null) {
            return; // delivered
        }
        JsonNode data = m.get("data");
        JsonNode stream = m.get("stream");
        if (data != null && stream != null) {
            Route r = routes.get(stream.asText());
            if (r != null) {
                r.onEvent(c, data);
            }
            return;
        }
        if (m.has("id") && (m.has("result") || m.has("error"))) {
            answer(c, m);
            return;
        }
        JsonNode event = m.has("event") ? m.get("event") : m;
        if ("serverShutdown".equals(event.path("e").asText())) {
            LOG.info("{}: Binance announced a server shutdown; moving to a new connection", c.session.name());
            scheduleQuietly(() -> rotate(c), 0, TimeUnit.MILLISECONDS);
            return;
        }
        if (m.has("error") || m.has("code")) {
            LOG.warn("{}: Binance reported an error for no request of ours: {}", c.session.name(), text);
        }
    }

    /**
     * The hot path: a combined-stream message ({@code {"stream":"<name>","data":{..}}}) read in one
     * pass, its route looked up once. For a route with a single-pass decoder the text goes straight to
     * the typed event, no tree; for any other route the parser goes on into the tree the general path
     * would have built.
     *
     * @return {@code null} once delivered; otherwise the message's tree for the general path (which
     *     also decodes what the single-pass decoder could not, or reports why it cannot)
     * @throws IOException if the message is not JSON (only where the general path would throw it too)
     */
    private JsonNode onStreamText(Conn c, String text) throws IOException {
        try (JsonParser p = Json.mapper().getFactory().createParser(text)) {
            String name = MarketStream.streamName(p);
            Route r = name == null ? null : routes.get(name);
            if (r != null && r.fast) {
                Object event;
                try {
                    event = MarketStream.toData(p) ? r.stream.fastDecode(p) : null;
                } catch (IOException | RuntimeException e) {
                    event = null;
                }
                if (event != null) {
                    r.onEvent(c, new Typed(event), r.stream.typedOrder(event));
                    return null;
                }
            } else if (r != null) {
                JsonNode m = restOfMessage(p, name);
                JsonNode data = m.get("data");
                if (data != null && name.equals(m.get("stream").asText())) {
                    r.onEvent(c, data);
                    return null;
                }
                return m;
            }
        }
        return Json.mapper().readTree(text);
    }

    /**
     * Reads the rest of a message whose {@code "stream"} field the parser has just read, into the
     * same tree {@code readTree} gives for the whole text.
     */
    private static JsonNode restOfMessage(JsonParser p, String name) throws IOException {
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("stream", name);
        while (p.nextToken() == JsonToken.FIELD_NAME) { // the parser throws on anything but a field or the end
            String field = p.currentName();
            p.nextToken();
            m.set(field, Json.mapper().readTree(p));
        }
        return m;
    }

    /** An event already decoded into the route's type. */
    private record Typed(Object value) {
    }

    private void answer(Conn c, JsonNode m) {
        JsonNode idNode = m.get("id");
        Request r;
        synchronized (lock) {
            r = idNode.canConvertToLong() ? inflight.remove(idNode.asLong()) : null;
        }
        if (r == null) {
            if (m.has("error")) {
                LOG.warn("{}: error answer to an unknown request: {}", c.session.name(), m);
            }
            return;
        }
        JsonNode error = m.get("error");
        if (error == null && m.has("code") && m.has("msg")) {
            error = m; // the flat form the documentation's error table shows
        }
        if (error != null && !error.isNull()) {
            BinanceApiException ex = new BinanceApiException(0, error.path("code").asInt(), error.path("msg").asText());
            List<Route> refused = new ArrayList<>();
            synchronized (lock) {
                for (Op op : r.ops) {
                    if (op.method.equals(SUBSCRIBE)) {
                        c.desired.remove(op.stream);
                        Route route = routes.get(op.stream);
                        if (route != null && route.primary == c) {
                            routes.remove(op.stream);
                            refused.add(route);
                        }
                    }
                }
            }
            refused.forEach(route -> route.error(ex)); // listeners hear it before the futures complete
            r.ops.forEach(op -> op.done.completeExceptionally(ex));
            if (r.list != null) {
                r.list.completeExceptionally(ex);
            }
            return;
        }
        r.ops.forEach(op -> op.done.complete(null));
        if (r.list != null) {
            List<String> names = new ArrayList<>();
            m.path("result").forEach(n -> names.add(n.asText()));
            r.list.complete(names);
        }
        if (r.replay) {
            successorReady(c);
        }
    }

    // ------------------------------------------------------------------ connection events

    private void onStateChange(Conn c, StateChange change) {
        if (change.to() == ConnectionState.OPEN) {
            c.openedAtNanos = System.nanoTime();
            c.everOpened = true;
            if (change.isReconnect()) {
                Instant at = Instant.now();
                for (Route r : routes.values()) {
                    if (r.primary == c) {
                        r.gap(new StreamGap(r.name, at,
                                "the connection was lost and re-established; events in between may be missing"));
                    }
                }
            }
        } else if (change.from() == ConnectionState.OPEN && c.retiring) {
            scheduleQuietly(() -> finishRotation(c), 0, TimeUnit.MILLISECONDS);
        }
        if (change.to() == ConnectionState.FAILED && !c.everOpened) {
            connectFailed(c, change.cause());
        }
    }

    /**
     * A connection's first connect failed and nobody asked to keep trying: the streams it was to
     * carry fail their {@link StreamSubscription#ready()} with the cause, and are forgotten, so that
     * subscribing again opens a new connection. A replacement (rotation) connection is left to the
     * rotation, which keeps the old one.
     */
    private void connectFailed(Conn c, Throwable cause) {
        TransportException error = new TransportException("could not connect to the Binance market streams at "
                + url.replaceAll("^(wss?://[^/]+).*$", "$1") + ": " + (cause == null ? "failed" : cause.getMessage()), cause);
        List<Op> ops = new ArrayList<>();
        List<Route> dead = new ArrayList<>();
        synchronized (lock) {
            if (c.closed || c.predecessor != null) {
                return;
            }
            c.closed = true;
            conns.remove(c);
            ops.addAll(c.pending);
            c.pending.clear();
            for (Iterator<Request> it = inflight.values().iterator(); it.hasNext(); ) {
                Request r = it.next();
                if (r.conn == c) {
                    it.remove();
                    ops.addAll(r.ops);
                    if (r.list != null) {
                        r.list.completeExceptionally(error);
                    }
                }
            }
            for (Iterator<Route> it = routes.values().iterator(); it.hasNext(); ) {
                Route r = it.next();
                if (r.primary == c) {
                    it.remove();
                    dead.add(r);
                }
            }
        }
        ops.forEach(op -> op.done.completeExceptionally(error));
        dead.forEach(r -> r.confirmed.completeExceptionally(error));
    }

    // ------------------------------------------------------------------ rotation

    /** Periodic: replaces connections older than the maximum age. */
    private void rotateDue() {
        List<Conn> due = new ArrayList<>();
        long now = System.nanoTime();
        synchronized (lock) {
            for (Conn c : conns) {
                if (!c.retiring && c.everOpened && now - c.openedAtNanos >= maxAge.toNanos()
                        && now - c.nextRotationAttemptNanos >= 0) {
                    due.add(c);
                }
            }
        }
        due.forEach(this::rotate);
    }

    /** Opens a successor for {@code old}, subscribed to the same streams; both run until it has taken over. */
    private void rotate(Conn old) {
        Conn next;
        List<Route> moving = new ArrayList<>();
        synchronized (lock) {
            if (closed || old.retiring || old.closed) {
                return;
            }
            old.retiring = true;
            next = newConnLocked();
            next.predecessor = old;
            old.successor = next;
            next.desired.addAll(old.desired);
            next.pending.addAll(old.pending); // answered by the successor's replay frame
            old.pending.clear();
            for (Route r : routes.values()) {
                if (r.primary == old) {
                    moving.add(r);
                }
            }
            old.unswitched.set(moving.size());
        }
        for (Route r : moving) {
            r.beginHandover(old, next);
        }
        LOG.debug("{}: replacing connection {} ({} streams)", name, old.session.name(), moving.size());
        start(next);
        scheduleQuietly(() -> abandonIfNotReady(old, next), Math.max(10_000, overlap.toMillis() * 4),
                TimeUnit.MILLISECONDS);
    }

    /** The successor's subscription is confirmed: the old connection goes after the overlap at most. */
    private void successorReady(Conn c) {
        Conn old;
        synchronized (lock) {
            old = c.predecessor;
            if (old == null || c.ready) {
                return;
            }
            c.ready = true;
        }
        if (old.unswitched.get() <= 0) {
            scheduleQuietly(() -> finishRotation(old), 0, TimeUnit.MILLISECONDS);
        } else {
            scheduleQuietly(() -> finishRotation(old), overlap.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A route switched to the successor; when all have, the old connection can go. */
    private void switched(Conn old) {
        Conn next = old.successor;
        if (old.unswitched.decrementAndGet() <= 0 && next != null && next.ready) {
            scheduleQuietly(() -> finishRotation(old), 0, TimeUnit.MILLISECONDS);
        }
    }

    /** Moves every remaining route of {@code old} to its successor and closes {@code old}. */
    private void finishRotation(Conn old) {
        Conn next;
        List<Route> moving = new ArrayList<>();
        List<Op> leftover = new ArrayList<>();
        synchronized (lock) {
            next = old.successor;
            if (old.closed || next == null) {
                return;
            }
            for (Route r : routes.values()) {
                if (r.successor == next) {
                    moving.add(r);
                }
            }
            retireLocked(old);
            leftover.addAll(old.drainedOps);
            old.drainedOps.clear();
            next.predecessor = null;
        }
        boolean covered = next.ready;
        for (Route r : moving) {
            r.completeHandover(next, covered);
        }
        leftover.forEach(op -> op.done.complete(null)); // the successor carries these streams now
        old.session.close();
        LOG.debug("{}: connection {} replaced by {}", name, old.session.name(), next.session.name());
    }

    /** The successor did not get ready in time: drop it, keep the old one, try again later. */
    private void abandonIfNotReady(Conn old, Conn next) {
        List<Route> moving = new ArrayList<>();
        synchronized (lock) {
            if (next.ready || next.closed || old.closed) {
                return;
            }
            for (Route r : routes.values()) {
                if (r.successor == next) {
                    moving.add(r);
                }
            }
            retireLocked(next);
            old.pending.addAll(next.drainedOps);
            next.drainedOps.clear();
            old.retiring = false;
            old.successor = null;
            old.nextRotationAttemptNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        }
        moving.forEach(r -> r.abandonHandover(next));
        next.session.close();
        flushSoon(old);
        LOG.warn("{}: replacement for connection {} was not ready in time; keeping it and retrying later",
                name, old.session.name());
    }

    /** Removes a connection from service; its waiting ops go to {@code drainedOps}. Caller holds the lock. */
    private void retireLocked(Conn c) {
        c.closed = true;
        conns.remove(c);
        c.drainedOps.addAll(c.pending);
        c.pending.clear();
        for (Iterator<Request> it = inflight.values().iterator(); it.hasNext(); ) {
            Request r = it.next();
            if (r.conn == c) {
                it.remove();
                c.drainedOps.addAll(r.ops);
                if (r.list != null) {
                    CompletableFuture<List<String>> f = r.list;
                    scheduleQuietly(() -> f.completeExceptionally(
                            new NotConnectedException("the connection closed before Binance answered")), 0,
                            TimeUnit.MILLISECONDS);
                }
            }
        }
        if (c.successor == null && c.predecessor == null) {
            List<Op> ops = new ArrayList<>(c.drainedOps);
            c.drainedOps.clear();
            scheduleQuietly(() -> ops.forEach(op -> op.done.complete(null)), 0, TimeUnit.MILLISECONDS);
        }
    }

    private <T> CompletableFuture<T> withTimeout(CompletableFuture<T> f, String what) {
        CompletableFuture<T> out = new CompletableFuture<>();
        f.whenComplete((v, e) -> {
            if (e != null) {
                out.completeExceptionally(e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                        ? e.getCause() : e);
            } else {
                out.complete(v);
            }
        });
        java.util.concurrent.Future<?> timer = scheduleQuietly(() -> out.completeExceptionally(new TimeoutException(
                "no answer from Binance to " + what + " within " + requestTimeout.toMillis() + " ms")),
                requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        out.whenComplete((v, e) -> timer.cancel(false));
        return out;
    }

    private java.util.concurrent.Future<?> scheduleQuietly(Runnable task, long delay, TimeUnit unit) {
        try {
            return scheduler.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("{}: internal task failed", name, e);
                }
            }, delay, unit);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return CompletableFuture.completedFuture(null); // closed
        }
    }

    /** Closes every connection and the client's threads. Subscriptions end; nothing reconnects. */
    @Override
    public void close() {
        List<Conn> all;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            all = new ArrayList<>(conns);
            conns.clear();
            all.forEach(c -> c.closed = true);
            inflight.clear();
        }
        all.forEach(c -> c.session.close());
        routes.clear();
        scheduler.shutdownNow();
    }

    @Override
    public String toString() {
        return "MarketStreams[" + context.environment().name() + ", " + connectionCount() + " connection(s), "
                + routes.size() + " stream(s)]";
    }

    // ------------------------------------------------------------------ internals

    private record Op(String method, String stream, CompletableFuture<Void> done) {
    }

    private record Request(Conn conn, List<Op> ops, boolean replay, CompletableFuture<List<String>> list) {
    }

    /** One WebSocket connection and what it should carry. */
    private final class Conn implements WsListener {
        final WsSession session;
        // guarded by lock
        final Set<String> desired = new LinkedHashSet<>();
        final List<Op> pending = new ArrayList<>();
        final List<Op> drainedOps = new ArrayList<>();
        boolean flushScheduled;
        boolean retiring;
        boolean closed;
        boolean ready;
        Conn successor;
        Conn predecessor;
        long nextRotationAttemptNanos;
        // end guarded
        volatile long nextFlushNanos;
        volatile long openedAtNanos;
        volatile boolean everOpened;
        final AtomicInteger unswitched = new AtomicInteger();

        Conn(WsSession session) {
            this.session = session;
            long now = System.nanoTime();
            this.nextFlushNanos = now;
            this.nextRotationAttemptNanos = now;
        }

        @Override
        public void onText(WsSession s, String text) {
            MarketStreams.this.onText(this, text);
        }

        @Override
        public void onStateChange(WsSession s, StateChange change) {
            MarketStreams.this.onStateChange(this, change);
        }

        @Override
        public String toString() {
            return session.name();
        }
    }

    /** A subscriber of a route: a subscription's listener and the type it wants. */
    private static final class Sink<T> {
        final StreamSubscription sub;
        final MarketStream<T> stream;
        final StreamListener<? super T> listener;

        Sink(StreamSubscription sub, MarketStream<T> stream, StreamListener<? super T> listener) {
            this.sub = sub;
            this.stream = stream;
            this.listener = listener;
        }

        void deliver(String name, Object payload, Object[] cache) {
            if (!sub.isActive()) {
                return;
            }
            JavaType type = stream.type();
            T value;
            try {
                if (payload instanceof Typed typed) {
                    @SuppressWarnings("unchecked")
                    T decoded = (T) typed.value(); // Route.fast: every sink of the route wants this type
                    value = decoded;
                } else if (cache[0] == type) {
                    @SuppressWarnings("unchecked")
                    T cached = (T) cache[1];
                    value = cached;
                } else {
                    value = stream.decodeData((JsonNode) payload);
                    cache[0] = type;
                    cache[1] = value;
                }
            } catch (DecodeException e) {
                fail(name, e);
                return;
            }
            synchronized (sub) {
                try {
                    listener.onEvent(name, value);
                } catch (RuntimeException e) {
                    fail(name, e);
                }
            }
        }

        void fail(String name, Throwable error) {
            synchronized (sub) {
                try {
                    listener.onError(name, error);
                } catch (RuntimeException e) {
                    LOG.warn("listener of {} threw from onError", name, e);
                }
            }
        }

        void gap(StreamGap gap) {
            synchronized (sub) {
                try {
                    listener.onGap(gap);
                } catch (RuntimeException e) {
                    fail(gap.stream(), e);
                }
            }
        }
    }

    /**
     * One stream: its subscribers and where its events come from. During a connection switch it
     * has a successor whose events are held back until they provably continue the primary's.
     */
    private final class Route {
        final String name;
        final MarketStream<?> stream;
        final List<Sink<?>> sinks = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> confirmed = new CompletableFuture<>();
        volatile Conn primary;
        volatile Conn successor;
        /** Events can be decoded once, single-pass, for every sink ({@link #add} and {@link #remove} update it). */
        volatile boolean fast;
        // guarded by this
        private long lastOrder = Long.MIN_VALUE;
        private boolean catchingUp; // after a switch: the new primary may still send what the old one delivered
        private final ArrayDeque<Object[]> held = new ArrayDeque<>(); // {Long order, payload}

        Route(MarketStream<?> stream, Conn primary) {
            this.name = stream.name();
            this.stream = stream;
            this.primary = primary;
            this.fast = stream.hasFastDecoder();
        }

        /** Adds a subscriber; one wanting another type than the route's turns {@link #fast} off first. */
        void add(Sink<?> sink) {
            if (!sink.stream.type().equals(stream.type())) {
                fast = false;
            }
            sinks.add(sink);
        }

        /** Removes a subscription's subscribers; {@link #fast} may come back on. */
        void remove(StreamSubscription sub) {
            sinks.removeIf(s -> s.sub == sub);
            fast = stream.hasFastDecoder() && sinks.stream().allMatch(s -> s.stream.type().equals(stream.type()));
        }

        void onEvent(Conn from, JsonNode data) {
            onEvent(from, data, stream.order(data));
        }

        /** @param payload the event's JSON tree, or a {@link Typed} event */
        synchronized void onEvent(Conn from, Object data, long order) {
            if (from == primary) {
                if (catchingUp && order != Long.MIN_VALUE && lastOrder != Long.MIN_VALUE) {
                    if (order <= lastOrder) {
                        return; // delivered already, by the connection this one replaced
                    }
                    catchingUp = false;
                }
                deliver(data);
                if (order != Long.MIN_VALUE) {
                    lastOrder = order;
                }
                if (successor != null && !held.isEmpty() && lastOrder != Long.MIN_VALUE
                        && (long) held.peekFirst()[0] <= lastOrder) {
                    switchOver(); // the primary caught up with what the successor holds
                }
            } else if (from == successor) {
                if (order != Long.MIN_VALUE && lastOrder != Long.MIN_VALUE && order <= lastOrder) {
                    switchOver(); // a copy of an event already delivered: the successor carries on from here
                } else {
                    held.addLast(new Object[] {order, data});
                    if (held.size() > 100_000) {
                        switchOver();
                    }
                }
            }
        }

        private void deliver(Object data) {
            Object[] cache = new Object[2];
            for (Sink<?> s : sinks) {
                s.deliver(name, data, cache);
            }
        }

        /** Delivers what the successor holds beyond what was delivered, and makes it the primary. */
        private void switchOver() {
            Conn old = primary;
            for (Object[] h : held) {
                long order = (long) h[0];
                if (order == Long.MIN_VALUE || lastOrder == Long.MIN_VALUE || order > lastOrder) {
                    deliver(h[1]);
                    if (order != Long.MIN_VALUE) {
                        lastOrder = order;
                    }
                }
            }
            held.clear();
            primary = successor;
            successor = null;
            catchingUp = true;
            switched(old);
        }

        synchronized void beginHandover(Conn old, Conn next) {
            if (primary == old) {
                successor = next;
            }
        }

        synchronized void completeHandover(Conn next, boolean covered) {
            if (successor != next) {
                return;
            }
            Conn old = primary;
            switchOver();
            if (!covered) {
                gap(new StreamGap(name, Instant.now(), "the old connection " + old
                        + " ended before its replacement was subscribed; events in between may be missing"));
            }
        }

        synchronized void abandonHandover(Conn next) {
            if (successor == next) {
                successor = null;
                held.clear();
            }
        }

        void gap(StreamGap gap) {
            for (Sink<?> s : sinks) {
                s.gap(gap);
            }
        }

        void error(Throwable e) {
            for (Sink<?> s : sinks) {
                s.fail(name, e);
            }
        }
    }

    // ------------------------------------------------------------------ builder

    /** Configures {@link MarketStreams}. */
    public static final class Builder {
        private final BinanceContext context;
        private int maxStreams = 1024;
        private Duration maxAge = Duration.ofHours(23);
        private Duration overlap = Duration.ofSeconds(5);
        private int rate = 4;
        private Duration watchdog = Duration.ofMinutes(5);
        private ReconnectPolicy policy = ReconnectPolicy.defaults();
        private boolean retryInitialConnect;
        private Executor dispatcher;
        private OkHttpClient httpClient;
        private Duration requestTimeout = Duration.ofSeconds(10);

        private Builder(BinanceContext context) {
            this.context = context;
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
