package dev.relaykit.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake of Binance's futures streams on free loopback ports: market streams on split paths, user
 * data by listen key, and the listen-key REST endpoints, with an expiry you trigger.
 *
 * <p>USD-M ({@link #start()}) behaves as the "Important WebSocket Change Notice"
 * (https://developers.binance.com/docs/derivatives/usds-margined-futures/websocket-market-streams/Important-WebSocket-Change-Notice)
 * describes:
 * <ul>
 *   <li>{@code /public/...} carries book tickers ({@code @bookTicker}, {@code !bookTicker}) and depth
 *       ({@code @depth...}, {@code @rpiDepth...}); {@code /market/...} carries every other market
 *       stream; a path without a route counts as {@code /public};</li>
 *   <li>a stream subscribed on the wrong path is accepted ({@code {"result":null}}) and gets nothing,
 *       as on Binance;</li>
 *   <li>{@code /private/ws?listenKey=<key>&events=<E1>/<E2>}, {@code /private/stream?listenKey=..}
 *       and {@code /private/ws/<key>} carry user data for a live key.</li>
 * </ul>
 * COIN-M ({@link #startCoinm()}) has one path for everything and user data at {@code /ws/<listenKey>}.
 *
 * <p>The listen-key endpoints ({@code POST/PUT/DELETE /fapi/v1/listenKey}, COIN-M {@code /dapi})
 * follow the "Start / Keepalive / Close User Data Stream" pages: POST returns the account's live key
 * (creating one if there is none), PUT extends it or answers {@code -1125} "This listenKey does not
 * exist." once it is gone, DELETE ends it. Every request needs {@code X-MBX-APIKEY}. The fake has no
 * clock: {@link #expireListenKey()} ends the key as 60 minutes without a keep-alive would, and pushes
 * the documented {@code listenKeyExpired} event.
 *
 * <pre>{@code
 * try (FakeBinanceFuturesStreams fake = FakeBinanceFuturesStreams.start()) {
 *     FuturesEnvironment env = FuturesEnvironment.custom(FuturesProduct.USD_M, fake.restBaseUrl(),
 *             fake.baseUrl(), "ws://127.0.0.1:1/ws-fapi/v1").withSplitStreamPaths(true);
 *     // subscribe, then:
 *     fake.streams().awaitSubscribed("btcusdt@markPrice@1s", Duration.ofSeconds(5));
 *     fake.streams().publish("btcusdt@markPrice@1s", FakeBinanceFuturesStreams.fixture("stream-markPrice.json"));
 *     fake.pushUserData(FakeBinanceFuturesStreams.fixture("user-ORDER_TRADE_UPDATE.json"));
 *     fake.expireListenKey();
 * }
 * }</pre>
 *
 * <p>Thread-safe; {@link #close()} stops both servers.
 */
public final class FakeBinanceFuturesStreams implements AutoCloseable {
    private static final String ROOT = "relaykit/fake-binance-futures/";
    private static final String LISTEN_KEY = "fake-futures-listen-key";

    private final boolean split;
    private final ScriptedWsServer server;
    private final FakeBinanceStreams streams;
    private final RestFake rest;
    private final AtomicInteger keySequence = new AtomicInteger();
    private final List<String> issuedKeys = new ArrayList<>(); // guarded by this
    private String liveKey; // guarded by this; null when none

    private FakeBinanceFuturesStreams(boolean split) {
        this.split = split;
        this.server = ScriptedWsServer.builder().start();
        this.streams = new FakeBinanceStreams(server, split
                ? new FakeBinanceStreams.Routing(Set.of("public", "market", "private"), "public",
                        FakeBinanceFuturesStreams::routeOf, k -> false)
                : new FakeBinanceStreams.Routing(Set.of(), "market", s -> "market", this::issued));
        this.rest = RestFake.start(RestFake.responder(LISTEN_KEY, event -> listenKey(event.getRequest())));
        rest.wireMock().stubFor(any(urlPathMatching("/[fd]api/v1/listenKey"))
                .willReturn(aResponse().withTransformers(LISTEN_KEY)));
    }

    /** @return a USD-M fake: split paths, listen keys under {@code /fapi} */
    public static FakeBinanceFuturesStreams start() {
        return new FakeBinanceFuturesStreams(true);
    }

    /** @return a COIN-M fake: one path, listen keys under {@code /dapi} */
    public static FakeBinanceFuturesStreams startCoinm() {
        return new FakeBinanceFuturesStreams(false);
    }

    /**
     * The fake's own reading of Binance's mapping: which route carries a stream.
     *
     * @param stream a stream name
     * @return {@code public} or {@code market}
     */
    public static String routeOf(String stream) {
        String kind = stream.contains("@") ? stream.substring(stream.indexOf('@') + 1) : stream;
        boolean isPublic = stream.equals("!bookTicker") || kind.equals("bookTicker")
                || kind.matches("depth(5|10|20)?(@(100|250|500)ms)?") || kind.startsWith("rpiDepth");
        return isPublic ? "public" : "market";
    }

    /** @return {@code http://127.0.0.1:PORT} for the listen-key endpoints */
    public String restBaseUrl() {
        return rest.baseUrl();
    }

    /** @return {@code ws://127.0.0.1:PORT} (USD-M: the root; COIN-M: the one stream base) */
    public String baseUrl() {
        return streams.baseUrl();
    }

    /** @return the {@code /public} base (COIN-M: the root) */
    public String publicUrl() {
        return split ? baseUrl() + "/public" : baseUrl();
    }

    /** @return the {@code /market} base (COIN-M: the root) */
    public String marketUrl() {
        return split ? baseUrl() + "/market" : baseUrl();
    }

    /** @return the {@code /private} base (COIN-M: the root) */
    public String privateUrl() {
        return split ? baseUrl() + "/private" : baseUrl();
    }

    /** @return the market-stream side: publish, await subscriptions, drop connections */
    public FakeBinanceStreams streams() {
        return streams;
    }

    /** @return the REST side (every listen-key request it received) */
    public RestFake rest() {
        return rest;
    }

    // ------------------------------------------------------------------ user data

    /**
     * Sends a user data event to every private connection of the live listen key.
     *
     * @param json the event
     * @return how many connections got it
     */
    public int pushUserData(String json) {
        return streams.pushUserData(this::isLive, json);
    }

    /**
     * Ends the live listen key as 60 minutes without a keep-alive would: pushes
     * {@code {"e":"listenKeyExpired","E":"<now>","listenKey":"<key>"}} (the "Event: User Data Stream
     * Expired" example's shape) to its connections; from then on a PUT answers {@code -1125} and the
     * next POST creates a new key.
     *
     * @return the key that expired
     * @throws IllegalStateException if there is no live key
     */
    public String expireListenKey() {
        String key;
        synchronized (this) {
            key = liveKey;
            if (key == null) {
                throw new IllegalStateException("no live listen key");
            }
        }
        String event = "{\"e\":\"listenKeyExpired\",\"E\":\"" + Instant.now().toEpochMilli() + "\",\"listenKey\":\""
                + key + "\"}";
        streams.pushUserData(key::equals, event);
        synchronized (this) {
            if (key.equals(liveKey)) {
                liveKey = null;
            }
        }
        return key;
    }

    /**
     * Ends the live key silently (no event), as a key can vanish on Binance's side: the next PUT
     * answers {@code -1125}.
     */
    public synchronized void forgetListenKey() {
        liveKey = null;
    }

    /** @return the live listen key, or {@code null} */
    public synchronized String liveListenKey() {
        return liveKey;
    }

    /** @return every listen key the fake issued, oldest first */
    public synchronized List<String> issuedListenKeys() {
        return List.copyOf(issuedKeys);
    }

    /**
     * @param method {@code POST}, {@code PUT} or {@code DELETE}
     * @return how many listen-key requests with that method arrived
     */
    public long listenKeyRequests(String method) {
        return rest.requests().stream().filter(r -> r.getMethod().value().equals(method)).count();
    }

    /**
     * Waits until a private connection of the live key is open.
     *
     * @param timeout how long to wait
     * @return the connection
     * @throws TimeoutException if none is in time
     * @throws InterruptedException if interrupted
     */
    public FakeBinanceStreams.Connection awaitUserDataConnection(Duration timeout)
            throws TimeoutException, InterruptedException {
        return streams.await(c -> c.listenKeys().stream().anyMatch(this::isLive), timeout,
                "a user data connection with the live listen key");
    }

    private synchronized boolean isLive(String key) {
        return key.equals(liveKey);
    }

    private synchronized boolean issued(String key) {
        return issuedKeys.contains(key);
    }

    private ResponseDefinition listenKey(LoggedRequest request) {
        if (!request.containsHeader("X-MBX-APIKEY") || request.getHeader("X-MBX-APIKEY").isBlank()) {
            return RestFake.json(401, "{\"code\":-2014,\"msg\":\"API-key format invalid.\"}");
        }
        synchronized (this) {
            switch (request.getMethod().value()) {
                case "POST" -> {
                    if (liveKey == null) {
                        liveKey = "fakeListenKey" + keySequence.incrementAndGet() + "x".repeat(40);
                        issuedKeys.add(liveKey);
                    }
                    return RestFake.json(200, "{\"listenKey\":\"" + liveKey + "\"}");
                }
                case "PUT" -> {
                    if (liveKey == null) {
                        return RestFake.json(400, "{\"code\":-1125,\"msg\":\"This listenKey does not exist.\"}");
                    }
                    return RestFake.json(200, "{\"listenKey\":\"" + liveKey + "\"}");
                }
                case "DELETE" -> {
                    liveKey = null;
                    return RestFake.json(200, "{}");
                }
                default -> {
                    return RestFake.json(405, "{\"code\":-1000,\"msg\":\"method not allowed\"}");
                }
            }
        }
    }

    /**
     * Reads a futures fixture ({@code relaykit/fake-binance-futures/*.json}; {@code fixtures.tsv} there
     * names the documentation page of each).
     *
     * @param name the file name, e.g. {@code stream-markPrice.json}
     * @return its text
     */
    public static String fixture(String name) {
        try (java.io.InputStream in = FakeBinanceFuturesStreams.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + ROOT + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Stops both servers. */
    @Override
    public void close() {
        try {
            streams.close();
        } finally {
            rest.close();
        }
    }
}
