package dev.relaykit.binance.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.binance.BinanceApiException;
import dev.relaykit.core.ws.ConnectionState;
import dev.relaykit.core.ws.NotConnectedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscription requests: {@code SUBSCRIBE}/{@code UNSUBSCRIBE} operations merged into as few frames
 * as the per-connection message rate allows, the frame that subscribes everything again on each
 * (re)connect, {@code LIST_SUBSCRIPTIONS}, and Binance's answers matched to them by id. Its table of
 * requests in flight is guarded by the pool's lock; frames are sent outside it.
 */
final class SubscriptionRequests {
    private static final Logger LOG = LoggerFactory.getLogger(MarketStreams.class);
    static final String SUBSCRIBE = "SUBSCRIBE";
    static final String UNSUBSCRIBE = "UNSUBSCRIBE";
    /** Most streams one SUBSCRIBE/UNSUBSCRIBE message carries (one connection's limit). */
    private static final int FRAME_MAX_STREAMS = 1024;

    /** One stream to subscribe or unsubscribe on a connection; {@code done} completes on Binance's answer. */
    record Op(String method, String stream, CompletableFuture<Void> done) {
    }

    /** A frame sent and not yet answered. */
    private record Request(StreamConnection conn, List<Op> ops, boolean replay, CompletableFuture<List<String>> list) {
    }

    private final ConnectionPool pool;
    private final StreamRouter router;
    private final StreamTimer timer;
    private final int rate;
    private final Duration timeout;
    private final Consumer<StreamConnection> replayAnswered;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Request> inflight = new HashMap<>(); // guarded by pool.lock

    /**
     * @param rate messages per second per connection
     * @param timeout how long Binance may take to answer
     * @param replayAnswered takes a connection whose (re)connect frame Binance confirmed
     */
    SubscriptionRequests(ConnectionPool pool, StreamRouter router, StreamTimer timer, int rate, Duration timeout,
            Consumer<StreamConnection> replayAnswered) {
        this.pool = pool;
        this.router = router;
        this.timer = timer;
        this.rate = rate;
        this.timeout = timeout;
        this.replayAnswered = replayAnswered;
    }

    /** @return {@code f}, failed if Binance has not answered {@code what} in time */
    <T> CompletableFuture<T> withTimeout(CompletableFuture<T> f, String what) {
        return timer.withTimeout(f, what, timeout);
    }

    /** Lists the streams every open connection carries, by Binance's word. */
    CompletableFuture<List<String>> listSubscriptions() {
        List<CompletableFuture<List<String>>> answers = new ArrayList<>();
        for (StreamConnection c : pool.connections()) {
            long id = ids.incrementAndGet();
            CompletableFuture<List<String>> f = new CompletableFuture<>();
            synchronized (pool.lock) {
                inflight.put(id, new Request(c, List.of(), false, f));
            }
            answers.add(withTimeout(f, "LIST_SUBSCRIPTIONS"));
            try {
                c.session.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + id + "}");
            } catch (RuntimeException e) {
                synchronized (pool.lock) {
                    inflight.remove(id);
                }
                f.completeExceptionally(e);
            }
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(v -> {
            TreeSet<String> all = new TreeSet<>();
            answers.forEach(a -> all.addAll(a.join()));
            return List.copyOf(all);
        });
    }

