package dev.relaykit.binance.model;

/** When a cancel may go through (request parameter {@code cancelRestrictions}). */
public enum CancelRestrictions {
    /** Cancel only if the order's status is NEW. */
    ONLY_NEW,
    /** Cancel only if the order's status is PARTIALLY_FILLED. */
    ONLY_PARTIALLY_FILLED
}
