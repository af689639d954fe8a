package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The kind of an order list; OTOCO, OPO and OPOCO lists report {@code OTO}. */
public enum ContingencyType {
    /** One cancels the other. */
    OCO,
    /** One triggers the other (also OTOCO, OPO, OPOCO). */
    OTO,
    /** A value this version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN
}
