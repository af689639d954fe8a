package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Self-trade prevention modes (Binance spot API "Enum definitions", STP modes). */
public enum SelfTradePreventionMode {
    /** No self-trade prevention. */
    NONE,
    /** Expire the taker order. */
    EXPIRE_TAKER,
    /** Expire the maker order. */
    EXPIRE_MAKER,
    /** Expire both orders. */
    EXPIRE_BOTH,
    /** Decrease both orders' quantities by the prevented amount. */
    DECREMENT,
    /** Transfer the matched quantity between the accounts of a trade group instead of trading. */
    TRANSFER,
    /** A value this version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN
}
