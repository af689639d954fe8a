package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Buy or sell. */
public enum OrderSide {
    /** Buy. */
    BUY,
    /** Sell. */
    SELL,
    /** A value this version does not know (Binance added one); the raw JSON still has it. */
    @JsonEnumDefaultValue
    UNKNOWN
}
