package dev.relaykit.core.ws;

import dev.relaykit.core.TransportException;
import dev.relaykit.core.internal.OkHttpSupport;
import dev.relaykit.core.internal.SharedTimer;
import dev.relaykit.core.internal.TimerScope;
import dev.relaykit.core.secret.Redactor;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket connection that stays connected: it reconnects by its {@link ReconnectPolicy},
 * replays its subscriptions after every reconnect, detects dead peers (heartbeat) and stale
 * streams (watchdog), bounds and rate-limits what it sends, and delivers everything to listeners
 * on a dispatcher, never on the socket's reader thread. By default the dispatcher is a
 * {@link SerialExecutor} on the SDK's shared dispatch pool (a few daemon threads named
 * {@code relaykit-dispatch-N} for every session of the process): each session's callbacks still
 * run one at a time, in order, but a session holds no dispatcher thread of its own, so listeners
 * must not block for long (give a session that must {@link Builder#dispatcher(Executor) an executor
 * of its own}).
 *
 * <pre>{@code
 * WsSession session = WsSession.builder("wss://stream.example.com/ws")
 *     .header("X-Api-Key", apiKey)
 *     .heartbeat(Duration.ofSeconds(20), Duration.ofSeconds(10))
 *     .watchdog(Duration.ofSeconds(60))
 *     .reconnect(ReconnectPolicy.exponential(Duration.ofSeconds(1), Duration.ofSeconds(30)).withUnlimitedAttempts())
 *     .outgoingRateLimit(5)
 *     .listener(new WsListener() {
 *         public void onText(WsSession s, String text) { System.out.println(text); }
 *     })
 *     .build();
 * session.subscribe("{\"op\":\"sub\",\"ch\":\"trades\"}", "{\"op\":\"unsub\",\"ch\":\"trades\"}");
 * session.connect().join();                 // open; the subscription is sent now and after every reconnect
 * session.send("{\"op\":\"ping\"}").join();  // handed to the socket once this completes
 * session.close();                           // final: no reconnect, no thread left behind
 * }</pre>
 *
 * <p>A session is thread-safe. It connects once: after {@link #close()} (state
 * {@link ConnectionState#CLOSED}) or when the policy gives up ({@link ConnectionState#FAILED}) its
 * threads are gone; build a new session to start again.
 */
public final class WsSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WsSession.class);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    // The session is a facade over its parts, each with one concern and one lock or none:
    //   WsConfig        the builder's values, the session's OkHttp client, each attempt's handshake (immutable)
    //   Reconnection    policy, backoff, attempt count, failover over endpoints (guarded by this.lock)
    //   Liveness        heartbeat and silence watchdog of one open connection (no lock; a periodic check)
    //   OutgoingQueue   bounded queue, send rate limit, socket back-pressure (its own lock, taken after this.lock)
    //   InboundDispatch incoming messages, state changes and errors to the listeners, on the dispatcher (no lock)
    // What stays here: the state machine (connect, open, lost, close) and the subscriptions it replays.
    private final String name;
    private final WsConfig config;
    private final Reconnection reconnection; // guarded by lock
    private final OutgoingQueue outgoing;
    private final InboundDispatch inbound;
    private final TimerScope timer; // this session's tasks on the shared timer (or the user's scheduler)

    private final Object lock = new Object();
    // --- guarded by lock ---
    private volatile ConnectionState state = ConnectionState.NEW; // written under lock; read freely for messages
    private ScheduledFuture<?> reconnectTask;
    private final Map<Long, Sub> subscriptions = new LinkedHashMap<>();
    private long nextSubscriptionId = 1;
    private CloseReason lastClose;
    private String subprotocol;
    // --- end guarded ---

    private volatile Connection current;
    private volatile HttpUrl currentUrl; // the endpoint of the current or last attempt
    private volatile Redactor redactor = Redactor.standard(); // knows the current attempt's credential values
    private final CompletableFuture<Void> firstOpen = new CompletableFuture<>();
    private final AtomicLong reconnects = new AtomicLong();

    private WsSession(Builder b) {
        OkHttpSupport.check();
        this.name = b.name != null ? b.name : "ws-" + SEQUENCE.incrementAndGet();
        this.config = new WsConfig(b, name);
        this.reconnection = new Reconnection(config);
        this.currentUrl = reconnection.firstEndpoint();
        this.inbound = new InboundDispatch(this, config, b.dispatcher, b.listener);
        // the timer thread only keeps time: the checks scheduled here are short and never block; what calls user
        // code (a reconnect asks the suppliers) or completes users' futures (a loss, a rate-limited send) is handed off
        this.timer = SharedTimer.scope(b.scheduler, null);
        this.outgoing = new OutgoingQueue(config, timer, () -> state);
    }

    /**
     * Starts a builder.
     *
     * @param url a {@code ws://}, {@code wss://}, {@code http://} or {@code https://} URL
     * @return the builder
     * @throws IllegalArgumentException if the URL is not one of those
     */
    public static Builder builder(String url) {
        return new Builder(List.of(Objects.requireNonNull(url, "url")));
    }

    /**
     * Starts a builder for a session with failover: it connects to the first endpoint and, after an
     * attempt that fails (refused, unreachable, TLS or handshake error, timeout), tries the next one,
     * in order, wrapping around. A connection that was open and drops is retried on the endpoint it
     * was on first. {@link #currentEndpoint()} and {@link StateChange#endpoint()} tell which one is
     * in use.
     *
     * <p>The first connection gets one pass over the list: {@link #connect()} fails only when every
     * endpoint has failed once (at once, one after the other, without the policy's delay); with
     * {@link Builder#retryInitialConnect(boolean) retryInitialConnect(true)} the reconnect policy then
     * keeps going round the list.
     *
     * <pre>{@code
     * WsSession s = WsSession.builder(List.of(
     *         "wss://stream.binance.com:9443/stream",
     *         "wss://stream.binance.com:443/stream",
     *         "wss://data-stream.binance.vision/stream"))
     *     .build();
     * }</pre>
     *
     * @param urls the endpoints in order of preference (at least one), each {@code ws://},
     *     {@code wss://}, {@code http://} or {@code https://}
     * @return the builder
     * @throws IllegalArgumentException if the list is empty or a URL is not one of those
     */
    public static Builder builder(List<String> urls) {
        Objects.requireNonNull(urls, "urls");
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("at least one endpoint is needed");
        }
        return new Builder(urls);
    }

    /**
     * Starts a builder for a session that asks {@code endpointSupplier} for its URL before every
     * connection attempt, the first and each reconnect (for example a service registry, or a rotation
     * of your own). The supplier is called on the thread that connects and should answer quickly.
     * Since the number of endpoints is unknown, the first connection follows the usual rule: the first
     * failed attempt fails {@link #connect()} unless
     * {@link Builder#retryInitialConnect(boolean) retryInitialConnect(true)}.
     *
     * <pre>{@code
     * List<String> hosts = List.of("wss://a.example.com/ws", "wss://b.example.com/ws");
     * java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
     * WsSession s = WsSession.builder(() -> hosts.get(next.getAndIncrement() % hosts.size()))
     *     .retryInitialConnect(true)
     *     .build();
     * }</pre>
     *
     * @param endpointSupplier gives the URL of the next attempt; an invalid URL or an exception fails that attempt
     * @return the builder
     */
    public static Builder builder(Supplier<String> endpointSupplier) {
        Objects.requireNonNull(endpointSupplier, "endpointSupplier");
        Builder b = new Builder(List.of());
        b.endpointSupplier = endpointSupplier;
        return b;
    }

    // ------------------------------------------------------------------ public API

    /**
     * Connects. Returns at once; the future completes when the session is first
     * {@link ConnectionState#OPEN}, or fails if it is closed first.
     *
     * <p>By default the first connection attempt decides: if it fails (refused, unreachable, TLS or
     * handshake error, or no connection within the {@linkplain Builder#connectTimeout connect
     * timeout}) the future fails at once with a {@link TransportException} whose cause is the
     * attempt's failure (a {@code java.net.ConnectException} for a refused port), the session
     * becomes {@link ConnectionState#FAILED} and nothing keeps trying in the background. Only with
     * {@link Builder#retryInitialConnect(boolean) retryInitialConnect(true)} does the reconnect
     * policy retry a first connection that never opened (then the future fails when the policy
     * gives up). Once a connection has been open, every later loss reconnects by the policy.
     *
     * <p>With several endpoints ({@link #builder(List)}) "the first attempt" is one pass over the
     * list: a failed endpoint is followed at once by the next, and the future fails only when every
     * endpoint has failed once (its cause is the last endpoint's failure).
     *
     * @return completes on the first open
     * @throws IllegalStateException if {@code connect()} was called before
     */
    public CompletableFuture<Void> connect() {
        synchronized (lock) {
            if (state != ConnectionState.NEW) {
                throw new IllegalStateException("connect() may be called once; session " + name + " is " + state);
            }
            openSocket(null);
        }
        return firstOpen;
    }

    /**
     * Registers a subscription: its subscribe frame is sent now if the session is open, and again
     * after every reconnect, in registration order. The frames are produced by suppliers so that a
     * frame that must be fresh each time (a signed logon with a timestamp) is built at send time.
     *
     * @param subscribeFrame produces the frame that subscribes
     * @param unsubscribeFrame produces the frame that unsubscribes, or {@code null} if there is none
     * @return the subscription; close it to unsubscribe
     * @throws IllegalStateException if the session is closed or failed
     */
    public WsSubscription subscribe(Supplier<String> subscribeFrame, Supplier<String> unsubscribeFrame) {
        Objects.requireNonNull(subscribeFrame, "subscribeFrame");
        synchronized (lock) {
            if (state.isTerminal()) {
                throw new IllegalStateException("cannot subscribe: session " + name + " is " + state);
            }
            Sub sub = new Sub(nextSubscriptionId++, subscribeFrame, unsubscribeFrame);
            subscriptions.put(sub.id, sub);
            if (state == ConnectionState.OPEN) {
                outgoing.sendInternal(subscribeFrame.get());
            }
            return sub;
        }
    }

    /**
     * Registers a subscription with fixed frames. See {@link #subscribe(Supplier, Supplier)}.
     *
     * @param subscribeFrame the frame that subscribes
     * @param unsubscribeFrame the frame that unsubscribes, or {@code null}
     * @return the subscription
     */
    public WsSubscription subscribe(String subscribeFrame, String unsubscribeFrame) {
        Objects.requireNonNull(subscribeFrame, "subscribeFrame");
        return subscribe(() -> subscribeFrame, unsubscribeFrame == null ? null : () -> unsubscribeFrame);
    }

    /** @return the number of active subscriptions */
    public int subscriptionCount() {
        synchronized (lock) {
            return subscriptions.size();
        }
    }

    /**
     * Sends a text message. It goes out at once, or after the messages queued before it when the
     * outgoing rate limit holds them back.
     *
     * @param text the message
     * @return completes when the message has been handed to the socket; fails with
     *     {@link NotConnectedException} if the connection is lost first
     * @throws NotConnectedException if the session is not {@link ConnectionState#OPEN}
     * @throws OutgoingQueueFullException if the bounded outgoing queue is full
     */
    public CompletableFuture<Void> send(String text) {
        Objects.requireNonNull(text, "text");
        return outgoing.send(new OutgoingQueue.Message(text, null, new CompletableFuture<>(), false));
    }

    /**
     * Sends a binary message. See {@link #send(String)}.
     *
     * @param bytes the message (copied)
     * @return completes when the message has been handed to the socket
     * @throws NotConnectedException if the session is not {@link ConnectionState#OPEN}
     * @throws OutgoingQueueFullException if the bounded outgoing queue is full
     */
    public CompletableFuture<Void> send(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return outgoing.send(new OutgoingQueue.Message(null, ByteString.of(bytes), new CompletableFuture<>(), false));
    }

    /**
     * Adds a listener. Listeners are called in the order added.
     *
     * @param listener the listener
     */
    public void addListener(WsListener listener) {
        inbound.listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Removes a listener.
     *
     * @param listener the listener
     */
    public void removeListener(WsListener listener) {
        inbound.listeners.remove(listener);
    }

    /** @return the current state */
    public ConnectionState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** @return the session's name, used in thread names and logs */
    public String name() {
        return name;
    }

    /** @return the close code and reason of the last connection that ended, or {@code null} if none has */
    public CloseReason lastClose() {
        synchronized (lock) {
            return lastClose;
        }
    }

    /**
     * The endpoint of the current connection or connection attempt (the last one once the session
     * has ended): scheme, host and port only, never the path or query, which can carry tokens.
     *
     * @return for example {@code wss://stream.binance.com:9443}; before the first attempt of a
     *     session built with an endpoint supplier, {@code "(supplied endpoint)"}
     */
    public String currentEndpoint() {
        return hostOnly();
    }

    /** @return the subprotocol the server chose on the current connection, or {@code null} */
    public String subprotocol() {
        synchronized (lock) {
            return subprotocol;
        }
    }

    /** @return a snapshot of the counters */
    public SessionStats stats() {
        long last = inbound.lastMessageAtMillis;
        return new SessionStats(inbound.bytesIn.get(), outgoing.bytesOut.get(), inbound.messagesIn.get(),
                outgoing.messagesOut.get(), reconnects.get(),
                last == 0 ? null : Instant.ofEpochMilli(last));
    }

    /**
     * Closes the session: sends a normal close (1000) to the server, stops reconnecting, fails
     * messages still queued with {@link NotConnectedException}, delivers the CLOSED state change, and
     * stops the session's threads and timers (waiting briefly for the dispatcher to deliver what it
     * holds). Never triggers a reconnect. Calling it again does nothing.
     */
    @Override
    public void close() {
        List<OutgoingQueue.Message> unsent;
        synchronized (lock) {
            if (state.isTerminal()) {
                return;
            }
            Connection c = current;
            current = null;
            if (reconnectTask != null) {
                reconnectTask.cancel(false);
                reconnectTask = null;
            }
            if (c != null) {
                c.ended();
                if (c.socket != null) {
                    if (state == ConnectionState.OPEN) {
                        c.socket.close(1000, "client closed");
                    } else {
                        c.socket.cancel();
                    }
                }
            }
            lastClose = new CloseReason(1000, "client closed", false);
            transition(ConnectionState.CLOSED, null, 0, Duration.ZERO);
            unsent = outgoing.close();
        }
        OutgoingQueue.failAll(unsent, "session closed before the message was sent");
        firstOpen.completeExceptionally(new NotConnectedException("session " + name + " was closed"));
        shutdownThreads();
    }

    @Override
    public String toString() {
        // host only: paths and queries can carry listen keys and tokens
        return "WsSession[" + name + " " + hostOnly() + ", " + state() + "]";
    }

    // ------------------------------------------------------------------ connection life cycle

    /** Opens a new socket. Caller holds the lock. */
    private void openSocket(Throwable cause) {
        Connection c = new Connection();
        Request request;
        try {
            currentUrl = reconnection.nextEndpoint();
            WsConfig.Handshake handshake = config.handshake(currentUrl);
            redactor = handshake.redactor();
            request = handshake.request();
        } catch (RuntimeException e) {
            // a supplier failed or gave a bad URL: this attempt fails like a refused one (class name only:
            // the message is the supplier's and could hold a credential)
            transition(ConnectionState.CONNECTING, cause, reconnection.attempt(), Duration.ZERO);
            current = c;
            TransportException failure = new TransportException("session " + name
                    + ": could not prepare the connection attempt: "
                    + (e instanceof SetupFailure ? e.getMessage() : e.getClass().getName()), e);
            offTimer(() -> onLost(c, SessionError.Kind.TRANSPORT, failure)); // off the caller's lock and thread
            return;
        }
        transition(ConnectionState.CONNECTING, cause, reconnection.attempt(), Duration.ZERO);
        current = c;
        c.socket = config.client.newWebSocket(request, c);
        if (config.connectDeadline != null) {
            try {
                c.deadline = timer.schedule(() -> offTimer(() -> connectTimedOut(c)), config.connectDeadline.toNanos(),
                        TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // the user's scheduler was shut down: OkHttp's own timeouts still bound the attempt
            }
        }
        LOG.debug("{}: connecting to {}", name, hostOnly());
    }

    /** The attempt on {@code c} is not open within the connect timeout: it fails as a whole. */
    private void connectTimedOut(Connection c) {
        synchronized (lock) {
            if (c != current || state == ConnectionState.OPEN || state.isTerminal()) {
                return;
            }
        }
        onLost(c, SessionError.Kind.TRANSPORT, new TransportException("no connection to " + hostOnly() + " within "
                + config.connectDeadline.toMillis() + " ms (TCP, TLS and WebSocket handshake)",
                new SocketTimeoutException("connect timed out")));
    }

    private void onOpened(Connection c, Response response) {
        synchronized (lock) {
            if (c != current) {
                c.socket.close(1000, null);
                return;
            }
            if (c.deadline != null) {
                c.deadline.cancel(false);
            }
            boolean reconnect = reconnection.opened();
            subprotocol = response.header("Sec-WebSocket-Protocol");
            if (reconnect) {
                reconnects.incrementAndGet();
            }
            c.liveness = Liveness.start(config, c.socket, timer, (kind, why) -> offTimer(() -> onLost(c, kind, why)));
            transition(ConnectionState.OPEN, null, reconnect ? Math.max(reconnection.attempt(), 1) : 0, Duration.ZERO);
            // subscriptions first, in order: we hold the lock, so nothing a listener sends can get ahead
            List<String> frames = new ArrayList<>(subscriptions.size());
            for (Sub s : subscriptions.values()) {
                frames.add(s.subscribe.get());
            }
            outgoing.open(c.socket, frames);
        }
        firstOpen.complete(null);
    }

    /** The connection {@code c} is gone; reconnect or fail. */
    private void onLost(Connection c, SessionError.Kind kind, Throwable cause) {
        onLost(c, kind, cause, ServerCloseRule.Action.RECONNECT);
    }

    /** The connection {@code c} is gone; {@code action} is the {@link ServerCloseRule}'s word on a server close. */
    private void onLost(Connection c, SessionError.Kind kind, Throwable cause, ServerCloseRule.Action action) {
        List<OutgoingQueue.Message> unsent;
        boolean failed = false;
        synchronized (lock) {
            if (c != current) {
                return;
            }
            current = null;
            c.ended();
            if (c.socket != null) {
                c.socket.cancel();
            }
            inbound.report(kind, cause.getMessage(), cause);
            Reconnection.Verdict next = reconnection.lost();
            if (action == ServerCloseRule.Action.STOP) {
                next = Reconnection.Verdict.GIVE_UP; // the server said not to come back
            }
            int attempt = reconnection.attempt();
            switch (next) {
                case NEXT_ENDPOINT_NOW -> {
                    LOG.debug("{}: trying the next endpoint after: {}", name, redactor.redact(cause.getMessage()));
                    unsent = outgoing.close();
                    openSocket(cause);
                }
                case FAIL_FIRST_CONNECT -> {
                    // the first connection never opened and the user did not ask to keep trying: say so now
                    transition(ConnectionState.FAILED, cause, 0, Duration.ZERO);
                    failed = true;
                    unsent = outgoing.close();
                }
                case GIVE_UP -> {
                    transition(ConnectionState.FAILED, cause, attempt - 1, Duration.ZERO);
                    failed = true;
                    unsent = outgoing.close();
                }
                default -> {
                    Duration delay = action == ServerCloseRule.Action.RECONNECT_NOW ? Duration.ZERO : reconnection.delay();
                    transition(ConnectionState.RECONNECTING, cause, attempt, delay);
                    unsent = outgoing.close();
                    try {
                        reconnectTask = timer.schedule(this::reconnectSoon, delay.toNanos(), TimeUnit.NANOSECONDS);
                    } catch (RejectedExecutionException e) {
                        transition(ConnectionState.FAILED, e, attempt, Duration.ZERO); // the user's scheduler was shut down
                        failed = true;
                    }
                }
            }
        }
        OutgoingQueue.failAll(unsent, "connection lost before the message was sent");
        if (failed) {
            boolean opened;
            int attempt;
            synchronized (lock) {
                opened = reconnection.everOpened();
                attempt = reconnection.attempt();
            }
            int endpoints = reconnection.endpointCount(); // final after construction
            String where = endpoints > 1 ? "any of its " + endpoints + " endpoints (last " + hostOnly() + ")" : hostOnly();
            firstOpen.completeExceptionally(!opened && !reconnection.retriesInitialConnect()
                    ? new TransportException("session " + name + " could not connect to " + where + ": "
                            + redactor.redact(String.valueOf(cause.getMessage())), cause)
                    : new TransportException("session " + name + " gave up reconnecting after " + (attempt - 1)
                            + " attempt(s)", cause));
            shutdownThreads();
        }
    }

    /**
     * On the timer: the reconnect delay is over. The attempt asks the endpoint and credential suppliers,
     * user code that may take a while, so it runs on the OkHttp client's executor (where the connection
     * is made anyway), never on the shared timer thread.
     */
    private void reconnectSoon() {
        try {
            config.client.dispatcher().executorService().execute(this::reconnectNow);
        } catch (RejectedExecutionException e) {
            reconnectNow(); // the user's OkHttp client was shut down: the attempt fails fast on it
        }
    }

    /**
     * Runs a loss off the timer thread: it fails the senders' futures and maybe {@code connect()}'s, and a
     * caller may have chained work of its own onto those.
     */
    private static void offTimer(Runnable task) {
        SharedTimer.workers().execute(task);
    }

    private void reconnectNow() {
        synchronized (lock) {
            reconnectTask = null;
            if (state == ConnectionState.RECONNECTING) {
                openSocket(null);
            }
        }
    }

    // ------------------------------------------------------------------ events

    /** Records and publishes a state change. Caller holds the lock. */
    private void transition(ConnectionState to, Throwable cause, int attemptNo, Duration delay) {
        ConnectionState from = state;
        state = to;
        String endpoint = hostOnly();
        StateChange change = new StateChange(from, to, cause, attemptNo, delay, Instant.now(), endpoint);
        if (cause != null) {
            LOG.debug("{}: {} -> {} on {} (attempt {}, next in {} ms): {}", name, from, to, endpoint, attemptNo,
                    delay.toMillis(), redactor.redact(String.valueOf(cause.getMessage())));
        } else {
            LOG.debug("{}: {} -> {} on {}", name, from, to, endpoint);
        }
        inbound.stateChanged(change);
    }

    // ------------------------------------------------------------------ shutdown

    /** Cancels this session's timers (never the shared thread, nor a user's scheduler) and ends its dispatcher. */
    private void shutdownThreads() {
        timer.shutdownNow();
        inbound.shutdown();
    }

    private String hostOnly() {
        HttpUrl url = currentUrl;
        if (url == null) {
            return "(supplied endpoint)";
        }
        // shown as the WebSocket URL it is (OkHttp holds ws:// and wss:// as http:// and https://)
        return (url.isHttps() ? "wss" : "ws") + "://" + url.host() + ":" + url.port();
    }

    /**
     * The UTF-8 length of a string. Encoding is the fastest way the JDK offers: for the usual
     * Latin-1-backed string it is a vectorised ASCII check and an array copy, well ahead of any
     * char-by-char loop.
     */
    static long utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    // ------------------------------------------------------------------ inner types

    /** One connection attempt and, once it opens, the connection: OkHttp's listener for it. */
    private final class Connection extends WebSocketListener {
        WebSocket socket;
        ScheduledFuture<?> deadline; // the connect timeout's task; guarded by lock
        volatile Liveness liveness; // set when it opens, if a heartbeat or watchdog is configured
        volatile ServerCloseRule.Action closeAction = ServerCloseRule.Action.RECONNECT; // the rule's word on a server close

        /** It is no longer the session's connection: its timers stop. Caller holds the lock. */
        void ended() {
            if (deadline != null) {
                deadline.cancel(false);
            }
            Liveness l = liveness;
            if (l != null) {
                l.stop();
            }
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            onOpened(this, response);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            onIncoming(text);
        }

        @Override
        public void onMessage(WebSocket webSocket, ByteString bytes) {
            onIncoming(bytes);
        }

        /** On the socket's reader thread: count the frame for the watchdog, hand the rest to the dispatcher. */
        private void onIncoming(Object payload) {
            if (this != current) {
                return;
            }
            Liveness l = liveness;
            if (l != null) {
                l.frameRead();
            }
            inbound.incoming(payload);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            synchronized (lock) {
                if (this == current) {
                    lastClose = new CloseReason(code, reason, true);
                }
            }
            // decided before the reply: OkHttp's writer thread may call onClosed (which uses the verdict too)
            // before this thread gets to onLost
            if (config.closeRule != null) {
                try {
                    closeAction = Objects.requireNonNullElse(config.closeRule.onServerClose(code, reason), closeAction);
                } catch (RuntimeException e) {
                    LOG.warn("{}: the server close rule threw; reconnecting by the policy", name, e);
                }
            }
            webSocket.close(1000, null);
            onLost(this, SessionError.Kind.TRANSPORT, new TransportException(
                    "server closed the connection: code " + code + (reason.isEmpty() ? "" : ", reason: " + reason)),
                    closeAction);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            onLost(this, SessionError.Kind.TRANSPORT, new TransportException(
                    "connection closed: code " + code + (reason.isEmpty() ? "" : ", reason: " + reason)), closeAction);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            SessionError.Kind kind = SessionError.Kind.TRANSPORT;
            String what;
            if (response != null) {
                // a response here is the upgrade response: the handshake itself was refused
                what = "WebSocket handshake failed: HTTP " + response.code() + " " + response.message();
                response.close();
            } else if (t instanceof SocketTimeoutException && String.valueOf(t.getMessage()).contains("pong")) {
                // OkHttp's own check: the previous ping was still unanswered when the next one was due
                kind = SessionError.Kind.HEARTBEAT_TIMEOUT;
                what = "no pong before the next ping was due; dropping the connection";
            } else {
                what = "connection failed: " + redactor.redact(String.valueOf(t));
            }
            onLost(this, kind, new TransportException(what, t));
        }
    }

    private final class Sub implements WsSubscription {
        final long id;
        final Supplier<String> subscribe;
        final Supplier<String> unsubscribe;

        Sub(long id, Supplier<String> subscribe, Supplier<String> unsubscribe) {
            this.id = id;
            this.subscribe = subscribe;
            this.unsubscribe = unsubscribe;
        }

        @Override
        public long id() {
            return id;
        }

        @Override
        public boolean isActive() {
            synchronized (lock) {
                return !state.isTerminal() && subscriptions.get(id) == this;
            }
        }

        @Override
        public void close() {
            synchronized (lock) {
                if (subscriptions.remove(id) == null) {
                    return;
                }
                if (state == ConnectionState.OPEN && unsubscribe != null) {
                    outgoing.sendInternal(unsubscribe.get());
                }
            }
        }

        @Override
        public String toString() {
            return "WsSubscription[" + id + "]";
        }
    }

    /** Adjusts the OkHttp client a session builds (proxy, TLS, timeouts); used by network options. */
    @FunctionalInterface
    public interface ClientCustomizer {
        /**
         * @param builder the builder of the session's own client
         */
        void customize(OkHttpClient.Builder builder);
    }

    // ------------------------------------------------------------------ builder

    /** Configures a {@link WsSession}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        final List<HttpUrl> urls = new ArrayList<>();
        Supplier<String> endpointSupplier;
        final List<Supplier<Map<String, String>>> headerSuppliers = new ArrayList<>();
        final List<Supplier<Map<String, String>>> querySuppliers = new ArrayList<>();
        boolean tcpKeepAlive = true;
        String name;
        final List<String[]> headers = new ArrayList<>();
        final List<String[]> queryParams = new ArrayList<>();
        final List<String> subprotocols = new ArrayList<>();
        final List<ClientCustomizer> customizers = new ArrayList<>();
        boolean compression = true;
        OkHttpClient httpClient;
        Duration connectTimeout;
        Duration pingInterval;
        Duration pongTimeout;
        Duration silence;
        ReconnectPolicy policy = ReconnectPolicy.defaults();
        ServerCloseRule closeRule;
        boolean retryInitialConnect;
        int queueCapacity = 1024;
        int messagesPerSecond;
        long maxIncomingBytes = 16L << 20;
        FrameType expected = FrameType.ANY;
        Executor dispatcher;
        ScheduledExecutorService scheduler;
        WsListener listener;

        private Builder(List<String> urls) {
            for (String url : urls) {
                this.urls.add(parse(url));
            }
        }

        static HttpUrl parse(String url) {
            Objects.requireNonNull(url, "url");
            String u = url;
            if (u.regionMatches(true, 0, "ws:", 0, 3)) {
                u = "http:" + u.substring(3);
            } else if (u.regionMatches(true, 0, "wss:", 0, 4)) {
                u = "https:" + u.substring(4);
            }
            HttpUrl parsed = HttpUrl.parse(u);
            if (parsed == null) {
                // the URL itself stays out of the message: its query may hold a token
                throw new IllegalArgumentException("not a ws://, wss://, http:// or https:// URL");
            }
            return parsed;
        }

        /**
         * @param name a short name for thread names and logs (default {@code ws-N})
         * @return this
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Adds a handshake header (for example an API key or {@code Authorization}). Header values
         * never appear in logs or {@link #toString()}.
         *
         * @param name header name
         * @param value header value
         * @return this
         */
        public Builder header(String name, String value) {
            headers.add(new String[] {Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")});
            return this;
        }

        /**
         * Adds a query parameter to the URL (percent-encoded for you).
         *
         * @param name parameter name
         * @param value parameter value
         * @return this
         */
        public Builder queryParam(String name, String value) {
            queryParams.add(new String[] {Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")});
            return this;
        }

        /**
         * Adds handshake headers produced anew before every connection attempt, the first and each
         * reconnect: an expiring token is fresh after every reconnect. The values never appear in
         * logs, exception messages or {@link #toString()}. The supplier is called on the thread that
         * connects (the caller of {@code connect()}, then a thread of the OkHttp client's executor, never
         * the shared timer thread) and should answer quickly; an exception or {@code null} fails that attempt like a refused connection.
         *
         * <pre>{@code
         * var token = new java.util.concurrent.atomic.AtomicReference<>("t-1");   // renewed elsewhere before it expires
         * WsSession s = WsSession.builder("wss://api.example.com/ws")
         *     .headers(() -> Map.of("Authorization", "Bearer " + token.get()))
         *     .build();
         * }</pre>
         *
         * @param supplier gives header names and values for one attempt
         * @return this
         */
        public Builder headers(Supplier<Map<String, String>> supplier) {
            headerSuppliers.add(Objects.requireNonNull(supplier, "supplier"));
            return this;
        }

        /**
         * Adds query parameters produced anew before every connection attempt; see
         * {@link #headers(Supplier)}. Values are percent-encoded for you and never logged.
         *
         * <pre>{@code
         * var token = new java.util.concurrent.atomic.AtomicReference<>("t-1");
         * WsSession s = WsSession.builder("wss://api.example.com/ws")
         *     .queryParams(() -> Map.of("token", token.get()))   // ...?token=t-1, fresh on every connect
         *     .build();
         * }</pre>
         *
         * @param supplier gives parameter names and values for one attempt
         * @return this
         */
        public Builder queryParams(Supplier<Map<String, String>> supplier) {
            querySuppliers.add(Objects.requireNonNull(supplier, "supplier"));
            return this;
        }

        /**
         * TCP keep-alive ({@code SO_KEEPALIVE}) on the session's sockets: on by default, so the operating
         * system finds a half-open connection (a peer that vanished without a close) even without a
         * {@link #heartbeat heartbeat}. The OS decides the probe timing (on Linux two hours idle by
         * default, {@code net.ipv4.tcp_keepalive_time}); a heartbeat finds a dead peer far sooner.
         *
         * @param enabled {@code false} to leave the socket factory's sockets as they are
         * @return this
         */
        public Builder tcpKeepAlive(boolean enabled) {
            this.tcpKeepAlive = enabled;
            return this;
        }

        /**
         * Offers subprotocols ({@code Sec-WebSocket-Protocol}); see {@link WsSession#subprotocol()} for
         * the one the server chose.
         *
         * @param protocols in order of preference
         * @return this
         */
        public Builder subprotocols(String... protocols) {
            subprotocols.addAll(List.of(protocols));
            return this;
        }

        /**
         * permessage-deflate: on by default (used where the server accepts it).
         *
         * @param enabled {@code false} to not offer it
         * @return this
         */
        public Builder compression(boolean enabled) {
            this.compression = enabled;
            return this;
        }

        /**
         * The OkHttp client to derive this session's client from (default: the shared one).
         * Proxy, TLS, the connect timeout and interceptors configured on it carry over. Its read timeout bounds
         * the handshake only (added to the connect timeout, as OkHttp's call timeout): the open socket has no
         * read or write timeout, because Okio would wake a watchdog thread for every frame. Use
         * {@link #heartbeat} or {@link #watchdog} to find a peer that goes quiet or stops reading.
         *
         * @param client the base client
         * @return this
         */
        public Builder httpClient(OkHttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * Adjusts the session's own OkHttp client (used by proxy and TLS options).
         *
         * @param customizer called once with the client builder
         * @return this
         */
        public Builder customize(ClientCustomizer customizer) {
            customizers.add(Objects.requireNonNull(customizer, "customizer"));
            return this;
        }

        /**
         * Connects through a proxy: {@code .proxy(ProxyConfig.socks5("127.0.0.1", 1080))}.
         * Shorthand for {@code customize(proxy::applyTo)}.
         *
         * @param proxy the proxy
         * @return this
         */
        public Builder proxy(dev.relaykit.core.net.ProxyConfig proxy) {
            return customize(Objects.requireNonNull(proxy, "proxy")::applyTo);
        }

        /**
         * Uses these TLS options (trusted CAs, client certificate, pins):
         * {@code .tls(TlsConfig.defaults().trustPemCertificates(caFile))}.
         * Shorthand for {@code customize(tls::applyTo)}.
         *
         * @param tls the TLS options
         * @return this
         */
        public Builder tls(dev.relaykit.core.net.TlsConfig tls) {
            return customize(Objects.requireNonNull(tls, "tls")::applyTo);
        }

        /**
         * Bounds each connection attempt as a whole: TCP connect (also OkHttp's connect timeout),
         * proxy, TLS and the WebSocket handshake must be done within it, or the attempt fails with a
         * {@link TransportException} caused by a {@link SocketTimeoutException}. Without it an
         * attempt is bounded by the OkHttp client's connect timeout plus its read timeout (10 s + 30 s
         * with the shared client).
         *
         * @param timeout the longest one connection attempt may take
         * @return this
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * Sends a ping every {@code interval} and drops the connection (then reconnects) when a pong
         * has not arrived {@code timeout} after a ping (found within a quarter of {@code timeout}
         * after it passes). Off by default.
         *
         * @param interval time between pings
         * @param timeout how long a ping may go unanswered; at most {@code interval}
         * @return this
         * @throws IllegalArgumentException if timeout exceeds interval (OkHttp also fails a connection
         *     whose previous ping is unanswered when the next is due)
         */
        public Builder heartbeat(Duration interval, Duration timeout) {
            positive(interval, "heartbeat interval");
            positive(timeout, "heartbeat timeout");
            if (timeout.compareTo(interval) > 0) {
                throw new IllegalArgumentException("heartbeat timeout (" + timeout + ") must not exceed the interval ("
                        + interval + "): a ping still unanswered when the next one is due already counts as dead");
            }
            this.pingInterval = interval;
            this.pongTimeout = timeout;
            return this;
        }

        /**
         * Drops the connection (then reconnects) when no message has arrived for {@code silence}.
         * Pongs do not count: this catches a stream that stopped flowing on a live connection. The
         * silence is found within a quarter of {@code silence} after it passes. Off by default.
         *
         * @param silence the longest tolerated gap between messages
         * @return this
         */
        public Builder watchdog(Duration silence) {
            this.silence = positive(silence, "watchdog silence");
            return this;
        }

        /**
         * @param policy how to reconnect after an unrequested close of a connection that was open
         *     (default {@link ReconnectPolicy#defaults()}); see {@link #retryInitialConnect(boolean)}
         *     for the first connection
         * @return this
         */
        public Builder reconnect(ReconnectPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Lets the server's close code decide what follows a close frame: reconnect by the policy (the
         * default), reconnect at once, or stop ({@link ConnectionState#FAILED}). See {@link ServerCloseRule}.
         *
         * <pre>{@code
         * WsSession s = WsSession.builder("wss://ws.example.com/app")
         *     .serverCloseRule((code, reason) -> code == 4001 ? ServerCloseRule.Action.STOP : ServerCloseRule.Action.RECONNECT)
         *     .build();
         * }</pre>
         *
         * @param rule decides by code and reason; called on the socket's reader thread
         * @return this
         */
        public Builder serverCloseRule(ServerCloseRule rule) {
            this.closeRule = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /**
         * Whether the {@link #reconnect reconnect policy} also retries the very first connection.
         * Off by default: {@link WsSession#connect()} then fails as soon as the first attempt fails
         * (with its cause) or times out, and nothing keeps trying behind the caller's back. Turn it
         * on for a service that may come up after the client (the future then completes when a
         * later attempt opens, or fails when the policy gives up).
         *
         * <pre>{@code
         * WsSession s = WsSession.builder("wss://stream.example.com/ws")
         *     .reconnect(ReconnectPolicy.exponential(Duration.ofSeconds(1), Duration.ofSeconds(30)).withUnlimitedAttempts())
         *     .retryInitialConnect(true)   // wait for the server to come up
         *     .build();
         * }</pre>
         *
         * @param keepTrying {@code true} to retry a first connection that never opened by the policy
         * @return this
         */
        public Builder retryInitialConnect(boolean keepTrying) {
            this.retryInitialConnect = keepTrying;
            return this;
        }

        /**
         * @param capacity how many sent messages may wait for the rate limit (default 1024)
         * @return this
         */
        public Builder outgoingQueueCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("outgoingQueueCapacity must be >= 1, was " + capacity);
            }
            this.queueCapacity = capacity;
            return this;
        }

        /**
         * Sends at most this many messages (subscription frames included) in any one-second window;
         * the rest wait in the outgoing queue. No limit by default.
         *
         * @param messagesPerSecond at least 1
         * @return this
         */
        public Builder outgoingRateLimit(int messagesPerSecond) {
            if (messagesPerSecond < 1) {
                throw new IllegalArgumentException("outgoingRateLimit must be >= 1 message per second, was "
                        + messagesPerSecond);
            }
            this.messagesPerSecond = messagesPerSecond;
            return this;
        }

        /**
         * @param maxBytes larger incoming messages are discarded and reported (default 16 MiB)
         * @return this
         */
        public Builder maxIncomingMessageBytes(long maxBytes) {
            if (maxBytes < 1) {
                throw new IllegalArgumentException("maxIncomingMessageBytes must be >= 1, was " + maxBytes);
            }
            this.maxIncomingBytes = maxBytes;
            return this;
        }

        /**
         * @param type which data frames are expected (default {@link FrameType#ANY}); others are
         *     discarded and reported
         * @return this
         */
        public Builder expect(FrameType type) {
            this.expected = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * Runs listener callbacks on this executor instead of the SDK's shared dispatch pool. Callbacks
         * still run one at a time, in order. The session never shuts this executor down. A
         * {@link SerialExecutor} is used as it is (it keeps the order already), so callbacks of
         * several sessions can share one ordered queue.
         *
         * @param executor the executor
         * @return this
         */
        public Builder dispatcher(Executor executor) {
            this.dispatcher = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Runs the session's timers (reconnect delays, heartbeat and watchdog checks, rate-limited
         * sends) on this scheduler instead of the SDK's one shared timer thread (which every session,
         * REST client and service client uses by default). The session cancels its tasks on close and
         * never shuts the scheduler down. Its tasks are short and never block.
         *
         * @param scheduler the scheduler
         * @return this
         */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /**
         * @param listener the first listener (more with {@link WsSession#addListener})
         * @return this
         */
        public Builder listener(WsListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** @return a new session in state {@link ConnectionState#NEW} */
        public WsSession build() {
            return new WsSession(this);
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
