package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Which book price a pegged order follows (Binance spot API "Pegged orders"). */
public enum PegPriceType {
    /** The best price on the order's own side of the book. */
    PRIMARY_PEG,
    /** The best price on the opposite side of the book. */
    MARKET_PEG,
    /** A value this version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN
}
