package dev.relaykit.binance.wsapi;

/** How {@code order.cancelReplace} behaves when one of its two steps fails. */
public enum CancelReplaceMode {
    /** If the cancel fails, the new order is not attempted. */
    STOP_ON_FAILURE,
    /** The new order is attempted even if the cancel fails. */
    ALLOW_FAILURE
}
