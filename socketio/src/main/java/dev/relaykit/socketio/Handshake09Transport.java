package dev.relaykit.socketio;

import dev.relaykit.core.net.HttpClients;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Socket.IO 0.9: {@code GET <path>/1/} answers {@code sid:heartbeatTimeout:closeTimeout:transports}; then a
 * WebSocket to {@code <path>/1/websocket/<sid>}, or {@code xhr-polling} at {@code <path>/1/xhr-polling/<sid>},
 * carries the frames. 0.9 has no upgrade: {@link TransportMode#WEBSOCKET} and {@link TransportMode#POLLING} insist
 * on their transport, {@link TransportMode#POLLING_THEN_WEBSOCKET} takes WebSocket when the server offers it and
 * polling otherwise.
 */
final class Handshake09Transport implements Transport {
    private final String base;
    private final Map<String, String> query;
    private final Map<String, String> headers;
    private final Executor executor;
    private final ScheduledExecutorService timer; // the client's: the WebSocket needs no thread of its own
    private final Sink sink;
    private final TransportMode mode;
    private volatile Transport inner;
    private volatile boolean closed;
    private volatile String sid;
    private volatile long heartbeatTimeoutMs;

    Handshake09Transport(String base, Map<String, String> query, Map<String, String> headers, Executor executor,
                         ScheduledExecutorService timer, TransportMode mode, Sink sink) {
        this.mode = mode;
        this.base = TransportSupport.http(TransportSupport.withoutTrailingSlashes(base));
        this.query = query;
        this.headers = headers;
        this.executor = executor;
        this.timer = timer;
        this.sink = sink;
    }

    @Override
    public void start() {
        Thread t = new Thread(this::handshake, "relaykit-socketio-handshake");
        t.setDaemon(true);
        t.start();
    }

    private void handshake() {
        try {
            HttpUrl.Builder ub = HttpUrl.get(base + "/1/").newBuilder();
            query.forEach(ub::addQueryParameter);
            Request.Builder rb = new Request.Builder().url(ub.build());
            headers.forEach(rb::header);
            String body;
            try (Response r = HttpClients.shared().newCall(rb.build()).execute()) {
                body = r.body() == null ? "" : r.body().string();
                if (!r.isSuccessful()) {
                    throw new IOException("handshake refused: HTTP " + r.code() + " " + TransportSupport.clip(body, 100));
                }
            }
            String[] parts = body.split(":", -1);
            if (parts.length < 4 || parts[0].isEmpty() || !parts[1].matches("\\d{0,9}")) {
                throw new IOException("malformed 0.9 handshake answer: " + TransportSupport.clip(body, 100));
            }
            List<String> offered = List.of(parts[3].split(","));
            boolean websocket = mode != TransportMode.POLLING && offered.contains("websocket");
            if (!websocket && (mode == TransportMode.WEBSOCKET || !offered.contains("xhr-polling"))) {
                throw new IOException("the server does not offer the "
                        + (mode == TransportMode.WEBSOCKET ? "websocket" : mode == TransportMode.POLLING ? "xhr-polling"
                        : "websocket or xhr-polling") + " transport, only: " + TransportSupport.clip(parts[3], 100));
            }
            sid = parts[0];
            heartbeatTimeoutMs = parts[1].isEmpty() ? 0 : Long.parseLong(parts[1]) * 1000;
            if (closed) {
                return;
            }
            Sink relay = new Sink() {
                @Override
                public void onText(Transport t, String frame) {
                    sink.onText(Handshake09Transport.this, frame);
                }

                @Override
                public void onBinary(Transport t, byte[] frame) {
                    sink.onBinary(Handshake09Transport.this, frame);
                }

                @Override
                public void onLost(Transport t, String reason, Throwable cause) {
                    sink.onLost(Handshake09Transport.this, reason, cause);
                }
            };
            Transport w = websocket ? new WsTransport(base + "/1/websocket/" + sid, query, headers, executor, timer, relay)
                    : new XhrPolling09Transport(base, sid, query, headers, executor, relay);
            inner = w;
            w.start();
            if (closed) {
                w.close();
            }
        } catch (IOException | RuntimeException e) {
            executor.execute(() -> sink.onLost(this, "handshake failed: " + e.getMessage(), e));
        }
    }

    /** @return the session id from the handshake */
    String sid() {
        return sid;
    }

    /** @return whether the server sends heartbeats on this transport (over WebSocket; not over xhr-polling) */
    boolean heartbeats() {
        return inner instanceof WsTransport;
    }

    /** @return the heartbeat timeout from the handshake (0 = none) */
    long heartbeatTimeoutMs() {
        return heartbeatTimeoutMs;
    }

    @Override
    public void sendText(String frame) {
        Transport w = inner;
        if (w == null) {
            throw new dev.relaykit.core.ws.NotConnectedException("0.9 handshake not finished");
        }
        w.sendText(frame);
    }

    @Override
    public void sendBinary(byte[] frame) {
        throw new UnsupportedOperationException("socket.io 0.9 has no binary frames");
    }

    @Override
    public void close() {
        closed = true;
        Transport w = inner;
        if (w != null) {
            w.close();
        }
    }
}
