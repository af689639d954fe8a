package dev.relaykit.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.internal.SharedTimer;
import dev.relaykit.core.internal.TimerScope;
import dev.relaykit.core.ws.NotConnectedException;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.ws.ConnectionState;
import dev.relaykit.core.ws.ReconnectPolicy;
import dev.relaykit.socketio.protocol.EngineIoCodec;
import dev.relaykit.socketio.protocol.EnginePacket;
import dev.relaykit.socketio.protocol.Frame09;
import dev.relaykit.socketio.protocol.ProtocolException;
import dev.relaykit.socketio.protocol.SocketIoCodec;
import dev.relaykit.socketio.protocol.SocketPacket;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A Socket.IO client for every server generation: socket.io 3.x/4.x ({@link Generation#V3_V4}), 1.x/2.x
 * ({@link Generation#V1_V2}) and 0.9 ({@link Generation#V0_9}), over WebSocket, HTTP long-polling, or long-polling
 * upgraded to WebSocket ({@link Builder#transport(TransportMode)}; on 0.9, WebSocket or its xhr-polling). One
 * client is one connection to the server (an Engine.IO session; on 0.9, its own session) multiplexing namespaces.
 *
 * <pre>{@code
 * try (SocketIoClient client = SocketIoClient.builder("http://127.0.0.1:3000").generation(Generation.V3_V4).build()) {
 *     SocketIoSocket chat = client.socket("/chat");
 *     chat.on("welcome", e -> System.out.println(e.arg(0)));   // listeners first: the server may emit at once
 *     chat.connect().join();                                  // opens the connection and joins /chat
 *     // a server with socket.on("ack", (msg, callback) => callback(msg)) answers with what it got
 *     List<JsonNode> reply = chat.emitWithAck("ack", "hello").join();
 *     System.out.println(reply);                              // ["hello"]
 * }
 * }</pre>
 *
 * <p>Nothing connects until a namespace's {@link SocketIoSocket#connect()} is called: {@link SocketIoSocket#connected()}
 * only tells when that happens, so waiting on it without a {@code connect()} waits forever. This example runs as
 * written against a real socket.io 4.x server in the module's tests ({@code SocketIoClientJavadocExampleTest}).
 *
 * <p>The connection reconnects by itself (the {@link ReconnectPolicy}) and rejoins every namespace that was not
 * disconnected on purpose; on 4.x servers with connection-state recovery, a namespace reports
 * {@link SocketIoSocket#recovered()}. Listeners run one at a time, in order, on sdk-core's shared dispatch pool (or the
 * executor given).
 */
public final class SocketIoClient implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SocketIoClient.class);
    private final Generation configured; // as built: AUTO or a fixed generation
    // the generation spoken: AUTO until the first connection found it, then fixed for the client's life (written
    // once by resolve(), before the transport that speaks it opens)
    private volatile Generation generation = Generation.AUTO;
    private volatile EngineIoCodec engine;
    private volatile SocketIoCodec codec;
    private volatile SocketIoCodec.Decoder decoder;
    private volatile com.fasterxml.jackson.databind.ObjectReader reader09;
    private final Builder config; // a copy taken by build(): later changes to the builder do not reach this client
    private final String engineUrl; // the Engine.IO endpoint: the handshake URL, or url + path + "/"
    private final Executor executor;
    private final Transport.Sink sink = new Sink();
    // copy-on-write, in creation order (the order namespaces are rejoined and told of a loss): replaced under
    // this when a namespace is added, read without a lock (once per incoming packet)
    private volatile Map<String, SocketIoSocket> sockets = Map.of();
    private final List<Consumer<String>> rawListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ProtocolException>> protocolErrorListeners = new CopyOnWriteArrayList<>();
    private final Object sendLock = new Object();

    // heartbeat state, touched by the dispatcher and the timer
    private volatile long pingIntervalMs;
    private volatile long pingTimeoutMs;
    private volatile long lastHeard;
    private volatile long lastPingSent;
    private volatile boolean handshaken;
    private RuntimeException failure; // why the client FAILED, for namespaces connected after that; guarded by this
    private volatile boolean everHandshaken;
    // counts handshaken connections: tells a namespace's CONNECT sent on this connection from one sent on an earlier one
    private volatile long connectionNumber;
    private ScheduledFuture<?> heartbeatTask;
    private volatile String engineSid;
    // connection life cycle, written under this; current and state are also read without the lock (current per
    // packet; state by state(), which a sender holding sendLock may call: taking this there could deadlock with
    // onLost, which completes user futures under this)
    private volatile Transport current;
    private volatile ConnectionState state = ConnectionState.NEW;
    private int attempt;
    private ScheduledFuture<?> reconnectTask;
    // the connect deadline of the attempt under way (guarded by this): attemptSeq tells a late timer from a current one
    private long attemptSeq;
    private ScheduledFuture<?> deadlineTask;
    private ScheduledFuture<?> probeTask;

    private SocketIoClient(Builder b) {
        this.config = b;
        this.configured = b.generation;
        this.engineUrl = b.handshakeUrl != null ? b.handshakeUrl
                : TransportSupport.withoutTrailingSlashes(b.url) + b.path + "/";
        if (configured != Generation.AUTO) {
            resolve(configured);
        }
        // callbacks run one at a time, in order, per client; by default on sdk-core's shared dispatch
        // pool (the one every WsSession uses), so a client costs no thread of its own
        this.executor = b.dispatcher != null ? new dev.relaykit.core.ws.SerialExecutor(b.dispatcher)
                : dev.relaykit.core.ws.SerialExecutor.onSharedPool();
    }

    /**
     * This client's timers (heartbeats, reconnect delays, ack timeouts, the WebSocket sessions' own timers) on
     * the SDK's one shared timer thread. Due tasks run one at a time off that thread (they complete users' ack
     * futures); close() cancels them all, and a task scheduled after close is dropped.
     */
    private final TimerScope timer = SharedTimer.scope(null, new dev.relaykit.core.ws.SerialExecutor(SharedTimer.workers()),
            dropped -> { });

    /** Fixes the generation spoken (once: at build, or when an AUTO client found the server's). */
    private void resolve(Generation g) {
        // 0.9 frames are translated by Wire09: no Engine.IO or Socket.IO codec
        engine = g == Generation.V0_9 ? null : EngineIoCodec.of(g.engineIoRevision());
        codec = g == Generation.V0_9 ? null : SocketIoCodec.of(g.socketIoRevision(), config.bigDecimals);
        decoder = codec == null ? null : codec.decoder();
        reader09 = SocketIoCodec.jsonReader(config.bigDecimals);
        generation = g;
        if (configured == Generation.AUTO && g != Generation.V3_V4
                && sockets.values().stream().anyMatch(SocketIoSocket::hasAuth)) {
            // with AUTO the same settings may serve servers of every generation (auth for 3.x/4.x, the query for
            // older ones), so this is not an error; a fixed V1_V2 or V0_9 refuses auth at build() instead
            LOG.warn("socket.io: the server speaks {}, which ignores the CONNECT auth payload; it reads credentials "
                    + "from the handshake query (SocketIoClient.Builder.query)", g);
        }
    }

    /** Opens a new connection attempt. */
    private synchronized void openTransport() {
        openTransport(false);
    }

    /**
     * @param sameAttempt the attempt found the server's generation and goes on with the real transport: its deadline
     *     keeps running
     */
    private synchronized void openTransport(boolean sameAttempt) {
        reconnectTask = null;
        if (state.isTerminal()) {
            return;
        }
        state = attempt == 0 ? ConnectionState.CONNECTING : ConnectionState.RECONNECTING;
        if (!sameAttempt) {
            armDeadline();
        }
        if (generation == Generation.AUTO) {
            Map<String, String> probeQuery = new LinkedHashMap<>(config.query);
            Transport d = new DetectingTransport(() -> detectAt(TransportSupport.http(engineUrl), probeQuery,
                    config.headers), executor, sink, this::onDetected);
            current = d;
            d.start();
            return;
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (generation == Generation.V0_9) {
            query.putAll(config.query);
            Transport t = new Handshake09Transport(engineUrl, query, config.headers, executor, timer,
                    config.transport, sink);
            current = t;
            t.start();
            return;
        }
        query.put("EIO", Integer.toString(generation.engineIoRevision()));
        if (config.timestamp) {
            query.put("t", Long.toString(System.currentTimeMillis(), 36));
        }
        query.putAll(config.query);
        Transport t;
        if (config.transport == TransportMode.WEBSOCKET) {
            query.put("transport", "websocket");
            t = new WsTransport(engineUrl, query, config.headers, executor, timer, sink);
        } else {
            t = new PollingTransport(engineUrl, query, config.headers, engine,
                    config.transport == TransportMode.POLLING_THEN_WEBSOCKET, executor, timer, sink);
        }
        current = t;
        t.start();
    }

    /** The probe of an AUTO client answered: open the real transport, in the same attempt. */
    private void onDetected(Transport probe, Generation found) {
        synchronized (this) {
            if (current != probe || state.isTerminal()) {
                return;
            }
            resolve(found);
            openTransport(true);
        }
    }

    /**
     * Arms the deadline of a new attempt: no handshake by then and the attempt is lost with a
     * {@link ConnectTimeoutException}. On a first connection with a fixed generation, a server silent for a second
     * is also asked which generation it speaks, so that a mismatch shows at once, not when the deadline runs out.
     */
    private synchronized void armDeadline() {
        cancelDeadline();
        long seq = ++attemptSeq;
        long ms = config.connectTimeout.toMillis();
        deadlineTask = timer.schedule(() -> executor.execute(() -> handshakeTimedOut(seq)), ms,
                TimeUnit.MILLISECONDS);
        if (configured != Generation.AUTO && !everHandshaken && config.handshakeUrl == null) {
            probeTask = timer.schedule(() -> earlyGenerationCheck(seq), Math.min(1000, ms / 2),
                    TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void cancelDeadline() {
        if (deadlineTask != null) {
            deadlineTask.cancel(false);
            deadlineTask = null;
        }
        if (probeTask != null) {
            probeTask.cancel(false);
            probeTask = null;
        }
    }

    private Transport attemptUnderWay(long seq) {
        synchronized (this) {
            return seq == attemptSeq && !handshaken && !state.isTerminal() ? current : null;
        }
    }

    private void handshakeTimedOut(long seq) {
        Transport t = attemptUnderWay(seq);
        if (t != null) {
            String what = generation == Generation.AUTO ? "no answer to the generation probe"
                    : generation == Generation.V0_9 ? "no socket.io 0.9 handshake" : "no Engine.IO handshake";
            String hint = generation == Generation.V1_V2 && config.transport == TransportMode.WEBSOCKET
                    ? "a socket.io 3.x/4.x server answers an Engine.IO 3 WebSocket like this: is the server socket.io"
                    + " 3.x/4.x? try Generation.V3_V4 (or the default, Generation.AUTO)"
                    : "is a socket.io server listening there, at this path, and does it speak " + generation + "?";
            ConnectTimeoutException e = new ConnectTimeoutException(what + " from " + hostOnly() + " within "
                    + config.connectTimeout.toMillis() + " ms; " + hint, config.connectTimeout);
            sink.onLost(t, e.getMessage(), e);
        }
    }

    /** Runs on the timer: asks the server on a thread of its own, so neither the timer nor listeners wait for it. */
    private void earlyGenerationCheck(long seq) {
        if (attemptUnderWay(seq) == null) {
            return;
        }
        Thread probe = new Thread(() -> {
            GenerationMismatchException mismatch = ((Sink) sink).checkGeneration("no handshake within "
                    + Math.min(1000, config.connectTimeout.toMillis() / 2) + " ms; the server answered a probe");
            if (mismatch != null) {
                executor.execute(() -> {
                    Transport t = attemptUnderWay(seq);
                    if (t != null) {
                        sink.onLost(t, mismatch.getMessage(), mismatch);
                    }
                });
            }
        }, "relaykit-socketio-detect");
        probe.setDaemon(true);
        probe.start();
    }

    /**
     * Closes the connection when no namespace wants one any more (each was disconnected by the server, by the user,
     * or refused): nothing is held open for nobody. A namespace's {@code connect()} opens a new one.
     */
    void closeIfUnwanted() {
        Transport t;
        synchronized (this) {
            if (state.isTerminal() || state == ConnectionState.NEW || anyWanted()) {
                return;
            }
            t = current;
            current = null;
            goIdle();
        }
        stopHeartbeat();
        if (t != null) {
            t.close();
        }
    }

    private boolean anyWanted() {
        for (SocketIoSocket s : sockets.values()) {
            if (s.wantsConnection()) {
                return true;
            }
        }
        return false;
    }

    /** Back to NEW (under this): the next namespace connect() opens a connection, with a first connection's rules. */
    private void goIdle() {
        state = ConnectionState.NEW;
        attempt = 0;
        handshaken = false;
        everHandshaken = false;
        cancelDeadline();
        if (reconnectTask != null) {
            reconnectTask.cancel(false);
            reconnectTask = null;
        }
    }

    private void dropConnection(String reason) {
        Transport t = current;
        if (t != null) {
            t.close();
            executor.execute(() -> sink.onLost(t, reason, null));
        }
    }


    /**
     * @param url the server, e.g. {@code http://127.0.0.1:3000} ({@code ws(s)://} and {@code http(s)://} both work)
     * @return a builder
     */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    /**
     * Asks a server which generation it runs, with plain HTTP handshakes on the default path {@code /socket.io}: an
     * Engine.IO 4 polling handshake ({@code 0{...}}: 3.x/4.x; {@code <length>:0{...}}: 1.x/2.x, which answer in
     * the v3 payload format), then the 0.9 handshake {@code /socket.io/1/}. The probe session is closed again.
     *
     * @param url the server, e.g. {@code http://127.0.0.1:3000}
     * @return the generation
     * @throws dev.relaykit.core.TransportException when the server is unreachable or answers none of them
     */
    public static Generation detectGeneration(String url) {
        return detectAt(TransportSupport.http(TransportSupport.withoutTrailingSlashes(url)) + "/socket.io/", Map.of(),
                Map.of());
    }

    /** The probe request: the client's own query parameters and headers (a server may refuse requests without them). */
    private static okhttp3.Request probe(String base, String params, Map<String, String> query,
                                         Map<String, String> headers) {
        okhttp3.HttpUrl.Builder u = okhttp3.HttpUrl.get(base + params).newBuilder();
        query.forEach(u::addQueryParameter);
        okhttp3.Request.Builder r = new okhttp3.Request.Builder().url(u.build());
        headers.forEach(r::header);
        return r.build();
    }

    private static Generation detectAt(String base, Map<String, String> query, Map<String, String> headers) {
        okhttp3.OkHttpClient http = dev.relaykit.core.net.HttpClients.shared();
        try {
            String body;
            int code;
            try (okhttp3.Response r = http.newCall(probe(base, "?EIO=4&transport=polling&b64=1", query, headers))
                    .execute()) {
                code = r.code();
                body = r.body() == null ? "" : r.body().string();
            }
            // 3.x/4.x answer with a v4 payload ("0{...}"); 1.x/2.x, whatever EIO asked for, with a v3 one ("97:0{...}")
            for (Generation found : new Generation[] {Generation.V3_V4, Generation.V1_V2}) {
                EngineIoCodec codec = EngineIoCodec.of(found.engineIoRevision());
                EnginePacket open = code == 200 ? handshakeOpen(codec, body) : null;
                if (open == null) {
                    continue;
                }
                String sid = Json.tree(open.text()).path("sid").asText();
                String close = codec.encodePayload(List.of(EnginePacket.of(EnginePacket.Type.CLOSE)));
                try (okhttp3.Response ignored = http.newCall(new okhttp3.Request.Builder()
                        .url(base + "?EIO=" + found.engineIoRevision() + "&transport=polling&b64=1&sid=" + sid)
                        .post(okhttp3.RequestBody.create(close, okhttp3.MediaType.get("text/plain; charset=UTF-8")))
                        .build()).execute()) {
                    // best effort: the session would time out anyway
                }
                return found;
            }
            try (okhttp3.Response r = http.newCall(probe(base, "1/", query, headers)).execute()) {
                String b = r.body() == null ? "" : r.body().string();
                if (r.code() == 200 && b.matches("^[^:]+:\\d*:\\d*:.*websocket.*")) {
                    return Generation.V0_9;
                }
            }
            throw new dev.relaykit.core.TransportException("no Socket.IO server of a known generation at "
                    + base + " (Engine.IO 4 handshake answered HTTP " + code + ")");
        } catch (java.io.IOException | RuntimeException e) {
            if (e instanceof dev.relaykit.core.TransportException t) {
                throw t;
            }
            throw new dev.relaykit.core.TransportException("generation detection failed: " + e.getMessage(), e);
        }
    }

    /** @return the payload's first packet if it is an OPEN with a JSON object, null if the payload is not of this revision */
    private static EnginePacket handshakeOpen(EngineIoCodec codec, String payload) {
        try {
            EnginePacket first = codec.decodePayload(payload).get(0);
            return first.type() == EnginePacket.Type.OPEN && first.text().startsWith("{") ? first : null;
        } catch (ProtocolException notThisRevision) {
            return null;
        }
    }

    /**
     * @return the generation this client speaks: the one it was built with, or, for {@link Generation#AUTO}, the one
     *     found on the first connection ({@code AUTO} until then)
     */
    public Generation generation() {
        return generation;
    }

    /** @return the Engine.IO session id of the current connection, or null before the handshake */
    public String engineSessionId() {
        return engineSid;
    }

    /**
     * The state of the client's connection (not of a namespace: see {@link SocketIoSocket#isConnected()}).
     * {@link ConnectionState#NEW} until the first namespace's {@link SocketIoSocket#connect()};
     * {@link ConnectionState#CONNECTING} during the first attempt; {@link ConnectionState#OPEN} once the server
     * answered the handshake (namespaces are joined after that); {@link ConnectionState#RECONNECTING} from a lost
     * connection until the next handshake, while waiting for the {@link ReconnectPolicy}'s delay and during the
     * attempt; {@link ConnectionState#FAILED} when the first connection fails (without
     * {@link Builder#retryInitialConnect(boolean)}), the server speaks another generation, or the policy gives up;
     * {@link ConnectionState#CLOSED} after {@link #close()}. The last two are final.
     *
     * {@link ConnectionState#NEW} again when every namespace was disconnected (by the server or the user) and the
     * connection was closed for that: a namespace's {@code connect()} opens it again.
     *
     * @return the connection's state
     */
    public ConnectionState state() {
        return state;
    }

    /** @return whether the current connection runs over WebSocket (after an upgrade, or from the start) */
    public boolean isWebSocket() {
        Transport t = current;
        return t instanceof WsTransport || t instanceof Handshake09Transport h && h.heartbeats()
                || t instanceof PollingTransport p && p.upgradedToWebSocket();
    }

    /**
     * Returns the socket of a namespace, creating it; add listeners, then call {@link SocketIoSocket#connect()}.
     *
     * @param namespace e.g. {@code "/"} or {@code "/chat"}
     * @return the socket (the same one for the same namespace)
     */
    public SocketIoSocket socket(String namespace) {
        return socket(namespace, config.auth);
    }

    /**
     * Like {@link #socket(String)} with an auth payload for this namespace (revision 5 servers; socket.io 1.x/2.x
     * take credentials from the handshake query instead, see {@link Builder#query}).
     *
     * @param namespace the namespace
     * @param auth an object serialised as JSON, or null
     * @return the socket
     */
    public SocketIoSocket socket(String namespace, Object auth) {
        Objects.requireNonNull(namespace, "namespace");
        if (!namespace.startsWith("/")) {
            throw new IllegalArgumentException("a namespace starts with '/': " + namespace);
        }
        if (auth != null && (configured == Generation.V1_V2 || configured == Generation.V0_9)) {
            throw new IllegalArgumentException(Builder.noAuthMessage(configured));
        }
        synchronized (this) {
            SocketIoSocket s = sockets.get(namespace);
            if (s == null) {
                s = new SocketIoSocket(this, namespace, auth == null ? null : Json.mapper().valueToTree(auth),
                        config.bufferCapacity);
                if (auth != null && generation != Generation.AUTO && generation != Generation.V3_V4) {
                    LOG.warn("socket.io: the server speaks {}, which ignores the CONNECT auth payload of {}; it reads"
                            + " credentials from the handshake query (SocketIoClient.Builder.query)", generation, namespace);
                }
                Map<String, SocketIoSocket> added = new LinkedHashMap<>(sockets);
                added.put(namespace, s);
                sockets = Collections.unmodifiableMap(added);
            }
            return s;
        }
    }

    void connectSocket(SocketIoSocket s) {
        boolean start;
        synchronized (this) {
            if (state.isTerminal()) {
                // a namespace joined after the client failed or closed: nothing will ever connect it
                s.failed(failure != null ? failure
                        : new IllegalStateException("socket.io client is " + state.name().toLowerCase(java.util.Locale.ROOT)));
                return;
            }
            start = state == ConnectionState.NEW;
            if (start) {
                openTransport();
            }
        }
        if (!start && handshaken) {
            s.sendConnect();
        }
    }

    /**
     * Tells you about packets the server sent that could not be decoded. They are dropped (the
     * connection stays up) and logged; this listener makes them visible to your code too.
     *
     * @param listener receives each decode failure, naming what was wrong
     */
    public void onProtocolError(Consumer<ProtocolException> listener) {
        protocolErrorListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void protocolError(ProtocolException e) {
        LOG.warn("socket.io: dropped a malformed packet: {}", e.getMessage());
        if (decoder != null) {
            decoder.reset();
        }
        for (Consumer<ProtocolException> l : protocolErrorListeners) {
            try {
                l.accept(e);
            } catch (RuntimeException listenerBug) {
                LOG.warn("socket.io: a protocol-error listener threw", listenerBug);
            }
        }
    }

    /**
     * Listens to every raw Engine.IO text packet received (the wire form, e.g. {@code 42["a",1]}).
     *
     * @param listener the listener
     */
    public void onRawPacket(Consumer<String> listener) {
        rawListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Sends a raw Engine.IO text packet as is (e.g. {@code 42/chat,["a"]}).
     *
     * @param packet the wire form
     * @return completes when written to the socket
     */
    public CompletableFuture<Void> sendRaw(String packet) {
        Objects.requireNonNull(packet, "packet");
        sendText(packet);
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Closes the client for good, without waiting for the server. For every namespace, before this returns and on
     * the calling thread: each acknowledgement still awaited fails with a
     * {@link dev.relaykit.core.ws.NotConnectedException} ("client closed before the acknowledgement arrived"), so an
     * {@link SocketIoSocket#emitWithAck} future completes exceptionally and an {@link AckCallback} is called with it
     * (their timeouts are cancelled); emits buffered while disconnected are dropped, not sent; a
     * {@link SocketIoSocket#connected()} future not yet complete fails with a {@code NotConnectedException}. No
     * DISCONNECT packet is sent and no {@code disconnect} listener is called. The connection is then closed (a
     * WebSocket with a normal close, 1000; a long-poll in flight is cancelled), a pending reconnect and the heartbeat
     * are cancelled, and {@link #state()} is {@link ConnectionState#CLOSED}. Calling it again does nothing more.
     */
    @Override
    public void close() {
        for (SocketIoSocket s : sockets.values()) {
            s.closing();
        }
        Transport t;
        synchronized (this) {
            state = ConnectionState.CLOSED;
            t = current;
            current = null;
            if (reconnectTask != null) {
                reconnectTask.cancel(false);
            }
            cancelDeadline();
        }
        if (t != null) {
            t.close();
        }
        stopHeartbeat();
        timer.shutdownNow(); // this client's tasks only: the timer thread is shared
    }

    // ------------------------------------------------------------------ internals used by SocketIoSocket

    Duration ackTimeout() {
        return config.ackTimeout;
    }

    Duration connectTimeout() {
        return config.connectTimeout;
    }

    /** @return whether a namespace's unanswered first CONNECT should fail its future (not when retrying the first connect) */
    boolean failsUnansweredConnect() {
        return !config.retryInitialConnect;
    }

    /** @return the number of the current (or last) handshaken connection, 0 before the first */
    long connectionNumber() {
        return connectionNumber;
    }

    /** @return whether the Engine.IO (or 0.9) handshake of the current connection is done */
    boolean isHandshaken() {
        return handshaken;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    /** Sends one Socket.IO packet (header + attachments contiguously). */
    void send(SocketPacket packet) {
        if (generation == Generation.V0_9) {
            Frame09 f = Wire09.toFrame(packet);
            if (f != null) {
                sendText(f.encode());
            }
            return;
        }
        List<Object> parts = codec.encode(packet);
        synchronized (sendLock) {
            Transport t = transport();
            t.sendText(engine.encodeText(EnginePacket.message((String) parts.get(0))));
            for (int i = 1; i < parts.size(); i++) {
                t.sendBinary(engine.encodeBinary(EnginePacket.message((byte[]) parts.get(i))));
            }
        }
    }

    private Transport transport() {
        Transport t = current;
        if (t == null) {
            throw new NotConnectedException("socket.io client is " + state() + "; not sent");
        }
        return t;
    }

    // ------------------------------------------------------------------ incoming

    private void onEnginePacket(EnginePacket p) {
        lastHeard = System.nanoTime();
        switch (p.type()) {
            case OPEN -> onOpen(p.text());
            case PING -> {
                if (generation == Generation.V3_V4) {
                    sendEngine(EnginePacket.text(EnginePacket.Type.PONG, p.text()));
                }
            }
            case PONG, NOOP, UPGRADE -> {
            }
            case CLOSE -> dropConnection("transport close");
            case MESSAGE -> {
                SocketPacket sp = p.isBinary() ? decoder.decodeBinary(p.binary()) : decoder.decodeText(p.text());
                if (sp != null) {
                    onSocketPacket(sp);
                }
            }
        }
    }

    private void on09(Transport t, Frame09 f) {
        lastHeard = System.nanoTime();
        if (f.type() == Frame09.Type.HEARTBEAT) {
            sendText(f.encode());
            return;
        }
        if (f.type() == Frame09.Type.ERROR && f.data().endsWith("+0")) {
            // advice 0, "reconnect": the server no longer knows this session (it ended the transport)
            dropConnection("transport close");
            return;
        }
        if (f.type() == Frame09.Type.CONNECT && f.endpoint().isEmpty()) {
            Handshake09Transport h = (Handshake09Transport) t;
            engineSid = h.sid();
            long timeout = h.heartbeatTimeoutMs() > 0 ? h.heartbeatTimeoutMs() : 60_000;
            pingIntervalMs = timeout;
            // over xhr-polling the server sends no heartbeats (the polls themselves show it is there): no watchdog
            pingTimeoutMs = h.heartbeats() ? timeout : 0;
            onHandshaken();
        }
        if (f.type() == Frame09.Type.DISCONNECT && f.endpoint().isEmpty()) {
            // 0.9 ends the whole connection this way (its server disconnected the default namespace, which takes every
            // namespace with it): every namespace was disconnected by the server, as on 1.x-4.x's disconnect(true)
            for (SocketIoSocket s : sockets.values()) {
                s.onPacket(new SocketPacket(SocketPacket.Type.DISCONNECT, s.namespace(), null, null));
            }
            closeIfUnwanted();
            return;
        }
        SocketPacket p = Wire09.toPacket(f, reader09);
        if (p != null) {
            onSocketPacket(p);
        }
    }

    private void onOpen(String json) {
        JsonNode open;
        try {
            open = Json.tree(json);
        } catch (RuntimeException e) {
            throw new ProtocolException("Engine.IO OPEN packet is not JSON", e);
        }
        if (!open.path("sid").isTextual() || !open.path("pingInterval").canConvertToLong()
                || !open.path("pingTimeout").canConvertToLong()) {
            throw new ProtocolException("Engine.IO OPEN packet lacks sid, pingInterval or pingTimeout");
        }
        engineSid = open.get("sid").asText();
        pingIntervalMs = open.get("pingInterval").asLong();
        pingTimeoutMs = open.get("pingTimeout").asLong();
        onHandshaken();
    }

    private void onHandshaken() {
        cancelDeadline();
        lastPingSent = 0;
        if (decoder != null) {
            decoder.reset();
        }
        connectionNumber++; // the dispatcher is the only writer
        handshaken = true;
        everHandshaken = true;
        synchronized (this) {
            attempt = 0;
            state = ConnectionState.OPEN;
        }
        startHeartbeat();
        for (SocketIoSocket s : sockets.values()) {
            if (s.wantsConnection()) {
                s.sendConnect();
            }
        }
    }

    private void onSocketPacket(SocketPacket p) {
        if (generation == Generation.V3_V4 && p.type() == SocketPacket.Type.CONNECT
                && (p.data() == null || !p.data().path("sid").isTextual())) {
            // revision 5 servers answer CONNECT with the socket's id; 1.x/2.x servers (revision 4) send a bare CONNECT,
            // for "/" even unasked: carrying on would connect namespaces twice and miss every ping
            Transport t = current;
            if (t != null) {
                GenerationMismatchException e = new GenerationMismatchException(Generation.V3_V4, Generation.V1_V2,
                        "its CONNECT packet carries no session id, as socket.io 1.x/2.x's do");
                sink.onLost(t, e.getMessage(), e);
            }
            return;
        }
        String nsp = p.namespace();
        int q = nsp.indexOf('?');
        if (q >= 0) {
            nsp = nsp.substring(0, q);
        }
        SocketIoSocket s = sockets.get(nsp);
        if (s != null) {
            s.onPacket(p);
            if (p.type() == SocketPacket.Type.DISCONNECT || p.type() == SocketPacket.Type.CONNECT_ERROR) {
                closeIfUnwanted();
            }
        }
    }

    private void sendEngine(EnginePacket p) {
        sendText(engine.encodeText(p));
    }

    /** Sends one text frame on the current transport; sendLock keeps frames of concurrent senders whole. */
    private void sendText(String frame) {
        synchronized (sendLock) {
            transport().sendText(frame);
        }
    }

    private synchronized void startHeartbeat() {
        stopHeartbeat();
        if (generation == Generation.V0_9 && pingTimeoutMs == 0) {
            return; // 0.9 over xhr-polling: nothing to send and no heartbeat to wait for
        }
        lastHeard = System.nanoTime();
        long tick = Math.max(20, Math.min(250, pingIntervalMs / 4));
        heartbeatTask = timer.scheduleAtFixedRate(this::heartbeat, tick, tick, TimeUnit.MILLISECONDS);
    }

    private synchronized void stopHeartbeat() {
        if (heartbeatTask != null) {
            heartbeatTask.cancel(false);
            heartbeatTask = null;
        }
    }

    private void heartbeat() {
        long now = System.nanoTime();
        long silentMs = TimeUnit.NANOSECONDS.toMillis(now - lastHeard);
        if (generation == Generation.V0_9) {
            // the server sends a heartbeat within every heartbeat timeout (over WebSocket)
            if (silentMs > pingTimeoutMs) {
                dropConnection("ping timeout");
            }
            return;
        }
        if (generation == Generation.V3_V4) {
            // the server pings every pingInterval; silence beyond pingInterval + pingTimeout means it is gone
            if (silentMs > pingIntervalMs + pingTimeoutMs) {
                dropConnection("ping timeout");
            }
            return;
        }
        // Engine.IO 3: the client pings every pingInterval and expects an answer within pingTimeout
        if (lastPingSent != 0 && lastHeard < lastPingSent
                && TimeUnit.NANOSECONDS.toMillis(now - lastPingSent) > pingTimeoutMs) {
            dropConnection("ping timeout");
            return;
        }
        if (lastPingSent == 0 || TimeUnit.NANOSECONDS.toMillis(now - lastPingSent) >= pingIntervalMs) {
            if (lastPingSent == 0 || lastHeard >= lastPingSent) {
                lastPingSent = now;
                try {
                    sendEngine(EnginePacket.of(EnginePacket.Type.PING));
                } catch (RuntimeException e) {
                    // not open any more; the session reports it
                }
            }
        }
    }

    private void onConnectionLost(String reason, Throwable cause) {
        handshaken = false;
        stopHeartbeat();
        DisconnectReason typed = reason.equals("ping timeout") ? DisconnectReason.PING_TIMEOUT
                : reason.equals("transport close") ? DisconnectReason.TRANSPORT_CLOSE : DisconnectReason.TRANSPORT_ERROR;
        // the detail: what the transport said beyond socket.io's reason string, or the I/O error behind a close
        String detail = typed == DisconnectReason.TRANSPORT_ERROR ? reason
                : cause != null && cause.getMessage() != null ? cause.getMessage() : null;
        for (SocketIoSocket s : sockets.values()) {
            s.onTransportLost(typed, detail);
        }
    }

    private final class Sink implements Transport.Sink {
        @Override
        public void onText(Transport t, String frame) {
            if (!isCurrent(t)) {
                return;
            }
            for (Consumer<String> l : rawListeners) {
                l.accept(frame);
            }
            try {
                if (generation == Generation.V0_9) {
                    on09(t, Frame09.decode(frame));
                } else {
                    onEnginePacket(engine.decodeText(frame));
                }
            } catch (ProtocolException e) {
                protocolError(e);
            }
        }

        @Override
        public void onBinary(Transport t, byte[] frame) {
            if (!isCurrent(t) || engine == null) {
                return;
            }
            try {
                onEnginePacket(engine.decodeBinary(frame));
            } catch (ProtocolException e) {
                protocolError(e);
            }
        }

        @Override
        public void onLost(Transport t, String reason, Throwable cause) {
            synchronized (SocketIoClient.this) {
                if (t != current) {
                    return;
                }
                current = null;
            }
            t.close();
            onConnectionLost(reason, cause);
            GenerationMismatchException mismatch = cause instanceof GenerationMismatchException m ? m
                    : everHandshaken || attempt > 0 || !anyWanted() ? null
                    : checkGeneration("the first connection failed: " + reason);
            synchronized (SocketIoClient.this) {
                if (state.isTerminal()) {
                    return;
                }
                if (mismatch == null && !anyWanted()) {
                    goIdle(); // every namespace was disconnected on purpose: nobody to reconnect for
                    return;
                }
                if (mismatch != null) {
                    state = ConnectionState.FAILED; // retrying cannot help
                    cancelDeadline();
                    failure = mismatch;
                    for (SocketIoSocket s : sockets.values()) {
                        s.failed(mismatch);
                    }
                    return;
                }
                if (!everHandshaken && !config.retryInitialConnect) {
                    // the first connection never got through and nobody asked to keep trying: say so now
                    state = ConnectionState.FAILED;
                    cancelDeadline();
                    failure = cause instanceof ConnectTimeoutException timeout
                            ? timeout : new dev.relaykit.core.TransportException(
                            "socket.io client could not connect to " + hostOnly() + ": " + reason, cause);
                    for (SocketIoSocket s : sockets.values()) {
                        s.failed(failure);
                    }
                    return;
                }
                attempt++;
                if (!config.policy.allows(attempt)) {
                    state = ConnectionState.FAILED;
                    cancelDeadline();
                    failure = new dev.relaykit.core.TransportException("socket.io client gave up after "
                            + (attempt - 1) + " reconnection attempt(s): " + reason, cause);
                    for (SocketIoSocket s : sockets.values()) {
                        s.failed(failure);
                    }
                    return;
                }
                state = ConnectionState.RECONNECTING;
                reconnectTask = timer.schedule(() -> openTransport(),
                        config.policy.delay(attempt).toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        /**
         * After a first connection that never got through (or is slow to): asks the server which generation it speaks.
         *
         * @param howFound what the mismatch message says showed it, or null
         *
         * @return the mismatch, or {@code null} when the generations agree or the server cannot tell
         */
        private GenerationMismatchException checkGeneration(String howFound) {
            if (config.handshakeUrl != null || generation == Generation.AUTO) {
                return null;
            }
            try {
                Generation spoken = detectAt(TransportSupport.http(engineUrl), config.query, config.headers);
                return spoken == generation ? null : new GenerationMismatchException(generation, spoken, howFound);
            } catch (RuntimeException unreachable) {
                return null; // down or unknown: the reconnect policy decides
            }
        }

        private boolean isCurrent(Transport t) {
            return t == current;
        }
    }

    /** @return host and port of the server, never the path or query (they may carry tokens) */
    private String hostOnly() {
        okhttp3.HttpUrl u = okhttp3.HttpUrl.parse(TransportSupport.http(engineUrl));
        return u == null ? "the server" : u.host() + ":" + u.port();
    }

    /** Builds a {@link SocketIoClient}. */
    public static final class Builder {
        private final String url;
        private Generation generation = Generation.AUTO;
        private Duration connectTimeout = Duration.ofSeconds(20);
        private boolean bigDecimals;
        private String path = "/socket.io";
        private String handshakeUrl;
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Object auth;
        private boolean timestamp;
        private ReconnectPolicy policy = ReconnectPolicy.defaults();
        private boolean retryInitialConnect;
        private Duration ackTimeout = Duration.ofSeconds(10);
        private int bufferCapacity = 1024;
        private Executor dispatcher;
        private TransportMode transport = TransportMode.WEBSOCKET;

        private Builder(String url) {
            this.url = Objects.requireNonNull(url, "url");
        }

        /**
         * The server's generation. The default, {@link Generation#AUTO}, asks the server on the first connection (one
         * HTTP request, the Engine.IO polling handshake, or 0.9's) and keeps the answer for reconnections. A fixed
         * generation saves that request; if the server speaks another one, {@code connect()} fails with a
         * {@link GenerationMismatchException} naming both (within about a second), never half-working.
         *
         * @param generation the server generation (default {@link Generation#AUTO})
         * @return this
         */
        public Builder generation(Generation generation) {
            this.generation = Objects.requireNonNull(generation, "generation");
            return this;
        }

        /**
         * @param path the Engine.IO path (default {@code /socket.io})
         * @return this
         */
        public Builder path(String path) {
            Objects.requireNonNull(path, "path");
            String trimmed = TransportSupport.withoutTrailingSlashes(path);
            this.path = path.startsWith("/") ? trimmed : "/" + trimmed;
            return this;
        }

        /**
         * @param url the full handshake URL to use instead of url + path (the EIO and transport parameters are
         *     still added)
         * @return this
         */
        public Builder handshakeUrl(String url) {
            this.handshakeUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        /**
         * @param name a handshake query parameter (1.x/2.x servers read credentials from here)
         * @param value its value
         * @return this
         */
        public Builder query(String name, String value) {
            query.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @param name an extra handshake header
         * @param value its value
         * @return this
         */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * The default CONNECT auth payload for every namespace. Only socket.io 3.x/4.x servers read it; 1.x/2.x and 0.9
         * servers read credentials from the handshake {@link #query query}. So {@link #build()} refuses auth with a
         * fixed {@link Generation#V1_V2} or {@link Generation#V0_9}; with {@link Generation#AUTO} (where one set of
         * settings may have to serve servers of every generation, with auth and query both set) a warning is logged
         * when the server turns out to ignore it.
         *
         * @param auth the payload, serialised as JSON
         * @return this
         */
        public Builder auth(Object auth) {
            this.auth = auth;
            return this;
        }

        /**
         * @param enabled add the cache-busting {@code t} query parameter (the time of each connection attempt)
         * @return this
         */
        public Builder timestampParam(boolean enabled) {
            this.timestamp = enabled;
            return this;
        }

        /**
         * @param policy the reconnection policy (default {@link ReconnectPolicy#defaults()})
         * @return this
         */
        public Builder reconnect(ReconnectPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Whether the reconnection policy also retries a first connection that never got through.
         * Off by default: a namespace's {@link SocketIoSocket#connect()} future then fails as soon as
         * the first attempt fails, with a {@link dev.relaykit.core.TransportException} whose cause is
         * the attempt's failure (a {@code java.net.ConnectException} for a refused port), and nothing
         * keeps trying. Once connected, every loss reconnects by the policy.
         *
         * @param keepTrying {@code true} to retry the first connection by the policy
         * @return this
         */
        public Builder retryInitialConnect(boolean keepTrying) {
            this.retryInitialConnect = keepTrying;
            return this;
        }

        /**
         * The deadline of every connection attempt, like the socket.io JS client's {@code timeout}: from the start of
         * the attempt to the Engine.IO handshake (0.9: its connect frame; AUTO: the generation probe included). An
         * attempt without a handshake by then fails with a {@link ConnectTimeoutException} that names the likely
         * cause: the first connection's {@code connect()} future fails with it (unless
         * {@link #retryInitialConnect(boolean) retryInitialConnect(true)}), later attempts are retried by the policy.
         * A namespace whose first {@code CONNECT} gets no answer within it fails its {@code connect()} future too.
         *
         * @param timeout the deadline (default 20 s)
         * @return this
         */
        public Builder connectTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("connectTimeout must be positive, was " + timeout);
            }
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * How event and ack arguments decode numbers. By default as Jackson's default {@code ObjectMapper} does
         * ({@code 1.5} becomes a {@code DoubleNode}, {@code 7} an {@code IntNode}), so the trees equal those of the
         * user's own mapper; with {@code true} every fraction becomes an exact {@code DecimalNode} (prices, amounts).
         *
         * @param exact {@code true} for {@code BigDecimal} fractions
         * @return this
         */
        public Builder bigDecimals(boolean exact) {
            this.bigDecimals = exact;
            return this;
        }

        static String noAuthMessage(Generation g) {
            return (g == Generation.V0_9 ? "socket.io 0.9 servers (Generation.V0_9) have" : "socket.io 1.x/2.x servers"
                    + " (Generation.V1_V2) have") + " no CONNECT auth payload and would never see it: pass credentials"
                    + " in the handshake query, .query(\"token\", ...), instead of .auth(...)";
        }

        /**
         * @param timeout how long {@code emitWithAck} waits by default (10 s)
         * @return this
         */
        public Builder ackTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("ackTimeout must be positive, was " + timeout);
            }
            this.ackTimeout = timeout;
            return this;
        }

        /**
         * @param capacity how many emits a namespace buffers while disconnected (default 1024)
         * @return this
         */
        public Builder emitBufferCapacity(int capacity) {
            if (capacity < 0) {
                throw new IllegalArgumentException("emitBufferCapacity must be >= 0, was " + capacity);
            }
            this.bufferCapacity = capacity;
            return this;
        }

        /**
         * @param executor where listeners run, one at a time and in order (default: sdk-core's shared
         *     dispatch pool, a few daemon threads for every client and session of the process, whose idle
         *     threads end by themselves; listeners on it must not block for long)
         * @return this
         */
        public Builder dispatcher(Executor executor) {
            this.dispatcher = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Chooses the transport. socket.io 0.9 has no upgrade: there {@code POLLING} means its {@code xhr-polling},
         * and {@code POLLING_THEN_WEBSOCKET} means WebSocket when the server offers it, {@code xhr-polling} otherwise.
         *
         * @param mode WebSocket only (default), long-polling only, or long-polling upgraded to WebSocket
         * @return this
         */
        public Builder transport(TransportMode mode) {
            this.transport = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Builds a client with this builder's settings as they are now: changing the builder afterwards does not
         * change the client.
         *
         * @return the client; it connects when the first namespace socket connects
         * @throws IllegalStateException when {@link #auth(Object)} is set for a fixed generation that has no auth
         *     payload ({@link Generation#V1_V2}, {@link Generation#V0_9})
         */
        public SocketIoClient build() {
            if (auth != null && (generation == Generation.V1_V2 || generation == Generation.V0_9)) {
                throw new IllegalStateException(noAuthMessage(generation));
            }
            Builder settings = new Builder(url);
            settings.connectTimeout = connectTimeout;
            settings.bigDecimals = bigDecimals;
            settings.generation = generation;
            settings.path = path;
            settings.handshakeUrl = handshakeUrl;
            settings.query.putAll(query);
            settings.headers.putAll(headers);
            settings.auth = auth;
            settings.timestamp = timestamp;
            settings.policy = policy;
            settings.retryInitialConnect = retryInitialConnect;
            settings.ackTimeout = ackTimeout;
            settings.bufferCapacity = bufferCapacity;
            settings.dispatcher = dispatcher;
            settings.transport = transport;
            return new SocketIoClient(settings);
        }
    }
}
