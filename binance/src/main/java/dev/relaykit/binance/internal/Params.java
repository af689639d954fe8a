package dev.relaykit.binance.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * Not API: the request-parameter checks and parameter-dependent weights the REST clients
 * ({@code dev.relaykit.binance}) and the WebSocket API client ({@code dev.relaykit.binance.wsapi})
 * share. It may change in any release; do not call it from outside RelayKit.
 *
 * <p>Every check throws {@link IllegalArgumentException} naming the parameter, before anything is sent.
 */
public final class Params {
    private Params() {
    }

    /**
     * @param limit levels per side of {@code GET /api/v3/depth} or the WebSocket API's {@code depth}
     * @return its weight: 5 up to 100 levels, 25 up to 500, 50 up to 1000, 250 above
     */
    public static int depthWeight(int limit) {
        return limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250;
    }

    /**
     * @param symbol a symbol
     * @return the symbol
     * @throws IllegalArgumentException ("symbol is required") if it is {@code null} or blank
     */
    public static String symbol(String symbol) {
        return nonBlank("symbol", symbol);
    }

    /**
     * @param name the parameter's name
     * @param value its value
     * @return the value
     * @throws IllegalArgumentException ("name is required") if it is {@code null} or blank
     */
    public static String nonBlank(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    /**
     * @param name the parameter's name
     * @param value its value
     * @return the value
     * @throws IllegalArgumentException if it is {@code null}, zero or negative
     */
    public static BigDecimal positive(String name, BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value.toPlainString());
        }
        return value;
    }

    /**
     * @param name the parameter's name
     * @param value its value, or {@code null}
     * @return the value
     * @throws IllegalArgumentException if it is zero or negative
     */
    public static BigDecimal positiveOrNull(String name, BigDecimal value) {
        return value == null ? null : positive(name, value);
    }

    /**
     * @param limit a {@code limit} parameter, or {@code null}
     * @param max the largest allowed
     * @return the limit
     * @throws IllegalArgumentException if it is outside 1..max
     */
    public static Integer limit(Integer limit, int max) {
        return between("limit", limit, 1, max);
    }

    /**
     * @param name the parameter's name
     * @param value its value, or {@code null}
     * @param min the smallest allowed
     * @param max the largest allowed
     * @return the value
     * @throws IllegalArgumentException ("name must be between min and max, was value") if it is outside min..max
     */
    public static Integer between(String name, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /**
     * @param t a time, or {@code null}
     * @return its epoch milliseconds (Binance's time parameters), or {@code null}
     */
    public static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    /**
     * @param start startTime, or {@code null}
     * @param end endTime, or {@code null}
     * @throws IllegalArgumentException if both are given and end is before start
     */
    public static void range(Instant start, Instant end) {
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("endTime " + end + " is before startTime " + start);
        }
    }

    /**
     * Checks the order of a time range and that it spans at most {@code max}.
     *
     * @param start startTime, or {@code null}
     * @param end endTime, or {@code null}
     * @param max the longest span allowed
     * @param maxText the span in words for the message, e.g. {@code "30 days"}
     * @throws IllegalArgumentException if end is before start or the span is longer than max
     */
    public static void window(Instant start, Instant end, Duration max, String maxText) {
        range(start, end);
        if (start != null && end != null && Duration.between(start, end).compareTo(max) > 0) {
            throw new IllegalArgumentException("startTime to endTime spans more than " + maxText + ": " + start + " to " + end);
        }
    }

    /**
     * @param a the first parameter's name
     * @param va its value, or {@code null}
     * @param b the second parameter's name
     * @param vb its value, or {@code null}
     * @throws IllegalArgumentException unless exactly one of the two is given
     */
    public static void exactlyOne(String a, Object va, String b, Object vb) {
        if ((va == null) == (vb == null)) {
            throw new IllegalArgumentException("exactly one of " + a + " or " + b + " is required");
        }
    }

    /**
     * @param a the first parameter's name
     * @param va its value, or {@code null}
     * @param b the second parameter's name
     * @param vb its value, or {@code null}
     * @throws IllegalArgumentException if neither is given
     */
    public static void atLeastOne(String a, Object va, String b, Object vb) {
        if (va == null && vb == null) {
            throw new IllegalArgumentException(a + " or " + b + " is required");
        }
    }
}
