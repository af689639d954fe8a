package dev.relaykit.binance.stream;

import dev.relaykit.core.TransportException;
import dev.relaykit.core.ws.ConnectionState;
import dev.relaykit.core.ws.FrameType;
import dev.relaykit.core.ws.StateChange;
import dev.relaykit.core.ws.WsRpc;
import dev.relaykit.core.ws.WsSession;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The connection pool: opens connections as streams need them (at most {@code maxStreams} each),
 * starts them, and takes them out of service. It owns the streams' one lock, {@link #lock}: the
 * connections' guarded fields, the list of connections and the adding and removing of routes are
 * changed under it, by the pool, the {@link SubscriptionRequests} and the {@link ConnectionRotation}
 * alike, and nothing else is locked while it is held (no listener runs, no frame is sent under it).
 */
final class ConnectionPool {
    /** What the pool needs from the requests and the rotation. */
    interface Hooks {
        /** @return the frame that subscribes what {@code c} should carry, sent on every (re)connect */
        String replayFrame(StreamConnection c);

        /**
         * Forgets the requests sent on {@code c} and never answered. Called under the lock.
         *
         * @param unanswered takes them, to fail outside the lock
         * @return the SUBSCRIBE/UNSUBSCRIBE operations they carried
         */
        List<SubscriptionRequests.Op> takeRequestsLocked(StreamConnection c, Consumer<WsRpc.Taken<Long>> unanswered);

        /** A retiring connection closed: its rotation can finish. */
        void retiringClosed(StreamConnection c);
    }

    final Object lock = new Object();
    private final MarketStreams.Builder config;
    private final List<String> urls; // the stream endpoints, in failover order
    private final String name;
    private final StreamRouter router;
    private final StreamTimer timer;
    private final StreamConnection.Events events;
    private final Hooks hooks;
    // guarded by lock
    private final List<StreamConnection> conns = new ArrayList<>();
    private int connSequence;
    private volatile boolean closed;

    ConnectionPool(MarketStreams.Builder config, List<String> urls, String name, StreamRouter router, StreamTimer timer,
            Hooks hooks) {
        this.config = config;
        this.urls = List.copyOf(urls);
        this.name = name;
        this.router = router;
        this.timer = timer;
        this.hooks = hooks;
        this.events = new StreamConnection.Events() {
            @Override
            public void onText(StreamConnection c, String text) {
                router.onText(c, text);
            }

            @Override
            public void onStateChange(StreamConnection c, StateChange change) {
                ConnectionPool.this.onStateChange(c, change);
            }
        };
    }

    /** @return whether {@link #closeAll()} ran */
    boolean isClosed() {
        return closed;
    }

    /** @return the connections in service now */
    List<StreamConnection> connections() {
        synchronized (lock) {
            return new ArrayList<>(conns);
        }
    }

    /** @return the connections in service; the caller holds the lock */
    List<StreamConnection> connectionsLocked() {
        return conns;
    }

    /** The connection a new stream goes on; creates one (into {@code created}) when all are full. Caller holds the lock. */
    StreamConnection assignLocked(List<StreamConnection> created) {
        for (StreamConnection c : conns) {
            if (!c.retiring && c.desired.size() < config.maxStreams) {
                return c;
            }
        }
        StreamConnection c = newConnLocked();
        created.add(c);
        return c;
    }

    /** A new connection, in service but not started. Caller holds the lock. */
    StreamConnection newConnLocked() {
        WsSession.Builder b = WsSession.builder(urls)
                .name(name + "-c" + (++connSequence))
                .reconnect(config.policy)
                .retryInitialConnect(config.retryInitialConnect)
                .outgoingRateLimit(config.rate)
                .expect(FrameType.TEXT);
        if (config.watchdog != null) {
            b.watchdog(config.watchdog);
        }
        if (config.dispatcher != null) {
            b.dispatcher(config.dispatcher);
        }
        if (config.httpClient != null) {
            b.httpClient(config.httpClient);
        }
        WsSession session = b.build();
        StreamConnection c = new StreamConnection(session,
                SubscriptionRequests.table(session.name(), timer, config.requestTimeout), events);
        conns.add(c);
        return c;
    }

    /** Registers the replay frame and connects; never under the lock. */
    void start(StreamConnection c) {
        c.session.addListener(c);
        c.session.subscribe(() -> hooks.replayFrame(c), null);
        // a first connect that fails ends the connection (see connectFailed); later losses are retried by the
        // session and reported as gaps
        c.session.connect().exceptionally(e -> null);
    }

    private void onStateChange(StreamConnection c, StateChange change) {
        if (change.to() == ConnectionState.OPEN) {
            c.openedAtNanos = System.nanoTime();
            c.everOpened = true;
            if (change.isReconnect()) {
                router.reconnected(c);
            }
        } else if (change.from() == ConnectionState.OPEN && c.retiring) {
            hooks.retiringClosed(c);
        }
        if (change.to() == ConnectionState.FAILED && !c.everOpened) {
            connectFailed(c, change.cause());
        }
    }

    /**
     * A connection's first connect failed and nobody asked to keep trying: the streams it was to
     * carry fail their {@link StreamSubscription#ready()} with the cause, and are forgotten, so that
     * subscribing again opens a new connection. A replacement (rotation) connection is left to the
     * rotation, which keeps the old one.
     */
    private void connectFailed(StreamConnection c, Throwable cause) {
        TransportException error = new TransportException("could not connect to the Binance market streams at "
                + c.session.currentEndpoint() + ": " + (cause == null ? "failed" : cause.getMessage()), cause);
        List<SubscriptionRequests.Op> ops = new ArrayList<>();
        List<Route> dead = new ArrayList<>();
        List<WsRpc.Taken<Long>> unanswered = new ArrayList<>();
        synchronized (lock) {
            if (c.closed || c.predecessor != null) {
                return;
            }
            c.closed = true;
            conns.remove(c);
            ops.addAll(c.pending);
            c.pending.clear();
            ops.addAll(hooks.takeRequestsLocked(c, unanswered::add));
            for (Iterator<Route> it = router.routes.values().iterator(); it.hasNext(); ) {
                Route r = it.next();
                if (r.primary == c) {
                    it.remove();
                    dead.add(r);
                }
            }
        }
        unanswered.forEach(t -> t.fail(r -> error));
        ops.forEach(op -> op.done().completeExceptionally(error));
        dead.forEach(r -> r.confirmed.completeExceptionally(error));
    }

    /** Removes a connection from service; its waiting ops go to {@code drainedOps}. Caller holds the lock. */
    void retireLocked(StreamConnection c) {
        c.closed = true;
        conns.remove(c);
        c.drainedOps.addAll(c.pending);
        c.pending.clear();
        c.drainedOps.addAll(hooks.takeRequestsLocked(c, unanswered -> timer.execute(
                () -> unanswered.connectionLost("the connection closed", null))));
        if (c.successor == null && c.predecessor == null) {
            List<SubscriptionRequests.Op> ops = new ArrayList<>(c.drainedOps);
            c.drainedOps.clear();
            timer.execute(() -> ops.forEach(op -> op.done().complete(null)));
        }
    }

    /**
     * Takes every connection out of service for good; the caller closes their sessions.
     *
     * @return the connections, or {@code null} if already closed
     */
    List<StreamConnection> closeAll() {
        synchronized (lock) {
            if (closed) {
                return null;
            }
            closed = true;
            List<StreamConnection> all = new ArrayList<>(conns);
            conns.clear();
            all.forEach(c -> c.closed = true);
            return all;
        }
    }
}
