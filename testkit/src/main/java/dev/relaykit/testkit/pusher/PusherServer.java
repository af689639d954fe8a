package dev.relaykit.testkit.pusher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import dev.relaykit.testkit.RestFake;
import dev.relaykit.testkit.ScriptedWsServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Pusher Channels server on 127.0.0.1 for offline tests of Pusher code: the WebSocket protocol (version 7) that
 * clients such as pusher-js speak, and the signed HTTP API that server libraries such as the {@code pusher} npm
 * package call. The official pusher-js client and {@code pusher} library run against it in the testkit's own tests.
 *
 * <pre>{@code
 * try (PusherServer server = PusherServer.builder().appId("42").key("app-key").secret("app-secret").start()) {
 *     // your client connects to server.wsUrl() (pusher-js: wsHost "127.0.0.1", wsPort server.wsPort(),
 *     // forceTLS false); your backend's Pusher library calls host "127.0.0.1", port server.httpPort().
 *     // A bare WebSocket stands in for the client here:
 *     java.net.http.WebSocket client = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
 *             .buildAsync(URI.create(server.wsUrl()), new java.net.http.WebSocket.Listener() { }).join();
 *     client.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"orders\"}}", true).join();
 *
 *     PusherConnection c = server.awaitSubscription("orders", Duration.ofSeconds(5));
 *     assertThat(server.trigger("orders", "order-filled", "{\"id\":7}")).isEqualTo(1);
 *     c.close(4200, "Generic reconnect immediately");   // a Pusher client reconnects and re-subscribes
 *     server.awaitOpenConnections(0, Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <h2>WebSocket: {@code ws://127.0.0.1:<wsPort>/app/<key>?protocol=7}</h2>
 * <ul>
 *   <li>A connection gets {@code pusher:connection_established} whose {@code data} is a JSON string
 *       {@code {"socket_id":"123.456","activity_timeout":120}}. Refused connections get a {@code pusher:error} and
 *       the close code Pusher documents: 4001 unknown app key, 4005 path not found, 4006 invalid version string,
 *       4007 unsupported protocol (only 7 is spoken), 4008 no protocol version; with
 *       {@link Builder#requireSignIn(Duration)}, 4009 when the connection does not sign in in time.</li>
 *   <li>{@code pusher:ping} is answered with {@code pusher:pong}; {@link PusherConnection#ping()} pings a client.</li>
 *   <li>{@code pusher:subscribe}: public and {@code cache-} channels need nothing; {@code private-} (with
 *       {@code private-encrypted-}, {@code private-cache-}, {@code private-encrypted-cache-}) need
 *       {@code auth = key:hex(HMAC-SHA256(secret, socket_id:channel))}; {@code presence-} (and
 *       {@code presence-cache-}) sign {@code socket_id:channel:channel_data}, where {@code channel_data} has a
 *       {@code user_id}. Signatures are compared in constant time. A bad signature is answered as Pusher does:
 *       {@code pusher:error} with {@code code: null} and "Invalid signature: ...", and the connection stays up.</li>
 *   <li>Success is {@code pusher_internal:subscription_succeeded} (data a JSON string; on presence channels
 *       {@code {"presence":{"ids":[..],"hash":{..},"count":n}}}); other members get
 *       {@code pusher_internal:member_added} / {@code member_removed} when a user's first connection joins or its
 *       last leaves. With {@link Builder#subscriptionCountEvents(boolean)}, non-presence subscribers get
 *       {@code pusher_internal:subscription_count} whenever the count changes.</li>
 *   <li>Cache channels send the last event triggered on them (kept for {@link Builder#cacheTtl(Duration)}, 30
 *       minutes by default) right after subscription succeeds, or {@code pusher:cache_miss}.</li>
 *   <li>Client events ({@code client-} prefix) go to the channel's other subscribers, with {@code user_id} on
 *       presence channels; they are refused ({@code pusher:error}) on public and encrypted channels, from a
 *       connection not subscribed, and beyond {@link Builder#clientEventsPerSecond(int)} (10) in any second
 *       (code 4301, "Client event rejected due to rate limit").</li>
 *   <li>{@code pusher:signin} checks {@code auth = key:hex(HMAC-SHA256(secret, socket_id::user::user_data))} and a
 *       non-empty string {@code id} in {@code user_data}, answers {@code pusher:signin_success}, and lets the
 *       connection subscribe to {@code #server-to-user-<id>}.</li>
 * </ul>
 *
 * <h2>HTTP API: {@code http://127.0.0.1:<httpPort>/apps/<appId>/...}</h2>
 * {@code POST events} (one channel or up to 100, {@code socket_id} excluded, {@code info}), {@code POST
 * batch_events} (up to 10), {@code GET channels} ({@code filter_by_prefix}, {@code info=user_count,subscription_count}),
 * {@code GET channels/<name>} ({@code occupied}, {@code info=user_count,subscription_count,cache}), {@code GET
 * channels/<name>/users} and {@code POST users/<id>/terminate_connections} (the user's signed-in connections are
 * closed with 4009). Every request must carry a valid signature: {@code auth_key}, {@code auth_timestamp} (within
 * 600 s), {@code auth_version=1.0}, {@code body_md5} of a non-empty body, and {@code auth_signature =
 * hex(HMAC-SHA256(secret, METHOD\npath\nsorted query without auth_signature))}; otherwise 401 with the reason.
 * Event data is limited to 10 KB (413).
 *
 * <p>Thread-safe. {@link #close()} stops both servers and the server's timer.
 */
public final class PusherServer implements AutoCloseable {
    /** The app id a server built without {@link Builder#appId} serves. */
    public static final String DEFAULT_APP_ID = "1";
    /** The app key a server built without {@link Builder#key} serves. */
    public static final String DEFAULT_KEY = "testkit-key";
    /** The app secret a server built without {@link Builder#secret} checks signatures with. */
    public static final String DEFAULT_SECRET = "testkit-secret";
    private static final String ROUTER = "relaykit-pusher-http-api";
    private static final AtomicInteger SERVERS = new AtomicInteger();

    /**
     * An event the server sent to a channel's subscribers, from the HTTP API or {@link #trigger}.
     *
     * @param channel the channel
     * @param event the event name
     * @param data the event data as sent (for encrypted channels, the {@code {"nonce","ciphertext"}} JSON)
     * @param excludedSocketId the {@code socket_id} the trigger excluded, if any
     */
    public record TriggeredEvent(String channel, String event, String data, Optional<String> excludedSocketId) {
    }

    /** The built options; the hub and HTTP API read them. */
    static final class Options {
        Duration activityTimeout = Duration.ofSeconds(120);
        Duration cacheTtl = Duration.ofMinutes(30);
        Duration signInTimeout;
        int clientEventsPerSecond = 10;
        boolean subscriptionCountEvents;

        /** A builder reused after start() must not change the running server. */
        Options copy() {
            Options o = new Options();
            o.activityTimeout = activityTimeout;
            o.cacheTtl = cacheTtl;
            o.signInTimeout = signInTimeout;
            o.clientEventsPerSecond = clientEventsPerSecond;
            o.subscriptionCountEvents = subscriptionCountEvents;
            return o;
        }
    }

    private final String appId;
    private final String key;
    private final ScriptedWsServer ws;
    private final RestFake http;
    private final ScheduledExecutorService timer;
    private final Hub hub;

    private PusherServer(Builder b) {
        this.appId = b.appId;
        this.key = b.key;
        Signatures signatures = new Signatures(b.key, b.secret);
        int number = SERVERS.incrementAndGet();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "testkit-pusher-" + number + "-timer");
            t.setDaemon(true);
            return t;
        });
        this.hub = new Hub(b.options.copy(), signatures, timer);
        HttpApi api = new HttpApi(b.appId, signatures, hub);
        ScriptedWsServer started = null;
        try {
            started = ScriptedWsServer.start();
            this.http = RestFake.start(RestFake.responder(ROUTER, event -> api.handle(event.getRequest())));
        } catch (RuntimeException e) {
            if (started != null) {
                started.close();
            }
            timer.shutdownNow();
            throw e;
        }
        this.ws = started;
        http.wireMock().stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(ROUTER)));
        ws.onOpen(hub::onOpen).onText(hub::onText).onClose(hub::onClose);
    }

    /**
     * Starts a server for app {@link #DEFAULT_APP_ID}, key {@link #DEFAULT_KEY}, secret {@link #DEFAULT_SECRET}.
     *
     * @return the running server
     */
    public static PusherServer start() {
        return builder().start();
    }

    /** @return a builder for the app's credentials and the server's limits */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ where it listens

    /** @return {@code 127.0.0.1}, the host both servers listen on */
    public String host() {
        return "127.0.0.1";
    }

    /** @return the WebSocket port (pusher-js {@code wsPort}) */
    public int wsPort() {
        return ws.port();
    }

    /** @return the HTTP API port (the {@code pusher} library's {@code port}) */
    public int httpPort() {
        return http.port();
    }

    /** @return {@code ws://127.0.0.1:<wsPort>/app/<key>?protocol=7}, the URL a client connects to */
    public String wsUrl() {
        return "ws://127.0.0.1:" + wsPort() + "/app/" + key + "?protocol=7";
    }

    /** @return {@code http://127.0.0.1:<httpPort>}, the HTTP API's base URL (paths start {@code /apps/<appId>/}) */
    public String httpUrl() {
        return http.baseUrl();
    }

    /** @return the app id the HTTP API serves */
    public String appId() {
        return appId;
    }

    /** @return the app key clients connect with and signatures name */
    public String key() {
        return key;
    }

    // ------------------------------------------------------------------ test hooks: act

    /**
     * Sends an event to a channel's subscribers, as the HTTP API's trigger does (cache channels keep it).
     *
     * @param channel the channel
     * @param event the event name
     * @param data the event data (a string; JSON as your backend would send it)
     * @return how many connections it was sent to
     */
    public int trigger(String channel, String event, String data) {
        return hub.trigger(Objects.requireNonNull(channel, "channel"), Objects.requireNonNull(event, "event"),
                Objects.requireNonNull(data, "data"), null);
    }

    /**
     * Closes one connection with a close code, e.g. 4100 (reconnect after a backoff), 4200 (reconnect at once),
     * 4201 (pong not received) or 4001-4099 (refused: do not reconnect).
     *
     * @param socketId the connection's socket id
     * @param code the WebSocket close code
     * @param reason the close reason
     * @return {@code true} if such a connection was open
     */
    public boolean disconnect(String socketId, int code, String reason) {
        Optional<PusherConnection> c = hub.connection(socketId);
        c.ifPresent(conn -> conn.close(code, reason));
        return c.isPresent();
    }

    /**
     * Closes every connection with a close code.
     *
     * @param code the WebSocket close code
     * @param reason the close reason
     */
    public void disconnectAll(int code, String reason) {
        hub.connections().forEach(c -> c.close(code, reason));
    }

    /** Drops every connection without a close frame, as a network failure would. */
    public void dropAll() {
        hub.connections().forEach(PusherConnection::drop);
    }

    /**
     * Closes the connections signed in as a user with 4009, as {@code POST users/<id>/terminate_connections} does.
     *
     * @param userId the user id
     * @return how many connections were closed
     */
    public int terminateUserConnections(String userId) {
        return hub.terminateUser(Objects.requireNonNull(userId, "userId"));
    }

    // ------------------------------------------------------------------ test hooks: look and wait

    /** @return the connections open now, in the order they connected */
    public List<PusherConnection> connections() {
        return hub.connections();
    }

    /**
     * @param socketId a socket id
     * @return the open connection with that socket id, if any
     */
    public Optional<PusherConnection> connection(String socketId) {
        return hub.connection(socketId);
    }

    /**
     * Waits for the next connection to be established (connections not yet taken by an earlier call, in order).
     *
     * @param timeout how long to wait
     * @return the connection
     * @throws TimeoutException if none was established in time
     * @throws InterruptedException if interrupted
     */
    public PusherConnection awaitConnection(Duration timeout) throws TimeoutException, InterruptedException {
        return hub.awaitConnection(timeout);
    }

    /**
     * Waits until some open connection is subscribed to a channel (its subscription succeeded).
     *
     * @param channel the channel
     * @param timeout how long to wait
     * @return the first such connection
     * @throws TimeoutException if none was subscribed in time (the message lists the channels there are)
     * @throws InterruptedException if interrupted
     */
    public PusherConnection awaitSubscription(String channel, Duration timeout)
            throws TimeoutException, InterruptedException {
        return awaitSubscribers(channel, 1, timeout).get(0);
    }

    /**
     * Waits until at least {@code count} open connections are subscribed to a channel.
     *
     * @param channel the channel
     * @param count how many subscribers
     * @param timeout how long to wait
     * @return the subscribed connections, in the order they connected
     * @throws TimeoutException if fewer were subscribed in time
     * @throws InterruptedException if interrupted
     */
    public List<PusherConnection> awaitSubscribers(String channel, int count, Duration timeout)
            throws TimeoutException, InterruptedException {
        hub.await(open -> open.stream().filter(c -> c.channels.contains(channel)).count() >= count, timeout,
                count + " subscriber(s) of " + channel);
        return hub.connections().stream().filter(c -> c.channels().contains(channel)).toList();
    }

    /**
     * Waits until an open connection has signed in as a user.
     *
     * @param userId the user id
     * @param timeout how long to wait
     * @return the connection
     * @throws TimeoutException if none signed in in time
     * @throws InterruptedException if interrupted
     */
    public PusherConnection awaitSignIn(String userId, Duration timeout) throws TimeoutException, InterruptedException {
        hub.await(open -> open.stream().anyMatch(c -> userId.equals(c.userId)), timeout, "a sign-in as " + userId);
        return hub.connections().stream().filter(c -> c.userId().filter(userId::equals).isPresent()).findFirst()
                .orElseThrow(() -> new TimeoutException(userId + " signed in and left again"));
    }

    /**
     * Waits until no open connection is subscribed to a channel.
     *
     * @param channel the channel
     * @param timeout how long to wait
     * @throws TimeoutException if a subscriber remained
     * @throws InterruptedException if interrupted
     */
    public void awaitNoSubscribers(String channel, Duration timeout) throws TimeoutException, InterruptedException {
        hub.await(open -> open.stream().noneMatch(c -> c.channels.contains(channel)), timeout,
                "no subscriber of " + channel);
    }

    /**
     * Waits until the connection with this socket id is closed and forgotten (its subscriptions and presence
     * with it): after {@link #disconnect}, so that a following wait sees only the client's new connection.
     *
     * @param socketId the connection's socket id
     * @param timeout how long to wait
     * @throws TimeoutException if it was still open
     * @throws InterruptedException if interrupted
     */
    public void awaitClosed(String socketId, Duration timeout) throws TimeoutException, InterruptedException {
        hub.await(open -> open.stream().noneMatch(c -> c.socketId().equals(socketId)), timeout,
                "connection " + socketId + " closed");
    }

    /**
     * Waits until exactly {@code count} connections are open (say, 0 after the server closed them all: the
     * server has also forgotten their subscriptions and presence by then).
     *
     * @param count how many connections
     * @param timeout how long to wait
     * @throws TimeoutException if another number stayed open
     * @throws InterruptedException if interrupted
     */
    public void awaitOpenConnections(int count, Duration timeout) throws TimeoutException, InterruptedException {
        hub.await(open -> open.size() == count, timeout, count + " open connection(s)");
    }

    /** @return every occupied channel and its subscription count, by name */
    public Map<String, Integer> channels() {
        return hub.occupied();
    }

    /**
     * @param channel a presence channel
     * @return the user ids of its members, in the order they joined
     */
    public List<String> members(String channel) {
        return hub.members(channel);
    }

    /** @return every text frame any client sent, in arrival order */
    public List<String> received() {
        return ws.messages();
    }

    /** @return every event sent to channels by the HTTP API and {@link #trigger}, in order */
    public List<TriggeredEvent> triggered() {
        return hub.triggered();
    }

    /**
     * What the server refused, one line each, for a failing test's message: connections it closed, every
     * {@code pusher:error} it sent (bad signatures, refused client events) and every HTTP 401.
     *
     * @return the lines, in order
     */
    public List<String> rejections() {
        return hub.rejections();
    }

    /** @return the WebSocket server underneath, for its lower-level controls (refuse handshakes, withhold pongs) */
    public ScriptedWsServer webSocketServer() {
        return ws;
    }

    /** @return the HTTP server underneath (WireMock), for its request journal */
    public RestFake httpServer() {
        return http;
    }

    /** Stops both servers, closing every connection, and the server's timer. */
    @Override
    public void close() {
        try {
            ws.close();
        } finally {
            try {
                http.close();
            } finally {
                timer.shutdownNow();
            }
        }
    }

    @Override
    public String toString() {
        return "PusherServer[app " + appId + ", ws " + wsPort() + ", http " + httpPort() + "]";
    }

    /** Options of a {@link PusherServer}. */
    public static final class Builder {
        private String appId = DEFAULT_APP_ID;
        private String key = DEFAULT_KEY;
        private String secret = DEFAULT_SECRET;
        private final Options options = new Options();

        private Builder() {
        }

        /**
         * @param appId the app id the HTTP API serves ({@code /apps/<appId>/...})
         * @return this
         */
        public Builder appId(String appId) {
            this.appId = requireText(appId, "appId");
            return this;
        }

        /**
         * @param key the app key clients connect with ({@code /app/<key>}) and signatures carry
         * @return this
         */
        public Builder key(String key) {
            this.key = requireText(key, "key");
            return this;
        }

        /**
         * @param secret the app secret signatures are checked with (never logged or shown)
         * @return this
         */
        public Builder secret(String secret) {
            this.secret = requireText(secret, "secret");
            return this;
        }

        /**
         * @param timeout the {@code activity_timeout} sent to clients (whole seconds; default 120 s)
         * @return this
         */
        public Builder activityTimeout(Duration timeout) {
            if (timeout.toSeconds() < 1) {
                throw new IllegalArgumentException("activity timeout must be at least 1 s");
            }
            options.activityTimeout = timeout;
            return this;
        }

        /**
         * @param ttl how long a cache channel keeps its last event (default 30 minutes, as Pusher)
         * @return this
         */
        public Builder cacheTtl(Duration ttl) {
            options.cacheTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /**
         * @param perSecond client events a connection may send in any one second (default 10, Pusher's limit)
         * @return this
         */
        public Builder clientEventsPerSecond(int perSecond) {
            if (perSecond < 1) {
                throw new IllegalArgumentException("perSecond must be positive");
            }
            options.clientEventsPerSecond = perSecond;
            return this;
        }

        /**
         * Sends {@code pusher_internal:subscription_count} to the subscribers of non-presence channels whenever their
         * count changes (off by default, as in a new Pusher app).
         *
         * @param enabled whether to send it
         * @return this
         */
        public Builder subscriptionCountEvents(boolean enabled) {
            options.subscriptionCountEvents = enabled;
            return this;
        }

        /**
         * Authorized connections: a connection that has not signed in ({@code pusher:signin}) within {@code timeout}
         * gets {@code pusher:error} 4009 and is closed with 4009 (off by default; Pusher's timeout is 30 s).
         *
         * @param timeout how long a connection may stay anonymous
         * @return this
         */
        public Builder requireSignIn(Duration timeout) {
            options.signInTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Starts the WebSocket server and the HTTP API, each on a free port of 127.0.0.1.
         *
         * @return the running server
         */
        public PusherServer start() {
            return new PusherServer(this);
        }

        private static String requireText(String value, String what) {
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException(what + " must not be empty");
            }
            return value;
        }
    }
}
