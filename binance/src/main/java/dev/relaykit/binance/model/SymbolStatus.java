package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** A symbol's trading status (Binance spot API "Enum definitions", symbol status). */
public enum SymbolStatus {
    /** Before trading opens. */
    PRE_TRADING,
    /** Trading. */
    TRADING,
    /** After trading closed. */
    POST_TRADING,
    /** End of day. */
    END_OF_DAY,
    /** Trading halted. */
    HALT,
    /** Auction matching. */
    AUCTION_MATCH,
    /** Trading paused (no orders accepted). */
    BREAK,
    /** A value this version does not know; the raw JSON still has it. */
    @JsonEnumDefaultValue
    UNKNOWN
}