    /**
     * The frame sent on every (re)connect: subscribes everything the connection should carry. Ops
     * waiting to be sent, and requests sent on a previous connection and never answered, are
     * answered by this frame's answer. Runs under the session's lock.
     */
    String replayFrame(StreamConnection c) {
        List<CompletableFuture<List<String>>> orphans = new ArrayList<>();
        String frame;
        synchronized (pool.lock) {
            long id = ids.incrementAndGet();
            List<Op> ops = new ArrayList<>(c.pending);
            c.pending.clear();
            ops.addAll(takeRequestsLocked(c, orphans::add));
            inflight.put(id, new Request(c, ops, true, null));
            frame = c.desired.isEmpty()
                    ? "{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + id + "}"
                    : frame(SUBSCRIBE, c.desired, id);
        }
        if (!orphans.isEmpty()) {
            timer.execute(() -> orphans.forEach(f -> f.completeExceptionally(
                    new NotConnectedException("the connection was lost before Binance answered"))));
        }
        return frame;
    }

    /**
     * Forgets the requests sent on {@code c}; the caller holds the pool's lock.
     *
     * @param lists takes the LIST_SUBSCRIPTIONS futures among them
     * @return the operations they carried
     */
    List<Op> takeRequestsLocked(StreamConnection c, Consumer<CompletableFuture<List<String>>> lists) {
        List<Op> ops = new ArrayList<>();
        for (Iterator<Request> it = inflight.values().iterator(); it.hasNext(); ) {
            Request r = it.next();
            if (r.conn == c) {
                it.remove();
                ops.addAll(r.ops);
                if (r.list != null) {
                    lists.accept(r.list);
                }
            }
        }
        return ops;
    }

    /** Forgets every request (the streams are closing); their futures are left to the timeouts. */
    void clear() {
        synchronized (pool.lock) {
            inflight.clear();
        }
    }

    /** Sends what waits on {@code c} as soon as its message rate allows. */
    void flushSoon(StreamConnection c) {
        synchronized (pool.lock) {
            if (c.flushScheduled || c.closed) {
                return;
            }
            c.flushScheduled = true;
        }
        long delay = Math.max(0, c.nextFlushNanos - System.nanoTime());
        timer.schedule(() -> flush(c), delay, TimeUnit.NANOSECONDS);
    }

    /** Sends the longest run of same-method ops waiting on {@code c} as one request. */
    private void flush(StreamConnection c) {
        synchronized (pool.lock) {
            c.flushScheduled = false;
        }
        if (c.session.state() != ConnectionState.OPEN) {
            return; // the replay frame on the next open takes what waits
        }
        List<Op> ops = new ArrayList<>();
        long id;
        String frame;
        synchronized (pool.lock) {
            if (c.pending.isEmpty() || c.closed) {
                return;
            }
            long now = System.nanoTime();
            if (c.nextFlushNanos - now > 0) {
                c.flushScheduled = true;
                timer.schedule(() -> flush(c), c.nextFlushNanos - now, TimeUnit.NANOSECONDS);
                return;
            }
            String method = c.pending.get(0).method;
            Set<String> names = new LinkedHashSet<>();
            while (!c.pending.isEmpty() && c.pending.get(0).method.equals(method)
                    && names.size() < FRAME_MAX_STREAMS) {
                Op op = c.pending.remove(0);
                ops.add(op);
                names.add(op.stream);
            }
            id = ids.incrementAndGet();
            inflight.put(id, new Request(c, ops, false, null));
            frame = frame(method, names, id);
            c.nextFlushNanos = now + 1_000_000_000L / rate;
            if (!c.pending.isEmpty()) {
                c.flushScheduled = true;
                timer.schedule(() -> flush(c), c.nextFlushNanos - now, TimeUnit.NANOSECONDS);
            }
        }
        try {
            c.session.send(frame);
        } catch (RuntimeException e) {
            synchronized (pool.lock) {
                if (inflight.remove(id) != null) {
                    c.pending.addAll(0, ops); // not taken by a replay: try again
                }
            }
            timer.schedule(() -> flushSoon(c), 250, TimeUnit.MILLISECONDS);
        }
    }

    private static String frame(String method, Collection<String> streams, long id) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("method", method);
        ArrayNode params = o.putArray("params");
        streams.forEach(params::add);
        o.put("id", id);
        return o.toString();
    }

    /** Binance's answer to one of our requests. */
    void answer(StreamConnection c, JsonNode m) {
        JsonNode idNode = m.get("id");
        Request r;
        synchronized (pool.lock) {
            r = idNode.canConvertToLong() ? inflight.remove(idNode.asLong()) : null;
        }
        if (r == null) {
            if (m.has("error")) {
                LOG.warn("{}: error answer to an unknown request: {}", c.session.name(), m);
            }
            return;
        }
        JsonNode error = m.get("error");
        if (error == null && m.has("code") && m.has("msg")) {
            error = m; // the flat form the documentation's error table shows
        }
        if (error != null && !error.isNull()) {
            BinanceApiException ex = new BinanceApiException(0, error.path("code").asInt(), error.path("msg").asText());
            List<Route> refused = new ArrayList<>();
            synchronized (pool.lock) {
                for (Op op : r.ops) {
                    if (op.method.equals(SUBSCRIBE)) {
                        c.desired.remove(op.stream);
                        Route route = router.routes.get(op.stream);
                        if (route != null && route.primary == c) {
                            router.routes.remove(op.stream);
                            refused.add(route);
                        }
                    }
                }
            }
            refused.forEach(route -> route.error(ex)); // listeners hear it before the futures complete
            r.ops.forEach(op -> op.done.completeExceptionally(ex));
            if (r.list != null) {
                r.list.completeExceptionally(ex);
            }
            return;
        }
        r.ops.forEach(op -> op.done.complete(null));
        if (r.list != null) {
            List<String> names = new ArrayList<>();
            m.path("result").forEach(n -> names.add(n.asText()));
            r.list.complete(names);
        }
        if (r.replay) {
            replayAnswered.accept(c);
        }
    }
}
