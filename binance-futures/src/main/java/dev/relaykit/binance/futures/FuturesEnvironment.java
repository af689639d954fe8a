package dev.relaykit.binance.futures;

import dev.relaykit.binance.BinanceEnvironment;
import java.util.Objects;

/**
 * Where a futures client connects: the REST base, the market/user-data stream base and the WebSocket API
 * endpoint of one product, always chosen together; every URL can be replaced.
 *
 * <p>The built-in environments follow Binance's derivatives documentation, read 2026-12; every URL can be
 * replaced ({@link #withRestBaseUrl}, {@link #withStreamBaseUrl}, {@link #withWsApiUrl}), because the pages disagree
 * about the test hosts and Binance moves them:
 * <ul>
 *   <li>{@link #USDM_PRODUCTION}: REST {@code https://fapi.binance.com}, streams {@code wss://fstream.binance.com}
 *       on the split paths {@code /public}, {@code /market}, {@code /private}, WebSocket API
 *       {@code wss://ws-fapi.binance.com/ws-fapi/v1};</li>
 *   <li>{@link #USDM_TESTNET}: REST {@code https://testnet.binancefuture.com}, streams
 *       {@code wss://fstream.binancefuture.com}, WebSocket API {@code wss://testnet.binancefuture.com/ws-fapi/v1};</li>
 *   <li>{@link #COINM_PRODUCTION}: REST {@code https://dapi.binance.com}, streams {@code wss://dstream.binance.com}
 *       (no split: {@code /ws}, {@code /stream}), WebSocket API {@code wss://ws-dapi.binance.com/ws-dapi/v1};</li>
 *   <li>{@link #COINM_TESTNET}: REST {@code https://testnet.binancefuture.com}, streams
 *       {@code wss://dstream.binancefuture.com}, WebSocket API {@code wss://testnet.binancefuture.com/ws-dapi/v1}.</li>
 * </ul>
 *
 * <p>Sources of the test hosts:
 * <ul>
 *   <li>USD-M REST and streams: "General Info", section testnet
 *       (https://developers.binance.com/docs/derivatives/usds-margined-futures/general-info): REST
 *       {@code https://testnet.binancefuture.com}; streams {@code wss://fstream.binancefuture.com} on the Chinese
 *       edition of the page, {@code wss://stream.binancefuture.com} on the English one (Binance's connectors name the
 *       latter too). {@code https://demo-fapi.binance.com}, which some integrations use for "demo trading", is on no
 *       Binance page found; reach it with {@code USDM_TESTNET.withRestBaseUrl("https://demo-fapi.binance.com")}.</li>
 *   <li>USD-M WebSocket API: "WebSocket API General Info"
 *       (https://developers.binance.com/docs/derivatives/usds-margined-futures/websocket-api-general-info):
 *       {@code wss://testnet.binancefuture.com/ws-fapi/v1}.</li>
 *   <li>COIN-M: "General Info" (https://developers.binance.com/docs/derivatives/coin-margined-futures/general-info),
 *       REST {@code https://testnet.binancefuture.com}, streams {@code wss://dstream.binancefuture.com}; "WebSocket API
 *       General Info" (https://developers.binance.com/docs/derivatives/coin-margined-futures/websocket-api-general-info):
 *       {@code wss://testnet.binancefuture.com/ws-dapi/v1}.</li>
 * </ul>
 *
 * <pre>{@code
 * FuturesEnvironment live = FuturesEnvironment.USDM_PRODUCTION;
 * FuturesEnvironment viaProxy = live.withRestBaseUrl("https://futures-proxy.internal:8443");
 * FuturesEnvironment local = FuturesEnvironment.custom(FuturesProduct.USD_M, "http://127.0.0.1:8080",
 *         "ws://127.0.0.1:9000", "ws://127.0.0.1:9001/ws-fapi/v1");
 * String markPrices = live.marketStreamBaseUrl();   // "wss://fstream.binance.com/market"
 * }</pre>
 *
 * @param name a short name for logs
 * @param product USD-M or COIN-M: which REST paths ({@code /fapi} or {@code /dapi}) the client uses
 * @param restBaseUrl the REST base, without trailing slash
 * @param streamBaseUrl the stream host base, without path or trailing slash (e.g. {@code wss://fstream.binance.com});
 *     the stream paths below are derived from it
 * @param wsApiUrl the full WebSocket API endpoint
 * @param splitStreamPaths whether streams are served on Binance's split paths ({@code /public}, {@code /market},
 *     {@code /private}, USD-M since 2026-03-06) rather than one base for every stream (COIN-M)
 */
