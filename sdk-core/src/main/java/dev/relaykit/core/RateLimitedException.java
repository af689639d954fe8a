package dev.relaykit.core;

import java.time.Duration;
import java.time.Instant;

/**
 * A request was not sent, or was refused, because a rate limit is in force.
 *
 * <p>Either a local budget would have been exceeded ({@link #isLocal()} is {@code true}: nothing was
 * sent) or the service answered "too many requests" (HTTP 429, Binance's 418 ban, a Graph API
 * throughput error). {@link #retryAt()} says when trying again can succeed.
 */
public class RateLimitedException extends RelayKitException {
    private static final long serialVersionUID = 1L;

    private final Instant retryAt;
    private final int httpStatus;
    private final boolean local;

    /**
     * @param message what limit was hit
     * @param retryAt when a retry can succeed
     * @param httpStatus the service's HTTP status, or 0 for a local budget (418 for a local refusal
     *     during a server ban)
     * @param local {@code true} when a local budget refused the request before sending
     */
    public RateLimitedException(String message, Instant retryAt, int httpStatus, boolean local) {
        super(message + " (retry after " + retryAt + ")");
        this.retryAt = retryAt;
        this.httpStatus = httpStatus;
        this.local = local;
    }

    /** @return when a retry can succeed */
    public Instant retryAt() {
        return retryAt;
    }

    /** @return how long from now until {@link #retryAt()}, never negative */
    public Duration retryAfter() {
        Duration d = Duration.between(Instant.now(), retryAt);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /**
     * @return the HTTP status the service answered with; for a local refusal, 0 (a spent budget) or
     *     418 (the server's IP ban is still in force: {@link #retryAt()} is its end)
     */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return {@code true} when a local budget refused the request and nothing was sent */
    public boolean isLocal() {
        return local;
    }
}
