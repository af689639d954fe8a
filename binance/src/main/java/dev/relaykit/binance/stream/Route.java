package dev.relaykit.binance.stream;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.DecodeException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routing, for one stream: its subscribers and where its events come from. During a connection
 * switch it has a successor whose events are held back until they provably continue the
 * primary's, so a listener sees neither a gap nor a duplicate. One lock: its own monitor, taken on
 * the connections' dispatchers (and a subscription's monitor inside it, around a listener call).
 *
 * <p>An event is dropped only when it is provably a copy of one delivered: for a stream with a
 * per-event sequence ({@link MarketStream#sequenced}) one at or below the last delivered; for any
 * other one equal to an event delivered since the handover began ({@link #window}, cleared when the
 * new connection delivers its first new event). Both connections carry a stream's events in the
 * same order, so once the new one sends a new event, no copy follows.
 */
final class Route {
    private static final Logger LOG = LoggerFactory.getLogger(MarketStreams.class);

    /** An event already decoded into the route's type. */
    record Typed(Object value) {
    }

    private final Consumer<StreamConnection> switched;
    final String name;
    final MarketStream<?> stream;
    final List<Sink<?>> sinks = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> confirmed = new CompletableFuture<>();
    volatile StreamConnection primary;
    volatile StreamConnection successor;
    /** Events can be decoded once, single-pass, for every sink ({@link #add} and {@link #remove} update it). */
    volatile boolean fast;
    /** Copies are told by {@link MarketStream#order} (else by content, through {@link #window}). */
    private final boolean sequenced;
    // guarded by this
    private long lastOrder = Long.MIN_VALUE;
    private boolean catchingUp; // after a switch: the new primary may still send what the old one delivered
    private final ArrayDeque<Object[]> held = new ArrayDeque<>(); // {Long order, payload}
    /** Content streams: what was delivered since the handover began; empty outside a handover. */
    private final Delivered window = new Delivered(MAX_HELD);
    private static final int MAX_HELD = 100_000;

    Route(MarketStream<?> stream, StreamConnection primary, Consumer<StreamConnection> switched) {
        this.switched = switched;
        this.name = stream.name();
        this.stream = stream;
        this.primary = primary;
        this.fast = stream.hasFastDecoder();
        this.sequenced = stream.sequenced();
    }

    /** Adds a subscriber; one wanting another type than the route's turns {@link #fast} off first. */
    void add(Sink<?> sink) {
        if (!sink.stream.type().equals(stream.type())) {
            fast = false;
        }
        sinks.add(sink);
    }

    /** Removes a subscription's subscribers; {@link #fast} may come back on. */
    void remove(StreamSubscription sub) {
        sinks.removeIf(s -> s.sub == sub);
        fast = stream.hasFastDecoder() && sinks.stream().allMatch(s -> s.stream.type().equals(stream.type()));
    }

    void onEvent(StreamConnection from, JsonNode data) {
        onEvent(from, data, stream.order(data));
    }

    /** @param data the event's JSON tree, or a {@link Typed} event */
    synchronized void onEvent(StreamConnection from, Object data, long order) {
        if (from == primary) {
            if (catchingUp) {
                if (isCopy(data, order)) {
                    return; // delivered already, by the connection this one replaced
                }
                catchingUp = false; // a new event: no copy follows
                if (successor == null) {
                    window.clear(); // the handover is over
                }
            }
            deliver(data, order);
            if (successor != null && !held.isEmpty() && isCopy(held.peekFirst()[1], (long) held.peekFirst()[0])) {
                switchOver(); // the primary caught up with what the successor holds
            }
        } else if (from == successor) {
            if (isCopy(data, order)) {
                switchOver(); // a copy of an event already delivered: the successor carries on from here
            } else {
                held.addLast(new Object[] {order, data});
                if (held.size() > MAX_HELD) {
                    switchOver();
                }
            }
        }
    }

    /** Whether an event is provably a copy of one delivered (see the class comment). */
    private boolean isCopy(Object data, long order) {
        if (sequenced) {
            // an event without a sequence number is never taken for a copy
            return order != Long.MIN_VALUE && lastOrder != Long.MIN_VALUE && order <= lastOrder;
        }
        return window.contains(contentKey(data));
    }

    /**
     * What a content stream's event is compared by: its value. A route with a single-pass decoder
     * carries typed events, or JSON trees while a subscriber wants another type ({@link #fast} off);
     * a tree is compared as its typed value then, so a switch of {@link #fast} during a handover
     * does not let a copy through. Only runs during a handover.
     */
    private Object contentKey(Object data) {
        if (data instanceof Typed typed) {
            return typed.value();
        }
        if (stream.hasFastDecoder()) {
            try {
                return stream.decodeData((JsonNode) data);
            } catch (DecodeException e) {
                return data; // undecodable: every sink reports it; its tree still tells a copy
            }
        }
        return data;
    }

    private void deliver(Object data, long order) {
        Object[] cache = new Object[2];
        for (Sink<?> s : sinks) {
            s.deliver(name, data, cache);
        }
        if (sequenced) {
            if (order != Long.MIN_VALUE) {
                lastOrder = order;
            }
        } else if (successor != null) {
            window.add(contentKey(data)); // the successor may deliver it again
        }
    }

    /** Delivers what the successor holds beyond what was delivered, and makes it the primary. */
    private void switchOver() {
        StreamConnection old = primary;
        for (Object[] h : held) {
            long order = (long) h[0];
            if (!isCopy(h[1], order)) {
                deliver(h[1], order);
            }
        }
        held.clear();
        primary = successor;
        successor = null;
        catchingUp = true;
        switched.accept(old);
    }

    synchronized void beginHandover(StreamConnection old, StreamConnection next) {
        if (primary == old) {
            successor = next;
        }
    }

    synchronized void completeHandover(StreamConnection next, boolean covered) {
        if (successor != next) {
            return;
        }
        StreamConnection old = primary;
        switchOver();
        if (!covered) {
            gap(new StreamGap(name, Instant.now(), "the old connection " + old
                    + " ended before its replacement was subscribed; events in between may be missing"));
        }
    }

    synchronized void abandonHandover(StreamConnection next) {
        if (successor == next) {
            successor = null;
            held.clear();
            if (!catchingUp) {
                window.clear();
            }
        }
    }

    void gap(StreamGap gap) {
        for (Sink<?> s : sinks) {
            s.gap(gap);
        }
    }

    void error(Throwable e) {
        for (Sink<?> s : sinks) {
            s.fail(name, e);
        }
    }

    /**
     * The events of a content stream delivered during a handover, as a multiset (a payload's JSON tree
     * or typed record; both compare by value), bounded: past {@code max} the oldest are forgotten.
     */
    static final class Delivered {
        private final int max;
        private final ArrayDeque<Object> order = new ArrayDeque<>();
        private final HashMap<Object, Integer> counts = new HashMap<>();

        Delivered(int max) {
            this.max = max;
        }

        void add(Object event) {
            order.addLast(event);
            counts.merge(event, 1, Integer::sum);
            if (order.size() > max) {
                counts.computeIfPresent(order.removeFirst(), (k, n) -> n == 1 ? null : n - 1);
            }
        }

        boolean contains(Object event) {
            return !counts.isEmpty() && counts.containsKey(event);
        }

        void clear() {
            if (!order.isEmpty()) {
                order.clear();
                counts.clear();
            }
        }
    }

    /** A subscriber of a route: a subscription's listener and the type it wants. */
    static final class Sink<T> {
        final StreamSubscription sub;
        final MarketStream<T> stream;
        final StreamListener<? super T> listener;

        Sink(StreamSubscription sub, MarketStream<T> stream, StreamListener<? super T> listener) {
            this.sub = sub;
            this.stream = stream;
            this.listener = listener;
        }

        void deliver(String name, Object payload, Object[] cache) {
            if (!sub.isActive()) {
                return;
            }
            JavaType type = stream.type();
            T value;
            try {
                if (payload instanceof Typed typed) {
                    @SuppressWarnings("unchecked")
                    T decoded = (T) typed.value(); // Route.fast: every sink of the route wants this type
                    value = decoded;
                } else if (cache[0] == type) {
                    @SuppressWarnings("unchecked")
                    T cached = (T) cache[1];
                    value = cached;
                } else {
                    value = stream.decodeData((JsonNode) payload);
                    cache[0] = type;
                    cache[1] = value;
                }
            } catch (DecodeException e) {
                fail(name, e);
                return;
            }
            synchronized (sub) {
                try {
                    listener.onEvent(name, value);
                } catch (RuntimeException e) {
                    fail(name, e);
                }
            }
        }

        void fail(String name, Throwable error) {
            synchronized (sub) {
                try {
                    listener.onError(name, error);
                } catch (RuntimeException e) {
                    LOG.warn("listener of {} threw from onError", name, e);
                }
            }
        }

        void gap(StreamGap gap) {
            synchronized (sub) {
                try {
                    listener.onGap(gap);
                } catch (RuntimeException e) {
                    fail(gap.stream(), e);
                }
            }
        }
    }
}