public record FuturesEnvironment(String name, FuturesProduct product, String restBaseUrl, String streamBaseUrl,
                                 String wsApiUrl, boolean splitStreamPaths) {

    /** USDⓈ-M futures on binance.com. */
    public static final FuturesEnvironment USDM_PRODUCTION = new FuturesEnvironment("usdm-production",
            FuturesProduct.USD_M, "https://fapi.binance.com", "wss://fstream.binance.com",
            "wss://ws-fapi.binance.com/ws-fapi/v1", true);

    /**
     * USDⓈ-M futures test network: REST on {@code testnet.binancefuture.com} (the USD-M General Info page's testnet
     * section), streams on {@code fstream.binancefuture.com}, WebSocket API on {@code testnet.binancefuture.com}
     * (WebSocket API General Info). The testnet's stream pages show no split paths, so streams use one base.
     */
    public static final FuturesEnvironment USDM_TESTNET = new FuturesEnvironment("usdm-testnet",
            FuturesProduct.USD_M, "https://testnet.binancefuture.com", "wss://fstream.binancefuture.com",
            "wss://testnet.binancefuture.com/ws-fapi/v1", false);

    /** COIN-M futures on binance.com. */
    public static final FuturesEnvironment COINM_PRODUCTION = new FuturesEnvironment("coinm-production",
            FuturesProduct.COIN_M, "https://dapi.binance.com", "wss://dstream.binance.com",
            "wss://ws-dapi.binance.com/ws-dapi/v1", false);

    /** COIN-M futures test network (COIN-M General Info and WebSocket API General Info pages). */
    public static final FuturesEnvironment COINM_TESTNET = new FuturesEnvironment("coinm-testnet",
            FuturesProduct.COIN_M, "https://testnet.binancefuture.com", "wss://dstream.binancefuture.com",
            "wss://testnet.binancefuture.com/ws-dapi/v1", false);

    /**
     * Validates and normalises (trailing slashes removed).
     *
     * @param name a short name
     * @param product the product
     * @param restBaseUrl {@code http(s)://} REST base
     * @param streamBaseUrl {@code ws(s)://} stream base
     * @param wsApiUrl {@code ws(s)://} WebSocket API endpoint
     * @param splitStreamPaths whether streams use the split paths
     */
    public FuturesEnvironment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(product, "product");
        // the spot environment checks the same schemes; reuse its rule instead of writing it twice
        BinanceEnvironment checked = new BinanceEnvironment(name, restBaseUrl, streamBaseUrl, wsApiUrl);
        restBaseUrl = checked.restBaseUrl();
        streamBaseUrl = checked.streamBaseUrl();
        wsApiUrl = checked.wsApiUrl();
    }

    /**
     * An environment of your own (the testkit's fake, a proxy, a mirror): streams on one base, no split paths.
     *
     * @param product USD-M or COIN-M
     * @param restBaseUrl {@code http(s)://} REST base
     * @param streamBaseUrl {@code ws(s)://} stream base
     * @param wsApiUrl {@code ws(s)://} WebSocket API endpoint
     * @return the environment, named {@code custom}
     */
    public static FuturesEnvironment custom(FuturesProduct product, String restBaseUrl, String streamBaseUrl,
                                            String wsApiUrl) {
        return new FuturesEnvironment("custom", product, restBaseUrl, streamBaseUrl, wsApiUrl, false);
    }

    /**
     * @param url another REST base
     * @return this environment with that REST base
     */
    public FuturesEnvironment withRestBaseUrl(String url) {
        return new FuturesEnvironment(name, product, url, streamBaseUrl, wsApiUrl, splitStreamPaths);
    }

    /**
     * @param url another stream base (host only; the paths are derived)
     * @return this environment with that stream base
     */
    public FuturesEnvironment withStreamBaseUrl(String url) {
        return new FuturesEnvironment(name, product, restBaseUrl, url, wsApiUrl, splitStreamPaths);
    }

    /**
     * @param url another WebSocket API endpoint
     * @return this environment with that endpoint
     */
    public FuturesEnvironment withWsApiUrl(String url) {
        return new FuturesEnvironment(name, product, restBaseUrl, streamBaseUrl, url, splitStreamPaths);
    }

    /**
     * @param split whether streams use Binance's split paths
     * @return this environment with that setting
     */
    public FuturesEnvironment withSplitStreamPaths(boolean split) {
        return new FuturesEnvironment(name, product, restBaseUrl, streamBaseUrl, wsApiUrl, split);
    }

    /**
     * Where high-frequency public streams (book tickers, depth) are served: {@code <base>/public} with split
     * paths, else the base.
     *
     * @return the base for {@code /ws/<stream>} and {@code /stream?streams=}
     */
    public String publicStreamBaseUrl() {
        return splitStreamPaths ? streamBaseUrl + "/public" : streamBaseUrl;
    }

    /**
     * Where the other market streams (aggTrade, markPrice, klines, tickers, forceOrder, ...) are served:
     * {@code <base>/market} with split paths, else the base.
     *
     * @return the base for {@code /ws/<stream>} and {@code /stream?streams=}
     */
    public String marketStreamBaseUrl() {
        return splitStreamPaths ? streamBaseUrl + "/market" : streamBaseUrl;
    }

    /**
     * Where user data (by listen key) is served: {@code <base>/private} with split paths, else the base.
     *
     * @return the base the listen-key path is appended to
     */
    public String privateStreamBaseUrl() {
        return splitStreamPaths ? streamBaseUrl + "/private" : streamBaseUrl;
    }

    /**
     * The environment in the shape the shared Binance context takes (REST base, stream base, WebSocket API),
     * so the context's parts (the WebSocket API client among them) work for futures unchanged.
     *
     * @return a {@link BinanceEnvironment} with this environment's URLs and name
     */
    public BinanceEnvironment asBinanceEnvironment() {
        return new BinanceEnvironment(name, restBaseUrl, streamBaseUrl, wsApiUrl);
    }
}
