package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * How long a futures order stays working (Binance's {@code timeInForce}).
 *
 * <p>A value Binance adds later decodes as {@link #UNKNOWN}; the raw JSON still has it.
 */
public enum FuturesTimeInForce {
    /** Good till cancelled (valid one year). */
    GTC,
    /** Immediate or cancel. */
    IOC,
    /** Fill or kill. */
    FOK,
    /** Good till crossing: post only. */
    GTX,
    /** Good till {@code goodTillDate}. */
    GTD,
    /** Retail price improvement: post only, matched only with orders from the app or web (USD-M). */
    RPI,
    /** A value this version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN
}
