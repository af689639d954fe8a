package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.ApiException;
import dev.relaykit.core.RelayKitException;
import dev.relaykit.core.internal.SharedTimer;
import dev.relaykit.core.internal.TimerScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives updates with {@code getUpdates} (core.telegram.org/bots/api#getupdates), one call open at
 * a time, and hands them to an {@link UpdateListener} in order.
 *
 * <pre>{@code
 * LongPolling polling = bot.longPolling(update -> System.out.println(update))
 *         .timeout(Duration.ofSeconds(30))
 *         .allowedUpdates(List.of("message", "callback_query"))
 *         .start();
 * polling.stopped().join(); // until close(), or an error that stops it (409 Conflict, 401)
 * }</pre>
 *
 * <p><b>Offsets.</b> An update counts as handled when the listener returns (or throws) for it; only
 * then is the offset (its {@code update_id} + 1) saved to the {@link OffsetStore} and sent with the
 * next {@code getUpdates}, which tells Telegram to forget it. So a failed poll, a crash or a
 * {@link #close()} in the middle of a batch never loses an update, and an update handled once is
 * never delivered again (with a persisted store, across restarts too). An update whose id is below
 * the offset, should a server send one again, is skipped.
 *
 * <p><b>Timeouts.</b> The poll's {@code timeout} (seconds the server holds the call open) is sent
 * to Telegram, and the HTTP read timeout of the call is that plus {@code readMargin} (default 10 s),
 * so a quiet poll ends with an empty answer, never with a {@code SocketTimeoutException}.
 *
 * <p><b>Failures.</b> A connection failure, a 5xx or an unreadable answer is retried with
 * exponential backoff ({@code backoff}, default 1 s doubling to 30 s). The first failure of a run
 * logs one warning; the rest log at debug only, and the first success after them logs one info line
 * saying how many polls failed and for how long. A 429 waits its {@code retry_after}. A 409 Conflict
 * (another poller, or a webhook is set) and any other Bot API error (401: wrong token) stop polling:
 * it is logged once and {@link #stopped()} completes with that {@link TelegramApiException}.
 *
 * <p><b>Threads.</b> None of its own: the call runs on OkHttp's dispatcher, the listener on the
 * thread that received the answer, backoff on the SDK's shared timer. {@link #close()} cancels the
 * open call and returns at once, once an update the listener is handling has been confirmed.
 */
public final class LongPolling implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LongPolling.class);

    private final PollSource source;
    private final UpdateListener listener;
    private final OffsetStore store;
    private final Duration timeout;
    private final int limit;
    private final List<String> allowedUpdates;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Set<AutoCloseable> registry;
    private final TimerScope timer = SharedTimer.scope(null, SharedTimer.workers(), r -> { });
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private volatile boolean closed;
    /** Held while an update is handed to the listener and confirmed. */
    private final ReentrantLock delivering = new ReentrantLock();
    /** The longest {@link #close()} waits for the update the listener is handling. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);
    private long offset; // touched by one poll step at a time: each step starts the next
    private int failures;
    private long failingSinceNanos;
    private Duration nextBackoff;

    private LongPolling(Builder b, long start) {
        this.source = b.sources.apply(b.timeout.plus(b.readMargin));
        this.listener = b.listener;
        this.store = b.store;
        this.timeout = b.timeout;
        this.limit = b.limit;
        this.allowedUpdates = b.allowedUpdates;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.registry = b.registry;
        this.offset = start;
        this.nextBackoff = initialBackoff;
    }

    /**
     * @return completes normally after {@link #close()}, or exceptionally with the error that stopped
     *     polling ({@link TelegramConflictException} for 409, {@link TelegramApiException} otherwise)
     */
    public CompletableFuture<Void> stopped() {
        return stopped;
    }

    /** @return the next offset: the last handled {@code update_id} + 1, or the start offset */
    public synchronized long offset() {
        return offset;
    }

    private void poll() {
        if (closed) {
            return;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        long from;
        synchronized (this) {
            from = offset;
        }
        if (from != 0) {
            params.put("offset", from);
        }
        params.put("limit", limit);
        params.put("timeout", timeout.toSeconds());
        if (allowedUpdates != null) {
            params.put("allowed_updates", allowedUpdates);
        }
        CompletableFuture<JsonNode> call;
        try {
            call = source.getUpdates(params);
        } catch (RuntimeException e) {
            answered(null, e);
            return;
        }
        call.whenComplete(this::answered);
    }

    private void answered(JsonNode result, Throwable error) {
        if (closed) {
            return; // a cancelled call's failure after close(): nothing to report
        }
        if (error != null) {
            failed(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            return;
        }
        if (failures > 0) {
            log.info("telegram long polling recovered after {} failed polls in {} s", failures,
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - failingSinceNanos));
            failures = 0;
        }
        nextBackoff = initialBackoff;
        List<Update> updates = new ArrayList<>();
        if (result != null && result.isArray()) {
            for (JsonNode u : result) {
                try {
                    updates.add(Update.of(u));
                } catch (IllegalArgumentException malformed) {
                    log.warn("telegram long polling: skipped an update without a numeric update_id");
                }
            }
        }
        for (Update u : updates) {
            delivering.lock(); // close() waits for this update's listener call and offset save
            try {
                if (closed) {
                    return; // not confirmed: Telegram delivers the rest again to the next poller
                }
                deliver(u);
            } finally {
                delivering.unlock();
            }
        }
        poll();
    }

    /** Hands one update to the listener, then confirms it: the offset moves past it and is saved. */
    private void deliver(Update u) {
        synchronized (this) {
            if (u.updateId() < offset) {
                return; // already handled: never twice
            }
        }
        try {
            listener.onUpdate(u);
        } catch (Exception | LinkageError e) {
            log.error("telegram update listener failed on update {} ({}); going on with the next", u.updateId(),
                    u.kind(), e);
        }
        long next = u.updateId() + 1;
        synchronized (this) {
            offset = next;
        }
        try {
            store.save(next);
        } catch (Exception e) {
            log.warn("telegram long polling: the offset store could not save offset {}: {}", next, e.toString());
        }
    }

    private void failed(Throwable error) {
        if (error instanceof TelegramRateLimitedException limited) {
            schedule(Duration.ofSeconds(Math.max(1, limited.retryAfterSeconds())));
            return;
        }
        boolean stops = error instanceof TelegramConflictException
                || (error instanceof ApiException api && api.httpStatus() < 500 && api.httpStatus() != 0)
                || !(error instanceof RelayKitException);
        if (stops) {
            log.error("telegram long polling stopped: {}", error.getMessage());
            stop(error);
            return;
        }
        failures++;
        if (failures == 1) {
            failingSinceNanos = System.nanoTime();
            log.warn("telegram long polling failed ({}); retrying with backoff up to {} s, quietly until it recovers",
                    error.getMessage(), maxBackoff.toSeconds());
        } else {
            log.debug("telegram long polling failed again ({} in a row): {}", failures, error.getMessage());
        }
        Duration wait = nextBackoff;
        nextBackoff = nextBackoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : nextBackoff.multipliedBy(2);
        schedule(wait);
    }

    private void schedule(Duration wait) {
        try {
            timer.schedule(this::poll, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException closedMeanwhile) {
            // close() shut the timer down: polling is over
        }
    }

    private void stop(Throwable error) {
        closed = true;
        registry.remove(this);
        timer.shutdownNow();
        source.close();
        if (error == null) {
            stopped.complete(null);
        } else {
            stopped.completeExceptionally(error);
        }
    }

    /**
     * Stops polling: cancels the open {@code getUpdates} and any backoff wait, without waiting for the
     * server. An update the listener is handling now is finished first: close() returns once the
     * listener returned for it and its offset was saved (waiting at most 30 s; called from the
     * listener itself it does not wait), so a poller started next with the same {@link OffsetStore}
     * neither repeats it nor skips one. The updates after it in the same batch are not delivered (and
     * not confirmed). Idempotent.
     */
    @Override
    public void close() {
        if (!closed) {
            stop(null);
        }
        if (delivering.isHeldByCurrentThread()) {
            return; // called by the listener: its update is confirmed when it returns
        }
        // an update being handled now is finished, and its offset saved, before close() returns: a poller
        // started right after (with the same store) neither repeats it nor skips past it
        try {
            if (delivering.tryLock(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                delivering.unlock();
            } else {
                log.warn("telegram long polling: the update listener is still running {} s after close(); the offset"
                        + " of its update is saved when it returns", CLOSE_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Configures and starts a {@link LongPolling}; from {@link TelegramBot#longPolling(UpdateListener)}. */
    public static final class Builder {
        private final Function<Duration, PollSource> sources;
        private final Set<AutoCloseable> registry;
        private final UpdateListener listener;
        private OffsetStore store = OffsetStore.inMemory(0);
        private Duration timeout = Duration.ofSeconds(30);
        private Duration readMargin = Duration.ofSeconds(10);
        private int limit = 100;
        private List<String> allowedUpdates;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(30);

        Builder(Function<Duration, PollSource> sources, Set<AutoCloseable> registry, UpdateListener listener) {
            this.sources = sources;
            this.registry = registry;
            this.listener = Objects.requireNonNull(listener, "listener");
        }

        /**
         * @param timeout how long Telegram holds a poll open when there is nothing new (whole
         *     seconds, 0 for short polling); default 30 s
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("timeout must not be negative");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * @param margin how much longer than the poll timeout the HTTP read timeout is; default 10 s
         * @return this builder
         */
        public Builder readMargin(Duration margin) {
            if (margin.isNegative() || margin.isZero()) {
                throw new IllegalArgumentException("the read margin must be positive");
            }
            this.readMargin = margin;
            return this;
        }

        /**
         * @param limit updates per poll, 1-100; default 100
         * @return this builder
         */
        public Builder limit(int limit) {
            if (limit < 1 || limit > 100) {
                throw new IllegalArgumentException("limit must be 1-100: " + limit);
            }
            this.limit = limit;
            return this;
        }

        /**
         * @param kinds the update kinds to receive ({@code "message"}, {@code "callback_query"}, ...);
         *     an empty list means Telegram's default (all but a few); not calling this keeps the
         *     previous setting on Telegram's side
         * @return this builder
         */
        public Builder allowedUpdates(List<String> kinds) {
            this.allowedUpdates = List.copyOf(kinds);
            return this;
        }

        /**
         * @param store where the offset is loaded from at start and saved after each update
         * @return this builder
         */
        public Builder offsetStore(OffsetStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * @param initial the wait after the first failed poll
         * @param max the longest wait, reached by doubling
         * @return this builder
         */
        public Builder backoff(Duration initial, Duration max) {
            if (initial.toMillis() < 1 || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("need 1 ms <= initial <= max");
            }
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /**
         * Loads the offset and sends the first {@code getUpdates}.
         *
         * @return the running polling
         * @throws RelayKitException if the offset store cannot be read
         */
        public LongPolling start() {
            long start;
            try {
                start = store.load();
            } catch (Exception e) {
                throw new RelayKitException("telegram long polling: the offset store could not be read: " + e, e);
            }
            LongPolling p = new LongPolling(this, start);
            registry.add(p);
            p.poll();
            return p;
        }
    }
}
