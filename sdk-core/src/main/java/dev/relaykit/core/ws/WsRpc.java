package dev.relaykit.core.ws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests and their answers over one connection: ids, a table of requests waiting for answers,
 * a timeout per request, answers matched by a key the module reads from them, and every waiting
 * request failed at once when the connection drops. The one such mechanism of the SDK: Binance's
 * WebSocket API, the market streams' SUBSCRIBE answers and Socket.IO acknowledgements run on it.
 *
 * <pre>{@code
 * ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
 * WsSession session = WsSession.builder("wss://ws.example.com/api").build();
 * WsRpc<String, JsonNode> rpc = WsRpc.<String, JsonNode>builder(m -> m.path("id").asText(null), timer)
 *     .session(session)                  // a lost connection fails what was sent on it
 *     .timeout(Duration.ofSeconds(10))
 *     .maxInFlight(100)
 *     .onUnmatched(m -> System.out.println("late or unknown answer: " + m))
 *     .build();
 * session.addListener(new WsListener() {
 *     public void onText(WsSession s, String text) { rpc.answer(Json.tree(text)); }
 * });
 * session.connect().join();
 * String id = Long.toString(rpc.nextId());
 * CompletableFuture<JsonNode> answer = rpc.expect(id, "time");
 * rpc.send(id, "{\"id\":\"" + id + "\",\"method\":\"time\"}");
 * JsonNode time = answer.join();
 * }</pre>
 *
 * <p><b>Outcomes.</b> A request's future completes exactly once: with its answer (whatever the
 * key extractor matched, errors included: the module reads them); with a {@link RequestTimeoutException}
 * (or the module's {@linkplain Builder#timeoutError own error}) when no answer came in time; with a
 * {@link ConnectionLostException} when the connection it was sent on dropped (or {@link #close()}):
 * the outcome is unknown and the request is <em>never resent</em>; with a {@link NotConnectedException}
 * when it could not be sent; or with whatever {@link #fail} was given.
 *
 * <p><b>Connections.</b> Built with a {@link Builder#session(WsSession) session}, the table watches it:
 * when a connection drops, the requests {@linkplain #send sent} (or {@linkplain #markSent marked sent})
 * on it, or on an earlier one, fail; requests registered and not yet sent stay (they fail when their
 * send is refused, or by their timeout), and so do requests already sent on the next connection, even
 * when the session reports the drop late. Without a session, the module owns sending and calls
 * {@link #connectionLost} (or {@link #takeAll()} under its own lock) when its connection ends; every
 * request then counts as sent.
 *
 * <p><b>Late and unknown answers</b> (the request timed out, was failed, or never existed) are counted
 * ({@link #unmatched()}) and handed to {@link Builder#onUnmatched}, never dropped silently.
 *
 * <p><b>Bound.</b> At most {@link Builder#maxInFlight(int)} requests wait at once (default 10,000);
 * {@link #expect} refuses one more with an {@link InFlightLimitException} at once, registering and
 * sending nothing. It does not wait: a caller that wants to wait for room holds its own permits (a
 * refusal is then a bug it hears about, not a stall).
 *
 * <p><b>Threads.</b> Thread-safe and lock-free: nothing is locked while a future completes, so a
 * module may complete requests from its reader or dispatcher thread and the futures' dependents may
 * call back into the module. Timeouts run on the {@link ScheduledExecutorService} given to the
 * builder; the table never shuts it down.
 *
 * @param <K> the key that pairs a request with its answer (a request id, an ack id, a channel name)
 * @param <A> an answer as the module hands it to {@link #answer}
 */
public final class WsRpc<K, A> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WsRpc.class);
    private static final String LOST = "the connection was lost";

    private final Function<? super A, ? extends K> keyOf;
    private final ScheduledExecutorService scheduler;
    private final WsSession session;
    private final Duration defaultTimeout;
    private final int maxInFlight;
    private final Consumer<? super A> onUnmatched;
    private final Function<? super Request<K>, ? extends Throwable> timeoutError;
    private final BiFunction<? super Request<K>, String, String> lostMessage;
    private final WsListener watcher;

    private final ConcurrentHashMap<K, Entry<K, A>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong unmatched = new AtomicLong();
    private volatile boolean closed;
    private long opens; // OPEN transitions seen; the session's dispatcher only

    private WsRpc(Builder<K, A> b) {
        this.keyOf = b.keyOf;
        this.scheduler = b.scheduler;
        this.session = b.session;
        this.defaultTimeout = b.timeout;
        this.maxInFlight = b.maxInFlight;
        this.onUnmatched = b.onUnmatched;
        this.timeoutError = b.timeoutError;
        this.lostMessage = b.lostMessage;
        this.watcher = session == null ? null : new WsListener() {
            @Override
            public void onStateChange(WsSession s, StateChange change) {
                watch(change);
            }
        };
        if (session != null) {
            session.addListener(watcher);
        }
    }

    /**
     * Starts a builder.
     *
     * @param keyOf reads the key from a message handed to {@link #answer}; {@code null} when the
     *     message is not an answer at all (it is then neither matched nor reported)
     * @param scheduler runs the timeouts; the table never shuts it down
     * @param <K> the key type
     * @param <A> the answer type
     * @return a builder (timeout 10 s, at most 10,000 in flight, no session)
     */
    public static <K, A> Builder<K, A> builder(Function<? super A, ? extends K> keyOf,
                                               ScheduledExecutorService scheduler) {
        return new Builder<>(keyOf, scheduler);
    }

    /** @return a new id: 1, 2, 3, ... (make the key from it: {@code Long.toString(rpc.nextId())}) */
    public long nextId() {
        return ids.incrementAndGet();
    }

    /**
     * Registers a request with the default timeout. See {@link #expect(Object, Object, Duration)}.
     *
     * @param key the key its answer will carry
     * @param what names the request in error messages (its {@code toString()}); the module may read it
     *     back from {@link Request#what()}
     * @return completes with the answer
     */
    public CompletableFuture<A> expect(K key, Object what) {
        return expect(key, what, defaultTimeout);
    }

    /**
     * Registers a request: its answer (the message whose key is {@code key}) completes the returned
     * future. The timeout starts now. Send the frame with {@link #send}, or send it another way and
     * call {@link #markSent}.
     *
     * @param key the key its answer will carry; unique among the requests waiting
     * @param what names the request in error messages
     * @param timeout how long to wait for the answer, or {@code null} for no timeout (only when
     *     something else ends the request: a {@link #takeAll()} on reconnect, a {@link #fail})
     * @return completes with the answer, or fails as the class comment says
     * @throws InFlightLimitException if {@link Builder#maxInFlight(int)} requests wait already
     * @throws IllegalArgumentException if a request with this key is waiting
     * @throws IllegalStateException if the table is closed
     */
    public CompletableFuture<A> expect(K key, Object what, Duration timeout) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(what, "what");
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive or null, was " + timeout);
        }
        if (closed) {
            throw new IllegalStateException("closed: " + what + " not registered");
        }
        for (int n = inFlight.get(); ; n = inFlight.get()) {
            if (n >= maxInFlight) {
                throw new InFlightLimitException(n + " requests are waiting for answers (the limit is "
                        + maxInFlight + "); " + what + " was not sent");
            }
            if (inFlight.compareAndSet(n, n + 1)) {
                break;
            }
        }
        Entry<K, A> e = new Entry<>(key, what, timeout, session == null ? 0 : -1);
        if (pending.putIfAbsent(key, e) != null) {
            inFlight.decrementAndGet();
            throw new IllegalArgumentException("a request with key " + key + " is already waiting");
        }
        if (timeout != null) {
            try {
                e.deadline = scheduler.schedule(() -> expire(e), timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException shutDown) {
                remove(e);
                throw new IllegalStateException("the scheduler is shut down: " + what + " not registered", shutDown);
            }
            if (e.future.isDone()) {
                e.deadline.cancel(false); // answered before the timer was set
            }
        }
        if (closed && remove(e)) {
            throw new IllegalStateException("closed: " + what + " not registered");
        }
        return e.future;
    }

    /**
     * Sends a registered request's frame on the {@linkplain Builder#session session}. If the
     * session refuses it ({@link NotConnectedException}, {@link OutgoingQueueFullException}) or the
     * connection drops before the frame reaches the socket, the request fails with that exception:
     * not sent.
     *
     * @param key the request's key
     * @param frame the frame
     * @return {@code false} if the request is no longer waiting (timed out, failed): nothing was sent
     * @throws IllegalStateException if the table has no session
     */
    public boolean send(K key, String frame) {
        if (session == null) {
            throw new IllegalStateException("this WsRpc has no session: send the frame yourself");
        }
        Entry<K, A> e = pending.get(key);
        if (e == null || !markSent(e)) {
            return false;
        }
        try {
            session.send(frame).whenComplete((v, x) -> {
                if (x != null) {
                    notSent(e, x);
                }
            });
        } catch (NotConnectedException | OutgoingQueueFullException | IllegalStateException x) {
            notSent(e, x);
        }
        return true;
    }

    /**
     * Says a registered request's frame goes out now on the session's current connection, sent
     * another way (for instance returned by a {@link WsSession#subscribe(java.util.function.Supplier,
     * java.util.function.Supplier) subscription supplier}): from now a drop of that connection fails it
     * as outcome-unknown. Without a session every request counts as sent and this only checks.
     *
     * @param key the request's key
     * @return {@code false} if the request is no longer waiting: do not send it
     */
    public boolean markSent(K key) {
        Entry<K, A> e = pending.get(key);
        return e != null && markSent(e);
    }

    private boolean markSent(Entry<K, A> e) {
        if (session != null) {
            // read before the frame is queued: a drop after this moment counts against it
            e.connection = session.stats().reconnects();
        }
        return !e.future.isDone();
    }

    /**
     * Hands over a message that may be an answer: if its key matches a waiting request, that request
     * completes with it. A message with a key that matches nothing (late, or unknown) is counted and
     * given to {@link Builder#onUnmatched}.
     *
     * @param message the message
     * @return {@code true} if it completed a request
     */
    public boolean answer(A message) {
        K key = keyOf.apply(message);
        if (key == null) {
            return false;
        }
        Entry<K, A> e = pending.remove(key);
        if (e == null) {
            unmatched.incrementAndGet();
            if (onUnmatched != null) {
                try {
                    onUnmatched.accept(message);
                } catch (RuntimeException x) {
                    LOG.warn("onUnmatched threw", x);
                }
            }
            return false;
        }
        released(e);
        e.future.complete(message);
        return true;
    }

    /**
     * Fails one waiting request.
     *
     * @param key its key
     * @param error what its future fails with
     * @return {@code false} if it was not waiting (answered, timed out, failed or taken already)
     */
    public boolean fail(K key, Throwable error) {
        Objects.requireNonNull(error, "error");
        Entry<K, A> e = pending.remove(key);
        if (e == null) {
            return false;
        }
        released(e);
        e.future.completeExceptionally(error);
        return true;
    }

    /**
     * Fails every waiting request now: those sent with a {@link ConnectionLostException} (outcome
     * unknown; message from {@link Builder#lostMessage}), those not sent yet with a
     * {@link NotConnectedException}. For a module that owns its connection (no session), when it ends.
     *
     * @param why what happened, as the start of a sentence: {@code "the connection was lost"}
     * @param cause the failure that ended the connection, or {@code null}
     * @return how many requests failed
     */
    public int connectionLost(String why, Throwable cause) {
        return takeAll().connectionLost(why, cause);
    }

    /**
     * Takes every waiting request out of the table (their timeouts cancelled) without completing
     * them, so that a module can do it under its own lock, atomically with its own state, and
     * complete them after releasing it with the returned batch. A late answer to one of them counts
     * as unmatched.
     *
     * @return the requests taken
     */
    public Taken<K> takeAll() {
        List<Entry<K, A>> taken = new ArrayList<>();
        for (Entry<K, A> e : pending.values()) {
            if (remove(e)) {
                taken.add(e);
            }
        }
        return new Taken<>(this, taken);
    }

    /** @return how many requests wait for answers now */
    public int inFlight() {
        return inFlight.get();
    }

    /** @return how many answers matched no waiting request so far (late or unknown) */
    public long unmatched() {
        return unmatched.get();
    }

    /**
     * Closes the table: no more requests; those waiting fail as by {@link #connectionLost}
     * ({@code "the client was closed"}). Neither the session nor the scheduler is closed.
     */
    @Override
    public void close() {
        closed = true;
        if (session != null) {
            session.removeListener(watcher);
        }
        connectionLost("the client was closed", null);
    }

    @Override
    public String toString() {
        return "WsRpc[" + inFlight.get() + " in flight, " + unmatched.get() + " unmatched"
                + (session == null ? "" : ", " + session.name()) + (closed ? ", closed" : "") + "]";
    }

    // ------------------------------------------------------------------ internals

    /** On the session's dispatcher, in order with every other event of the session. */
    private void watch(StateChange change) {
        if (change.to() == ConnectionState.OPEN) {
            opens++;
            return;
        }
        boolean terminal = change.to().isTerminal();
        if (change.from() != ConnectionState.OPEN && !terminal) {
            return;
        }
        // the connection that dropped is number opens - 1 (reconnects() counts from 0); a request sent
        // on a newer one, after a quick reconnect the dispatcher reports late, is not touched
        long lost = change.from() == ConnectionState.OPEN ? opens - 1 : Long.MAX_VALUE;
        List<Entry<K, A>> taken = new ArrayList<>();
        for (Entry<K, A> e : pending.values()) {
            long c = e.connection;
            if ((terminal || (c >= 0 && c <= lost)) && remove(e)) {
                taken.add(e);
            }
        }
        new Taken<>(this, taken).connectionLost(LOST, change.cause());
    }

    private void expire(Entry<K, A> e) {
        if (!pending.remove(e.key, e)) {
            return;
        }
        inFlight.decrementAndGet();
        Throwable error;
        try {
            error = timeoutError != null ? timeoutError.apply(e) : null;
        } catch (RuntimeException x) {
            LOG.warn("timeoutError threw; using the default", x);
            error = null;
        }
        e.future.completeExceptionally(error != null ? error : new RequestTimeoutException(e.sent()
                ? "no answer to " + e.what + " within " + e.timeout.toMillis() + " ms; it may or may not have taken effect"
                : e.what + " was not sent within " + e.timeout.toMillis() + " ms"));
    }

    private void notSent(Entry<K, A> e, Throwable x) {
        if (remove(e)) {
            e.future.completeExceptionally(x);
        }
    }

    /** Removes {@code e} if it is still there; exactly one caller wins. */
    private boolean remove(Entry<K, A> e) {
        if (!pending.remove(e.key, e)) {
            return false;
        }
        released(e);
        return true;
    }

    private void released(Entry<K, A> e) {
        inFlight.decrementAndGet();
        ScheduledFuture<?> d = e.deadline;
        if (d != null) {
            d.cancel(false);
        }
    }

    private String lostMessage(Request<K> r, String why) {
        if (lostMessage != null) {
            try {
                return lostMessage.apply(r, why);
            } catch (RuntimeException x) {
                LOG.warn("lostMessage threw; using the default", x);
            }
        }
        return why + " before the answer to " + r.what() + " arrived; it was not resent, and whether it took"
                + " effect is unknown";
    }

    /**
     * A waiting request, as the module's error functions and {@link Taken} see it.
     *
     * @param <K> the key type
     */
    public interface Request<K> {
        /** @return the key its answer carries */
        K key();

        /** @return what the module registered it with ({@link #expect(Object, Object, Duration)}'s {@code what}) */
        Object what();

        /** @return its timeout, or {@code null} for none */
        Duration timeout();

        /** @return whether its frame was sent (always {@code true} without a session) */
        boolean sent();
    }

    /**
     * Requests taken out of the table by {@link #takeAll()}, to be completed outside the module's lock.
     *
     * @param <K> the key type
     */
    public static final class Taken<K> {
        private final WsRpc<K, ?> rpc;
        private final List<? extends Entry<K, ?>> entries;

        private Taken(WsRpc<K, ?> rpc, List<? extends Entry<K, ?>> entries) {
            this.rpc = rpc;
            this.entries = entries;
        }

        /** @return the requests taken, in no particular order */
        public List<Request<K>> requests() {
            return List.copyOf(entries);
        }

        /**
         * Fails them as a lost connection does (see {@link WsRpc#connectionLost}).
         *
         * @param why what happened, as the start of a sentence
         * @param cause the failure, or {@code null}
         * @return how many failed
         */
        public int connectionLost(String why, Throwable cause) {
            for (Entry<K, ?> e : entries) {
                e.future.completeExceptionally(e.sent()
                        ? new ConnectionLostException(rpc.lostMessage(e, why), cause)
                        : new NotConnectedException(why + "; " + e.what + " was not sent", cause));
            }
            return entries.size();
        }

        /**
         * Fails them with the module's own error.
         *
         * @param error makes each one's error
         * @return how many failed
         */
        public int fail(Function<? super Request<K>, ? extends Throwable> error) {
            for (Entry<K, ?> e : entries) {
                e.future.completeExceptionally(error.apply(e));
            }
            return entries.size();
        }
    }

    private static final class Entry<K, A> implements Request<K> {
        final K key;
        final Object what;
        final Duration timeout;
        final CompletableFuture<A> future = new CompletableFuture<>();
        volatile ScheduledFuture<?> deadline;
        /** The session's connection it was sent on ({@code reconnects()} then); -1 not sent yet. */
        volatile long connection;

        Entry(K key, Object what, Duration timeout, long connection) {
            this.key = key;
            this.what = what;
            this.timeout = timeout;
            this.connection = connection;
        }

        @Override
        public K key() {
            return key;
        }

        @Override
        public Object what() {
            return what;
        }

        @Override
        public Duration timeout() {
            return timeout;
        }

        @Override
        public boolean sent() {
            return connection >= 0;
        }

        @Override
        public String toString() {
            return String.valueOf(what);
        }
    }

    /**
     * Configures a {@link WsRpc}.
     *
     * @param <K> the key type
     * @param <A> the answer type
     */
    public static final class Builder<K, A> {
        private final Function<? super A, ? extends K> keyOf;
        private final ScheduledExecutorService scheduler;
        private WsSession session;
        private Duration timeout = Duration.ofSeconds(10);
        private int maxInFlight = 10_000;
        private Consumer<? super A> onUnmatched;
        private Function<? super Request<K>, ? extends Throwable> timeoutError;
        private BiFunction<? super Request<K>, String, String> lostMessage;

        private Builder(Function<? super A, ? extends K> keyOf, ScheduledExecutorService scheduler) {
            this.keyOf = Objects.requireNonNull(keyOf, "keyOf");
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        }

        /**
         * @param session the session the requests go over: {@link #send} uses it, and a connection it
         *     loses fails the requests sent on it (the table adds a listener; {@link #close()} removes it)
         * @return this
         */
        public Builder<K, A> session(WsSession session) {
            this.session = Objects.requireNonNull(session, "session");
            return this;
        }

        /**
         * @param timeout the timeout of {@link #expect(Object, Object)} (default 10 s)
         * @return this
         */
        public Builder<K, A> timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * @param max how many requests may wait for answers at once (default 10,000); one more is
         *     refused with an {@link InFlightLimitException}
         * @return this
         */
        public Builder<K, A> maxInFlight(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxInFlight must be at least 1, was " + max);
            }
            this.maxInFlight = max;
            return this;
        }

        /**
         * @param listener takes every answer whose key matches no waiting request (late, or unknown);
         *     runs on the thread that called {@link #answer}
         * @return this
         */
        public Builder<K, A> onUnmatched(Consumer<? super A> listener) {
            this.onUnmatched = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * @param error makes the error a request that timed out fails with (default a
         *     {@link RequestTimeoutException}), for a module whose users expect its own wording or type
         * @return this
         */
        public Builder<K, A> timeoutError(Function<? super Request<K>, ? extends Throwable> error) {
            this.timeoutError = Objects.requireNonNull(error, "error");
            return this;
        }

        /**
         * @param message makes the message of the {@link ConnectionLostException} a sent request fails
         *     with, from the request and what happened ({@code "the connection was lost"},
         *     or what the module passed to {@link #connectionLost}); the type stays the same
         * @return this
         */
        public Builder<K, A> lostMessage(BiFunction<? super Request<K>, String, String> message) {
            this.lostMessage = Objects.requireNonNull(message, "message");
            return this;
        }

        /** @return the table */
        public WsRpc<K, A> build() {
            return new WsRpc<>(this);
        }
    }
}
