package dev.relaykit.core.limit;

import java.time.Duration;
import java.util.Objects;

/**
 * One limit: at most {@code limit} requests (or units of weight) per {@code window}.
 *
 * <p>Windows are aligned to the epoch, as exchanges count them: a one-minute window runs from
 * {@code :00.000} to {@code :59.999}, a one-day window from midnight UTC.
 *
 * @param name a name for messages ({@code "REQUEST_WEIGHT/1m"})
 * @param kind whether each request counts 1 or its weight
 * @param limit how many requests or weight units a window allows, at least 1
 * @param window the window's length, at least 1 ms
 * @param serverHeader the response header in which the server reports its own count for this
 *     window (Binance's {@code X-MBX-USED-WEIGHT-1M}), or {@code null}
 */
public record RateLimit(String name, Kind kind, long limit, Duration window, String serverHeader) {

    /** What a limit counts. */
    public enum Kind {
        /** Every request counts 1. */
        REQUESTS,
        /** Every request counts its weight. */
        WEIGHT
    }

    /**
     * Validates the limit.
     *
     * @param name a name for messages
     * @param kind what is counted
     * @param limit the allowance per window
     * @param window the window length
     * @param serverHeader the header with the server's count, or {@code null}
     */
    public RateLimit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(window, "window");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("window must be at least 1 ms: " + window);
        }
    }

    /**
     * At most {@code limit} requests per window.
     *
     * @param limit the allowance
     * @param window the window length
     * @return the limit
     */
    public static RateLimit requests(long limit, Duration window) {
        return new RateLimit("requests/" + window, Kind.REQUESTS, limit, window, null);
    }

    /**
     * At most {@code limit} units of request weight per window.
     *
     * @param limit the allowance
     * @param window the window length
     * @return the limit
     */
    public static RateLimit weight(long limit, Duration window) {
        return new RateLimit("weight/" + window, Kind.WEIGHT, limit, window, null);
    }

    /**
     * @param header the response header carrying the server's count for this window
     * @return a copy that the limiter updates from that header
     */
    public RateLimit withServerHeader(String header) {
        return new RateLimit(name, kind, limit, window, header);
    }

    /**
     * @param newName the name used in messages
     * @return a renamed copy
     */
    public RateLimit named(String newName) {
        return new RateLimit(newName, kind, limit, window, serverHeader);
    }

    /**
     * @param weight the request's weight
     * @return what one request of this weight costs against this limit
     */
    public long cost(int weight) {
        return kind == Kind.REQUESTS ? 1 : weight;
    }
}
