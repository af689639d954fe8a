package dev.relaykit.binance.model;

/** Kline (candlestick) intervals Binance offers, with their wire codes ({@code 1s}, {@code 1m}, ... {@code 1M}). */
public enum KlineInterval {
    /** 1 second. */
    SECOND_1("1s"),
    /** 1 minute. */
    MINUTE_1("1m"),
    /** 3 minutes. */
    MINUTE_3("3m"),
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
    /** 8 hours. */
    HOUR_8("8h"),
    /** 12 hours. */
    HOUR_12("12h"),
    /** 1 day. */
    DAY_1("1d"),
    /** 3 days. */
    DAY_3("3d"),
    /** 1 week. */
    WEEK_1("1w"),
    /** 1 month. */
    MONTH_1("1M");

    private final String code;

    KlineInterval(String code) {
        this.code = code;
    }

    /** @return the wire code, e.g. {@code "1m"} */
    public String code() {
        return code;
    }

    /**
     * @param code a wire code such as {@code "15m"}, or {@code null}
     * @return the interval, or {@code null} for a code this version does not know
     */
    public static KlineInterval find(String code) {
        for (KlineInterval i : values()) {
            if (i.code.equals(code)) {
                return i;
            }
        }
        return null;
    }

    /**
     * @param code a wire code such as {@code "15m"}
     * @return the interval
     * @throws IllegalArgumentException for an unknown code, listing the valid ones
     */
    public static KlineInterval fromCode(String code) {
        KlineInterval found = find(code);
        if (found != null) {
            return found;
        }
        StringBuilder valid = new StringBuilder();
        for (KlineInterval i : values()) {
            valid.append(valid.length() == 0 ? "" : ", ").append(i.code);
        }
        throw new IllegalArgumentException("unknown kline interval '" + code + "'; valid: " + valid);
    }
}
