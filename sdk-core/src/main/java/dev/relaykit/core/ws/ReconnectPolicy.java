package dev.relaykit.core.ws;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how often a session reconnects after a connection it did not ask to close is lost.
 *
 * <p>Immutable; each {@code with...} method returns a copy.
 *
 * <pre>{@code
 * ReconnectPolicy.exponential(Duration.ofSeconds(1), Duration.ofSeconds(30))
 *     .withJitter(0.2)
 *     .withMaxAttempts(50);
 * ReconnectPolicy.linear(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(5))
 *     .withUnlimitedAttempts();
 * ReconnectPolicy.none();
 * }</pre>
 *
 * <p>Attempts are counted from the last <em>stable</em> connection: one that stayed open for at least
 * {@link #stableAfter()}. A server that accepts and at once drops the connection therefore sees the
 * delays grow, not a tight loop of reconnects.
 *
 * <p>Why not resilience4j here, as REST retries are: a reconnect is not a call to repeat but a step of the
 * session's state machine (it replays subscriptions, is cancelled by {@code close()}, and its count resets
 * after a stable connection), which a {@code Retry} wrapped around "open a socket" would hide. And
 * resilience4j's {@code IntervalFunction} refuses what this policy allows: a zero first delay (reconnect at
 * once) and a jitter of 1 (anything from zero to twice the delay).
 */
public final class ReconnectPolicy {
    private final boolean exponential;
    private final Duration initialDelay;
    private final Duration step;
    private final double multiplier;
    private final Duration maxDelay;
    private final double jitter;
    private final int maxAttempts; // -1 = unlimited
    private final Duration stableAfter;

    private ReconnectPolicy(boolean exponential, Duration initialDelay, Duration step, double multiplier,
                            Duration maxDelay, double jitter, int maxAttempts, Duration stableAfter) {
        this.exponential = exponential;
        this.initialDelay = initialDelay;
        this.step = step;
        this.multiplier = multiplier;
        this.maxDelay = maxDelay;
        this.jitter = jitter;
        this.maxAttempts = maxAttempts;
        this.stableAfter = stableAfter;
    }

    /**
     * Delays grow geometrically: {@code initial, initial*2, initial*4, ...} up to {@code maxDelay}.
     * Unlimited attempts, no jitter, multiplier 2, stable after 10 s until changed.
     *
     * @param initialDelay the delay before the first reconnect attempt
     * @param maxDelay the cap on any delay
     * @return the policy
     * @throws IllegalArgumentException if a delay is negative or the cap is below the initial delay
     */
    public static ReconnectPolicy exponential(Duration initialDelay, Duration maxDelay) {
        checkDelays(initialDelay, maxDelay);
        return new ReconnectPolicy(true, initialDelay, Duration.ZERO, 2.0, maxDelay, 0, -1, Duration.ofSeconds(10));
    }

    /**
     * Delays grow by a fixed step: {@code initial, initial+step, initial+2*step, ...} up to
     * {@code maxDelay}. Unlimited attempts, no jitter, stable after 10 s until changed.
     *
     * @param initialDelay the delay before the first reconnect attempt
     * @param step what each further attempt adds
     * @param maxDelay the cap on any delay
     * @return the policy
     * @throws IllegalArgumentException if a delay is negative or the cap is below the initial delay
     */
    public static ReconnectPolicy linear(Duration initialDelay, Duration step, Duration maxDelay) {
        checkDelays(initialDelay, maxDelay);
        requireNonNegative(step, "step");
        return new ReconnectPolicy(false, initialDelay, step, 1.0, maxDelay, 0, -1, Duration.ofSeconds(10));
    }

    /**
     * Never reconnect: a lost connection moves the session to {@link ConnectionState#FAILED}.
     *
     * @return the policy
     */
    public static ReconnectPolicy none() {
        return new ReconnectPolicy(false, Duration.ZERO, Duration.ZERO, 1.0, Duration.ZERO, 0, 0, Duration.ZERO);
    }

    /**
     * The default for sessions: exponential from 1 s to 30 s, 20 % jitter, unlimited attempts.
     *
     * @return the policy
     */
    public static ReconnectPolicy defaults() {
        return exponential(Duration.ofSeconds(1), Duration.ofSeconds(30)).withJitter(0.2).withUnlimitedAttempts();
    }

