package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Spot order types (Binance spot API "Enum definitions"). */
public enum OrderType {
    /** Limit order: price and quantity, rests on the book. */
    LIMIT,
    /** Market order by quantity or quote order quantity. */
    MARKET,
    /** Market order triggered at a stop price. */
    STOP_LOSS,
    /** Limit order triggered at a stop price. */
    STOP_LOSS_LIMIT,
    /** Market order triggered at a take-profit price. */
    TAKE_PROFIT,
    /** Limit order triggered at a take-profit price. */
    TAKE_PROFIT_LIMIT,
    /** Limit order rejected if it would match immediately (post-only). */
    LIMIT_MAKER,
    /** A value this version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN
}
