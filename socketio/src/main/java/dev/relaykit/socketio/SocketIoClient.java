package dev.relaykit.socketio;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.concurrent.ScheduledThreadPoolExecutor;
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
 * {@link SocketIoSocket#recovered()}. Listeners run on one dispatcher thread (or the executor given).
 */
public final class SocketIoClient implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SocketIoClient.class);
    private final Generation generation;
    private final EngineIoCodec engine;
    private final SocketIoCodec codec;
    private final SocketIoCodec.Decoder decoder;
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
    private volatile boolean everHandshaken;
    private ScheduledFuture<?> heartbeatTask;
    private volatile String engineSid;
    // connection life cycle, written under this; current and state are also read without the lock (current per
    // packet; state by state(), which a sender holding sendLock may call: taking this there could deadlock with
    // onLost, which completes user futures under this)
    private volatile Transport current;
    private volatile ConnectionState state = ConnectionState.NEW;
    private int attempt;
    private ScheduledFuture<?> reconnectTask;

    private SocketIoClient(Builder b) {
        this.config = b;
        this.generation = b.generation;
        this.engineUrl = b.handshakeUrl != null ? b.handshakeUrl
                : TransportSupport.withoutTrailingSlashes(b.url) + b.path + "/";
        this.engine = generation == Generation.V0_9 ? null : EngineIoCodec.of(generation.engineIoRevision());
        // 0.9 frames are translated by Wire09: no Engine.IO or Socket.IO codec
        this.codec = generation == Generation.V0_9 ? null : SocketIoCodec.of(generation.socketIoRevision());
        this.decoder = codec == null ? null : codec.decoder();
        // callbacks run one at a time, in order, per client; by default on a pool shared by every
        // client whose idle threads end after a second, so a client costs no thread of its own
        this.executor = new dev.relaykit.core.ws.SerialExecutor(b.dispatcher != null ? b.dispatcher : SHARED_DISPATCH);
    }

    /**
     * One timer thread for every client (heartbeats, reconnect delays, ack timeouts, the WebSocket
     * sessions' own timers); a client cancels its tasks on close, and the thread ends by itself one
     * second after the last task.
     */
    private static final ScheduledThreadPoolExecutor SHARED_TIMER = sharedTimer();

    private static ScheduledThreadPoolExecutor sharedTimer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "relaykit-socketio-timer");
            thread.setDaemon(true);
            return thread;
        });
        t.setRemoveOnCancelPolicy(true);
        t.setKeepAliveTime(1, TimeUnit.SECONDS);
        t.allowCoreThreadTimeOut(true);
        return t;
    }

    /** The default dispatcher: shared, grows on demand, idle threads end after one second. */
    private static final java.util.concurrent.ExecutorService SHARED_DISPATCH = new java.util.concurrent.ThreadPoolExecutor(
            0, Integer.MAX_VALUE, 1, TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "relaykit-socketio-dispatch");
                t.setDaemon(true);
                return t;
            });

    private synchronized void openTransport() {
        reconnectTask = null;
        if (state.isTerminal()) {
            return;
        }
        state = attempt == 0 ? ConnectionState.CONNECTING : ConnectionState.RECONNECTING;
        Map<String, String> query = new LinkedHashMap<>();
        if (generation == Generation.V0_9) {
            query.putAll(config.query);
            Transport t = new Handshake09Transport(engineUrl, query, config.headers, executor, SHARED_TIMER,
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
            t = new WsTransport(engineUrl, query, config.headers, executor, SHARED_TIMER, sink);
        } else {
            t = new PollingTransport(engineUrl, query, config.headers, engine,
                    config.transport == TransportMode.POLLING_THEN_WEBSOCKET, executor, SHARED_TIMER, sink);
        }
        current = t;
        t.start();
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
        return detectAt(TransportSupport.http(TransportSupport.withoutTrailingSlashes(url)) + "/socket.io/");
    }

    private static Generation detectAt(String base) {
        okhttp3.OkHttpClient http = dev.relaykit.core.net.HttpClients.shared();
        try {
            String body;
            int code;
            try (okhttp3.Response r = http.newCall(new okhttp3.Request.Builder()
                    .url(base + "?EIO=4&transport=polling&b64=1").build()).execute()) {
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
            try (okhttp3.Response r = http.newCall(new okhttp3.Request.Builder().url(base + "1/").build()).execute()) {
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

    /** @return the generation this client speaks */
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
        synchronized (this) {
            SocketIoSocket s = sockets.get(namespace);
            if (s == null) {
                s = new SocketIoSocket(this, namespace, auth == null ? null : Json.mapper().valueToTree(auth),
                        config.bufferCapacity);
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
        }
        if (t != null) {
            t.close();
        }
        stopHeartbeat(); // the timer is shared: cancel this client's tasks, never shut it down
    }

    // ------------------------------------------------------------------ internals used by SocketIoSocket

    Duration ackTimeout() {
        return config.ackTimeout;
    }

    ScheduledThreadPoolExecutor timer() {
        return SHARED_TIMER;
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
        SocketPacket p = Wire09.toPacket(f);
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
        lastPingSent = 0;
        if (decoder != null) {
            decoder.reset();
        }
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
        String nsp = p.namespace();
        int q = nsp.indexOf('?');
        if (q >= 0) {
            nsp = nsp.substring(0, q);
        }
        SocketIoSocket s = sockets.get(nsp);
        if (s != null) {
            s.onPacket(p);
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
        heartbeatTask = SHARED_TIMER.scheduleAtFixedRate(this::heartbeat, tick, tick, TimeUnit.MILLISECONDS);
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

    private void onConnectionLost(String reason) {
        handshaken = false;
        stopHeartbeat();
        for (SocketIoSocket s : sockets.values()) {
            s.onTransportLost(reason);
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
            onConnectionLost(reason);
            GenerationMismatchException mismatch = everHandshaken || attempt > 0 ? null : checkGeneration();
            synchronized (SocketIoClient.this) {
                if (state.isTerminal()) {
                    return;
                }
                if (mismatch != null) {
                    state = ConnectionState.FAILED; // retrying cannot help
                    for (SocketIoSocket s : sockets.values()) {
                        s.failed(mismatch);
                    }
                    return;
                }
                if (!everHandshaken && !config.retryInitialConnect) {
                    // the first connection never got through and nobody asked to keep trying: say so now
                    state = ConnectionState.FAILED;
                    dev.relaykit.core.TransportException failure = new dev.relaykit.core.TransportException(
                            "socket.io client could not connect to " + hostOnly() + ": " + reason, cause);
                    for (SocketIoSocket s : sockets.values()) {
                        s.failed(failure);
                    }
                    return;
                }
                attempt++;
                if (!config.policy.allows(attempt)) {
                    state = ConnectionState.FAILED;
                    for (SocketIoSocket s : sockets.values()) {
                        s.failed(new dev.relaykit.core.TransportException("socket.io client gave up after "
                                + (attempt - 1) + " reconnection attempt(s): " + reason));
                    }
                    return;
                }
                state = ConnectionState.RECONNECTING;
                reconnectTask = SHARED_TIMER.schedule(SocketIoClient.this::openTransport,
                        config.policy.delay(attempt).toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        /**
         * After a first connection that never got through: asks the server which generation it speaks.
         *
         * @return the mismatch, or {@code null} when the generations agree or the server cannot tell
         */
        private GenerationMismatchException checkGeneration() {
            if (config.handshakeUrl != null) {
                return null;
            }
            try {
                Generation spoken = detectAt(TransportSupport.http(engineUrl));
                return spoken == generation ? null : new GenerationMismatchException(generation, spoken);
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
        private Generation generation = Generation.V3_V4;
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
         * @param generation the server generation (default {@link Generation#V3_V4})
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
         * @param auth the default CONNECT auth payload for every namespace (revision 5), serialised as JSON
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
         * @param executor where listeners run, one at a time and in order (default: a pool shared by
         *     every client, whose idle threads end by themselves)
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
         */
        public SocketIoClient build() {
            Builder settings = new Builder(url);
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
