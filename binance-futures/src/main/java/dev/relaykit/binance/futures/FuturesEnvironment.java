package dev.relaykit.binance.futures;

import dev.relaykit.binance.BinanceEnvironment;
import java.util.Objects;

/**
 * Where a futures client talks: REST, the market-stream paths, the user-data (private) path and
 * the WebSocket API. Every URL is overridable with {@link #custom}.
 *
 * <p>USD-M splits its stream host by traffic kind (Binance "Important WebSocket Change Notice",
 * https://developers.binance.com/docs/derivatives/usds-margined-futures/websocket-market-streams/Important-WebSocket-Change-Notice,
 * announced 2026-03-06, old URLs retired 2026-04-23): {@code /public} for book tickers and depth,
 * {@code /market} for everything else, {@code /private} for user data. COIN-M's pages show no
 * split: its three stream URLs are one host.
 *
 * <pre>{@code
 * FuturesEnvironment.USDM.marketStreamUrl();   // wss://fstream.binance.com/market
 * FuturesEnvironment.COINM.marketStreamUrl();  // wss://dstream.binance.com
 * FuturesEnvironment mine = FuturesEnvironment.custom(FuturesEnvironment.Kind.USDM, "http://127.0.0.1:8080",
 *         "ws://127.0.0.1:9000/public", "ws://127.0.0.1:9000/market", "ws://127.0.0.1:9000/private",
 *         "ws://127.0.0.1:9001/ws-fapi/v1");
 * }</pre>
 *
 * @param name a short name for logs
 * @param kind USD-M or COIN-M (REST prefix {@code /fapi} or {@code /dapi})
 * @param restBaseUrl {@code http(s)://} REST base
 * @param publicStreamUrl stream base of high-frequency public data (book tickers, depth)
 * @param marketStreamUrl stream base of the other market data
 * @param privateStreamUrl stream base of user data (listen keys)
 * @param wsApiUrl the WebSocket API endpoint
 */
public record FuturesEnvironment(String name, Kind kind, String restBaseUrl, String publicStreamUrl,
                                 String marketStreamUrl, String privateStreamUrl, String wsApiUrl) {

    /** Which futures product. */
    public enum Kind {
        /** USDⓈ-margined: REST under {@code /fapi}. */
        USDM("/fapi"),
        /** Coin-margined: REST under {@code /dapi}. */
        COINM("/dapi");

        private final String restPrefix;

        Kind(String restPrefix) {
            this.restPrefix = restPrefix;
        }

        /** @return {@code /fapi} or {@code /dapi} */
        public String restPrefix() {
            return restPrefix;
        }
    }

    /** USD-M production, with the split stream paths. */
    public static final FuturesEnvironment USDM = new FuturesEnvironment("usdm", Kind.USDM,
            "https://fapi.binance.com", "wss://fstream.binance.com/public", "wss://fstream.binance.com/market",
            "wss://fstream.binance.com/private", "wss://ws-fapi.binance.com/ws-fapi/v1");

    /** USD-M test network (demo REST host; streams and WebSocket API as the testnet pages name them). */
    public static final FuturesEnvironment USDM_TESTNET = new FuturesEnvironment("usdm-testnet", Kind.USDM,
            "https://demo-fapi.binance.com", "wss://fstream.binancefuture.com/public",
            "wss://fstream.binancefuture.com/market", "wss://fstream.binancefuture.com/private",
            "wss://testnet.binancefuture.com/ws-fapi/v1");

    /** COIN-M production: one stream host for every kind. */
    public static final FuturesEnvironment COINM = new FuturesEnvironment("coinm", Kind.COINM,
            "https://dapi.binance.com", "wss://dstream.binance.com", "wss://dstream.binance.com",
            "wss://dstream.binance.com", "wss://ws-dapi.binance.com/ws-dapi/v1");

    /** COIN-M test network. */
    public static final FuturesEnvironment COINM_TESTNET = new FuturesEnvironment("coinm-testnet", Kind.COINM,
            "https://testnet.binancefuture.com", "wss://dstream.binancefuture.com", "wss://dstream.binancefuture.com",
            "wss://dstream.binancefuture.com", "wss://testnet.binancefuture.com/ws-dapi/v1");

    /**
     * Validates and strips trailing slashes.
     *
     * @param name name
     * @param kind kind
     * @param restBaseUrl REST base
     * @param publicStreamUrl public stream base
     * @param marketStreamUrl market stream base
     * @param privateStreamUrl private stream base
     * @param wsApiUrl WebSocket API endpoint
     */
    public FuturesEnvironment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        restBaseUrl = url(restBaseUrl, "restBaseUrl", "http://", "https://");
        publicStreamUrl = url(publicStreamUrl, "publicStreamUrl", "ws://", "wss://");
        marketStreamUrl = url(marketStreamUrl, "marketStreamUrl", "ws://", "wss://");
        privateStreamUrl = url(privateStreamUrl, "privateStreamUrl", "ws://", "wss://");
        wsApiUrl = url(wsApiUrl, "wsApiUrl", "ws://", "wss://");
    }

    /**
     * An environment of your own: the testkit's fake, a proxy or a mirror.
     *
     * @param kind USD-M or COIN-M
     * @param restBaseUrl REST base
     * @param publicStreamUrl public stream base
     * @param marketStreamUrl market stream base
     * @param privateStreamUrl private stream base
     * @param wsApiUrl WebSocket API endpoint
     * @return the environment, named {@code custom}
     */
    public static FuturesEnvironment custom(Kind kind, String restBaseUrl, String publicStreamUrl,
                                            String marketStreamUrl, String privateStreamUrl, String wsApiUrl) {
        return new FuturesEnvironment("custom", kind, restBaseUrl, publicStreamUrl, marketStreamUrl,
                privateStreamUrl, wsApiUrl);
    }

    /** @return whether market data is split over two paths (public and market differ) */
    public boolean splitStreams() {
        return !publicStreamUrl.equals(marketStreamUrl);
    }

    /**
     * Not API: the shape the shared Binance context takes (its stream base is the market path).
     *
     * @return the environment as {@link BinanceEnvironment}
     */
    public BinanceEnvironment toBinanceEnvironment() {
        return new BinanceEnvironment(name, restBaseUrl, marketStreamUrl, wsApiUrl);
    }

    private static String url(String url, String what, String... schemes) {
        Objects.requireNonNull(url, what);
        for (String s : schemes) {
            if (url.regionMatches(true, 0, s, 0, s.length())) {
                return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            }
        }
        throw new IllegalArgumentException(what + " must start with " + String.join(" or ", schemes) + ": " + url);
    }
}
