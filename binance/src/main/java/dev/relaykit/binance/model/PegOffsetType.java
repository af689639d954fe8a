package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** How a pegged order's offset is measured. */
public enum PegOffsetType {
    /** A number of price levels away from the best price. */
    PRICE_LEVEL,
    /** A value this version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN
}
