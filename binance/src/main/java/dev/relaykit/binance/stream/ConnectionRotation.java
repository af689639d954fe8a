package dev.relaykit.binance.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 24-hour rotation: Binance ends a connection at 24 hours (or announces {@code serverShutdown}),
 * so before that a successor is opened and subscribed to the same streams, both run side by side
 * until every {@link Route} has switched (or the overlap is over), and the old one is closed. A
 * successor not ready in time is dropped and the old connection kept, to try again later. The
 * connections' rotation fields are guarded by the pool's lock; no lock of its own.
 */
final class ConnectionRotation {
    private static final Logger LOG = LoggerFactory.getLogger(MarketStreams.class);

    private final ConnectionPool pool;
    private final StreamRouter router;
    private final SubscriptionRequests requests;
    private final StreamTimer timer;
    private final String name;
    private final Duration maxAge;
    private final Duration overlap;

    ConnectionRotation(ConnectionPool pool, StreamRouter router, SubscriptionRequests requests, StreamTimer timer,
            String name, Duration maxAge, Duration overlap) {
        this.pool = pool;
        this.router = router;
        this.requests = requests;
        this.timer = timer;
        this.name = name;
        this.maxAge = maxAge;
        this.overlap = overlap;
        long tick = Math.max(20, Math.min(1000, maxAge.toMillis() / 20));
        timer.every(tick, this::rotateDue);
    }

    /** Periodic: replaces connections older than the maximum age. */
    void rotateDue() {
        List<StreamConnection> due = new ArrayList<>();
        long now = System.nanoTime();
        synchronized (pool.lock) {
            for (StreamConnection c : pool.connectionsLocked()) {
                if (!c.retiring && c.everOpened && now - c.openedAtNanos >= maxAge.toNanos()
                        && now - c.nextRotationAttemptNanos >= 0) {
                    due.add(c);
                }
            }
        }
        due.forEach(this::rotate);
    }

    /** Opens a successor for {@code old}, subscribed to the same streams; both run until it has taken over. */
    void rotate(StreamConnection old) {
        StreamConnection next;
        List<Route> moving = new ArrayList<>();
        synchronized (pool.lock) {
            if (pool.isClosed() || old.retiring || old.closed) {
                return;
            }
            old.retiring = true;
            next = pool.newConnLocked();
            next.predecessor = old;
            old.successor = next;
            next.desired.addAll(old.desired);
            next.pending.addAll(old.pending); // answered by the successor's replay frame
            old.pending.clear();
            for (Route r : router.routes.values()) {
                if (r.primary == old) {
                    moving.add(r);
                }
            }
            old.unswitched.set(moving.size());
        }
        for (Route r : moving) {
            r.beginHandover(old, next);
        }
        LOG.debug("{}: replacing connection {} ({} streams)", name, old.session.name(), moving.size());
        pool.start(next);
        timer.schedule(() -> abandonIfNotReady(old, next), Math.max(10_000, overlap.toMillis() * 4),
                TimeUnit.MILLISECONDS);
    }

    /** The successor's subscription is confirmed: the old connection goes after the overlap at most. */
    void successorReady(StreamConnection c) {
        StreamConnection old;
        synchronized (pool.lock) {
            old = c.predecessor;
            if (old == null || c.ready) {
                return;
            }
            c.ready = true;
        }
        if (old.unswitched.get() <= 0) {
            timer.schedule(() -> finishRotation(old), 0, TimeUnit.MILLISECONDS);
        } else {
            timer.schedule(() -> finishRotation(old), overlap.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A route switched to the successor; when all have, the old connection can go. */
    void switched(StreamConnection old) {
        StreamConnection next = old.successor;
        if (old.unswitched.decrementAndGet() <= 0 && next != null && next.ready) {
            timer.schedule(() -> finishRotation(old), 0, TimeUnit.MILLISECONDS);
        }
    }

    /** Moves every remaining route of {@code old} to its successor and closes {@code old}. */
    void finishRotation(StreamConnection old) {
        StreamConnection next;
        List<Route> moving = new ArrayList<>();
        List<SubscriptionRequests.Op> leftover = new ArrayList<>();
        synchronized (pool.lock) {
            next = old.successor;
            if (old.closed || next == null) {
                return;
            }
            for (Route r : router.routes.values()) {
                if (r.successor == next) {
                    moving.add(r);
                }
            }
            pool.retireLocked(old);
            leftover.addAll(old.drainedOps);
            old.drainedOps.clear();
            next.predecessor = null;
        }
        boolean covered = next.ready;
        for (Route r : moving) {
            r.completeHandover(next, covered);
        }
        leftover.forEach(op -> op.done().complete(null)); // the successor carries these streams now
        old.session.close();
        LOG.debug("{}: connection {} replaced by {}", name, old.session.name(), next.session.name());
    }

    /** The successor did not get ready in time: drop it, keep the old one, try again later. */
    private void abandonIfNotReady(StreamConnection old, StreamConnection next) {
        List<Route> moving = new ArrayList<>();
        synchronized (pool.lock) {
            if (next.ready || next.closed || old.closed) {
                return;
            }
            for (Route r : router.routes.values()) {
                if (r.successor == next) {
                    moving.add(r);
                }
            }
            pool.retireLocked(next);
            old.pending.addAll(next.drainedOps);
            next.drainedOps.clear();
            old.retiring = false;
            old.successor = null;
            old.nextRotationAttemptNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        }
        moving.forEach(r -> r.abandonHandover(next));
        next.session.close();
        requests.flushSoon(old);
        LOG.warn("{}: replacement for connection {} was not ready in time; keeping it and retrying later",
                name, old.session.name());
    }
}
