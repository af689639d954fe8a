package dev.relaykit.binance.model;

/** How much a ticker statistics answer carries: everything ({@code FULL}, the default) or the {@code MINI} subset. */
public enum TickerType {
    /** All fields (price change, weighted average price, ...). */
    FULL,
    /** Open/high/low/last price, volumes, times and trade ids only. */
    MINI
}
