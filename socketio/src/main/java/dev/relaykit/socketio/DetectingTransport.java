package dev.relaykit.socketio;

import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The first step of a {@link Generation#AUTO} client's first connection: asks the server which generation it speaks
 * (blocking HTTP, on a thread of its own), then hands the answer to the client, which opens the real transport. A
 * failed probe is reported as the loss of this transport, with the I/O failure as the cause.
 */
final class DetectingTransport implements Transport {
    private final Supplier<Generation> probe;
    private final Executor executor;
    private final Sink sink;
    private final BiConsumer<Transport, Generation> found;
    private volatile boolean closed;

    DetectingTransport(Supplier<Generation> probe, Executor executor, Sink sink, BiConsumer<Transport, Generation> found) {
        this.probe = probe;
        this.executor = executor;
        this.sink = sink;
        this.found = found;
    }

    @Override
    public void start() {
        Thread t = new Thread(this::run, "relaykit-socketio-detect");
        t.setDaemon(true);
        t.start();
    }

    private void run() {
        try {
            Generation g = probe.get();
            if (!closed) {
                executor.execute(() -> found.accept(this, g));
            }
        } catch (RuntimeException e) {
            // detection wraps the I/O failure: report that (a ConnectException for a refused port), as transports do
            Throwable cause = e instanceof dev.relaykit.core.TransportException && e.getCause() != null ? e.getCause() : e;
            if (!closed) {
                executor.execute(() -> sink.onLost(this, "generation detection failed: " + e.getMessage(), cause));
            }
        }
    }

    @Override
    public void sendText(String frame) {
        throw new dev.relaykit.core.ws.NotConnectedException("socket.io client is still finding the server's generation");
    }

    @Override
    public void sendBinary(byte[] frame) {
        sendText(null);
    }

    @Override
    public void close() {
        closed = true;
    }
}
