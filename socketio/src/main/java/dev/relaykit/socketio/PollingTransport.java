package dev.relaykit.socketio;

import dev.relaykit.core.json.Json;
import dev.relaykit.socketio.protocol.EngineIoCodec;
import dev.relaykit.socketio.protocol.EnginePacket;
import dev.relaykit.socketio.protocol.ProtocolException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Engine.IO HTTP long-polling, optionally upgraded to WebSocket: after the handshake a WebSocket with the same
 * sid sends {@code 2probe}; on {@code 3probe} polling is paused (the server ends the pending poll with a
 * {@code 6} noop), {@code 5} (upgrade) is sent and all traffic moves to the WebSocket.
 */
final class PollingTransport implements Transport {
    private static final MediaType TEXT = MediaType.get("text/plain; charset=UTF-8");

    private final HttpUrl base;
    private final Map<String, String> query;
    private final Map<String, String> headers;
    private final EngineIoCodec codec;
    private final boolean upgrade;
    private final Executor executor;
    private final ScheduledExecutorService timer; // the client's: the probe WebSocket needs no thread of its own
    private final Sink sink;
    private final Object lock = new Object();
    // guarded by lock
    private String sid;
    private boolean closed;
    private boolean pausing;
    private WsTransport ws;
    private boolean upgraded;
    private final List<Object> pendingDuringUpgrade = new ArrayList<>();
    private final List<EnginePacket> outbox = new ArrayList<>(); // guarded by lock
    private boolean posting; // guarded by lock: a POST is in flight
    private boolean upgradeWhenIdle; // guarded by lock: the upgrade waits for the POST in flight
    private Thread poller;
    private volatile okhttp3.Call inflight;

    PollingTransport(String url, Map<String, String> query, Map<String, String> headers, EngineIoCodec codec,
                     boolean upgrade, Executor executor, ScheduledExecutorService timer, Sink sink) {
        this.base = HttpUrl.get(TransportSupport.http(url));
        this.query = query;
        this.headers = headers;
        this.codec = codec;
        this.upgrade = upgrade;
        this.executor = executor;
        this.timer = timer;
        this.sink = sink;
    }

    @Override
    public void start() {
        poller = new Thread(this::pollLoop, "relaykit-socketio-poll");
        poller.setDaemon(true);
        poller.start();
    }

    private HttpUrl url(String transport) {
        HttpUrl.Builder b = base.newBuilder();
        query.forEach(b::addQueryParameter);
        b.addQueryParameter("transport", transport);
        if (codec.revision() == 3) {
            b.addQueryParameter("b64", "1"); // text payloads only: binary arrives as "b4<base64>"
        }
        if (sid != null) {
            b.addQueryParameter("sid", sid);
        }
        b.addQueryParameter("t", Long.toString(System.nanoTime(), 36));
        return b.build();
    }

    private Request.Builder request(HttpUrl url) {
        Request.Builder r = new Request.Builder().url(url);
        headers.forEach(r::header);
        return r;
    }

    private void pollLoop() {
        try {
            while (true) {
                HttpUrl url;
                synchronized (lock) {
                    if (closed || pausing) {
                        break;
                    }
                    url = url("polling");
                }
                String body;
                okhttp3.Call call = TransportSupport.LONG_POLL.newCall(request(url).get().build());
                inflight = call;
                try (Response r = call.execute()) {
                    body = r.body() == null ? "" : r.body().string();
                    if (!r.isSuccessful()) {
                        throw new IOException("HTTP " + r.code() + " " + TransportSupport.clip(body, 100));
                    }
                }
                List<EnginePacket> packets = codec.decodePayload(body);
                for (EnginePacket p : packets) {
                    if (p.type() == EnginePacket.Type.OPEN) {
                        onOpen(p.text());
                    }
                    deliver(p);
                    if (p.type() == EnginePacket.Type.CLOSE) {
                        lost("transport close", null);
                        return;
                    }
                }
            }
            boolean finish;
            synchronized (lock) {
                finish = pausing && !closed;
            }
            if (finish) {
                finishUpgrade();
            }
        } catch (IOException | ProtocolException e) {
            lost("transport error: " + e.getMessage(), e);
        }
    }

    private void deliver(EnginePacket p) {
        if (p.isBinary()) {
            byte[] frame = codec.encodeBinary(p);
            executor.execute(() -> sink.onBinary(this, frame));
        } else {
            String frame = codec.encodeText(p);
            executor.execute(() -> sink.onText(this, frame));
        }
    }