    /**
     * @param multiplier the factor between consecutive exponential delays, at least 1
     * @return a copy with this multiplier
     * @throws IllegalArgumentException if the multiplier is below 1 or this policy is not exponential
     */
    public ReconnectPolicy withMultiplier(double multiplier) {
        if (!exponential) {
            throw new IllegalArgumentException("multiplier applies to exponential policies only");
        }
        if (!(multiplier >= 1.0)) {
            throw new IllegalArgumentException("multiplier must be >= 1, was " + multiplier);
        }
        return new ReconnectPolicy(true, initialDelay, step, multiplier, maxDelay, jitter, maxAttempts, stableAfter);
    }

    /**
     * Randomise each delay by up to {@code ±fraction} of itself (never above the cap), so that many
     * clients dropped at once do not all come back at the same instant.
     *
     * @param fraction between 0 (none) and 1
     * @return a copy with this jitter
     * @throws IllegalArgumentException if the fraction is outside [0, 1]
     */
    public ReconnectPolicy withJitter(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, was " + fraction);
        }
        return new ReconnectPolicy(exponential, initialDelay, step, multiplier, maxDelay, fraction, maxAttempts, stableAfter);
    }

    /**
     * Give up (move to {@link ConnectionState#FAILED}) after this many consecutive failed attempts.
     *
     * @param attempts at least 1
     * @return a copy with this limit
     * @throws IllegalArgumentException if attempts is below 1 (use {@link #none()} for no reconnects,
     *     {@link #withUnlimitedAttempts()} for no limit)
     */
    public ReconnectPolicy withMaxAttempts(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + attempts
                    + " (use ReconnectPolicy.none() for no reconnects, withUnlimitedAttempts() for no limit)");
        }
        return new ReconnectPolicy(exponential, initialDelay, step, multiplier, maxDelay, jitter, attempts, stableAfter);
    }

    /**
     * Never give up.
     *
     * @return a copy with no attempt limit
     */
    public ReconnectPolicy withUnlimitedAttempts() {
        return new ReconnectPolicy(exponential, initialDelay, step, multiplier, maxDelay, jitter, -1, stableAfter);
    }

    /**
     * A connection that stays open this long resets the attempt count (and so the delay).
     *
     * @param duration zero or more
     * @return a copy with this threshold
     */
    public ReconnectPolicy withStableAfter(Duration duration) {
        requireNonNegative(duration, "stableAfter");
        return new ReconnectPolicy(exponential, initialDelay, step, multiplier, maxDelay, jitter, maxAttempts, duration);
    }

    /** @return the limit on consecutive attempts, or empty for unlimited */
    public OptionalInt maxAttempts() {
        return maxAttempts < 0 ? OptionalInt.empty() : OptionalInt.of(maxAttempts);
    }

    /** @return how long a connection must stay open to reset the attempt count */
    public Duration stableAfter() {
        return stableAfter;
    }

    /**
     * @param attempt the consecutive attempt, from 1
     * @return {@code true} if the policy allows this attempt
     */
    public boolean allows(int attempt) {
        return maxAttempts < 0 || attempt <= maxAttempts;
    }

    /**
     * The delay before an attempt, before jitter.
     *
     * @param attempt the consecutive attempt, from 1
     * @return the delay, capped
     */
    public Duration baseDelay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
        }
        double millis;
        if (exponential) {
            millis = initialDelay.toMillis() * Math.pow(multiplier, attempt - 1);
        } else {
            millis = initialDelay.toMillis() + (double) step.toMillis() * (attempt - 1);
        }
        return Duration.ofMillis((long) Math.min(millis, maxDelay.toMillis()));
    }

    /**
     * The delay before an attempt, with jitter applied, never above the cap.
     *
     * @param attempt the consecutive attempt, from 1
     * @return the delay
     */
    public Duration delay(int attempt) {
        long base = baseDelay(attempt).toMillis();
        if (jitter == 0 || base == 0) {
            return Duration.ofMillis(base);
        }
        double factor = 1 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofMillis(Math.min(Math.round(base * factor), maxDelay.toMillis()));
    }

    private static void checkDelays(Duration initial, Duration max) {
        requireNonNegative(initial, "initialDelay");
        requireNonNegative(max, "maxDelay");
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("maxDelay (" + max + ") is below initialDelay (" + initial + ")");
        }
    }

    private static void requireNonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + d);
        }
    }

    @Override
    public String toString() {
        if (maxAttempts == 0) {
            return "ReconnectPolicy[none]";
        }
        return "ReconnectPolicy[" + (exponential ? "exponential x" + multiplier : "linear +" + step)
                + ", initial " + initialDelay + ", max " + maxDelay + ", jitter " + jitter
                + ", attempts " + (maxAttempts < 0 ? "unlimited" : maxAttempts) + ", stableAfter " + stableAfter + "]";
    }
}
