package dev.relaykit.binance.stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.ws.StateChange;
import dev.relaykit.core.ws.WsListener;
import dev.relaykit.core.ws.WsRpc;
import dev.relaykit.core.ws.WsSession;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One WebSocket connection of the streams and what it should carry. It has no lock of its own: the
 * fields marked so are guarded by the {@link ConnectionPool}'s lock; its session's events go to the
 * {@link Events} it was made with.
 */
final class StreamConnection implements WsListener {
    /** Where a connection's events go. */
    interface Events {
        void onText(StreamConnection c, String text);

        void onStateChange(StreamConnection c, StateChange change);
    }

    final WsSession session;
    /** SUBSCRIBE/UNSUBSCRIBE/LIST_SUBSCRIPTIONS requests sent on this connection and not answered yet. */
    final WsRpc<Long, JsonNode> requests;
    private final Events events;
    // guarded by the pool's lock
    /** The streams this connection should carry (subscribed again on every reconnect). */
    final Set<String> desired = new LinkedHashSet<>();
    /** SUBSCRIBE/UNSUBSCRIBE operations waiting to be sent. */
    final List<SubscriptionRequests.Op> pending = new ArrayList<>();
    /** Operations of a connection taken out of service, answered once its replacement (or nobody) carries them. */
    final List<SubscriptionRequests.Op> drainedOps = new ArrayList<>();
    boolean flushScheduled;
    boolean retiring;
    boolean closed;
    boolean ready;
    StreamConnection successor;
    StreamConnection predecessor;
    long nextRotationAttemptNanos;
    // end guarded
    volatile long nextFlushNanos;
    volatile long openedAtNanos;
    volatile boolean everOpened;
    /** Routes of a retiring connection not yet switched to its successor. */
    final AtomicInteger unswitched = new AtomicInteger();

    StreamConnection(WsSession session, WsRpc<Long, JsonNode> requests, Events events) {
        this.session = session;
        this.requests = requests;
        this.events = events;
        long now = System.nanoTime();
        this.nextFlushNanos = now;
        this.nextRotationAttemptNanos = now;
    }

    @Override
    public void onText(WsSession s, String text) {
        events.onText(this, text);
    }

    @Override
    public void onStateChange(WsSession s, StateChange change) {
        events.onStateChange(this, change);
    }

    @Override
    public String toString() {
        return session.name();
    }
}
