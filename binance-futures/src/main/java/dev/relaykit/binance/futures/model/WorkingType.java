package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Which price triggers a conditional order.
 *
 * <p>A value Binance adds later decodes as {@link #UNKNOWN}; the raw JSON still has it.
 */
public enum WorkingType {
    /** The mark price. */
    MARK_PRICE,
    /** The last contract price (the default). */
    CONTRACT_PRICE,
    /** A value this version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN
}
