package dev.relaykit.core.limit;

import dev.relaykit.core.RateLimitedException;
import dev.relaykit.core.RelayKitException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Enforces a set of {@link RateLimit}s locally, and corrects itself with what the server reports.
 *
 * <p>A request passes only if every limit has room for it; then all limits are charged at once,
 * under one lock, so concurrent callers never overshoot a window. A request that has no room
 * either waits until its window frees ({@link Mode#WAIT}, up to {@link Builder#maxWait(Duration)})
 * or fails at once ({@link Mode#FAIL_FAST}); both failures are a {@link RateLimitedException} with
 * {@link RateLimitedException#isLocal()} {@code true}: nothing was sent.
 *
 * <p>The server's count wins when it is higher: {@link #updateFromHeaders(Function)} reads each
 * limit's {@link RateLimit#serverHeader()} (Binance's {@code X-MBX-USED-WEIGHT-1M}) and raises the
 * local count to it; traffic from other processes on the same IP or account is then accounted for.
 * After a 429 with {@code Retry-After}, {@link #holdUntil(Instant)} holds every request until
 * then; after a 418 (an IP ban), {@link #ban(Instant)} refuses every request until then.
 *
 * <p><b>The rule: a request is never sent later than its caller could expect.</b> A request goes
 * at once, or after waiting at most {@link Builder#maxWait(Duration) maxWait} (in
 * {@link Mode#WAIT} only), or not at all:
 * <ul>
 *   <li>an ordinary window budget that is spent: {@link Mode#WAIT} waits for the window to free if
 *       that fits in {@code maxWait} (counting what the request has waited already), else fails at
 *       once; {@link Mode#FAIL_FAST} fails at once;</li>
 *   <li>a server hold after a 429 ({@link #holdUntil(Instant)}): the same: {@link Mode#WAIT} waits
 *       only if the hold ends within {@code maxWait}, else fails at once;</li>
 *   <li>a server ban after a 418 ({@link #ban(Instant)}): every request fails at once, in every
 *       mode, with a {@link RateLimitedException} whose {@link RateLimitedException#retryAt()} is
 *       the end of the ban. Bans last minutes to days, so no caller ever waits one out, and a
 *       caller already waiting in {@link #acquire(int)} when a ban starts is woken and refused:
 *       nothing that was asked for during a ban goes out when it ends.</li>
 * </ul>
 * A refusal is a {@link RateLimitedException} with {@link RateLimitedException#isLocal()}
 * {@code true}: nothing was sent.
 *
 * <p>Why not resilience4j's {@code RateLimiter}: its permits refresh on its own schedule and it
 * cannot be told "the server says 1150 of 1200 are used", nor can it charge several windows
 * atomically or align windows to the epoch the way exchanges count. This class is the small piece
 * that does.
 *
 * <p>Share one limiter among every client that spends the same server budget (one per API key or
 * IP). Thread-safe.
 */
public final class RateLimiter {
    /** What a request does when its budget is spent. */
    public enum Mode {
        /** Wait until the window frees (up to the limiter's maximum wait), then go. */
        WAIT,
        /** Fail at once with a local {@link RateLimitedException}. */
        FAIL_FAST
    }

    /** How the limiter waits; replaced in tests to advance a fake clock instead of sleeping. */
    interface Waiter {
        void await(long millis, long untilClockMillis) throws InterruptedException;
    }

    private final List<RateLimit> limits;
    private final Mode mode;
    private final Clock clock;
    private final Duration maxWait;
    private final Waiter waiter;

    private final Object lock = new Object();
    private final long[] windowStart;
    private final long[] used;
    private long holdUntil;
    private long bannedUntil;

    private RateLimiter(Builder b) {
        this.limits = List.copyOf(b.limits);
        this.mode = b.mode;
        this.clock = b.clock;
        this.maxWait = b.maxWait;
        this.waiter = b.waiter;
        this.windowStart = new long[limits.size()];
        this.used = new long[limits.size()];
    }

    /** @return a builder; add at least one limit, or a limiter that only honours server holds */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the limits enforced, in the order given */
    public List<RateLimit> limits() {
        return limits;
    }

    /** @return what a request does when its budget is spent */
    public Mode mode() {
        return mode;
    }

    /** @return the longest a request waits in {@link Mode#WAIT} before failing */
    public Duration maxWait() {
        return maxWait;
    }

    /** @return the clock windows are counted by */
    public Clock clock() {
        return clock;
    }

    private record Outcome(long waitMillis, long now, String blockedBy, boolean banned) {
        Outcome(long waitMillis, long now, String blockedBy) {
            this(waitMillis, now, blockedBy, false);
        }
    }

    /**
     * Takes room for one request if every limit has it, without waiting.
     *
     * @param weight the request's weight (what it costs against {@link RateLimit.Kind#WEIGHT} limits)
     * @return {@link Duration#ZERO} if the request was charged and may go; otherwise how long until
     *     it could (nothing was charged; during a {@linkplain #ban(Instant) ban}, the time left)
     * @throws IllegalArgumentException if the weight is negative or larger than a whole window allows
     */
    public Duration tryAcquire(int weight) {
        return Duration.ofMillis(attempt(weight).waitMillis);
    }

    /**
     * Takes room for one request: waits for it in {@link Mode#WAIT} (never longer than the maximum
     * wait), or fails in {@link Mode#FAIL_FAST}. During a {@linkplain #ban(Instant) ban} it fails at
     * once in every mode, and a wait in progress when a ban starts ends at once with a refusal.
     *
     * @param weight the request's weight
     * @return the limiter clock's time, in epoch milliseconds, at which the request was charged
     * @throws RateLimitedException (local) if the budget is spent and the mode is
     *     {@link Mode#FAIL_FAST}, or the wait would exceed the maximum wait, or a ban is in force
     * @throws RelayKitException if the thread is interrupted while waiting (the flag is kept)
     */
    public long acquire(int weight) {
        long waited = 0;
        while (true) {
            Outcome o = step(weight, waited);
            if (o.waitMillis == 0) {
                return o.now;
            }
            try {
                if (waiter != null) {
                    waiter.await(o.waitMillis, o.now + o.waitMillis);
                } else {
                    sleep(o.waitMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RelayKitException("interrupted while waiting for rate limit " + o.blockedBy, e);
            }
            waited += o.waitMillis;
        }
    }

    /** Sleeps on the lock's monitor, so that {@link #ban(Instant)} can wake the sleeper at once. */
    private void sleep(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (lock) {
            while (bannedUntil <= clock.millis()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                lock.wait(left);
            }
        }
    }

    /**
     * One step of {@link #acquire(int)} that never blocks, for callers that wait on their own timer:
     * takes room for one request if every limit has it; otherwise says how long to wait before
     * asking again, or refuses exactly as {@link #acquire(int)} would.
     *
     * <pre class="java-members">{@code
     * void sendWhenThereIsRoom(RateLimiter limiter, ScheduledExecutorService timer, int weight, long waited,
     *                          Runnable send) {
     *     long wait = limiter.reserve(weight, waited);
     *     if (wait == 0) {
     *         send.run();
     *     } else {
     *         timer.schedule(() -> sendWhenThereIsRoom(limiter, timer, weight, waited + wait, send),
     *                 wait, TimeUnit.MILLISECONDS);
     *     }
     * }
     * }</pre>
     *
     * @param weight the request's weight
     * @param waitedMillis how long this request has already waited for room (the sum of the waits
     *     earlier calls for it returned); it counts against the {@linkplain #maxWait() maximum wait}
     * @return 0 if the request was charged and may go; otherwise how many milliseconds to wait
     *     before asking again (nothing was charged)
     * @throws RateLimitedException (local, naming the limit) if there is no room and the mode is
     *     {@link Mode#FAIL_FAST}, or the wait would take the request's total wait past the maximum,
     *     or a {@linkplain #ban(Instant) ban} is in force (in every mode)
     * @throws IllegalArgumentException if the weight is negative or larger than a whole window allows
     */
    public long reserve(int weight, long waitedMillis) {
        return step(weight, waitedMillis).waitMillis;
    }

    /** Attempts once; refuses if the request must not wait what the attempt says (mode, maximum wait). */
    private Outcome step(int weight, long waited) {
        Outcome o = attempt(weight);
        if (o.banned) {
            throw banRefusal(o.now + o.waitMillis, o.waitMillis);
        }
        if (o.waitMillis > 0 && (mode == Mode.FAIL_FAST || waited + o.waitMillis > maxWait.toMillis())) {
            throw refusal(o.blockedBy, o.now + o.waitMillis);
        }
        return o;
    }

    /**
     * Refuses at once, in every mode, if a {@linkplain #ban(Instant) ban} is in force; charges
     * nothing. For a caller about to send after waiting on another budget: a ban that started
     * meanwhile stops the request.
     *
     * @throws RateLimitedException (local, HTTP status 418) if a ban is in force
     */
    public void checkNotBanned() {
        long now;
        long until;
        synchronized (lock) {
            now = clock.millis();
            until = bannedUntil;
        }
        if (now < until) {
            throw banRefusal(until, until - now);
        }
    }

    private static RateLimitedException banRefusal(long untilMillis, long leftMillis) {
        return new RateLimitedException("the server banned this IP (HTTP 418) for " + Duration.ofMillis(leftMillis)
                + " more; nothing was sent", Instant.ofEpochMilli(untilMillis), 418, true);
    }

    private static RateLimitedException refusal(String blockedBy, long retryAtMillis) {
        return new RateLimitedException("local rate limit " + blockedBy + " reached",
                Instant.ofEpochMilli(retryAtMillis), 0, true);
    }

    private Outcome attempt(int weight) {
        if (weight < 0) {
            throw new IllegalArgumentException("weight must not be negative: " + weight);
        }
        synchronized (lock) {
            long now = clock.millis();
            if (now < bannedUntil) {
                return new Outcome(bannedUntil - now, now, "(server ban)", true);
            }
            if (now < holdUntil) {
                return new Outcome(holdUntil - now, now, "(server asked to hold)");
            }
            long wait = 0;
            String blockedBy = null;
            for (int i = 0; i < limits.size(); i++) {
                RateLimit l = limits.get(i);
                long cost = l.cost(weight);
                if (cost > l.limit()) {
                    throw new IllegalArgumentException("weight " + weight + " exceeds the whole limit " + l.name());
                }
                roll(i, now);
                if (used[i] + cost > l.limit()) {
                    long w = windowStart[i] + l.window().toMillis() - now;
                    if (w > wait) {
                        wait = w;
                        blockedBy = l.name();
                    }
                }
            }
            if (wait > 0) {
                return new Outcome(wait, now, blockedBy);
            }
            for (int i = 0; i < limits.size(); i++) {
                used[i] += limits.get(i).cost(weight);
            }
            return new Outcome(0, now, null);
        }
    }

    private void roll(int i, long now) {
        long w = limits.get(i).window().toMillis();
        long start = Math.floorDiv(now, w) * w;
        if (start != windowStart[i]) {
            windowStart[i] = start;
            used[i] = 0;
        }
    }

    /**
     * Raises a limit's count in the current window to what the server reports, if that is higher.
     *
     * @param limit one of this limiter's limits
     * @param serverUsed the server's count for the current window
     * @throws IllegalArgumentException if the limit is not one of this limiter's
     */
    public void observeServerUsage(RateLimit limit, long serverUsed) {
        int i = limits.indexOf(limit);
        if (i < 0) {
            throw new IllegalArgumentException("not a limit of this limiter: " + limit.name());
        }
        synchronized (lock) {
            roll(i, clock.millis());
            used[i] = Math.max(used[i], serverUsed);
        }
    }

    /**
     * Reads every limit's {@link RateLimit#serverHeader()} from a response and applies
     * {@link #observeServerUsage(RateLimit, long)}. Missing or unreadable headers are skipped.
     *
     * @param headers looks a header up by name, returning {@code null} when absent
     */
    public void updateFromHeaders(Function<String, String> headers) {
        for (RateLimit l : limits) {
            if (l.serverHeader() == null) {
                continue;
            }
            String v = headers.apply(l.serverHeader());
            if (v == null) {
                continue;
            }
            try {
                observeServerUsage(l, Long.parseLong(v.trim()));
            } catch (NumberFormatException ignored) {
                // a header we cannot read says nothing
            }
        }
    }

    /**
     * Holds every request until a time (after a 429 with {@code Retry-After}): in
     * {@link Mode#WAIT} a request waits for the hold to end if that fits in its maximum wait, else
     * it fails at once; in {@link Mode#FAIL_FAST} it fails at once. A later hold extends an earlier
     * one; an earlier one never shortens it.
     *
     * @param until when requests may go again
     */
    public void holdUntil(Instant until) {
        synchronized (lock) {
            holdUntil = Math.max(holdUntil, until.toEpochMilli());
        }
    }

    /**
     * Refuses every request until a time (after a 418: the server banned the IP), in every mode,
     * with a local {@link RateLimitedException} whose {@link RateLimitedException#retryAt()} is
     * {@code until}; callers waiting in {@link #acquire(int)} are woken and refused. A later ban
     * extends an earlier one; an earlier one never shortens it.
     *
     * @param until when the ban ends
     */
    public void ban(Instant until) {
        synchronized (lock) {
            bannedUntil = Math.max(bannedUntil, until.toEpochMilli());
            lock.notifyAll();
        }
    }

    /** @return when the current ban ends, or {@code null} when no ban is in force */
    public Instant bannedUntil() {
        synchronized (lock) {
            return clock.millis() < bannedUntil ? Instant.ofEpochMilli(bannedUntil) : null;
        }
    }

    /**
     * @param limit one of this limiter's limits
     * @return the count charged against it in the current window
     */
    public long used(RateLimit limit) {
        int i = limits.indexOf(limit);
        if (i < 0) {
            throw new IllegalArgumentException("not a limit of this limiter: " + limit.name());
        }
        synchronized (lock) {
            roll(i, clock.millis());
            return used[i];
        }
    }

    @Override
    public String toString() {
        return "RateLimiter[mode=" + mode + ", limits=" + limits.stream().map(RateLimit::name).toList() + "]";
    }

    /** Builds a {@link RateLimiter}. */
    public static final class Builder {
        private final List<RateLimit> limits = new ArrayList<>();
        private Mode mode = Mode.WAIT;
        private Clock clock = Clock.systemUTC();
        private Duration maxWait = Duration.ofMinutes(1);
        private Waiter waiter; // null: sleep on the limiter's monitor, woken by a ban

        private Builder() {
        }

        /**
         * @param limit a limit to enforce
         * @return this builder
         */
        public Builder limit(RateLimit limit) {
            limits.add(Objects.requireNonNull(limit, "limit"));
            return this;
        }

        /**
         * @param mode what a request does when its budget is spent; default {@link Mode#WAIT}
         * @return this builder
         */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * @param clock the clock windows are counted by; a {@code ServerClock} aligns them to the
         *     server's windows. Default: the system UTC clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param maxWait the longest a request waits in {@link Mode#WAIT}: a request that would have
         *     to wait longer fails at once instead (it is never sent later than this); default 1 minute
         * @return this builder
         */
        public Builder maxWait(Duration maxWait) {
            this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
            return this;
        }

        Builder waiter(Waiter waiter) {
            this.waiter = waiter;
            return this;
        }

        /** @return the limiter */
        public RateLimiter build() {
            return new RateLimiter(this);
        }
    }
}