    private void onOpen(String json) {
        JsonNode open = Json.tree(json);
        WsTransport probe;
        synchronized (lock) {
            sid = open.path("sid").asText(null);
            if (!upgrade || !open.path("upgrades").toString().contains("\"websocket\"")) {
                return;
            }
            Map<String, String> q = new LinkedHashMap<>(query);
            q.put("transport", "websocket");
            q.put("sid", sid);
            ws = probe = new WsTransport(base.toString(), q, headers, executor, timer, new Sink() {
                @Override
                public void onText(Transport t, String frame) {
                    onWsText(frame);
                }

                @Override
                public void onBinary(Transport t, byte[] frame) {
                    if (isUpgraded()) {
                        sink.onBinary(PollingTransport.this, frame);
                    }
                }

                @Override
                public void onLost(Transport t, String reason, Throwable cause) {
                    if (isUpgraded()) {
                        lost(reason, cause);
                    }
                }
            });
        }
        // the probe goes out once the WebSocket is open; when it cannot open, polling simply goes on
        probe.connect().thenRun(() -> probe.sendText("2probe"));
    }

    private boolean isUpgraded() {
        synchronized (lock) {
            return upgraded;
        }
    }

    private void onWsText(String frame) {
        if (isUpgraded()) {
            sink.onText(this, frame);
            return;
        }
        if (frame.equals("3probe")) {
            synchronized (lock) {
                pausing = true; // the poller stops after the poll in flight (the server ends it with a noop)
            }
        }
    }

    private void finishUpgrade() {
        List<Object> pending;
        synchronized (lock) {
            if (posting) {
                upgradeWhenIdle = true; // let the POSTs in flight land first, so nothing overtakes them
                return;
            }
            ws.sendText("5");
            upgraded = true;
            pending = new ArrayList<>(pendingDuringUpgrade);
            pendingDuringUpgrade.clear();
            for (Object o : pending) {
                if (o instanceof String s) {
                    ws.sendText(s);
                } else {
                    ws.sendBinary((byte[]) o);
                }
            }
        }
    }

    /** @return whether the transport moved to WebSocket */
    boolean upgradedToWebSocket() {
        return isUpgraded();
    }

    @Override
    public void sendText(String frame) {
        send(frame);
    }

    @Override
    public void sendBinary(byte[] frame) {
        send(frame);
    }

    private void send(Object frame) {
        synchronized (lock) {
            if (upgraded) {
                if (frame instanceof String s) {
                    ws.sendText(s);
                } else {
                    ws.sendBinary((byte[]) frame);
                }
                return;
            }
            // sent later, from a queue: binary frames are copied, the caller keeps its array (see Transport)
            Object kept = frame instanceof byte[] b ? b.clone() : frame;
            if (pausing) {
                pendingDuringUpgrade.add(kept);
                return;
            }
            if (closed || sid == null) {
                throw new dev.relaykit.core.ws.NotConnectedException("polling transport is not open");
            }
            outbox.add(kept instanceof String s ? codec.decodeText(s) : codec.decodeBinary((byte[]) kept));
            if (posting) {
                return; // the POST in flight sends this one with the next batch when it returns
            }
            posting = true;
        }
        flush();
    }

    /**
     * Sends everything queued as one payload, asynchronously; when the answer comes, sends what was
     * queued meanwhile. One POST at a time: Engine.IO servers refuse overlapping POSTs. A failed POST
     * loses the transport (the client reconnects), like a broken WebSocket.
     */
    private void flush() {
        List<EnginePacket> batch;
        HttpUrl url;
        synchronized (lock) {
            if (closed || outbox.isEmpty()) {
                posting = false;
                if (upgradeWhenIdle && !closed) {
                    upgradeWhenIdle = false;
                    finishUpgrade();
                }
                return;
            }
            batch = new ArrayList<>(outbox);
            outbox.clear();
            url = url("polling");
        }
        String body = codec.encodePayload(batch);
        okhttp3.Call post = TransportSupport.LONG_POLL.newCall(request(url).post(RequestBody.create(body, TEXT)).build());
        post.enqueue(new okhttp3.Callback() {
            @Override
            public void onFailure(okhttp3.Call call, IOException e) {
                lost("Engine.IO POST failed: " + e.getMessage(), e);
            }

            @Override
            public void onResponse(okhttp3.Call call, Response response) {
                try (response) {
                    if (!response.isSuccessful()) {
                        lost("Engine.IO POST refused: HTTP " + response.code(), null);
                        return;
                    }
                }
                flush();
            }
        });
    }

    private void lost(String reason, Throwable cause) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (ws != null) {
            ws.close();
        }
        executor.execute(() -> sink.onLost(this, reason, cause));
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        if (ws != null) {
            ws.close();
        }
        okhttp3.Call call = inflight;
        if (call != null) {
            call.cancel();
        }
    }
}
