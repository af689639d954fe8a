package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The status of an order (Binance spot API "Enum definitions", order status). */
public enum OrderStatus {
    /** Accepted by the engine. */
    NEW,
    /** Accepted by the engine, not yet processed (part of an order list whose working order is not done). */
    PENDING_NEW,
    /** Part of the order has been filled. */
    PARTIALLY_FILLED,
    /** The order has been completed. */
    FILLED,
    /** Cancelled by the user. */
    CANCELED,
    /** Currently unused. */
    PENDING_CANCEL,
    /** Not processed by the engine. */
    REJECTED,
    /** Cancelled by the order type's rules or by the exchange. */
    EXPIRED,
    /** Expired because of self-trade prevention. */
    EXPIRED_IN_MATCH,
    /** A value this version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN
}
