package dev.relaykit.socketio;

import dev.relaykit.core.ws.ConnectionState;
import dev.relaykit.core.ws.ReconnectPolicy;
import dev.relaykit.core.ws.StateChange;
import dev.relaykit.core.ws.WsListener;
import dev.relaykit.core.ws.WsSession;
import java.util.Map;
import java.util.concurrent.Executor;

/** A WebSocket transport: one {@link WsSession} without its own reconnection (the client reconnects). */
final class WsTransport implements Transport {
    private final WsSession session;
    private final Sink sink;
    private volatile boolean closed;

    WsTransport(String url, Map<String, String> query, Map<String, String> headers, Executor executor,
                java.util.concurrent.ScheduledExecutorService timer, Sink sink) {
        this.sink = sink;
        WsSession.Builder b = WsSession.builder(url).name("socketio").reconnect(ReconnectPolicy.none())
                .dispatcher(executor).scheduler(timer) // the client's timer: no thread of the session's own
                .listener(new WsListener() {
                    @Override
                    public void onText(WsSession s, String text) {
                        sink.onText(WsTransport.this, text);
                    }

                    @Override
                    public void onBinary(WsSession s, byte[] bytes) {
                        sink.onBinary(WsTransport.this, bytes);
                    }

                    @Override
                    public void onStateChange(WsSession s, StateChange change) {
                        if (change.to() == ConnectionState.FAILED && !closed) {
                            closed = true;
                            sink.onLost(WsTransport.this, "transport close", change.cause());
                            s.close();
                        }
                    }
                });
        query.forEach(b::queryParam);
        headers.forEach(b::header);
        this.session = b.build();
    }

    @Override
    public void start() {
        connect();
    }

    /**
     * Starts connecting, like {@link #start()}.
     *
     * @return completes when the WebSocket is open; fails when it closes or cannot connect first
     */
    java.util.concurrent.CompletableFuture<Void> connect() {
        return session.connect();
    }

    @Override
    public void sendText(String frame) {
        session.send(frame);
    }

    @Override
    public void sendBinary(byte[] frame) {
        session.send(frame);
    }

    @Override
    public void close() {
        closed = true;
        session.close();
    }
}
