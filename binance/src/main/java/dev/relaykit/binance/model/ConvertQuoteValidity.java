package dev.relaykit.binance.model;

/** How long a Convert quote stays valid ({@code validTime}; Binance's default is 10 seconds). */
public enum ConvertQuoteValidity {
    /** 10 seconds. */
    TEN_SECONDS("10s"),
    /** 30 seconds. */
    THIRTY_SECONDS("30s"),
    /** 1 minute. */
    ONE_MINUTE("1m");

    private final String wire;

    ConvertQuoteValidity(String wire) {
        this.wire = wire;
    }

    /** @return the value Binance expects, e.g. {@code 10s} */
    public String wire() {
        return wire;
    }
}
