package dev.relaykit.binance.userdata;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** What happened to an order, an {@link ExecutionReport}'s {@code x}. */
public enum ExecutionType {
    /** Accepted into the engine. */
    NEW,
    /** Cancelled by the user. */
    CANCELED,
    /** Currently unused. */
    REPLACED,
    /** Rejected and not processed (cancel-replace whose new order was rejected). */
    REJECTED,
    /** Part or all of the order filled. */
    TRADE,
    /** Cancelled by the order type's rules or by the exchange. */
    EXPIRED,
    /** Expired because of self-trade prevention. */
    TRADE_PREVENTION,
    /** A value this version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN
}
