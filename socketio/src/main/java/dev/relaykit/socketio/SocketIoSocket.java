package dev.relaykit.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.ws.NotConnectedException;
import dev.relaykit.core.ws.OutgoingQueueFullException;
import dev.relaykit.core.ws.WsRpc;
import dev.relaykit.socketio.protocol.SocketPacket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One namespace of a {@link SocketIoClient}: emit events (with or without acknowledgement), listen to events.
 * Thread-safe. Emits made while the namespace is not connected (before its first connection, or while the client
 * reconnects) are buffered (bounded) and sent on connect; {@link #volatileEmit} drops them instead.
 *
 * <p>A namespace disconnected on purpose, by the server ({@code socket.disconnect()}, reason
 * {@link DisconnectReason#SERVER_DISCONNECT}) or by {@link #disconnect()}, stays disconnected, as with socket.io's JS
 * client: emits on it fail at once with a {@link NamespaceDisconnectedException} until {@link #connect()} rejoins it,
 * and when no namespace wants a connection any more the client closes its connection.
 */
public final class SocketIoSocket {
    private static final Logger LOG = LoggerFactory.getLogger(SocketIoSocket.class);
    private final SocketIoClient client;
    private final String namespace;
    private final JsonNode auth;
    private final int bufferCapacity;
    private final Map<String, List<EventListener>> listeners = new ConcurrentHashMap<>();
    private final List<EventListener> anyListeners = new CopyOnWriteArrayList<>();

    // guarded by this
    private boolean connected;
    private boolean wanted;
    // the connection (SocketIoClient.connectionNumber) whose CONNECT for this namespace is not answered yet, or -1: the
    // CONNECT is never sent twice on one connection (a 4.x server closes the whole connection on a CONNECT for a
    // namespace it has), and the namespace is left on the server if disconnect() came before the answer
    private long connectSentOn = -1;
    private String sid;
    private String pid;
    private String lastOffset;
    private boolean recovered;
    private DisconnectReason leftOnPurpose; // SERVER_DISCONNECT or CLIENT_DISCONNECT until connect() is called again
    // acknowledgements awaited, by ack id (per namespace): lock-free, so acks are matched on the dispatcher
    // without the socket's lock, which emitting threads hold while they write
    private final WsRpc<Long, SocketPacket> acks;
    private final ArrayDeque<SocketPacket> buffer = new ArrayDeque<>();
    private CompletableFuture<SocketIoSocket> firstConnect = new CompletableFuture<>();

    SocketIoSocket(SocketIoClient client, String namespace, JsonNode auth, int bufferCapacity) {
        this.client = client;
        this.namespace = namespace;
        this.auth = auth;
        this.bufferCapacity = bufferCapacity;
        this.acks = WsRpc.<Long, SocketPacket>builder(SocketPacket::ackId, client.timer())
                .timeoutError(r -> new TimeoutException("no acknowledgement of " + namespace + " packet " + r.key()
                        + " within " + r.timeout().toMillis() + " ms"))
                .lostMessage((r, why) -> why)
                .onUnmatched(p -> LOG.debug("{}: acknowledgement {} came late or was never asked for", namespace,
                        p.ackId()))
                .build();
    }

    /** @return the namespace */
    public String namespace() {
        return namespace;
    }

    /** @return whether the namespace is connected now */
    public synchronized boolean isConnected() {
        return connected;
    }

    /** @return the Socket.IO socket id given by the server (revision 5), or null */
    public synchronized String id() {
        return sid;
    }

    /** @return whether the last (re)connection recovered the session state (socket.io 4.x recovery) */
    public synchronized boolean recovered() {
        return recovered;
    }

    /**
     * @return completes when the namespace connects (the first time, or again after a {@link #connect()} that follows
     *     a disconnect); fails with {@link SocketIoConnectException} when the server refuses it, with a
     *     {@link GenerationMismatchException} when the server speaks another generation, with a
     *     {@link ConnectTimeoutException} when there is no answer within the connect timeout, and with a
     *     {@link dev.relaykit.core.TransportException} carrying the cause when the client's first connection fails
     *     (unless {@code SocketIoClient.Builder.retryInitialConnect(true)})
     */
    public synchronized CompletableFuture<SocketIoSocket> connected() {
        return firstConnect;
    }

    /**
     * Adds a listener for an event (or the local {@code connect}, {@code disconnect}, {@code connect_error}).
     *
     * @param event the event name
     * @param listener the listener
     * @return this
     */
    public SocketIoSocket on(String event, EventListener listener) {
        listeners.computeIfAbsent(Objects.requireNonNull(event, "event"), k -> new CopyOnWriteArrayList<>())
                .add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * @param event the event name
     * @param listener the listener to remove
     * @return this
     */
    public SocketIoSocket off(String event, EventListener listener) {
        List<EventListener> l = listeners.get(event);
        if (l != null) {
            l.remove(listener);
        }
        return this;
    }

    /**
     * @param event the event whose listeners are all removed
     * @return this
     */
    public SocketIoSocket off(String event) {
        listeners.remove(event);
        return this;
    }

    /**
     * @param listener receives every event from the server (not the local lifecycle events)
     * @return this
     */
    public SocketIoSocket onAny(EventListener listener) {
        anyListeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Emits an event. {@code byte[]} arguments (also nested in maps, lists and records) are sent as binary.
     *
     * @param event the event name
     * @param args the arguments, serialised with the shared Jackson mapper
     * @throws OutgoingQueueFullException when disconnected and the emit buffer is full
     * @throws NamespaceDisconnectedException when the namespace was disconnected by the server or by
     *     {@link #disconnect()} and not connected again
     */
    public void emit(String event, Object... args) {
        send(event, args, null, null, false);
    }

    /**
     * Emits an event only if the namespace is connected now; otherwise drops it.
     *
     * @param event the event name
     * @param args the arguments
     * @return whether it was sent
     */
    public boolean volatileEmit(String event, Object... args) {
        return send(event, args, null, null, true);
    }

    /**
     * Emits an event and waits for the server's acknowledgement, up to the client's ack timeout.
     *
     * @param event the event name
     * @param args the arguments
     * @return the acknowledgement's arguments; fails with {@link TimeoutException}, with a
     *     {@link dev.relaykit.core.ws.ConnectionLostException} (a {@link NotConnectedException}: the connection was
     *     lost or the client closed, and whether the server got the event is unknown) or, at once, with
     *     {@link NamespaceDisconnectedException} (the namespace was disconnected by the server or by
     *     {@link #disconnect()})
     * @throws dev.relaykit.core.ws.InFlightLimitException when 10,000 acknowledgements are awaited on this
     *     namespace already (nothing is sent)
     */
    public CompletableFuture<List<JsonNode>> emitWithAck(String event, Object... args) {
        return emitWithAck(client.ackTimeout(), event, args);
    }

    /**
     * @param timeout how long to wait for the acknowledgement
     * @param event the event name
     * @param args the arguments
     * @return the acknowledgement's arguments
     */
    public CompletableFuture<List<JsonNode>> emitWithAck(Duration timeout, String event, Object... args) {
        CompletableFuture<List<JsonNode>> f = new CompletableFuture<>();
        emit(event, (a, e) -> {
            if (e != null) {
                f.completeExceptionally(e);
            } else {
                f.complete(a);
            }
        }, timeout, args);
        return f;
    }

    /**
     * Emits an event; the callback receives the acknowledgement or the timeout.
     *
     * @param event the event name
     * @param callback receives the acknowledgement
     * @param timeout how long to wait
     * @param args the arguments; on a namespace disconnected on purpose the callback gets a
     *     {@link NamespaceDisconnectedException} at once
     */
    public void emit(String event, AckCallback callback, Duration timeout, Object... args) {
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(timeout, "timeout");
        send(event, args, callback, timeout, false);
    }

    /**
     * Connects the namespace (opening the client's connection if needed). Add listeners first: the server may emit
     * right after accepting.
     *
     * @return {@link #connected()}
     */
    public CompletableFuture<SocketIoSocket> connect() {
        CompletableFuture<SocketIoSocket> f;
        synchronized (this) {
            if (!wanted && !connected && firstConnect.isDone()) {
                firstConnect = new CompletableFuture<>(); // connecting again after a disconnect: a new answer
            }
            wanted = true;
            leftOnPurpose = null;
            f = firstConnect;
        }
        if (!f.isDone() && client.failsUnansweredConnect()) {
            Duration timeout = client.connectTimeout();
            java.util.concurrent.ScheduledFuture<?> deadline = client.timer().schedule(() -> {
                // the client's own deadline covers the handshake; this one a CONNECT the server never answers
                if (!f.isDone() && client.isHandshaken()) {
                    f.completeExceptionally(new ConnectTimeoutException("namespace " + namespace + " got no answer to"
                            + " its CONNECT within " + timeout.toMillis() + " ms (a server middleware that never"
                            + " calls next()?)", timeout));
                }
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            // answered (or closed) in time: the shared timer keeps no task, so its thread can end
            f.whenComplete((ok, failed) -> deadline.cancel(false));
        }
        client.connectSocket(this);
        return f;
    }

    /**
     * Leaves the namespace (sends DISCONNECT); it is not rejoined on reconnect, and emits on it fail until
     * {@link #connect()} is called again. Pending acknowledgements fail at once. When no other namespace is
     * connected, the client closes its connection. The {@code disconnect} event
     * ({@link DisconnectReason#CLIENT_DISCONNECT}) fires only if the namespace was connected: not while it is still
     * joining, or rejoining after a reconnect (as in socket.io's JS client); the server's late answer to its CONNECT
     * is then answered with DISCONNECT, and a {@link #connect()} future still waiting for that answer fails at once
     * with a {@link NamespaceDisconnectedException}.
     */
    public void disconnect() {
        boolean send;
        WsRpc.Taken<Long> pending;
        CompletableFuture<SocketIoSocket> unanswered;
        synchronized (this) {
            unanswered = firstConnect.isDone() ? null : firstConnect;
            wanted = false;
            send = connected;
            connected = false;
            leftOnPurpose = DisconnectReason.CLIENT_DISCONNECT;
            buffer.clear();
            pending = acks.takeAll();
        }
        failAcks(pending, DisconnectReason.CLIENT_DISCONNECT);
        if (unanswered != null) {
            // whoever waits on connect() learns now, not when the connect timeout runs out
            unanswered.completeExceptionally(new NamespaceDisconnectedException(namespace,
                    DisconnectReason.CLIENT_DISCONNECT, "disconnect() was called before the server answered its CONNECT"));
        }
        if (send) {
            try {
                client.send(new SocketPacket(SocketPacket.Type.DISCONNECT, namespace, null, null));
            } catch (NotConnectedException gone) {
                // the connection went away meanwhile: the server forgets the namespace with it
            }
            fireDisconnect(DisconnectReason.CLIENT_DISCONNECT, null);
        }
        client.closeIfUnwanted();
    }

    private void failAcks(WsRpc.Taken<Long> pending, DisconnectReason why) {
        pending.fail(r -> new NamespaceDisconnectedException(namespace, why, "the acknowledgement will not arrive"));
    }

    // ------------------------------------------------------------------ internals

    private boolean send(String event, Object[] args, AckCallback ack, Duration timeout, boolean dropIfDisconnected) {
        Objects.requireNonNull(event, "event");
        ArrayNode data = JsonNodeFactory.instance.arrayNode().add(event);
        for (Object a : args == null ? new Object[] {null} : args) {
            data.add(toNode(a));
        }
        DisconnectReason left;
        synchronized (this) {
            left = leftOnPurpose;
        }
        if (left != null) {
            if (dropIfDisconnected) {
                return false;
            }
            NamespaceDisconnectedException e = new NamespaceDisconnectedException(namespace, left,
                    "'" + event + "' not sent");
            if (ack == null) {
                throw e;
            }
            ack.onAck(null, e);
            return false;
        }
        synchronized (this) {
            if (!connected && dropIfDisconnected) {
                return false;
            }
            if (!connected && buffer.size() >= bufferCapacity) {
                throw new OutgoingQueueFullException("namespace " + namespace + " is not connected and its emit buffer"
                        + " is full (" + bufferCapacity + " packets); '" + event + "' not queued");
            }
            Long id = null;
            if (ack != null) {
                id = acks.nextId();
                // the callback is attached before the packet can go out; it runs where the ack is completed
                acks.expect(id, event, timeout).whenComplete((answer, error) -> deliver(ack, answer, error));
            }
            SocketPacket p = new SocketPacket(SocketPacket.Type.EVENT, namespace, id, data);
            if (connected) {
                client.send(p);
                return true;
            }
            buffer.add(p);
            return false;
        }
    }

    private static void deliver(AckCallback ack, SocketPacket answer, Throwable error) {
        List<JsonNode> args = null;
        if (answer != null) {
            args = new ArrayList<>(answer.data().size());
            answer.data().forEach(args::add);
        }
        try {
            ack.onAck(args, error);
        } catch (RuntimeException | Error e) {
            LOG.warn("acknowledgement callback threw", e);
        }
    }

    /**
     * Converts an argument to JSON: plain values, maps with string keys and collections directly (the common case,
     * several times cheaper than Jackson's {@code valueToTree}), anything else (records, beans, ...) through Jackson.
     */
    static JsonNode toNode(Object o) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (o == null) {
            return f.nullNode();
        }
        if (o instanceof String s) {
            return f.textNode(s);
        }
        if (o instanceof byte[] b) {
            return BinaryNode.valueOf(b);
        }
        if (o instanceof JsonNode n) {
            return n;
        }
        if (o instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (o instanceof Integer || o instanceof Short || o instanceof Byte) {
            return f.numberNode(((Number) o).intValue());
        }
        if (o instanceof Long l) {
            return f.numberNode(l);
        }
        if (o instanceof Map<?, ?> m) {
            ObjectNode n = f.objectNode();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    return Json.mapper().valueToTree(o); // Jackson's own rules for other keys
                }
                n.set(key, toNode(e.getValue()));
            }
            return n;
        }
        if (o instanceof Collection<?> c) {
            ArrayNode n = f.arrayNode(c.size());
            c.forEach(v -> n.add(toNode(v)));
            return n;
        }
        return Json.mapper().valueToTree(o);
    }

    boolean hasAuth() {
        return auth != null;
    }

    boolean wantsConnection() {
        synchronized (this) {
            return wanted;
        }
    }

    void sendConnect() {
        JsonNode payload = null;
        synchronized (this) {
            if (!wanted || connected || connectPending()) {
                return;
            }
            if (client.generation() == Generation.V3_V4) {
                ObjectNode o = auth != null && auth.isObject() ? ((ObjectNode) auth).deepCopy()
                        : JsonNodeFactory.instance.objectNode();
                if (pid != null) {
                    o.put("pid", pid);
                    if (lastOffset != null) {
                        o.put("offset", lastOffset);
                    }
                }
                payload = o.isEmpty() && auth == null ? null : o;
            } else if (namespace.equals("/")) {
                return; // revision 4: the server connects the main namespace by itself
            }
            connectSentOn = client.connectionNumber();
        }
        client.send(new SocketPacket(SocketPacket.Type.CONNECT, namespace, null, payload));
    }

    /** @return whether this namespace's CONNECT on the current connection awaits its answer; caller holds this */
    private boolean connectPending() {
        return connectSentOn == client.connectionNumber();
    }

    void onPacket(SocketPacket p) {
        switch (p.type()) {
            case CONNECT -> onConnected(p.data());
            case DISCONNECT -> {
                boolean was;
                WsRpc.Taken<Long> pending;
                synchronized (this) {
                    was = connected || wanted;
                    connected = false;
                    connectSentOn = -1;
                    wanted = false;
                    leftOnPurpose = DisconnectReason.SERVER_DISCONNECT;
                    buffer.clear();
                    // the server answers no acknowledgement on a namespace it closed
                    pending = acks.takeAll();
                }
                failAcks(pending, DisconnectReason.SERVER_DISCONNECT);
                if (was) {
                    fireDisconnect(DisconnectReason.SERVER_DISCONNECT, null);
                }
            }
            case CONNECT_ERROR -> onRefused(p.data());
            case EVENT, BINARY_EVENT -> onEvent(p);
            case ACK, BINARY_ACK -> acks.answer(p);
        }
    }

    private void onConnected(JsonNode data) {
        List<SocketPacket> flush;
        boolean abandoned;
        synchronized (this) {
            abandoned = !wanted && connectPending();
            connectSentOn = -1;
        }
        if (abandoned) {
            // disconnect() came while the CONNECT was unanswered (nothing could be sent then: a server may close the
            // connection on a DISCONNECT for a namespace it has not joined yet); leave it now, or the server would keep
            // the namespace joined (in its rooms, sent its events) for a client that left it
            try {
                client.send(new SocketPacket(SocketPacket.Type.DISCONNECT, namespace, null, null));
            } catch (NotConnectedException gone) {
                // the connection went away meanwhile: the server forgets the namespace with it
            }
            return;
        }
        synchronized (this) {
            if (!wanted) {
                return;
            }
            String newPid = data != null && data.path("pid").isTextual() ? data.get("pid").asText() : null;
            recovered = pid != null && pid.equals(newPid);
            pid = newPid;
            sid = data != null && data.path("sid").isTextual() ? data.get("sid").asText() : null;
            connected = true;
            flush = new ArrayList<>(buffer);
            buffer.clear();
            // sending under the lock keeps buffered emits ahead of new ones
            for (SocketPacket p : flush) {
                client.send(p);
            }
        }
        fireLocal("connect");
        firstConnect.complete(this);
    }

    private void onRefused(JsonNode data) {
        String message;
        JsonNode extra = null;
        if (data == null) {
            message = "(no message)";
        } else if (data.isTextual()) {
            message = data.asText();
        } else {
            message = data.path("message").asText("(no message)");
            extra = data.get("data");
        }
        SocketIoConnectException e = new SocketIoConnectException(namespace, message, extra);
        synchronized (this) {
            connected = false;
            connectSentOn = -1;
            wanted = false;
        }
        fireLocal("connect_error", message);
        firstConnect.completeExceptionally(e);
    }

    private void onEvent(SocketPacket p) {
        JsonNode in = p.data();
        String name = in.get(0).asText();
        List<JsonNode> args = new ArrayList<>(in.size() - 1);
        for (int i = 1; i < in.size(); i++) {
            args.add(in.get(i));
        }
        synchronized (this) {
            // socket.io 4.x connection-state recovery appends the packet's offset to events without an ack id
            if (pid != null && p.ackId() == null && !args.isEmpty() && args.get(args.size() - 1).isTextual()) {
                lastOffset = args.remove(args.size() - 1).asText();
            }
        }
        Long id = p.ackId();
        SocketEvent ev = new SocketEvent(name, args, id == null ? null : ackArgs -> {
            ArrayNode data = JsonNodeFactory.instance.arrayNode();
            for (Object a : ackArgs) {
                data.add(toNode(a));
            }
            client.send(new SocketPacket(SocketPacket.Type.ACK, namespace, id, data));
        }, client.generation() == Generation.V0_9, null);
        for (EventListener l : anyListeners) {
            l.onEvent(ev);
        }
        for (EventListener l : listeners.getOrDefault(name, List.of())) {
            l.onEvent(ev);
        }
    }

    void onTransportLost(DisconnectReason reason, String detail) {
        boolean was;
        WsRpc.Taken<Long> pending;
        synchronized (this) {
            was = connected;
            connected = false;
            // the server answers an ack on the connection the event came in on: that one is gone
            pending = acks.takeAll();
        }
        // a ConnectionLostException, a NotConnectedException: the outcome is unknown
        pending.connectionLost("connection lost before the acknowledgement arrived (" + reason.wireName()
                + (detail == null ? "" : ": " + detail) + "); the event may or may not have reached the server", null);
        if (was) {
            fireDisconnect(reason, detail);
        }
    }

    void closing() {
        WsRpc.Taken<Long> pending;
        synchronized (this) {
            wanted = false;
            connected = false;
            pending = acks.takeAll();
            buffer.clear();
        }
        pending.connectionLost("client closed before the acknowledgement arrived", null);
        firstConnect.completeExceptionally(new NotConnectedException("client closed"));
    }

    void failed(RuntimeException why) {
        firstConnect.completeExceptionally(why);
    }

    private void fireDisconnect(DisconnectReason reason, String detail) {
        List<JsonNode> a = new ArrayList<>();
        a.add(toNode(reason.wireName()));
        if (detail != null) {
            a.add(toNode(detail));
        }
        fire(new SocketEvent("disconnect", a, null, false, reason));
    }

    private void fireLocal(String event, Object... args) {
        List<JsonNode> a = new ArrayList<>();
        for (Object o : args) {
            a.add(toNode(o));
        }
        fire(new SocketEvent(event, a, null));
    }

    private void fire(SocketEvent ev) {
        String event = ev.name();
        for (EventListener l : listeners.getOrDefault(event, List.of())) {
            l.onEvent(ev);
        }
    }

    @Override
    public String toString() {
        return "SocketIoSocket[" + namespace + (isConnected() ? ", connected" : "") + "]";
    }
}
