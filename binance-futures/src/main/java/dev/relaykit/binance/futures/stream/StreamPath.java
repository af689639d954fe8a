package dev.relaykit.binance.futures.stream;

import java.util.Locale;

/**
 * Which USD-M stream path carries a stream (Binance "Important WebSocket Change Notice", Endpoint &amp;
 * Stream Mapping): {@link #PUBLIC} for high-frequency public data (book tickers, partial and diff
 * depth, RPI depth), {@link #MARKET} for the rest. A stream subscribed on the wrong path is
 * accepted and never delivers. COIN-M has one path, so both values lead to the same URL there.
 *
 * <pre>{@code
 * StreamPath.of("btcusdt@depth@100ms");   // PUBLIC
 * StreamPath.of("btcusdt@markPrice@1s");  // MARKET
 * }</pre>
 */
public enum StreamPath {
    /** {@code /public}: {@code @bookTicker}, {@code !bookTicker}, {@code @depth...}, {@code @rpiDepth...}. */
    PUBLIC,
    /** {@code /market}: aggTrade, markPrice, klines, tickers, forceOrder, indexes, contractInfo, ... */
    MARKET;

    /**
     * The path a stream name belongs to, by Binance's mapping.
     *
     * @param streamName e.g. {@code btcusdt@bookTicker}
     * @return its path
     */
    public static StreamPath of(String streamName) {
        String n = streamName.toLowerCase(Locale.ROOT);
        if (n.equals("!bookticker")) {
            return PUBLIC;
        }
        int at = n.indexOf('@');
        String kind = at < 0 ? n : n.substring(at + 1);
        if (kind.equals("bookticker") || kind.startsWith("depth") || kind.startsWith("rpidepth")) {
            return PUBLIC;
        }
        return MARKET;
    }
}
