package dev.relaykit.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A fake Binance spot REST API on a free loopback port, for testing bots offline.
 *
 * <p>It answers with the example responses from Binance's spot API documentation (fixtures under
 * {@code relaykit/fake-binance/} on the classpath, each naming the page it came from) and checks
 * signed requests as Binance does: a request carrying a {@code signature} must carry a known
 * {@code X-MBX-APIKEY} (else {@code -2015}) and a signature that verifies over the query string plus
 * the body (else {@code -1022}); an endpoint marked signed refuses a request with no signature
 * ({@code -1102}).
 *
 * <pre>{@code
 * try (FakeBinance fake = FakeBinance.start().acceptHmacKey("test-key", "test-secret");
 *      BinanceSpot client = BinanceSpot.builder()
 *          .environment(BinanceEnvironment.custom(fake.restBaseUrl(), "ws://127.0.0.1:1", "ws://127.0.0.1:1"))
 *          .key(BinanceKey.hmac("test-key", "test-secret"))
 *          .build()) {
 *     Account account = client.trading().account();   // signed, checked, answered from the docs' example
 *     assertThat(account.balances()).isNotEmpty();
 * }
 * }</pre>
 *
 * <p>{@link #simulateOrders(java.math.BigDecimal)} replaces the fixed order answers with a small
 * order engine, so a bot sees its own orders back.
 *
 * <p>Fixtures are listed in tab-separated index files ({@code rest-*.tsv}): method, path, fixture
 * file, and {@code signed} for endpoints that require a signature. {@link #rest()} gives the
 * WireMock server for stubs of your own (errors, rate limits); stubs added later win.
 */
public final class FakeBinance implements AutoCloseable {
    /** The index files the fake loads, one per area of the API. */
    static final List<String> INDEXES = List.of("rest-general.tsv", "rest-market.tsv", "rest-trade.tsv",
            "rest-wallet.tsv", "rest-convert.tsv");
    private static final String ROOT = "relaykit/fake-binance/";
    private static final String SERVER_TIME = "relaykit-binance-time";

    private final BinanceKeyring keys = new BinanceKeyring();
    private final List<String> signedPaths = new CopyOnWriteArrayList<>();
    private final List<String> rejected = new CopyOnWriteArrayList<>();
    private final RestFake rest;
    private final FakeBinanceOrders orders = new FakeBinanceOrders();

    private FakeBinance() {
        this.rest = RestFake.start(new BinanceSignatureFilter(keys, signedPaths, rejected), orders, RestFake.responder(SERVER_TIME,
                // GET /api/v3/time: the current time, in the documented shape
                e -> RestFake.json(200, "{\"serverTime\":" + System.currentTimeMillis() + "}")));
        for (String index : INDEXES) {
            readIndex(index, 3, "method, path, fixture",
                    f -> serveFixture(f[0], f[1], f[2], f.length > 3 && f[3].equals("signed")));
        }
        // the server clock is live (the documented example is a fixed 2017 instant): bots sync to it
        rest.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/v3/time"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withTransformers(SERVER_TIME)));
    }

    /**
     * Starts the fake with every documented fixture loaded.
     *
     * @return the running fake
     */
    public static FakeBinance start() {
        return new FakeBinance();
    }

    /**
     * Accepts an HMAC key: requests with this API key must be signed with this secret.
     *
     * @param apiKey the API key
     * @param secretKey the secret
     * @return this
     */
    public FakeBinance acceptHmacKey(String apiKey, String secretKey) {
        keys.acceptHmac(apiKey, secretKey);
        return this;
    }

    /**
     * Accepts an Ed25519 or RSA key: requests with this API key must carry a base64 signature that
     * this public key verifies.
     *
     * @param apiKey the API key
     * @param publicKey the Ed25519 or RSA public key
     * @return this
     */
    public FakeBinance acceptPublicKey(String apiKey, PublicKey publicKey) {
        keys.acceptPublicKey(apiKey, publicKey);
        return this;
    }

    /**
     * Switches from fixed documented answers to a small order engine for {@code /api/v3/order} and
     * {@code /api/v3/openOrders}: orders are answered from what was sent and remembered, MARKET orders
     * fill at {@code marketPrice}, other types rest as NEW until cancelled (no matching). Query and
     * cancel answer Binance's {@code -2013} / {@code -2011} for unknown orders.
     *
     * @param marketPrice the price MARKET orders fill at
     * @return this
     */
    public FakeBinance simulateOrders(java.math.BigDecimal marketPrice) {
        orders.marketPrice(marketPrice);
        for (String path : List.of("/api/v3/order", "/api/v3/openOrders")) {
            rest.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(urlPathEqualTo(path))
                    .atPriority(1)
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                            .withTransformers(FakeBinanceOrders.NAME)));
        }
        return this;
    }

    /** @return {@code http://127.0.0.1:PORT} */
    public String restBaseUrl() {
        return rest.baseUrl();
    }

    /** @return the REST fake (WireMock), for stubs of your own and for inspecting requests */
    public RestFake rest() {
        return rest;
    }

    /** @return why requests were refused by the signature check so far ("-1022 GET /api/v3/account", ...) */
    public List<String> rejectedRequests() {
        return List.copyOf(rejected);
    }

    /**
     * Answers {@code method path} with a fixture file from {@code relaykit/fake-binance/}.
     *
     * @param method HTTP method
     * @param path the path
     * @param fixture the file name under {@code relaykit/fake-binance/}
     * @param signed {@code true} if the endpoint requires a signature
     * @return this
     */
    public FakeBinance serveFixture(String method, String path, String fixture, boolean signed) {
        rest.stub(request(method, urlPathEqualTo(path)), 200, resource(fixture));
        if (signed) {
            signedPaths.add(method + " " + path);
        }
        return this;
    }

    /**
     * Reads a fixture file.
     *
     * @param fixture the file name under {@code relaykit/fake-binance/}
     * @return its text
     * @throws IllegalArgumentException if there is no such fixture
     */
    public static String resource(String fixture) {
        try (InputStream in = FakeBinance.class.getClassLoader().getResourceAsStream(ROOT + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + ROOT + fixture);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a tab-separated fixture index under {@code relaykit/fake-binance/}, skipping blank lines
     * and {@code #} comments; an absent index is read as empty. Shared by the REST and WebSocket API
     * fakes.
     *
     * @param index the index's file name
     * @param minColumns how many columns a line must have
     * @param columns the columns' names, for the message about a short line
     * @param row takes each line's columns
     * @throws IllegalStateException if a line has fewer columns
     */
    static void readIndex(String index, int minColumns, String columns, Consumer<String[]> row) {
        InputStream in = FakeBinance.class.getClassLoader().getResourceAsStream(ROOT + index);
        if (in == null) {
            return;
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length < minColumns) {
                    throw new IllegalStateException(index + ": expected " + columns + ": " + line);
                }
                row.accept(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server. */
    @Override
    public void close() {
        rest.close();
    }

    /** Binance's error body: {@code {"code":-1022,"msg":"..."}}. */
    static ResponseDefinition error(int status, int code, String msg) {
        return RestFake.json(status, "{\"code\":" + code + ",\"msg\":\"" + msg + "\"}");
    }
}
