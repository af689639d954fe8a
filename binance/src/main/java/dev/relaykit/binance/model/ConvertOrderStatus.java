package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The state of a Convert order (accepted quote or limit order). */
public enum ConvertOrderStatus {
    /** Being processed. */
    PROCESS,
    /** The quote was accepted; settlement is in progress. */
    ACCEPT_SUCCESS,
    /** Converted. */
    SUCCESS,
    /** Failed. */
    FAIL,
    /** A limit order that was canceled. */
    CANCELED,
    /** A state this version does not know (Binance added one); the raw JSON still has it. */
    @JsonEnumDefaultValue
    UNKNOWN
}
