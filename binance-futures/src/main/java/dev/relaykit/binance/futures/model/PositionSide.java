package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The side of a position: {@code BOTH} in one-way mode, {@code LONG} / {@code SHORT} in hedge mode.
 *
 * <p>A value Binance adds later decodes as {@link #UNKNOWN}; the raw JSON still has it.
 */
public enum PositionSide {
    /** One-way mode (the default). */
    BOTH,
    /** Hedge mode, the long side. */
    LONG,
    /** Hedge mode, the short side. */
    SHORT,
    /** A value this version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN
}
