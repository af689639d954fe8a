package dev.relaykit.binance.model;

/** What a cancel-replace does when the cancel fails. */
public enum CancelReplaceMode {
    /** Do not place the new order. */
    STOP_ON_FAILURE,
    /** Place the new order anyway. */
    ALLOW_FAILURE
}
