package dev.relaykit.binance;

import java.util.List;
import java.util.Objects;

/**
 * Where a Binance spot client connects: the REST base, the market-stream base and the WebSocket API
 * endpoint, always chosen together.
 *
 * <pre>{@code
 * BinanceEnvironment live = BinanceEnvironment.PRODUCTION;   // binance.com
 * BinanceEnvironment us = BinanceEnvironment.US;             // binance.us
 * BinanceEnvironment test = BinanceEnvironment.TESTNET;      // the spot test network (testnet.binance.vision)
 * BinanceEnvironment local = BinanceEnvironment.custom("http://127.0.0.1:8080", "ws://127.0.0.1:9000",
 *         "ws://127.0.0.1:9001/ws-api/v3");                  // REST, market streams, WebSocket API
 * }</pre>
 *
 * @param name a short name for logs
 * @param restBaseUrl the REST base, without trailing slash (e.g. {@code https://api.binance.com})
 * @param streamBaseUrl the market-stream base, without trailing slash; raw streams are at
 *     {@code /ws/<stream>} and combined streams at {@code /stream?streams=...}
 * @param wsApiUrl the full WebSocket API endpoint (e.g. {@code wss://ws-api.binance.com:443/ws-api/v3})
 */
public record BinanceEnvironment(String name, String restBaseUrl, String streamBaseUrl, String wsApiUrl) {

    /** binance.com (endpoints from Binance's spot API documentation, General API Information). */
    public static final BinanceEnvironment PRODUCTION = new BinanceEnvironment("production",
            "https://api.binance.com", "wss://stream.binance.com:9443", "wss://ws-api.binance.com:443/ws-api/v3");

    /**
     * The other market-stream bases Binance documents for binance.com (General API Information, WebSocket
     * Streams): the same host on port 443, for networks that block 9443, and the market-data-only host.
     */
    private static final List<String> PRODUCTION_STREAM_ALTERNATIVES =
            List.of("wss://stream.binance.com:443", "wss://data-stream.binance.vision");

    /** Binance.US. */
    public static final BinanceEnvironment US = new BinanceEnvironment("us",
            "https://api.binance.us", "wss://stream.binance.us:9443", "wss://ws-api.binance.us:443/ws-api/v3");

    /** The spot test network: fake funds, real matching engine; keys from testnet.binance.vision. */
    public static final BinanceEnvironment TESTNET = new BinanceEnvironment("testnet",
            "https://testnet.binance.vision", "wss://stream.testnet.binance.vision",
            "wss://ws-api.testnet.binance.vision/ws-api/v3");

    /**
     * Validates and normalises (trailing slashes removed).
     *
     * @param name a short name
     * @param restBaseUrl {@code http(s)://} REST base
     * @param streamBaseUrl {@code ws(s)://} stream base
     * @param wsApiUrl {@code ws(s)://} WebSocket API endpoint
     */
    public BinanceEnvironment {
        Objects.requireNonNull(name, "name");
        restBaseUrl = strip(require(restBaseUrl, "restBaseUrl", "http://", "https://"));
        streamBaseUrl = strip(require(streamBaseUrl, "streamBaseUrl", "ws://", "wss://"));
        wsApiUrl = strip(require(wsApiUrl, "wsApiUrl", "ws://", "wss://"));
    }

    /**
     * The market-stream bases to try, in order: {@link #streamBaseUrl()} first, then, for
     * {@link #PRODUCTION}, Binance's alternatives ({@code wss://stream.binance.com:443} and the
     * market-data-only {@code wss://data-stream.binance.vision}). Market streams fail over to the next
     * one when a connection attempt fails. Other environments have their one base.
     *
     * <pre>{@code
     * BinanceEnvironment.PRODUCTION.streamBaseUrls();
     * // [wss://stream.binance.com:9443, wss://stream.binance.com:443, wss://data-stream.binance.vision]
     * }</pre>
     *
     * @return the bases, the preferred one first
     */
    public List<String> streamBaseUrls() {
        if (!equals(PRODUCTION)) {
            return List.of(streamBaseUrl);
        }
        List<String> all = new java.util.ArrayList<>();
        all.add(streamBaseUrl);
        all.addAll(PRODUCTION_STREAM_ALTERNATIVES);
        return List.copyOf(all);
    }

    /**
     * An environment of your own: the testkit's fake Binance, a proxy or a mirror.
     *
     * @param restBaseUrl {@code http(s)://} REST base
     * @param streamBaseUrl {@code ws(s)://} stream base
     * @param wsApiUrl {@code ws(s)://} WebSocket API endpoint
     * @return the environment, named {@code custom}
     */
    public static BinanceEnvironment custom(String restBaseUrl, String streamBaseUrl, String wsApiUrl) {
        return new BinanceEnvironment("custom", restBaseUrl, streamBaseUrl, wsApiUrl);
    }

    private static String require(String url, String what, String... schemes) {
        Objects.requireNonNull(url, what);
        for (String s : schemes) {
            if (url.regionMatches(true, 0, s, 0, s.length())) {
                return url;
            }
        }
        throw new IllegalArgumentException(what + " must start with " + String.join(" or ", schemes) + ": " + url);
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
