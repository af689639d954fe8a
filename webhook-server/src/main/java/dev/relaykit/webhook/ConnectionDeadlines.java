package dev.relaykit.webhook;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole-request deadline: a connection must deliver each complete request (headers and body)
 * within {@code deadlineNanos} of being opened or of its previous response, or it is closed.
 *
 * <p>Jetty's idle timeout only fires when no byte arrives for that long, so a client that drips one
 * byte per second holds a connection forever; and Jetty calls a handler only once the headers are
 * in, so no handler-side timer can see a client stalled mid-headers. Hence this listener, which
 * sees every connection from the moment it opens. One sweep every {@code sweepNanos} looks at
 * each connection's clock: no timer is armed or cancelled per request (the hot path only writes
 * a volatile).
 */
final class ConnectionDeadlines implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionDeadlines.class);
    /** {@link Watch#waitingSince} while the server, not the client, has the next move. */
    private static final long SERVING = Long.MIN_VALUE;

    /** Keyed by the end point the HTTP connection reads from (for TLS, the decrypted end point). */
    private final Map<EndPoint, Watch> watches = new ConcurrentHashMap<>();
    private final long deadlineNanos;
    private final long sweepNanos;
    private volatile Scheduler scheduler;

    ConnectionDeadlines(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
        this.sweepNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(20), Math.min(deadlineNanos / 10,
                TimeUnit.MILLISECONDS.toNanos(250)));
    }

    /** One connection's clock: since when the server has been waiting for a complete request. */
    static final class Watch {
        final EndPoint network;
        volatile long waitingSince;

        Watch(EndPoint network, long now) {
            this.network = network;
            this.waitingSince = now;
        }
    }

    void start(Scheduler scheduler) {
        this.scheduler = scheduler;
        scheduler.schedule(this::sweep, sweepNanos, TimeUnit.NANOSECONDS);
    }

    void stop() {
        this.scheduler = null;
    }

    @Override
    public void onOpened(Connection connection) {
        long now = System.nanoTime();
        if (connection instanceof SslConnection ssl) {
            // the TLS handshake counts against the deadline too; the HTTP connection on top reads from the
            // decrypted end point, which is what a request names
            watches.put(ssl.getSslEndPoint(), new Watch(connection.getEndPoint(), now));
        } else {
            watches.putIfAbsent(connection.getEndPoint(), new Watch(connection.getEndPoint(), now));
        }
    }

    @Override
    public void onClosed(Connection connection) {
        watches.remove(connection instanceof SslConnection ssl ? ssl.getSslEndPoint() : connection.getEndPoint());
    }

    /** @return the watch of the connection reading from this end point, or {@code null} */
    Watch watch(EndPoint endPoint) {
        return watches.get(endPoint);
    }

    /** The request's body is in: what remains is the server's work. */
    static void requestArrived(Watch w) {
        if (w != null) {
            w.waitingSince = SERVING;
        }
    }

    /** The response is written: the clock runs again for the next request on this connection. */
    static void responseSent(Watch w) {
        if (w != null) {
            w.waitingSince = System.nanoTime();
        }
    }

    /**
     * On stop: closes every connection on which no request is being answered (idle keep-alive
     * connections, and requests whose body has not all arrived: the sender delivers those again).
     */
    void closeWaiting() {
        for (Watch w : watches.values()) {
            if (w.waitingSince != SERVING) {
                w.network.close(new TimeoutException("the webhook server is stopping"));
            }
        }
    }

    int open() {
        return watches.size();
    }

    private void sweep() {
        Scheduler s = scheduler;
        if (s == null) {
            return;
        }
        try {
            long now = System.nanoTime();
            for (Watch w : watches.values()) {
                long since = w.waitingSince;
                if (since != SERVING && now - since > deadlineNanos) {
                    LOG.debug("webhook server: closing {}: no complete request within {} ms", w.network.getRemoteSocketAddress(),
                            TimeUnit.NANOSECONDS.toMillis(deadlineNanos));
                    // a TimeoutException, like Jetty's own idle timeout: the request in progress fails quietly
                    w.network.close(new TimeoutException("no complete request within "
                            + TimeUnit.NANOSECONDS.toMillis(deadlineNanos) + " ms"));
                }
            }
        } finally {
            try {
                s.schedule(this::sweep, sweepNanos, TimeUnit.NANOSECONDS);
            } catch (RuntimeException e) {
                // the scheduler stopped with the server: nothing left to sweep
            }
        }
    }
}
