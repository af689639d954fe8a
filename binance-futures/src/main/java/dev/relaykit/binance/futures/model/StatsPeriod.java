package dev.relaykit.binance.futures.model;

/**
 * The sampling period of the futures statistics ({@code period} of {@code /futures/data/*}); Binance keeps the last
 * 30 days.
 *
 * <pre>{@code
 * String p = StatsPeriod.HOUR_1.code();   // "1h"
 * }</pre>
 */
public enum StatsPeriod {
    /** 5 minutes. */
    MINUTE_5("5m"),
    /** 15 minutes. */
    MINUTE_15("15m"),
    /** 30 minutes. */
    MINUTE_30("30m"),
    /** 1 hour. */
    HOUR_1("1h"),
    /** 2 hours. */
    HOUR_2("2h"),
    /** 4 hours. */
    HOUR_4("4h"),
    /** 6 hours. */
    HOUR_6("6h"),
    /** 12 hours. */
    HOUR_12("12h"),
    /** 1 day. */
    DAY_1("1d");

    private final String code;

    StatsPeriod(String code) {
        this.code = code;
    }

    /** @return Binance's code, e.g. {@code 5m} */
    public String code() {
        return code;
    }
}
