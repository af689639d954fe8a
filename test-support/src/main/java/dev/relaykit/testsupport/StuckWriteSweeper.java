package dev.relaykit.testsupport;

import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the frames Java-WebSocket's server leaves queued with no one to write them.
 *
 * <p>Why: in Java-WebSocket (1.5.7, and its master as of late 2026) a frame sent from any thread but the
 * selector's is queued on the connection, then write interest is set ({@code onWriteDemand}). The selector thread's
 * write step ({@code WebSocketServer.doWrite}) writes what is queued and then sets the interest back to read-only,
 * with no lock between the two threads. When the sender queues its frame after the selector's last look at the queue
 * and sets write interest before the selector resets it, the frame stays queued and unwritten until the server sends
 * something else on that connection. The selector runs that step far more often than it writes anything: a key it
 * once found writable stays in its selected set with stale readiness, so every later wake-up (a request read on the
 * connection, above all) runs the write step again. A request/answer exchange then loses an answer now and then,
 * under CPU load mostly (the selector thread pre-empted between the two steps): the cause of a rare CI flake, a Binance
 * WebSocket API request with no answer within 10 s although the fake had answered it.
 *
 * <p>Java-WebSocket offers no hook inside that step, so this sweeps instead: every {@value #PERIOD_MILLIS} ms it looks
 * for a connection with frames queued and no write interest, and asks for the write again. Asking when nothing is
 * stuck (a sender caught between its two steps) costs one more wake-up of the selector, nothing else.
 */
final class StuckWriteSweeper {
    private static final Logger LOG = LoggerFactory.getLogger(ScriptedWsServer.class);
    /** How long a stuck frame may wait at most (plus the sweeping thread's own delay). */
    static final long PERIOD_MILLIS = 10;

    private final WebSocketServer server;
    private final ScheduledFuture<?> task;
    private final AtomicInteger unstuck = new AtomicInteger();

    /**
     * Starts sweeping.
     *
     * @param server the server whose connections to watch
     * @param on the thread that sweeps (the scripted server's own delayer)
     */
    StuckWriteSweeper(WebSocketServer server, ScheduledExecutorService on) {
        this.server = server;
        this.task = on.scheduleWithFixedDelay(this::sweep, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** @return how many times a connection was found with frames queued and no write interest */
    int unstuck() {
        return unstuck.get();
    }

    /** Stops sweeping; before the server stops (its selector must not be woken once closed). */
    void stop() {
        task.cancel(false);
    }

    private void sweep() {
        for (WebSocket conn : server.getConnections()) {
            if (!(conn instanceof WebSocketImpl ws) || !ws.hasBufferedData()) {
                continue;
            }
            SelectionKey key = ws.getSelectionKey();
            try {
                if (key == null || !key.isValid() || (key.interestOps() & SelectionKey.OP_WRITE) != 0) {
                    continue;
                }
            } catch (CancelledKeyException closedMeanwhile) {
                continue;
            }
            int n = unstuck.incrementAndGet();
            Object client = ws.getAttachment(); // the scripted server's Client, once open
            LOG.info("scripted WebSocket server: {} frame(s) queued for {} with no write interest (Java-WebSocket's "
                    + "selector race); writing them now ({} so far)", ws.outQueue.size(),
                    client != null ? client : "a connection", n);
            server.onWriteDemand(ws);
        }
    }
}
