package dev.relaykit.binance.futures.stream;

/**
 * Update speeds of the futures depth streams ("Partial Book Depth Streams", "Diff. Book Depth
 * Streams"): 250 ms is the stream's plain name, the others add a suffix.
 *
 * <pre>{@code
 * FuturesStream.diffDepth("BTCUSDT", DepthSpeed.MS_100).name();   // btcusdt@depth@100ms
 * }</pre>
 */
public enum DepthSpeed {
    /** Every 250 ms: {@code @depth}. */
    MS_250(""),
    /** Every 500 ms: {@code @depth@500ms}. */
    MS_500("@500ms"),
    /** Every 100 ms: {@code @depth@100ms}. */
    MS_100("@100ms");

    private final String suffix;

    DepthSpeed(String suffix) {
        this.suffix = suffix;
    }

    /** @return the stream-name suffix */
    public String suffix() {
        return suffix;
    }
}
