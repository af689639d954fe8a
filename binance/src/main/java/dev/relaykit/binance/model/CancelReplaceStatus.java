package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The outcome of one half of a cancel-replace. */
public enum CancelReplaceStatus {
    /** It succeeded. */
    SUCCESS,
    /** It failed. */
    FAILURE,
    /** It was not attempted (the cancel failed in STOP_ON_FAILURE mode). */
    NOT_ATTEMPTED,
    /** A value this version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN
}
