package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** How long an order stays active. */
public enum TimeInForce {
    /** Good till cancelled. */
    GTC,
    /** Immediate or cancel. */
    IOC,
    /** Fill or kill. */
    FOK,
    /** A value this version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN
}
