package dev.relaykit.binance.stream;

/** The windows of Binance's rolling-window ticker streams ({@code <symbol>@ticker_<window>}). */
public enum TickerWindow {
    /** One hour. */
    HOUR_1("1h"),
    /** Four hours. */
    HOUR_4("4h"),
    /** One day. */
    DAY_1("1d");

    private final String code;

    TickerWindow(String code) {
        this.code = code;
    }

    /** @return the wire code, e.g. {@code 1h} */
    public String code() {
        return code;
    }
}
