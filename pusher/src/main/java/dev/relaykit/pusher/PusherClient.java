package dev.relaykit.pusher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.internal.SharedTimer;
import dev.relaykit.core.internal.TimerScope;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.limit.RateLimit;
import dev.relaykit.core.limit.RateLimiter;
import dev.relaykit.core.ws.CloseReason;
import dev.relaykit.core.ws.ConnectionState;
import dev.relaykit.core.ws.ReconnectPolicy;
import dev.relaykit.core.ws.SerialExecutor;
import dev.relaykit.core.ws.ServerCloseRule;
import dev.relaykit.core.ws.StateChange;
import dev.relaykit.core.ws.WsListener;
import dev.relaykit.core.ws.WsSession;
import dev.relaykit.pusher.crypto.EncryptedChannels;
import dev.relaykit.pusher.crypto.PusherSigner;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Pusher Channels client (protocol 7): connects, subscribes to public, private, presence,
 * private-encrypted and cache channels, delivers their events to bound listeners, triggers client
 * events, signs users in, and comes back after every drop with every channel re-subscribed under a
 * fresh authorization.
 *
 * <pre>{@code
 * PusherClient client = PusherClient.builder("app-key")
 *     .cluster("eu")                                         // wss://ws-eu.pusher.com:443/app/app-key?protocol=7&...
 *     .channelAuthorizer(ChannelAuthorizer.http(HttpAuthEndpoint.builder("https://app.example.com/pusher/auth").build()))
 *     .build();
 * client.onStateChange(c -> System.out.println(c.previous() + " -> " + c.current()));
 * client.onError(e -> System.err.println(e.getMessage()));
 * client.connect().get(10, TimeUnit.SECONDS);
 * PusherChannel news = client.channel("news");
 * news.bind("headline", e -> System.out.println(e.data()));
 * news.subscribe().get(10, TimeUnit.SECONDS);
 * client.close();
 * }</pre>
 *
 * <p><b>Built on sdk-core</b>: one {@link WsSession} carries the connection and owns reconnection (its
 * {@link ReconnectPolicy}, at least 1 s of back-off by default as the protocol asks), the heartbeat
 * (WebSocket pings every activity timeout) and the silence watchdog; the server's close code decides
 * through a {@link ServerCloseRule}: 4000 reconnects at once over TLS, 4001-4099 stop
 * ({@link PusherConnectionState#FAILED} with a {@link ConnectionRefusedException}), 4200-4299 reconnect
 * at once, anything else (4100-4199, 1002-1004, a dropped socket) backs off. Timers are on the SDK's
 * one shared timer; everything the client does with the protocol, and every listener, runs on one
 * ordered dispatcher, never on the socket's reader thread.
 *
 * <p><b>Liveness</b>: the client sends {@code pusher:ping} when nothing has arrived for the activity
 * timeout (the smaller of its own and the server's {@code activity_timeout}) and answers the server's
 * {@code pusher:ping} with {@code pusher:pong}; WebSocket pings are sent and answered too. When nothing
 * at all arrives for the activity timeout plus the pong timeout the connection is dropped and
 * re-established.
 *
 * <p><b>Nothing hangs</b>: {@link #connect()}, {@link PusherChannel#subscribe()} and
 * {@link PusherUser#signin()} complete or fail within their timeouts. Errors are typed
 * ({@link PusherException} and its subclasses) and reach {@link #onError} listeners.
 *
 * <p>Thread-safe. {@link #close()} leaves no thread, socket or timer behind.
 */
public final class PusherClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PusherClient.class);
    /** The protocol version this client speaks. */
    public static final int PROTOCOL = 7;
    static final String CLIENT_NAME = "relaykit-java";
    static final String USER_CHANNEL_PREFIX = "#server-to-user-";

    private final String key;
    private final String host; // null when cluster is used
    private final String cluster;
    private final int port; // 0: the scheme's default
    private volatile boolean tls; // may turn on after close code 4000
    private final ChannelAuthorizer authorizer;
    private final UserAuthenticator userAuthenticator;
    private final Duration activityTimeout;
    private final Duration pongTimeout;
    private final Duration subscribeTimeout;
    private final Duration connectTimeout;
    private final int clientEventQueueCapacity;

    private final SerialExecutor dispatcher; // the protocol and every listener, one at a time, in order
    private final TimerScope timer; // this client's tasks on the shared timer, run on the dispatcher
    private final WsSession session;
    private final RateLimiter clientEventLimiter;

    private final Map<String, PusherChannel> channels = new ConcurrentHashMap<>();
    private final Bindings globalBindings = new Bindings();
    private final List<Consumer<PusherStateChange>> stateListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<PusherException>> errorListeners = new CopyOnWriteArrayList<>();
    private final PusherUser user = new PusherUser(this);
    private final CompletableFuture<Void> connected = new CompletableFuture<>();

    // --- confined to the dispatcher unless volatile ---
    private volatile PusherConnectionState state = PusherConnectionState.INITIALIZED;
    private volatile String socketId;
    private long generation; // one per established connection: late answers for an older one are dropped
    private volatile long effectiveActivityNanos;
    private volatile long lastMessageNanos = System.nanoTime();
    private boolean pingSent;
    private final ArrayDeque<ClientEvent> clientEvents = new ArrayDeque<>();
    private final AtomicInteger queuedClientEvents = new AtomicInteger();
    private boolean drainScheduled;

    private PusherClient(Builder b) {
        this.key = b.key;
        this.host = b.host;
        this.cluster = b.cluster;
        this.port = b.port;
        this.tls = b.tls;
        this.authorizer = b.authorizer;
        this.userAuthenticator = b.userAuthenticator;
        this.activityTimeout = b.activityTimeout;
        this.pongTimeout = b.pongTimeout;
        this.subscribeTimeout = b.subscribeTimeout;
        this.connectTimeout = b.connectTimeout;
        this.clientEventQueueCapacity = b.clientEventQueueCapacity;
        this.effectiveActivityNanos = activityTimeout.toNanos();
        this.dispatcher = b.dispatcher != null ? new SerialExecutor(b.dispatcher) : SerialExecutor.onSharedPool();
        this.timer = SharedTimer.scope(null, dispatcher);
        // Pusher allows 10 client events per second. The limiter counts in windows aligned to the clock, so a
        // budget of 10 per second could put 10 at the end of one second and 10 at the start of the next; one
        // event per 125 ms keeps any one-second span, however placed, to at most 10 (11 would need 1,125 ms).
        this.clientEventLimiter = RateLimiter.builder()
                .limit(RateLimit.requests(1, Duration.ofMillis(125)).named("pusher client events (10/s)"))
                .mode(RateLimiter.Mode.FAIL_FAST).build();
        WsSession.Builder sb = WsSession.builder(this::url)
                .name("pusher-" + key)
                .dispatcher(dispatcher)
                .reconnect(b.policy)
                .retryInitialConnect(b.retryInitialConnect)
                .heartbeat(activityTimeout, pongTimeout)
                .watchdog(activityTimeout.plus(pongTimeout))
                .expect(dev.relaykit.core.ws.FrameType.TEXT)
                .serverCloseRule(this::onServerClose)
                .listener(new Listener());
        if (b.httpClient != null) {
            sb.httpClient(b.httpClient);
        }
        this.session = sb.build();
    }

    /**
     * @param appKey the app key (not the secret)
     * @return a builder
     */
    public static Builder builder(String appKey) {
        return new Builder(appKey);
    }

    // ------------------------------------------------------------------ public API

    /**
     * Connects. The future completes on {@code pusher:connection_established}; it fails if the first
     * attempt fails (unless {@link Builder#retryInitialConnect(boolean)}), the server refuses the
     * connection ({@link ConnectionRefusedException}), or nothing is established within the connect
     * timeout ({@link PusherTimeoutException}; the client keeps trying in the background until closed).
     *
     * @return completes when connected
     * @throws IllegalStateException if called twice
     */
    public CompletableFuture<Void> connect() {
        session.connect().whenComplete((ok, err) -> {
            if (err != null) {
                connected.completeExceptionally(err instanceof PusherException ? err
                        : new PusherException("could not connect to " + session.currentEndpoint() + ": "
                        + err.getMessage(), err));
            }
        });
        timer.schedule(() -> connected.completeExceptionally(new PusherTimeoutException(
                "no pusher:connection_established within " + connectTimeout.toMillis() + " ms")),
                connectTimeout.toNanos(), TimeUnit.NANOSECONDS);
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(25), activityTimeout.toNanos() / 4);
        timer.scheduleWithFixedDelay(this::checkActivity, period, period, TimeUnit.NANOSECONDS);
        return connected;
    }

    /** @return the connection's state */
    public PusherConnectionState state() {
        return state;
    }

    /** @return the socket id of the established connection, or {@code null} when not connected */
    public String socketId() {
        return socketId;
    }

    /**
     * The channel of this name, created (not yet subscribed) if new: bind its listeners, then
     * {@link PusherChannel#subscribe()}. For a {@code presence-} name, use {@link #presenceChannel(String)}
     * for its members.
     *
     * @param name the channel name
     * @return the channel
     * @throws IllegalArgumentException if the name is not a valid channel name
     */
    public PusherChannel channel(String name) {
        PusherSigner.checkChannelName(name);
        return channels.computeIfAbsent(name, n -> PusherChannel.Kind.of(n) == PusherChannel.Kind.PRESENCE
                ? new PresenceChannel(this, n) : new PusherChannel(this, n));
    }

    /**
     * @param name a {@code presence-} channel name
     * @return the presence channel (created if new, not yet subscribed)
     * @throws IllegalArgumentException if the name does not start with {@code presence-}
     */
    public PresenceChannel presenceChannel(String name) {
        if (!name.startsWith("presence-")) {
            throw new IllegalArgumentException(name + " is not a presence channel (presence- prefix)");
        }
        return (PresenceChannel) channel(name);
    }

    /**
     * Shorthand for {@code channel(name)}, then {@code subscribe()}: bind with {@link #bind} /
     * {@link #bindGlobal} first if the first events matter (a cache channel's replay comes at once).
     *
     * @param name the channel name
     * @return completes with the channel once subscribed; fails as {@link PusherChannel#subscribe()}
     */
    public CompletableFuture<PusherChannel> subscribe(String name) {
        PusherChannel ch = channel(name);
        return ch.subscribe().thenApply(v -> ch);
    }

    /**
     * @param name a {@code presence-} channel name
     * @return completes with the presence channel (members known) once subscribed
     */
    public CompletableFuture<PresenceChannel> subscribePresence(String name) {
        PresenceChannel ch = presenceChannel(name);
        return ch.subscribe().thenApply(v -> ch);
    }

    /**
     * @param name a channel name
     * @return the channel, if {@link #channel(String)} made it and it was not unsubscribed
     */
    public Optional<PusherChannel> findChannel(String name) {
        return Optional.ofNullable(channels.get(name));
    }

    /** @param name the channel to unsubscribe from (nothing happens if unknown) */
    public void unsubscribe(String name) {
        PusherChannel ch = channels.get(name);
        if (ch != null) {
            ch.unsubscribe();
        }
    }

    /**
     * @param event an event name
     * @param listener called for such events on any channel
     * @return the binding
     */
    public Binding bind(String event, PusherEventListener listener) {
        return globalBindings.bind(event, listener);
    }

    /**
     * @param listener called for every event on every channel, and for connection-level events
     *     ({@code pusher:error}, {@code pusher:connection_established}...)
     * @return the binding
     */
    public Binding bindGlobal(PusherEventListener listener) {
        return globalBindings.bindAll(listener);
    }

    /** @param event removes every client-level listener of this event */
    public void unbind(String event) {
        globalBindings.unbind(event);
    }

    /** Removes every client-level listener (channel and user listeners stay). */
    public void unbindAll() {
        globalBindings.unbindAll();
    }

    /**
     * @param listener called on every connection state change, on the dispatcher
     * @return the binding
     */
    public Binding onStateChange(Consumer<PusherStateChange> listener) {
        stateListeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> stateListeners.remove(listener);
    }

    /**
     * @param listener called with every error the client reports, on the dispatcher
     * @return the binding
     */
    public Binding onError(Consumer<PusherException> listener) {
        errorListeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> errorListeners.remove(listener);
    }

    /** @return the user of this connection: sign-in, user events, watchlist */
    public PusherUser user() {
        return user;
    }

    /**
     * Sends a raw event frame as it is (for a protocol event this client does not know).
     *
     * @param json the frame
     * @return completes when handed to the socket
     */
    public CompletableFuture<Void> sendRaw(String json) {
        return session.send(json);
    }

    /**
     * Disconnects for good: unsubscribes nothing on the server (the connection's end does that), fails
     * pending subscriptions and client events, and leaves no thread, socket or timer behind.
     */
    @Override
    public void close() {
        session.close();
        timer.shutdownNow();
        PusherException closed = new PusherException("the Pusher client was closed", null);
        dispatcher.execute(() -> {
            endEverything(closed);
            setState(PusherConnectionState.DISCONNECTED, null);
        });
    }

    @Override
    public String toString() {
        return "PusherClient[" + key + " " + session.currentEndpoint() + ", " + state + "]";
    }

    // ------------------------------------------------------------------ URL and close codes

    private String url() {
        boolean secure = tls;
        String h = host != null ? host : "ws-" + cluster + ".pusher.com";
        int p = port != 0 ? port : secure ? 443 : 80;
        String version = Optional.ofNullable(PusherClient.class.getPackage().getImplementationVersion()).orElse("0.1.0");
        return (secure ? "wss" : "ws") + "://" + h + ":" + p + "/app/" + key + "?protocol=" + PROTOCOL
                + "&client=" + CLIENT_NAME + "&version=" + version;
    }

    /** On the socket's reader thread: the protocol's close code ranges. */
    private ServerCloseRule.Action onServerClose(int code, String reason) {
        if (code == 4000) {
            if (tls) {
                return ServerCloseRule.Action.STOP; // already on TLS: asking again cannot help
            }
            tls = true; // "reconnect using wss://"
            return ServerCloseRule.Action.RECONNECT_NOW;
        }
        if (code > 4000 && code < 4100) {
            return ServerCloseRule.Action.STOP;
        }
        if (code >= 4200 && code < 4300) {
            return ServerCloseRule.Action.RECONNECT_NOW;
        }
        return ServerCloseRule.Action.RECONNECT; // 4100-4199, 1002-1004 and the rest: back off
    }

    /** @return whether the next connection uses TLS (it turns on after a 4000 close) */
    public boolean usesTls() {
        return tls;
    }

    // ------------------------------------------------------------------ the session's events (dispatcher)

    private final class Listener implements WsListener {
        @Override
        public void onText(WsSession s, String text) {
            lastMessageNanos = System.nanoTime();
            pingSent = false;
            onFrame(text);
        }

        @Override
        public void onStateChange(WsSession s, StateChange change) {
            onSessionState(change);
        }
    }

    private void onSessionState(StateChange change) {
        switch (change.to()) {
            case CONNECTING -> setState(PusherConnectionState.CONNECTING, change.cause());
            case RECONNECTING -> {
                connectionLost();
                setState(PusherConnectionState.UNAVAILABLE, change.cause());
            }
            case FAILED -> {
                CloseReason close = session.lastClose();
                PusherException why = close != null && close.byPeer() && close.code() >= 4000 && close.code() < 4100
                        ? new ConnectionRefusedException(close.code(), close.reason())
                        : new PusherException("the connection is lost and not retried: "
                        + (change.cause() != null ? change.cause().getMessage() : "reconnect policy exhausted"), change.cause());
                connectionLost();
                setState(PusherConnectionState.FAILED, why); // first: whoever hears of the error finds the state final
                report(why);
                endEverything(why);
                timer.shutdownNow();
            }
            case CLOSED -> setState(PusherConnectionState.DISCONNECTED, null);
            default -> {
                // OPEN: connected only once pusher:connection_established names the socket
            }
        }
    }

    private void connectionLost() {
        generation++;
        socketId = null;
        for (PusherChannel ch : channels.values()) {
            ch.subscribed = false;
        }
        user.userData = null;
    }

    private void setState(PusherConnectionState to, Throwable cause) {
        PusherConnectionState from = state;
        if (from == to || from == PusherConnectionState.DISCONNECTED
                || (from == PusherConnectionState.FAILED && to != PusherConnectionState.DISCONNECTED)) {
            return;
        }
        state = to;
        PusherStateChange change = new PusherStateChange(from, to, cause);
        for (Consumer<PusherStateChange> l : stateListeners) {
            try {
                l.accept(change);
            } catch (RuntimeException e) {
                LOG.warn("a state listener threw", e);
            }
        }
    }

    /** Fails what waits: the connect future, pending subscriptions, sign-in, queued client events. */
    private void endEverything(PusherException why) {
        connected.completeExceptionally(why);
        for (PusherChannel ch : channels.values()) {
            failPending(ch, why);
        }
        synchronized (user) {
            if (user.pending != null) {
                user.pending.completeExceptionally(why);
            }
        }
        ClientEvent e;
        while ((e = clientEvents.poll()) != null) {
            queuedClientEvents.decrementAndGet();
            e.done.completeExceptionally(why);
        }
    }

    void report(PusherException e) {
        LOG.debug("pusher client {}: {}", key, e.getMessage());
        for (Consumer<PusherException> l : errorListeners) {
            try {
                l.accept(e);
            } catch (RuntimeException t) {
                LOG.warn("an error listener threw", t);
            }
        }
    }

    // ------------------------------------------------------------------ frames (dispatcher)

    private void onFrame(String text) {
        JsonNode frame;
        try {
            frame = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            report(new MalformedFrameException("a frame that is not JSON was skipped", text, e));
            return;
        }
        if (frame == null || !frame.isObject() || !frame.path("event").isTextual()) {
            report(new MalformedFrameException("a frame without an event name was skipped", text, null));
            return;
        }
        String event = frame.get("event").asText();
        String channel = frame.path("channel").isTextual() ? frame.get("channel").asText() : null;
        JsonNode data = frame.get("data");
        try {
            switch (event) {
                case "pusher:connection_established" -> onEstablished(tree(data, text));
                case "pusher:ping" -> send(frame("pusher:pong", Json.mapper().createObjectNode()));
                case "pusher:pong" -> {
                    // any frame proves the connection alive; nothing more to do
                }
                case "pusher:error" -> onPusherError(tree(data, text));
                case "pusher:signin_success" -> onSigninSuccess(tree(data, text), text);
                case "pusher_internal:watchlist_events" -> onWatchlist(tree(data, text));
                default -> {
                    if (channel == null) {
                        globalBindings.emit(new PusherEvent(null, event, text(data), null));
                    } else if (channel.startsWith(USER_CHANNEL_PREFIX)) {
                        onUserEvent(channel, event, data);
                    } else {
                        onChannelEvent(channel, event, data, frame.path("user_id").isTextual()
                                ? frame.get("user_id").asText() : null, text);
                    }
                }
            }
        } catch (MalformedFrameException e) {
            report(e);
        }
    }

    /** The data of a protocol event: a JSON string holding an object (the usual double encoding) or the object. */
    private static JsonNode tree(JsonNode data, String frame) {
        if (data == null || data.isNull()) {
            return Json.mapper().createObjectNode();
        }
        if (data.isTextual()) {
            try {
                return Json.mapper().readTree(data.asText());
            } catch (JsonProcessingException e) {
                throw new MalformedFrameException("the data of a protocol event is not JSON", frame, e);
            }
        }
        return data;
    }

    private static String text(JsonNode data) {
        return data == null || data.isNull() ? null : data.isTextual() ? data.asText() : data.toString();
    }

    private void onEstablished(JsonNode data) {
        String id = data.path("socket_id").asText(null);
        if (id == null) {
            throw new MalformedFrameException("pusher:connection_established without a socket_id", data.toString(), null);
        }
        long serverActivity = data.path("activity_timeout").asLong(0);
        long ours = activityTimeout.toNanos();
        effectiveActivityNanos = serverActivity > 0 ? Math.min(ours, TimeUnit.SECONDS.toNanos(serverActivity)) : ours;
        generation++;
        socketId = id;
        setState(PusherConnectionState.CONNECTED, null);
        connected.complete(null);
        globalBindings.emit(new PusherEvent(null, "pusher:connection_established", data.toString(), null));
        // every channel again, each with a fresh authorization for this socket id
        for (PusherChannel ch : channels.values()) {
            if (ch.wanted) {
                sendSubscribe(ch);
            }
        }
        if (user.requested) {
            sendSignin();
        }
        drainClientEvents();
    }

    /** On the timer (handed to the dispatcher): a ping when the line has been quiet for the activity timeout. */
    private void checkActivity() {
        if (state == PusherConnectionState.CONNECTED && !pingSent
                && System.nanoTime() - lastMessageNanos >= effectiveActivityNanos) {
            pingSent = true; // the watchdog drops the connection if nothing, pong included, follows
            send(frame("pusher:ping", Json.mapper().createObjectNode()));
        }
    }

    private void onPusherError(JsonNode data) {
        Integer code = data.path("code").isNumber() ? data.get("code").asInt() : null;
        String message = data.path("message").asText(null);
        // Pusher's own service answers a bad channel signature this way (code null, connection kept), not with
        // pusher:subscription_error: pin it on the channel it names, so that channel's subscribe() fails
        if (message != null && message.contains("Invalid signature")) {
            for (PusherChannel ch : channels.values()) {
                if (ch.wanted && !ch.subscribed && mentions(message, ch.name)) {
                    SubscriptionException e = new SubscriptionException(ch.name, "AuthError", null, message);
                    report(e);
                    failPending(ch, e);
                    ch.bindings.emit(new PusherEvent(ch.name, "pusher:subscription_error", data.toString(), null));
                    return;
                }
            }
        }
        report(new PusherErrorException(code, message));
        globalBindings.emit(new PusherEvent(null, "pusher:error", data.toString(), null));
    }

    private static boolean mentions(String message, String channel) {
        int i = message.indexOf(channel);
        while (i >= 0) {
            int end = i + channel.length();
            boolean left = i == 0 || !isChannelChar(message.charAt(i - 1));
            // "...of 1.1001:private-foo, but got ...": punctuation then a space ends the name, though ',' '.' ';'
            // may appear inside names
            boolean right = end == message.length() || !isChannelChar(message.charAt(end))
                    || (",.;".indexOf(message.charAt(end)) >= 0
                    && (end + 1 == message.length() || message.charAt(end + 1) == ' '));
            if (left && right) {
                return true;
            }
            i = message.indexOf(channel, i + 1);
        }
        return false;
    }

    private static boolean isChannelChar(char c) {
        return Character.isLetterOrDigit(c) || "_-=@,.;".indexOf(c) >= 0;
    }

    // ------------------------------------------------------------------ channels

    CompletableFuture<Void> subscribe(PusherChannel ch) {
        if (state == PusherConnectionState.DISCONNECTED || state == PusherConnectionState.FAILED) {
            return CompletableFuture.failedFuture(new PusherException("cannot subscribe to " + ch.name
                    + ": the client is " + state, null));
        }
        CompletableFuture<Void> f;
        synchronized (ch) {
            if (ch.pending != null && !ch.pending.isDone()) {
                return ch.pending;
            }
            f = new CompletableFuture<>();
            ch.pending = f;
        }
        channels.putIfAbsent(ch.name, ch);
        timer.schedule(() -> f.completeExceptionally(new PusherTimeoutException("no answer to the subscription of "
                + ch.name + " within " + subscribeTimeout.toMillis() + " ms (state " + state + ")")),
                subscribeTimeout.toNanos(), TimeUnit.NANOSECONDS);
        dispatcher.execute(() -> {
            if (channels.get(ch.name) != ch) {
                f.completeExceptionally(new PusherException(ch.name + " was unsubscribed", null));
                return;
            }
            if (ch.subscribed) {
                f.complete(null);
                return;
            }
            ch.wanted = true;
            if (state == PusherConnectionState.CONNECTED) {
                sendSubscribe(ch);
            }
        });
        return f;
    }

    void unsubscribe(PusherChannel ch) {
        if (!channels.remove(ch.name, ch)) {
            return;
        }
        dispatcher.execute(() -> {
            boolean was = ch.wanted;
            ch.wanted = false;
            ch.subscribed = false;
            ch.bindings.unbindAll();
            failPending(ch, new PusherException(ch.name + " was unsubscribed", null));
            if (was && state == PusherConnectionState.CONNECTED) {
                ObjectNode d = Json.mapper().createObjectNode().put("channel", ch.name);
                send(frame("pusher:unsubscribe", d));
            }
        });
    }

    private void sendSubscribe(PusherChannel ch) {
        ch.subscribed = false;
        long attempt = ++ch.attempt;
        if (ch.kind == PusherChannel.Kind.PUBLIC) {
            send(frame("pusher:subscribe", Json.mapper().createObjectNode().put("channel", ch.name)));
            return;
        }
        authorize(ch).whenComplete((auth, err) -> dispatcher.execute(() -> {
            if (channels.get(ch.name) != ch || !ch.wanted || ch.attempt != attempt
                    || state != PusherConnectionState.CONNECTED) {
                return; // unsubscribed, superseded, or the connection it was for is gone (the next one asks again)
            }
            if (err != null) {
                PusherException e = authFailure(ch.name, err);
                report(e);
                failPending(ch, e);
                return;
            }
            try {
                useAuth(ch, auth);
            } catch (AuthorizationException e) {
                report(e);
                failPending(ch, e);
                return;
            }
            ObjectNode d = Json.mapper().createObjectNode().put("channel", ch.name).put("auth", auth.auth());
            if (auth.channelData() != null) {
                d.put("channel_data", auth.channelData());
            }
            send(frame("pusher:subscribe", d));
        }));
    }

    private CompletableFuture<ChannelAuthorizer.Auth> authorize(PusherChannel ch) {
        if (authorizer == null) {
            return CompletableFuture.failedFuture(new AuthorizationException(ch.name, 0, ch.name
                    + " needs an authorization and the client has no channel authorizer (Builder.channelAuthorizer)", null));
        }
        try {
            return Objects.requireNonNull(authorizer.authorize(socketId, ch.name), "the authorizer returned null");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static PusherException authFailure(String channel, Throwable err) {
        Throwable t = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
        if (t instanceof PusherException p) {
            return p;
        }
        return new AuthorizationException(channel, 0, "authorization of " + channel + " failed: " + t, t);
    }

    /** Checks an authorization's extra parts and keeps what they give (the shared secret, the presence user id). */
    private static void useAuth(PusherChannel ch, ChannelAuthorizer.Auth auth) {
        if (auth == null) {
            throw new AuthorizationException(ch.name, 0, "the authorizer answered null for " + ch.name, null);
        }
        if (ch.kind == PusherChannel.Kind.PRIVATE_ENCRYPTED) {
            if (auth.sharedSecret() == null) {
                throw new AuthorizationException(ch.name, 0, "no shared_secret in the authorization of encrypted channel "
                        + ch.name, null);
            }
            byte[] k;
            try {
                k = Base64.getDecoder().decode(auth.sharedSecret());
            } catch (IllegalArgumentException e) {
                throw new AuthorizationException(ch.name, 0, "the shared_secret for " + ch.name + " is not base64", null);
            }
            if (k.length != 32) {
                throw new AuthorizationException(ch.name, 0, "the shared_secret for " + ch.name + " is " + k.length
                        + " bytes, not 32", null);
            }
            ch.key = k;
        }
        if (ch instanceof PresenceChannel p) {
            if (auth.channelData() == null) {
                throw new AuthorizationException(ch.name, 0, "no channel_data in the authorization of presence channel "
                        + ch.name, null);
            }
            try {
                JsonNode cd = Json.mapper().readTree(auth.channelData());
                p.myId = cd.path("user_id").isValueNode() ? cd.get("user_id").asText() : null;
            } catch (JsonProcessingException e) {
                throw new AuthorizationException(ch.name, 0, "the channel_data for " + ch.name + " is not JSON", e);
            }
        }
    }

    private void failPending(PusherChannel ch, PusherException why) {
        synchronized (ch) {
            if (ch.pending != null) {
                ch.pending.completeExceptionally(why);
            }
        }
    }

    private void onChannelEvent(String channel, String event, JsonNode data, String userId, String frame) {
        PusherChannel ch = channels.get(channel);
        if (ch == null || !ch.wanted) {
            LOG.debug("event {} for {}, which is not subscribed: skipped", event, channel);
            return;
        }
        switch (event) {
            case "pusher_internal:subscription_succeeded" -> {
                if (ch instanceof PresenceChannel p) {
                    p.resetMembers(members(tree(data, frame).path("presence")));
                }
                ch.subscribed = true;
                synchronized (ch) {
                    if (ch.pending != null) {
                        ch.pending.complete(null);
                    }
                }
                emit(ch, new PusherEvent(channel, "pusher:subscription_succeeded", text(data), null));
            }
            case "pusher:subscription_error" -> {
                JsonNode d = tree(data, frame);
                Integer status = d.path("status").isNumber() ? d.get("status").asInt() : null;
                SubscriptionException e = new SubscriptionException(channel, d.path("type").asText(null), status,
                        d.path("error").asText(null));
                report(e);
                failPending(ch, e);
                emit(ch, new PusherEvent(channel, event, text(data), null));
            }
            case "pusher_internal:subscription_count", "pusher:subscription_count" -> {
                // the wire name is pusher_internal:; listeners get it as pusher-js names it
                JsonNode d = tree(data, frame);
                if (d.path("subscription_count").isNumber()) {
                    ch.subscriptionCount = d.get("subscription_count").asInt();
                }
                emit(ch, new PusherEvent(channel, "pusher:subscription_count", text(data), null));
            }
            case "pusher_internal:member_added" -> {
                if (ch instanceof PresenceChannel p) {
                    JsonNode d = tree(data, frame);
                    Member m = new Member(d.path("user_id").asText(), d.path("user_info").isMissingNode()
                            ? NullNode.getInstance() : d.get("user_info"));
                    p.memberAdded(m);
                    emit(ch, new PusherEvent(channel, "pusher:member_added", text(data), null));
                }
            }
            case "pusher_internal:member_removed" -> {
                if (ch instanceof PresenceChannel p && p.memberRemoved(tree(data, frame).path("user_id").asText())) {
                    emit(ch, new PusherEvent(channel, "pusher:member_removed", text(data), null));
                }
            }
            default -> {
                if (ch.kind == PusherChannel.Kind.PRIVATE_ENCRYPTED && !event.startsWith("pusher:")
                        && !event.startsWith("pusher_internal:")) {
                    onEncryptedEvent(ch, event, text(data), userId);
                } else {
                    emit(ch, new PusherEvent(channel, event, text(data), userId));
                }
            }
        }
    }

    private static List<Member> members(JsonNode presence) {
        List<Member> list = new ArrayList<>();
        JsonNode hash = presence.path("hash");
        JsonNode ids = presence.path("ids");
        if (ids.isArray()) {
            for (JsonNode id : ids) {
                String s = id.asText();
                list.add(new Member(s, hash.has(s) ? hash.get(s) : NullNode.getInstance()));
            }
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = hash.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                list.add(new Member(e.getKey(), e.getValue()));
            }
        }
        return list;
    }

    private void emit(PusherChannel ch, PusherEvent e) {
        ch.bindings.emit(e);
        globalBindings.emit(e);
    }

    // ------------------------------------------------------------------ encrypted channels

    private void onEncryptedEvent(PusherChannel ch, String event, String data, String userId) {
        if (ch.reauthorizing) {
            // keep the channel's order: what comes while a fresh key is fetched waits behind the event that needs it
            ch.heldWhileReauthorizing.add(() -> decrypt(ch, event, data, userId));
            return;
        }
        decrypt(ch, event, data, userId);
    }

    private void decrypt(PusherChannel ch, String event, String data, String userId) {
        String nonce;
        String ciphertext;
        try {
            JsonNode d = Json.mapper().readTree(data == null ? "null" : data);
            nonce = d.path("nonce").asText(null);
            ciphertext = d.path("ciphertext").asText(null);
        } catch (JsonProcessingException e) {
            nonce = null;
            ciphertext = null;
        }
        if (nonce == null || ciphertext == null || ch.key == null) {
            report(new DecryptionException(ch.name, event, ch.key == null ? "no shared secret yet"
                    : "the data is not a {nonce, ciphertext} payload"));
            return;
        }
        Optional<String> plain;
        try {
            plain = EncryptedChannels.decrypt(ch.key, nonce, ciphertext);
        } catch (RuntimeException e) {
            plain = Optional.empty(); // bad base64 or a short nonce: as undecryptable as a wrong key
        }
        if (plain.isPresent()) {
            ch.decryptRetryUsed = false;
            emit(ch, new PusherEvent(ch.name, event, unquote(plain.get()), userId));
            return;
        }
        if (ch.decryptRetryUsed) {
            report(new DecryptionException(ch.name, event, "it does not open with the channel's shared secret, "
                    + "fetched afresh (tampered, or encrypted with another key)"));
            return;
        }
        // the key may have rotated: one fresh authorization, then this event again
        ch.decryptRetryUsed = true;
        ch.reauthorizing = true;
        ch.heldWhileReauthorizing.addFirst(() -> decrypt(ch, event, data, userId));
        long gen = generation;
        authorize(ch).whenComplete((auth, err) -> dispatcher.execute(() -> {
            ch.reauthorizing = false;
            if (gen != generation || channels.get(ch.name) != ch) {
                ch.heldWhileReauthorizing.clear();
                return;
            }
            if (err != null) {
                report(authFailure(ch.name, err));
            } else {
                try {
                    useAuth(ch, auth);
                } catch (AuthorizationException e) {
                    report(e);
                }
            }
            Runnable next;
            while (!ch.reauthorizing && (next = ch.heldWhileReauthorizing.poll()) != null) {
                next.run();
            }
        }));
    }

    /**
     * The server libraries encrypt {@code JSON.stringify(data)}, so data triggered as a string arrives as a JSON
     * string literal; pusher-js parses the plaintext, and so the event carries the string itself, as it would
     * on an unencrypted channel.
     */
    private static String unquote(String plain) {
        if (plain.length() >= 2 && plain.charAt(0) == '"') {
            try {
                JsonNode n = Json.mapper().readTree(plain);
                if (n.isTextual()) {
                    return n.asText();
                }
            } catch (JsonProcessingException notJson) {
                // delivered as it is
            }
        }
        return plain;
    }

    // ------------------------------------------------------------------ client events

    CompletableFuture<Void> triggerClientEvent(PusherChannel ch, String event, Object data) {
        JsonNode payload = Json.mapper().valueToTree(data);
        if (queuedClientEvents.incrementAndGet() > clientEventQueueCapacity) {
            queuedClientEvents.decrementAndGet();
            throw new ClientEventException(clientEventQueueCapacity + " client events already wait for the "
                    + "10-per-second pace; " + event + " was refused");
        }
        ClientEvent e = new ClientEvent(ch, frame(event, payload).put("channel", ch.name).toString(), new CompletableFuture<>());
        dispatcher.execute(() -> {
            clientEvents.add(e);
            drainClientEvents();
        });
        return e.done;
    }

    private record ClientEvent(PusherChannel channel, String frame, CompletableFuture<Void> done) {
    }

    /** Sends queued client events as the pace allows; the rest wait for a timer. On the dispatcher. */
    private void drainClientEvents() {
        drainScheduled = false;
        while (!clientEvents.isEmpty() && state == PusherConnectionState.CONNECTED) {
            long wait = clientEventLimiter.tryAcquire(1).toMillis();
            if (wait > 0) {
                if (!drainScheduled) {
                    drainScheduled = true;
                    timer.schedule(this::drainClientEvents, wait, TimeUnit.MILLISECONDS);
                }
                return;
            }
            ClientEvent e = clientEvents.poll();
            queuedClientEvents.decrementAndGet();
            try {
                session.send(e.frame).whenComplete((ok, err) -> {
                    if (err != null) {
                        e.done.completeExceptionally(err);
                    } else {
                        e.done.complete(null);
                    }
                });
            } catch (RuntimeException ex) {
                e.done.completeExceptionally(ex);
            }
        }
    }

    // ------------------------------------------------------------------ user sign-in

    CompletableFuture<com.fasterxml.jackson.databind.JsonNode> signin() {
        if (userAuthenticator == null) {
            return CompletableFuture.failedFuture(new PusherException(
                    "sign-in needs a user authenticator (Builder.userAuthenticator)", null));
        }
        CompletableFuture<JsonNode> f;
        synchronized (user) {
            if (user.pending != null && !user.pending.isDone()) {
                return user.pending;
            }
            f = new CompletableFuture<>();
            user.pending = f;
        }
        timer.schedule(() -> f.completeExceptionally(new PusherTimeoutException("no pusher:signin_success within "
                + subscribeTimeout.toMillis() + " ms")), subscribeTimeout.toNanos(), TimeUnit.NANOSECONDS);
        dispatcher.execute(() -> {
            if (user.userData != null) {
                f.complete(user.userData);
                return;
            }
            boolean first = !user.requested;
            user.requested = true;
            if (first && state == PusherConnectionState.CONNECTED) {
                sendSignin();
            }
        });
        return f;
    }

    private void sendSignin() {
        long gen = generation;
        CompletableFuture<UserAuthenticator.UserAuth> auth;
        try {
            auth = Objects.requireNonNull(userAuthenticator.authenticate(socketId), "the authenticator returned null");
        } catch (RuntimeException e) {
            auth = CompletableFuture.failedFuture(e);
        }
        auth.whenComplete((a, err) -> dispatcher.execute(() -> {
            if (gen != generation || state != PusherConnectionState.CONNECTED) {
                return;
            }
            if (err != null) {
                PusherException e = authFailure(null, err);
                report(e);
                synchronized (user) {
                    if (user.pending != null) {
                        user.pending.completeExceptionally(e);
                    }
                }
                return;
            }
            ObjectNode d = Json.mapper().createObjectNode().put("auth", a.auth()).put("user_data", a.userData());
            send(frame("pusher:signin", d));
        }));
    }

    private void onSigninSuccess(JsonNode data, String frame) {
        JsonNode userData = tree(data.path("user_data").isMissingNode() ? null : data.get("user_data"), frame);
        String id = userData.path("id").isTextual() ? userData.get("id").asText() : "";
        if (id.isEmpty()) {
            throw new MalformedFrameException("pusher:signin_success whose user_data has no string id", frame, null);
        }
        user.userData = userData;
        send(frame("pusher:subscribe", Json.mapper().createObjectNode().put("channel", USER_CHANNEL_PREFIX + id)));
        synchronized (user) {
            if (user.pending != null) {
                user.pending.complete(userData);
            }
        }
    }

    private void onUserEvent(String channel, String event, JsonNode data) {
        JsonNode ud = user.userData;
        if (ud == null || !channel.equals(USER_CHANNEL_PREFIX + ud.path("id").asText())
                || event.startsWith("pusher:") || event.startsWith("pusher_internal:")) {
            return; // internal events of the user channel are the client's business
        }
        user.bindings.emit(new PusherEvent(channel, event, text(data), null));
    }

    private void onWatchlist(JsonNode data) {
        for (JsonNode e : data.path("events")) {
            List<String> ids = new ArrayList<>();
            e.path("user_ids").forEach(id -> ids.add(id.asText()));
            WatchlistEvent w = new WatchlistEvent(e.path("name").asText(), List.copyOf(ids));
            for (Consumer<WatchlistEvent> l : user.watchlist) {
                try {
                    l.accept(w);
                } catch (RuntimeException t) {
                    LOG.warn("a watchlist listener threw", t);
                }
            }
        }
    }

    // ------------------------------------------------------------------ sending

    private static ObjectNode frame(String event, JsonNode data) {
        ObjectNode f = Json.mapper().createObjectNode().put("event", event);
        f.set("data", data);
        return f;
    }

    /** Sends a protocol frame; a frame that finds the connection gone is dropped (the next connection redoes it). */
    private void send(ObjectNode frame) {
        try {
            session.send(frame.toString()).exceptionally(e -> null);
        } catch (RuntimeException e) {
            LOG.debug("not sent ({}): {}", e.getClass().getSimpleName(), frame.path("event").asText());
        }
    }

    // ------------------------------------------------------------------ builder

    /**
     * Configures a {@link PusherClient}. Either {@link #cluster(String)} (Pusher's service) or
     * {@link #host(String)} (a self-hosted Pusher-protocol server) is required.
     *
     * <pre>{@code
     * PusherClient local = PusherClient.builder("app-key")
     *     .host("127.0.0.1").port(6001).tls(false)            // ws://127.0.0.1:6001/app/app-key?protocol=7&...
     *     .activityTimeout(Duration.ofSeconds(30)).pongTimeout(Duration.ofSeconds(10))
     *     .reconnect(ReconnectPolicy.exponential(Duration.ofSeconds(1), Duration.ofSeconds(30)).withJitter(0.2))
     *     .build();
     * }</pre>
     */
    public static final class Builder {
        private final String key;
        private String cluster;
        private String host;
        private int port;
        private boolean tls = true;
        private ChannelAuthorizer authorizer;
        private UserAuthenticator userAuthenticator;
        private Duration activityTimeout = Duration.ofSeconds(120);
        private Duration pongTimeout = Duration.ofSeconds(30);
        private Duration subscribeTimeout = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(30);
        private ReconnectPolicy policy = ReconnectPolicy.exponential(Duration.ofSeconds(1), Duration.ofSeconds(30))
                .withJitter(0.2).withUnlimitedAttempts();
        private boolean retryInitialConnect;
        private int clientEventQueueCapacity = 1000;
        private Executor dispatcher;
        private okhttp3.OkHttpClient httpClient;

        private Builder(String key) {
            Objects.requireNonNull(key, "appKey");
            if (key.isEmpty() || !key.matches("[A-Za-z0-9_\\-.]+")) {
                throw new IllegalArgumentException("the app key must be letters, digits, '_', '-' or '.'");
            }
            this.key = key;
        }

        /**
         * @param cluster Pusher's cluster ({@code "eu"}, {@code "mt1"}...): {@code wss://ws-<cluster>.pusher.com:443}
         * @return this
         */
        public Builder cluster(String cluster) {
            this.cluster = Objects.requireNonNull(cluster, "cluster");
            this.host = null;
            return this;
        }

        /**
         * @param host a self-hosted Pusher-protocol server's host
         * @return this
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            this.cluster = null;
            return this;
        }

        /**
         * @param port the port (default 443 with TLS, 80 without)
         * @return this
         */
        public Builder port(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * @param tls {@code wss} (default) or {@code ws}; a server that closes with 4000 switches it on
         * @return this
         */
        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /**
         * @param authorizer authorizes private, presence and private-encrypted channels
         * @return this
         */
        public Builder channelAuthorizer(ChannelAuthorizer authorizer) {
            this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
            return this;
        }

        /**
         * @param authenticator authenticates the user for {@link PusherUser#signin()}
         * @return this
         */
        public Builder userAuthenticator(UserAuthenticator authenticator) {
            this.userAuthenticator = Objects.requireNonNull(authenticator, "authenticator");
            return this;
        }

        /**
         * @param timeout quiet time after which the client pings (default 120 s, the protocol's
         *     recommendation; the server's smaller {@code activity_timeout} wins)
         * @return this
         */
        public Builder activityTimeout(Duration timeout) {
            this.activityTimeout = positive(timeout, "activityTimeout");
            return this;
        }

        /**
         * @param timeout how long a ping may go unanswered before the connection is re-established
         *     (default 30 s); at most the activity timeout
         * @return this
         */
        public Builder pongTimeout(Duration timeout) {
            this.pongTimeout = positive(timeout, "pongTimeout");
            return this;
        }

        /**
         * @param timeout how long {@link PusherChannel#subscribe()} and {@link PusherUser#signin()} wait
         *     for the server's answer, authorization included (default 30 s)
         * @return this
         */
        public Builder subscribeTimeout(Duration timeout) {
            this.subscribeTimeout = positive(timeout, "subscribeTimeout");
            return this;
        }

        /**
         * @param timeout how long {@link PusherClient#connect()} waits for {@code pusher:connection_established} (default 30 s)
         * @return this
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * @param policy reconnection after a drop (default exponential 1 s to 30 s, 20 % jitter, unlimited)
         * @return this
         */
        public Builder reconnect(ReconnectPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param keepTrying whether a first connection that fails is retried by the policy (default no:
         *     {@link PusherClient#connect()} fails at once)
         * @return this
         */
        public Builder retryInitialConnect(boolean keepTrying) {
            this.retryInitialConnect = keepTrying;
            return this;
        }

        /**
         * @param capacity how many client events may wait for the 10-per-second pace (default 1000);
         *     beyond it {@link PusherChannel#trigger} refuses with {@link ClientEventException}
         * @return this
         */
        public Builder clientEventQueueCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("clientEventQueueCapacity must be >= 1");
            }
            this.clientEventQueueCapacity = capacity;
            return this;
        }

        /**
         * @param executor runs the client's protocol work and listeners (one at a time, in order) instead
         *     of the SDK's shared dispatch pool
         * @return this
         */
        public Builder dispatcher(Executor executor) {
            this.dispatcher = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * @param client the OkHttp client for the WebSocket (proxy, TLS); default the SDK's shared one
         * @return this
         */
        public Builder httpClient(okhttp3.OkHttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * @return the client (not connected yet)
         * @throws IllegalStateException if neither cluster nor host is set, or the pong timeout exceeds the activity timeout
         */
        public PusherClient build() {
            if (cluster == null && host == null) {
                throw new IllegalStateException("set cluster(..) for Pusher's service or host(..) for a self-hosted server");
            }
            if (pongTimeout.compareTo(activityTimeout) > 0) {
                throw new IllegalStateException("pongTimeout (" + pongTimeout + ") must not exceed activityTimeout ("
                        + activityTimeout + ")");
            }
            return new PusherClient(this);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive");
            }
            return d;
        }
    }
}
