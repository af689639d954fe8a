package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * A symbol's margin mode, as {@code POST /fapi/v1/marginType} takes it.
 *
 * <p>A value Binance adds later decodes as {@link #UNKNOWN}; the raw JSON still has it.
 */
public enum MarginType {
    /** Isolated margin. */
    ISOLATED,
    /** Cross margin. */
    CROSSED,
    /** A value this version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN
}
