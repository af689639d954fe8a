package dev.relaykit.binance.model;

/** How long a Convert limit order stays open ({@code expiredType}). */
public enum ConvertExpiry {
    /** One day ({@code 1_D}). */
    ONE_DAY("1_D"),
    /** Three days ({@code 3_D}). */
    THREE_DAYS("3_D"),
    /** Seven days ({@code 7_D}). */
    SEVEN_DAYS("7_D"),
    /** Thirty days ({@code 30_D}). */
    THIRTY_DAYS("30_D");

    private final String wire;

    ConvertExpiry(String wire) {
        this.wire = wire;
    }

    /** @return the value Binance expects, e.g. {@code 7_D} */
    public String wire() {
        return wire;
    }
}
