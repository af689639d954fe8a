package dev.relaykit.binance.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.binance.BinanceApiException;
import dev.relaykit.core.ws.ConnectionState;
import dev.relaykit.core.ws.WsRpc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscription requests: {@code SUBSCRIBE}/{@code UNSUBSCRIBE} operations merged into as few frames
 * as the per-connection message rate allows, the frame that subscribes everything again on each
 * (re)connect, {@code LIST_SUBSCRIPTIONS}, and Binance's answers matched to them by id, in each
 * connection's {@link WsRpc} table. Requests are registered under the pool's lock (so that a replay
 * takes them atomically with the connection's state); frames are sent outside it. A lost connection
 * does not fail them: subscribing is idempotent, so the (re)connect frame takes their operations over.
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

    /** A frame sent and not yet answered: the operations its answer confirms; {@code what} names it in errors. */
    private record Request(String what, List<Op> ops, boolean replay) {
        @Override
        public String toString() {
            return what;
        }
    }

    private final ConnectionPool pool;
    private final StreamRouter router;
    private final StreamTimer timer;
    private final int rate;
    private final Duration timeout;
    private final Consumer<StreamConnection> replayAnswered;

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

    /**
     * A connection's request table: answers matched by their numeric id; SUBSCRIBE/UNSUBSCRIBE requests
     * wait without a timeout (a replay or the connection's retirement takes them over; what the user
     * waits for has its own, {@link #withTimeout}), LIST_SUBSCRIPTIONS for {@code timeout}.
     */
    static WsRpc<Long, JsonNode> table(String connection, StreamTimer timer, Duration timeout) {
        return WsRpc.<Long, JsonNode>builder(SubscriptionRequests::answerId, timer.scheduler())
                .timeout(timeout)
                .timeoutError(r -> new TimeoutException("no answer from Binance to " + r.what() + " within "
                        + timeout.toMillis() + " ms"))
                .lostMessage((r, why) -> why + " before Binance answered " + r.what())
                .onUnmatched(m -> {
                    if (m.has("error")) {
                        LOG.warn("{}: error answer to an unknown request: {}", connection, m);
                    }
                })
                .build();
    }

    private static Long answerId(JsonNode m) {
        JsonNode id = m.get("id");
        return id != null && id.canConvertToLong() ? id.asLong() : -1L; // -1 is never asked: reported as unknown
    }

    /** Registers an operations request on {@code c}; the caller holds the pool's lock. */
    private void registerLocked(StreamConnection c, long id, Request r) {
        // a failure (taken by a replay or a retirement, or not sent) leaves the ops to whoever took them
        c.requests.expect(id, r, null).thenAccept(m -> answered(c, r, m));
    }

    /** @return {@code f}, failed if Binance has not answered {@code what} in time */
    <T> CompletableFuture<T> withTimeout(CompletableFuture<T> f, String what) {
        return timer.withTimeout(f, what, timeout);
    }

    /**
     * @return {@code f}, failed if Binance has not answered in time, with an error that says how each of
     *     {@code on}'s connections stood then (not yet open: the request was never sent)
     */
    <T> CompletableFuture<T> withTimeout(CompletableFuture<T> f, String what, Collection<StreamConnection> on) {
        List<StreamConnection> conns = List.copyOf(on);
        return timer.withTimeout(f, () -> {
            StringBuilder b = new StringBuilder(what);
            for (StreamConnection c : conns) {
                b.append(b.length() == what.length() ? " (" : ", ").append(c.session.name()).append(' ')
                        .append(c.session.state());
            }
            return conns.isEmpty() ? what : b.append(')').toString();
        }, timeout);
    }

    /** Lists the streams every open connection carries, by Binance's word. */
    CompletableFuture<List<String>> listSubscriptions() {
        List<CompletableFuture<List<String>>> answers = new ArrayList<>();
        for (StreamConnection c : pool.connections()) {
            long id = c.requests.nextId();
            CompletableFuture<JsonNode> f;
            try {
                f = c.requests.expect(id, new Request("LIST_SUBSCRIPTIONS", List.of(), false));
            } catch (RuntimeException e) {
                answers.add(CompletableFuture.failedFuture(e));
                continue;
            }
            answers.add(f.thenApply(SubscriptionRequests::streamNames));
            try {
                c.session.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + id + "}");
            } catch (RuntimeException e) {
                c.requests.fail(id, e);
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
        List<WsRpc.Taken<Long>> orphans = new ArrayList<>();
        String frame;
        synchronized (pool.lock) {
            long id = c.requests.nextId();
            List<Op> ops = new ArrayList<>(c.pending);
            c.pending.clear();
            ops.addAll(takeRequestsLocked(c, orphans::add));
            frame = c.desired.isEmpty()
                    ? "{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + id + "}"
                    : frame(SUBSCRIBE, c.desired, id);
            try {
                registerLocked(c, id, new Request(c.desired.isEmpty() ? "LIST_SUBSCRIPTIONS" : "SUBSCRIBE "
                        + c.desired.size() + " streams", ops, true));
            } catch (RuntimeException e) {
                c.pending.addAll(ops); // the table is full (or closing): the ops wait for the next flush
            }
        }
        // the LIST_SUBSCRIPTIONS asked on the lost connection fail; the ops moved to this frame
        timer.execute(() -> orphans.forEach(t -> t.connectionLost("the connection was lost", null)));
        return frame;
    }

    /**
     * Forgets the requests sent on {@code c}; the caller holds the pool's lock.
     *
     * @param unanswered takes them, to be failed outside the lock (only LIST_SUBSCRIPTIONS callers hear it)
     * @return the operations they carried
     */
    List<Op> takeRequestsLocked(StreamConnection c, Consumer<WsRpc.Taken<Long>> unanswered) {
        WsRpc.Taken<Long> taken = c.requests.takeAll();
        List<Op> ops = new ArrayList<>();
        for (WsRpc.Request<Long> r : taken.requests()) {
            ops.addAll(((Request) r.what()).ops);
        }
        unanswered.accept(taken);
        return ops;
    }

    /**
     * Forgets every request of the closing streams' connections: LIST_SUBSCRIPTIONS fail now; the
     * operations' futures are left to their timeouts.
     */
    void clear(List<StreamConnection> connections) {
        for (StreamConnection c : connections) {
            c.requests.close();
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
            id = c.requests.nextId();
            try {
                registerLocked(c, id, new Request(method + " " + names, ops, false));
            } catch (RuntimeException e) { // the table is full (or closing): try again later
                c.pending.addAll(0, ops);
                c.flushScheduled = true;
                timer.schedule(() -> flush(c), 250, TimeUnit.MILLISECONDS);
                return;
            }
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
                // failing it runs no code of a user: the request's only dependent ignores failures
                if (c.requests.fail(id, e)) {
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

    /** A message with an id on {@code c}: Binance's answer to one of our requests (or a late or unknown one). */
    void answer(StreamConnection c, JsonNode m) {
        c.requests.answer(m);
    }

    /** @return Binance's error in an answer, or {@code null} */
    private static BinanceApiException errorOf(JsonNode m) {
        JsonNode error = m.get("error");
        if (error == null && m.has("code") && m.has("msg")) {
            error = m; // the flat form the documentation's error table shows
        }
        return error == null || error.isNull() ? null
                : new BinanceApiException(0, error.path("code").asInt(), error.path("msg").asText());
    }

    /** The stream names in a LIST_SUBSCRIPTIONS answer; Binance's error as an exception. */
    private static List<String> streamNames(JsonNode m) {
        BinanceApiException ex = errorOf(m);
        if (ex != null) {
            throw ex;
        }
        List<String> names = new ArrayList<>();
        m.path("result").forEach(n -> names.add(n.asText()));
        return names;
    }

    /** Binance answered an operations request: confirm (or refuse) its operations. */
    private void answered(StreamConnection c, Request r, JsonNode m) {
        BinanceApiException ex = errorOf(m);
        if (ex != null) {
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
            return;
        }
        r.ops.forEach(op -> op.done.complete(null));
        if (r.replay) {
            replayAnswered.accept(c);
        }
    }
}
