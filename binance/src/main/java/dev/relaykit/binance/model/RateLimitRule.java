package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * One of the exchange's rate limits, as {@code GET /api/v3/exchangeInfo} lists them under
 * {@code rateLimits}, e.g. {@code REQUEST_WEIGHT} 6000 per 1 {@code MINUTE}.
 *
 * @param rateLimitType what is counted
 * @param interval the window's unit
 * @param intervalNum how many units the window spans
 * @param limit the most allowed per window
 */
public record RateLimitRule(Type rateLimitType, Interval interval, int intervalNum, long limit) {

    /** What a rate limit counts (Binance's {@code rateLimitType}). */
    public enum Type {
        /** Request weight per IP. */
        REQUEST_WEIGHT,
        /** Orders per account. */
        ORDERS,
        /** Requests per IP, regardless of weight. */
        RAW_REQUESTS,
        /** A value this version does not know. */
        @JsonEnumDefaultValue
        UNKNOWN
    }

    /** The unit of a rate limit's window. */
    public enum Interval {
        /** Seconds. */
        SECOND,
        /** Minutes. */
        MINUTE,
        /** Hours. */
        HOUR,
        /** Days. */
        DAY,
        /** A value this version does not know. */
        @JsonEnumDefaultValue
        UNKNOWN
    }
}
