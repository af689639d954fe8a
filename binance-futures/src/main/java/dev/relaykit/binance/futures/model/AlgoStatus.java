package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The state of a conditional order in the algo-order service (USD-M "Algo Order Update" event, Algo Status).
 *
 * <p>A value Binance adds later decodes as {@link #UNKNOWN}; the raw JSON still has it.
 */
public enum AlgoStatus {
    /** Placed in the algo service, not yet triggered. */
    NEW,
    /** The trigger condition was met; being forwarded to the matching engine. */
    TRIGGERING,
    /** Placed into the matching engine. */
    TRIGGERED,
    /** The triggered order was filled or cancelled in the matching engine. */
    FINISHED,
    /** Cancelled. */
    CANCELED,
    /** Refused by the matching engine (a margin check, for instance). */
    REJECTED,
    /** Cancelled by the system (a GTE_GTC order whose position closed, for instance). */
    EXPIRED,
    /** A value this version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN
}
