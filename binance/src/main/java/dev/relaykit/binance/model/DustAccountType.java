package dev.relaykit.binance.model;

/** Which account's dust to convert or list. */
public enum DustAccountType {
    /** The spot account (Binance's default). */
    SPOT,
    /** The cross margin account. */
    MARGIN
}
