package dev.relaykit.core.rest;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how often the client retries an idempotent request.
 *
 * <p>Retried: connection failures, HTTP 5xx and HTTP 429. The wait before the next attempt is the
 * server's {@code Retry-After} when it sent one (seconds or an HTTP date), otherwise an exponential
 * backoff with jitter from {@code initialBackoff} up to {@code maxBackoff}. A {@code Retry-After}
 * longer than {@code maxRetryAfter} is not waited out: the error is thrown at once. A request that is
 * not {@link RestRequest#idempotent() idempotent} is never retried.
 *
 * @param maxAttempts total attempts including the first, at least 1
 * @param initialBackoff the wait after the first failure without {@code Retry-After}
 * @param maxBackoff the longest backoff wait
 * @param maxRetryAfter the longest {@code Retry-After} the client waits out before retrying
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    /**
     * Validates the policy.
     *
     * @param maxAttempts total attempts, at least 1
     * @param initialBackoff first backoff, at least 1 ms
     * @param maxBackoff longest backoff, not shorter than the first
     * @param maxRetryAfter longest {@code Retry-After} waited out
     */
    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (initialBackoff.toMillis() < 1 || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 1 ms <= initialBackoff <= maxBackoff");
        }
    }

    /** @return 3 attempts, backoff 250 ms doubling up to 5 s, {@code Retry-After} waited up to 10 s */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    /** @return a single attempt, no retries */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO);
    }
}
