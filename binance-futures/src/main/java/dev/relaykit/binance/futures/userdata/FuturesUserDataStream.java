package dev.relaykit.binance.futures.userdata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.binance.internal.BinanceContext;
import dev.relaykit.core.ApiException;
import dev.relaykit.core.RelayKitException;
import dev.relaykit.core.internal.SharedTimer;
import dev.relaykit.core.rest.RestRequest;
import dev.relaykit.core.ws.ConnectionState;
import dev.relaykit.core.ws.FrameType;
import dev.relaykit.core.ws.ReconnectPolicy;
import dev.relaykit.core.ws.SerialExecutor;
import dev.relaykit.core.ws.StateChange;
import dev.relaykit.core.ws.WsListener;
import dev.relaykit.core.ws.WsSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A futures user data stream with its listen-key lifecycle run for you (USD-M and COIN-M "User
 * Data Streams — Connect" and "Start / Keepalive / Close User Data Stream" pages):
 * <ul>
 *   <li>{@link #start()} creates a listen key ({@code POST /fapi/v1/listenKey}, COIN-M
 *       {@code /dapi}) and connects to the private stream with it;</li>
 *   <li>a key lives 60 minutes; a {@code PUT} extends it. Here a keep-alive goes out every
 *       {@link Builder#keepAliveInterval} (default 30 min, well before the expiry);</li>
 *   <li>when Binance says the key is gone (a {@code listenKeyExpired} event, or {@code -1125} in
 *       answer to a keep-alive) a new key is created, a connection with it is opened, the old one is
 *       closed once the new one is open, and listeners get {@link FuturesUserDataListener#onGap}:
 *       nothing the new connection carries is lost, and the gap says that events between the
 *       expiry and the new connection may be;</li>
 *   <li>connections last at most 24 h: before that ({@link Builder#maxConnectionAge}, default 23 h)
 *       a second connection with the same key is opened, both run side by side for
 *       {@link Builder#overlap}, and events both deliver are passed on once;</li>
 *   <li>a lost connection reconnects by the policy, then {@code onGap} follows;</li>
 *   <li>{@link #close()} closes the connections; whether it also deletes the key is
 *       {@link Builder#onClose}.</li>
 * </ul>
 *
 * <p>The private URL. Binance's change notice for the USD-M split
 * (https://developers.binance.com/docs/derivatives/usds-margined-futures/websocket-market-streams/Important-WebSocket-Change-Notice)
 * documents {@code wss://fstream.binance.com/private/ws?listenKey=<key>&events=<E1>/<E2>}; older
 * pages show {@code /ws/<listenKey>}. USD-M uses the notice's query form ({@link UrlForm#QUERY},
 * subscribing every event kind this version knows plus the ones you add with
 * {@link Builder#events}); COIN-M, which has no split, uses {@code /ws/<listenKey>}
 * ({@link UrlForm#PATH}). Either can be chosen.
 *
 * <pre>{@code
 * try (UsdmFutures futures = UsdmFutures.builder().key(BinanceKey.hmac(apiKey, secretKey)).build();
 *      FuturesUserDataStream user = futures.userData(new FuturesUserDataListener() {
 *          public void onEvent(FuturesUserDataEvent e) { System.out.println(e); }
 *          public void onGap(FuturesUserDataGap gap) { System.out.println("re-read positions: " + gap.reason()); }
 *      }).build()) {
 *     user.start().join();
 * }
 * }</pre>
 *
 * <p>Listener calls run one at a time on the connections' dispatchers. The key is a credential:
 * it never reaches a log line or {@code toString()}. {@link #close()} leaves no thread behind.
 */
public final class FuturesUserDataStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FuturesUserDataStream.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final int LISTEN_KEY_GONE = -1125;

    /** The event kinds the query form subscribes by default (USD-M "User Data Streams" pages). */
    public static final List<String> KNOWN_EVENTS = List.of("ACCOUNT_UPDATE", "ORDER_TRADE_UPDATE", "TRADE_LITE",
            "ALGO_UPDATE", "ACCOUNT_CONFIG_UPDATE", "MARGIN_CALL", "CONDITIONAL_ORDER_TRIGGER_REJECT", "GRID_UPDATE",
            "STRATEGY_UPDATE", "listenKeyExpired");

    /** How the listen key goes into the private stream URL. */
    public enum UrlForm {
        /** {@code <private>/ws?listenKey=<key>&events=<E1>/<E2>/...}: USD-M's split ("Important WebSocket Change Notice"). */
        QUERY,
        /** {@code <base>/ws/<key>}: COIN-M, and USD-M's older pages. */
        PATH
    }

    /** What {@link #close()} does with the listen key. */
    public enum CloseAction {
        /**
         * Leave it to expire (the default): Binance gives every client of one API key the same
         * listen key, so deleting it would end another process's stream as well.
         */
        KEEP_KEY,
        /** {@code DELETE} it: the stream ends at once for every client of the API key. */
        DELETE_KEY
    }

    private final BinanceContext context;
    private final String privateBase;
    private final String listenKeyPath;
    private final FuturesUserDataListener listener;
    private final UrlForm urlForm;
    private final List<String> events;
    private final Duration keepAlive;
    private final Duration checkInterval;
    private final Duration maxAge;
    private final Duration overlap;
    private final Clock clock;
    private final CloseAction closeAction;
    private final ReconnectPolicy policy;
    private final OkHttpClient httpClient;
    private final String name;
    private final ScheduledExecutorService timer;
    private final Object deliveryLock = new Object();
    private final AtomicInteger keepAlives = new AtomicInteger();
    private final AtomicInteger renewals = new AtomicInteger();

    // guarded by this
    private String key;
    private Instant lastKeepAlive;
    private Conn current;
    private Conn previous; // still open during an overlap
    private boolean started;
    private boolean closed;
    private boolean renewing;
    private int connSequence;
    // guarded by deliveryLock: texts delivered while two connections overlap (copies are dropped)
    private final Set<String> recent = new HashSet<>();
    private final ArrayDeque<String> recentOrder = new ArrayDeque<>();

    private FuturesUserDataStream(Builder b) {
        this.context = b.context;
        this.privateBase = b.privateBase;
        this.listenKeyPath = b.listenKeyPath;
        this.listener = b.listener;
        this.urlForm = b.urlForm;
        this.events = List.copyOf(b.events);
        this.keepAlive = b.keepAlive;
        this.checkInterval = b.checkInterval;
        this.maxAge = b.maxAge;
        this.overlap = b.overlap;
        this.clock = b.clock;
        this.closeAction = b.closeAction;
        this.policy = b.policy;
        this.httpClient = b.httpClient;
        this.name = "binance-futures-userdata-" + INSTANCES.incrementAndGet();
        // the SDK's one timer; its tasks (REST calls for the key, reconnects) run one at a time off the timer thread
        this.timer = SharedTimer.scope(null, new SerialExecutor(SharedTimer.workers()));
    }

    /**
     * Starts a builder; {@code futures.userData(listener)} is the short form with the environment's
     * URLs.
     *
     * @param client the futures client (it needs a key: listen keys are created with it)
     * @param privateBase the private stream base, e.g. {@code wss://fstream.binance.com/private}
     *     (COIN-M {@code wss://dstream.binance.com})
     * @param listenKeyPath {@code /fapi/v1/listenKey} or {@code /dapi/v1/listenKey}
     * @param listener receives events, gaps and errors
     * @return the builder
     */
    public static Builder builder(BinanceContext.Source client, String privateBase, String listenKeyPath,
                                  FuturesUserDataListener listener) {
        return new Builder(Objects.requireNonNull(client, "client").context(), privateBase, listenKeyPath, listener);
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * Creates a listen key, connects, and starts the keep-alive timer.
     *
     * @return completes when the first connection is open; fails if the key cannot be created or
     *     the first connection fails
     * @throws IllegalStateException if started before or closed
     */
    public CompletableFuture<Void> start() {
        synchronized (this) {
            if (closed || started) {
                throw new IllegalStateException(closed ? "closed" : "already started");
            }
            started = true;
        }
        return CompletableFuture.supplyAsync(this::createKey, timer).thenCompose(k -> {
            Conn c;
            synchronized (this) {
                key = k;
                lastKeepAlive = clock.instant();
                c = newConn(k);
                current = c;
            }
            long tick = checkInterval.toMillis();
            timer.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
            c.openedAt = clock.instant(); // the age counts from the connect; a reconnect restarts it
            return c.session.connect();
        });
    }

    /** The timer's look at the clock: keep-alive due, connection too old. */
    private void tick() {
        try {
            Instant now = clock.instant();
            boolean keepAliveDue;
            boolean rotateDue;
            synchronized (this) {
                if (closed || key == null || renewing) {
                    return;
                }
                keepAliveDue = !now.isBefore(lastKeepAlive.plus(keepAlive));
                rotateDue = previous == null && current != null && current.openedAt != null
                        && !now.isBefore(current.openedAt.plus(maxAge));
            }
            if (keepAliveDue) {
                keepAliveNow(now);
            }
            if (rotateDue) {
                replaceConnection(null, null);
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: lifecycle timer failed", name, e);
        }
    }

    private void keepAliveNow(Instant now) {
        try {
            context.execute(RestRequest.put(listenKeyPath).security(RestRequest.Security.API_KEY).build());
            keepAlives.incrementAndGet();
            synchronized (this) {
                lastKeepAlive = now;
            }
        } catch (ApiException e) {
            if (String.valueOf(LISTEN_KEY_GONE).equals(e.code())) {
                renew("Binance no longer knows the listen key (-1125); a new key and connection replaced it");
            } else {
                error(e); // retried on the next tick
            }
        } catch (RelayKitException e) {
            error(e); // retried on the next tick
        }
    }

    /** A new key (the old one expired) and a connection with it; listeners get a gap once it is open. */
    private void renew(String reason) {
        synchronized (this) {
            if (closed || renewing) {
                return;
            }
            renewing = true;
        }
        try {
            String k = createKey();
            renewals.incrementAndGet();
            replaceConnection(k, reason);
        } catch (RuntimeException e) {
            synchronized (this) {
                renewing = false;
            }
            error(e);
        }
    }

    /**
     * Opens a connection (with {@code newKey}, or the current key for a rotation) and makes it the
     * current one once it is open; the old one runs on for the overlap.
     */
    private void replaceConnection(String newKey, String gapReason) {
        Conn next;
        Conn stale;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (newKey != null) {
                key = newKey;
                lastKeepAlive = clock.instant();
            }
            next = newConn(key);
            stale = previous; // a rotation's old connection still overlapping: it goes now
            previous = current;
            current = next;
        }
        if (stale != null) {
            stale.session.close();
        }
        next.openedAt = clock.instant();
        next.session.connect().whenComplete((ok, failure) -> {
            Conn old;
            synchronized (this) {
                renewing = false;
                old = previous;
            }
            if (failure != null) {
                error(failure); // the session keeps trying by the policy
            }
            if (gapReason != null) {
                gap(gapReason);
            }
            if (old != null) {
                timer.schedule(() -> retire(old), gapReason != null ? 0 : overlap.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    private void retire(Conn old) {
        synchronized (this) {
            if (previous == old) {
                previous = null;
            }
        }
        old.session.close();
        synchronized (deliveryLock) {
            recent.clear();
            recentOrder.clear();
        }
    }

    private String createKey() {
        JsonNode answer = context.execute(RestRequest.post(listenKeyPath).security(RestRequest.Security.API_KEY).build());
        String k = answer.path("listenKey").asText("");
        if (k.isEmpty()) {
            throw new dev.relaykit.core.DecodeException("Binance's answer to POST " + listenKeyPath + " has no listenKey");
        }
        return k;
    }

    /** Caller holds the lock. */
    private Conn newConn(String k) {
        String url = urlForm == UrlForm.PATH
                ? privateBase + "/ws/" + k
                : privateBase + "/ws?listenKey=" + URLEncoder.encode(k, StandardCharsets.UTF_8) + "&events="
                        + String.join("/", events);
        Conn c = new Conn(k);
        WsSession.Builder b = WsSession.builder(url)
                .name(name + "-c" + (++connSequence))
                .reconnect(policy)
                .expect(FrameType.TEXT)
                .listener(c);
        if (httpClient != null) {
            b.httpClient(httpClient);
        }
        c.session = b.build();
        return c;
    }

    // ------------------------------------------------------------------ events

    private void onText(Conn from, String text) {
        boolean overlapping;
        synchronized (this) {
            if (closed || (from != current && from != previous)) {
                return;
            }
            overlapping = previous != null;
        }
        FuturesUserDataEvent event;
        try {
            event = FuturesUserDataEvents.decode(text);
        } catch (RuntimeException e) {
            error(e);
            return;
        }
        if (event instanceof ListenKeyExpiredEvent expired) {
            boolean ours;
            synchronized (this) {
                ours = from.key.equals(key) && (expired.listenKey() == null || expired.listenKey().equals(key));
            }
            if (ours) {
                timer.execute(() -> renew("the listen key expired; a new key and connection replaced it"));
            }
        }
        synchronized (deliveryLock) {
            if (overlapping) {
                if (!recent.add(text)) {
                    return; // the other connection delivered it already
                }
                recentOrder.addLast(text);
                if (recentOrder.size() > 10_000) {
                    recent.remove(recentOrder.pollFirst());
                }
            }
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                error(e);
            }
        }
    }

    private void gap(String reason) {
        synchronized (deliveryLock) {
            try {
                listener.onGap(new FuturesUserDataGap(Instant.now(), reason));
            } catch (RuntimeException e) {
                error(e);
            }
        }
    }

    private void error(Throwable e) {
        try {
            listener.onError(e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                    ? e.getCause() : e);
        } catch (RuntimeException again) {
            LOG.warn("{}: listener threw from onError", name, again);
        }
    }

    // ------------------------------------------------------------------ reads

    /** @return keep-alives Binance accepted so far (for monitoring) */
    public int keepAliveCount() {
        return keepAlives.get();
    }

    /** @return how many times an expired key was replaced (for monitoring) */
    public int renewalCount() {
        return renewals.get();
    }

    /** @return whether the current connection is open */
    public synchronized boolean isConnected() {
        return current != null && current.session.state() == ConnectionState.OPEN;
    }

    /**
     * Closes the connections and the timer; the key is kept or deleted as {@link Builder#onClose}
     * says (a failed delete is logged, not thrown).
     */
    @Override
    public void close() {
        Conn a;
        Conn b;
        boolean hadKey;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            a = current;
            b = previous;
            hadKey = key != null;
        }
        timer.shutdownNow();
        if (a != null) {
            a.session.close();
        }
        if (b != null) {
            b.session.close();
        }
        if (hadKey && closeAction == CloseAction.DELETE_KEY) {
            try {
                context.execute(RestRequest.delete(listenKeyPath).security(RestRequest.Security.API_KEY).build());
            } catch (RuntimeException e) {
                LOG.warn("{}: could not delete the listen key: {}", name, e.getMessage());
            }
        }
    }

    @Override
    public String toString() {
        return "FuturesUserDataStream[" + privateBase + ", " + urlForm + ", " + (isConnected() ? "connected" : "not connected")
                + "]";
    }

    /** One connection and the key it was opened with. */
    private final class Conn implements WsListener {
        final String key;
        WsSession session;
        volatile Instant openedAt;

        Conn(String key) {
            this.key = key;
        }

        @Override
        public void onText(WsSession s, String text) {
            FuturesUserDataStream.this.onText(this, text);
        }

        @Override
        public void onStateChange(WsSession s, StateChange change) {
            if (change.to() == ConnectionState.OPEN) {
                boolean isCurrent;
                synchronized (FuturesUserDataStream.this) {
                    isCurrent = this == current;
                }
                if (change.isReconnect() && isCurrent) {
                    openedAt = clock.instant();
                    gap("the connection was lost and re-established; events in between may be missing");
                }
            }
        }
    }

    /** Configures a {@link FuturesUserDataStream}. */
    public static final class Builder {
        private final BinanceContext context;
        private final String privateBase;
        private final String listenKeyPath;
        private final FuturesUserDataListener listener;
        private UrlForm urlForm = UrlForm.QUERY;
        private final Set<String> events = new java.util.LinkedHashSet<>(KNOWN_EVENTS);
        private Duration keepAlive = Duration.ofMinutes(30);
        private Duration checkInterval = Duration.ofSeconds(10);
        private Duration maxAge = Duration.ofHours(23);
        private Duration overlap = Duration.ofSeconds(5);
        private Clock clock = Clock.systemUTC();
        private CloseAction closeAction = CloseAction.KEEP_KEY;
        private ReconnectPolicy policy = ReconnectPolicy.defaults();
        private OkHttpClient httpClient;

        private Builder(BinanceContext context, String privateBase, String listenKeyPath, FuturesUserDataListener listener) {
            this.context = context;
            Objects.requireNonNull(privateBase, "privateBase");
            if (!privateBase.startsWith("ws://") && !privateBase.startsWith("wss://")) {
                throw new IllegalArgumentException("privateBase must start with ws:// or wss://: " + privateBase);
            }
            this.privateBase = privateBase.endsWith("/") ? privateBase.substring(0, privateBase.length() - 1) : privateBase;
            this.listenKeyPath = Objects.requireNonNull(listenKeyPath, "listenKeyPath");
            this.listener = Objects.requireNonNull(listener, "listener");
            if (context.key() == null) {
                throw new IllegalStateException("user data needs an API key: build the client with .key(..)");
            }
        }

        /**
         * @param form how the key goes into the URL (the facades pick QUERY for USD-M, PATH for COIN-M)
         * @return this
         */
        public Builder urlForm(UrlForm form) {
            this.urlForm = Objects.requireNonNull(form, "form");
            return this;
        }

        /**
         * Event kinds to add to the query form's {@code events=} list (kinds Binance added after this
         * version); {@link #KNOWN_EVENTS} are always there.
         *
         * @param kinds e.g. {@code "SOME_NEW_EVENT"}
         * @return this
         */
        public Builder events(String... kinds) {
            for (String k : kinds) {
                if (k == null || !k.matches("[A-Za-z_]{1,64}")) {
                    throw new IllegalArgumentException("not an event kind: " + k);
                }
                events.add(k);
            }
            return this;
        }

        /**
         * @param interval time between keep-alives, 1 s to 59 min (default 30 min; a key lives 60 min)
         * @return this
         */
        public Builder keepAliveInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.compareTo(Duration.ofMinutes(59)) > 0) {
                throw new IllegalArgumentException("keepAliveInterval must be between 1 s and 59 min (a listen key "
                        + "expires 60 min after the last keep-alive), was " + interval);
            }
            this.keepAlive = interval;
            return this;
        }

        /**
         * @param interval how often the timer compares the clock with the keep-alive and connection
         *     ages (default 10 s)
         * @return this
         */
        public Builder checkInterval(Duration interval) {
            this.checkInterval = positive(interval, "checkInterval");
            return this;
        }

        /**
         * @param age replace a connection once it is this old (default 23 h; Binance ends them at 24 h)
         * @return this
         */
        public Builder maxConnectionAge(Duration age) {
            this.maxAge = positive(age, "maxConnectionAge");
            return this;
        }

        /**
         * @param overlap how long the old and new connection run side by side on a rotation (default 5 s)
         * @return this
         */
        public Builder overlap(Duration overlap) {
            this.overlap = positive(overlap, "overlap");
            return this;
        }

        /**
         * @param clock the clock keep-alives and connection ages are measured by (tests move it)
         * @return this
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param action what {@link #close()} does with the listen key (default {@link CloseAction#KEEP_KEY})
         * @return this
         */
        public Builder onClose(CloseAction action) {
            this.closeAction = Objects.requireNonNull(action, "action");
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
         * @param client the OkHttp client connections derive from (proxy, TLS)
         * @return this
         */
        public Builder httpClient(OkHttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /** @return the stream; call {@link FuturesUserDataStream#start()} */
        public FuturesUserDataStream build() {
            return new FuturesUserDataStream(this);
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
