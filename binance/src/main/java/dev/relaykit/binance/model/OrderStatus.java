package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** An order's status (Binance spot API "Enum definitions", order status). */
public enum OrderStatus {
    /** Accepted by the engine. */
    NEW,
    /** Part of an order list whose working order is not yet fully filled. */
    PENDING_NEW,
    /** Partly filled. */
    PARTIALLY_FILLED,
    /** Completely filled. */
    FILLED,
    /** Canceled by the user. */
    CANCELED,
    /** Currently unused by Binance. */
    PENDING_CANCEL,
    /** Not accepted by the engine. */
    REJECTED,
    /** Canceled by the order type's rules (IOC, FOK, MARKET leftovers) or by the exchange. */
    EXPIRED,
    /** Expired by self-trade prevention. */
    EXPIRED_IN_MATCH,
    /** A value this version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN
}
