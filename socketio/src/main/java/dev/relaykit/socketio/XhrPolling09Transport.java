package dev.relaykit.socketio;

import dev.relaykit.core.ws.NotConnectedException;
import dev.relaykit.socketio.protocol.Frame09;
import dev.relaykit.socketio.protocol.ProtocolException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Socket.IO 0.9's {@code xhr-polling} transport, after the handshake: long {@code GET}s to
 * {@code <path>/1/xhr-polling/<sid>} bring frames (the server ends an idle poll with a {@code 8::} noop after its
 * polling duration), {@code POST}s to the same URL send them, one at a time, queued frames batched into one body.
 * Closing tells the server at once ({@code ?disconnect=1}) instead of letting it wait for its close timeout.
 */
final class XhrPolling09Transport implements Transport {
    private static final MediaType TEXT = MediaType.get("text/plain; charset=UTF-8");

    private final HttpUrl url;
    private final Map<String, String> headers;
    private final Executor executor;
    private final Sink sink;
    private final Object lock = new Object();
    private final List<String> outbox = new ArrayList<>(); // guarded by lock
    private boolean posting; // guarded by lock
    private boolean closed; // guarded by lock
    private volatile Call polling;

    XhrPolling09Transport(String base, String sid, Map<String, String> query, Map<String, String> headers,
                          Executor executor, Sink sink) {
        HttpUrl.Builder b = HttpUrl.get(base + "/1/xhr-polling/" + sid).newBuilder();
        query.forEach(b::addQueryParameter);
        this.url = b.build();
        this.headers = headers;
        this.executor = executor;
        this.sink = sink;
    }

    @Override
    public void start() {
        Thread t = new Thread(this::pollLoop, "relaykit-socketio-poll");
        t.setDaemon(true);
        t.start();
    }

    private Request.Builder request(String extraParam) {
        HttpUrl.Builder u = url.newBuilder().addQueryParameter("t", Long.toString(System.currentTimeMillis()));
        if (extraParam != null) {
            u.addQueryParameter(extraParam, "1");
        }
        Request.Builder r = new Request.Builder().url(u.build());
        headers.forEach(r::header);
        return r;
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    private void pollLoop() {
        try {
            while (!isClosed()) {
                Call call = TransportSupport.LONG_POLL.newCall(request(null).get().build());
                polling = call;
                String body;
                try (Response r = call.execute()) {
                    body = r.body() == null ? "" : r.body().string();
                    if (!r.isSuccessful()) {
                        throw new IOException("HTTP " + r.code());
                    }
                }
                if (body.isEmpty()) {
                    continue;
                }
                for (String frame : Frame09.decodePayload(body)) {
                    executor.execute(() -> sink.onText(this, frame));
                }
            }
        } catch (IOException | ProtocolException e) {
            lost("xhr-polling GET failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void sendText(String frame) {
        synchronized (lock) {
            if (closed) {
                throw new NotConnectedException("socket.io 0.9 xhr-polling transport is closed; not sent");
            }
            outbox.add(frame);
            if (posting) {
                return; // goes with the next batch, when the POST in flight returns
            }
            posting = true;
        }
        flush();
    }

    private void flush() {
        List<String> batch;
        synchronized (lock) {
            if (closed || outbox.isEmpty()) {
                posting = false;
                return;
            }
            batch = new ArrayList<>(outbox);
            outbox.clear();
        }
        RequestBody body = RequestBody.create(Frame09.encodePayload(batch), TEXT);
        TransportSupport.LONG_POLL.newCall(request(null).post(body).build()).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                lost("xhr-polling POST failed: " + e.getMessage(), e);
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    if (!response.isSuccessful()) {
                        lost("xhr-polling POST refused: HTTP " + response.code(), null);
                        return;
                    }
                }
                flush();
            }
        });
    }

    @Override
    public void sendBinary(byte[] frame) {
        throw new UnsupportedOperationException("socket.io 0.9 has no binary frames");
    }

    private void lost(String reason, Throwable cause) {
        if (stop()) {
            executor.execute(() -> sink.onLost(this, reason, cause));
        }
    }

    /** @return whether this call closed the transport (false: it was closed already) */
    private boolean stop() {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            closed = true;
            outbox.clear();
        }
        Call call = polling;
        if (call != null) {
            call.cancel();
        }
        return true;
    }

    @Override
    public void close() {
        if (stop()) {
            TransportSupport.LONG_POLL.newCall(request("disconnect").get().build()).enqueue(new Callback() {
                @Override
                public void onFailure(Call call, IOException e) {
                    // the server lets the session expire after its close timeout instead
                }

                @Override
                public void onResponse(Call call, Response response) {
                    response.close();
                }
            });
        }
    }
}
