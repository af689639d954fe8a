package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The state of a futures order in the matching engine.
 *
 * <p>A value Binance adds later decodes as {@link #UNKNOWN}; the raw JSON still has it.
 */
public enum FuturesOrderStatus {
    /** Accepted, working. */
    NEW,
    /** Partly filled. */
    PARTIALLY_FILLED,
    /** Filled. */
    FILLED,
    /** Cancelled. */
    CANCELED,
    /** Rejected. */
    REJECTED,
    /** Expired (time in force, or cancelled by the system). */
    EXPIRED,
    /** Expired by self-trade prevention. */
    EXPIRED_IN_MATCH,
    /** A value this version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN
}
