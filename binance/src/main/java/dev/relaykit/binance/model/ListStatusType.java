package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** An order list's status type. */
public enum ListStatusType {
    /** A status report for a failed action. */
    RESPONSE,
    /** The list was placed or its status changed. */
    EXEC_STARTED,
    /** The list's orders changed. */
    UPDATED,
    /** The list finished executing and is no longer active. */
    ALL_DONE,
    /** A value this version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN
}
