package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** An order list's order status. */
public enum ListOrderStatus {
    /** The list was placed or its status changed. */
    EXECUTING,
    /** The list finished executing and is no longer active. */
    ALL_DONE,
    /** The list or one of its orders was rejected. */
    REJECT,
    /** A value this version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN
}
