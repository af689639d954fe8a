package dev.relaykit.binance.stream;

/** How often Binance pushes a depth stream ({@code @depth} / {@code @depth@100ms}). */
public enum UpdateSpeed {
    /** Every 1000 ms: the stream name has no suffix. */
    MS_1000(""),
    /** Every 100 ms: the stream name ends in {@code @100ms}. */
    MS_100("@100ms");

    private final String suffix;

    UpdateSpeed(String suffix) {
        this.suffix = suffix;
    }

    /** @return the stream-name suffix, empty for 1000 ms */
    public String suffix() {
        return suffix;
    }
}
