package dev.relaykit.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.relaykit.core.json.Json;


import java.security.PublicKey;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake Binance futures REST API (USD-M {@code /fapi} and COIN-M {@code /dapi}) on a free loopback port.
 *
 * <p>It answers with the response examples of Binance's derivatives documentation (fixtures under
 * {@code relaykit/fake-binance/futures/}, listed in {@code rest-usdm.tsv} and {@code rest-coinm.tsv} with the page
 * each came from), checks signatures as Binance does (the same check as {@link FakeBinance}: -2015 unknown key,
 * -1022 bad signature, -1102 missing signature), and plays USD-M's algo-order service: conditional orders placed
 * with {@code POST /fapi/v1/algoOrder} are remembered, queried, listed and cancelled, while a conditional type sent
 * to {@code /fapi/v1/order} or {@code /fapi/v1/batchOrders} gets Binance's -4120.
 *
 * <pre>{@code
 * try (FakeBinanceFutures fake = FakeBinanceFutures.start().acceptHmacKey("test-key", "test-secret");
 *      UsdmFutures usdm = UsdmFutures.builder()
 *          .environment(FuturesEnvironment.custom(FuturesProduct.USD_M, fake.restBaseUrl(), "ws://127.0.0.1:1",
 *                  "ws://127.0.0.1:1"))
 *          .key(BinanceKey.hmac("test-key", "test-secret"))
 *          .build()) {
 *     PlacedOrder stop = usdm.trading().newOrder(NewFuturesOrder.stopMarket("BTCUSDT", OrderSide.SELL,
 *             new BigDecimal("0.01"), new BigDecimal("58000")));
 *     assertThat(stop).isInstanceOf(PlacedOrder.Conditional.class);   // answered by the algo service
 * }
 * }</pre>
 *
 * <p>{@link #rest()} gives the WireMock server for stubs of your own (errors, rate limits); stubs added later win.
 */
public final class FakeBinanceFutures implements AutoCloseable {
    static final List<String> INDEXES = List.of("futures/rest-usdm.tsv", "futures/rest-coinm.tsv");
    private static final String SERVER_TIME = "relaykit-binance-futures-time";
    /** The order types USD-M's order endpoints refuse since 2025-12-09 ("New Order", -4120). */
    private static final Set<String> CONDITIONAL = Set.of("STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET",
            "TRAILING_STOP_MARKET");

    private final BinanceKeyring keys = new BinanceKeyring();
    private final List<String> signedPaths = new CopyOnWriteArrayList<>();
    private final List<String> rejected = new CopyOnWriteArrayList<>();
    private final FakeAlgoOrders algo = new FakeAlgoOrders();
    private final RestFake rest;

    private FakeBinanceFutures() {
        BinanceSignatureFilter signatures = new BinanceSignatureFilter(keys, signedPaths, rejected);
        this.rest = RestFake.start(new AlgoServiceFilter(signatures), algo, RestFake.responder(SERVER_TIME,
                e -> RestFake.json(200, "{\"serverTime\":" + System.currentTimeMillis() + "}")));
        for (String index : INDEXES) {
            FakeBinance.readIndex(index, 3, "method, path, fixture", f -> {
                List<String> flags = List.of(f).subList(3, f.length);
                MappingBuilder m = request(f[0], urlPathEqualTo(f[1]));
                if (flags.contains("symbol")) {
                    m = m.withQueryParam("symbol", matching(".+"));
                } else if (flags.contains("nosymbol")) {
                    m = m.withQueryParam("symbol", absent());
                }
                for (String flag : flags) {
                    int tilde = flag.indexOf('~');
                    if (tilde > 0) {   // NAME~REGEX: only requests whose NAME parameter matches
                        m = m.withQueryParam(flag.substring(0, tilde), matching(flag.substring(tilde + 1)));
                    }
                }
                rest.stub(m, 200, FakeBinance.resource("futures/" + f[2]));
                if (flags.contains("signed")) {
                    signedPaths.add(f[0] + " " + f[1]);
                }
            });
        }
        for (String time : List.of("/fapi/v1/time", "/dapi/v1/time")) {
            rest.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(time))
                    .willReturn(aResponse().withTransformers(SERVER_TIME)));
        }
        for (String path : FakeAlgoOrders.PATHS) {
            signedPaths.add("POST " + path);
            signedPaths.add("GET " + path);
            signedPaths.add("DELETE " + path);
            rest.wireMock().stubFor(any(urlPathEqualTo(path)).willReturn(aResponse().withTransformers(FakeAlgoOrders.NAME)));
        }
    }

    /**
     * Starts the fake with every documented fixture loaded.
     *
     * @return the running fake
     */
    public static FakeBinanceFutures start() {
        return new FakeBinanceFutures();
    }

    /**
     * Accepts an HMAC key: requests with this API key must be signed with this secret.
     *
     * @param apiKey the API key
     * @param secretKey the secret
     * @return this
     */
    public FakeBinanceFutures acceptHmacKey(String apiKey, String secretKey) {
        keys.acceptHmac(apiKey, secretKey);
        return this;
    }

    /**
     * Accepts an Ed25519 or RSA key.
     *
     * @param apiKey the API key
     * @param publicKey the public key that verifies its signatures
     * @return this
     */
    public FakeBinanceFutures acceptPublicKey(String apiKey, PublicKey publicKey) {
        keys.acceptPublicKey(apiKey, publicKey);
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

    /** @return why requests were refused so far ("-1022 GET /fapi/v3/account", "-4120 POST /fapi/v1/order", ...) */
    public List<String> rejectedRequests() {
        return List.copyOf(rejected);
    }

    /** @return the conditional orders the algo service holds, as it would answer a query, oldest first */
    public List<JsonNode> algoOrders() {
        return algo.all();
    }

    /**
     * Reads a fixture file.
     *
     * @param fixture the file name under {@code relaykit/fake-binance/futures/}
     * @return its text
     */
    public static String resource(String fixture) {
        return FakeBinance.resource("futures/" + fixture);
    }

    /** Stops the server. */
    @Override
    public void close() {
        rest.close();
    }

    /** The signature check, then Binance's -4120 for a conditional type sent to USD-M's order endpoints. */
    private final class AlgoServiceFilter implements StubRequestFilterV2 {
        private final BinanceSignatureFilter signatures;

        AlgoServiceFilter(BinanceSignatureFilter signatures) {
            this.signatures = signatures;
        }

        @Override
        public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
            RequestFilterAction signed = signatures.filter(request, serveEvent);
            if (!(signed instanceof com.github.tomakehurst.wiremock.extension.requestfilter.ContinueAction)) {
                return signed;
            }
            String path = request.getUrl().split("\\?", 2)[0];
            if (!request.getMethod().getName().equals("POST")) {
                return signed;
            }
            boolean refused = false;
            if (path.equals("/fapi/v1/order")) {
                refused = CONDITIONAL.contains(FakeAlgoOrders.param(request, "type"));
            } else if (path.equals("/fapi/v1/batchOrders")) {
                String batch = FakeAlgoOrders.param(request, "batchOrders");
                if (batch != null) {
                    for (JsonNode o : Json.tree(batch)) {
                        refused |= CONDITIONAL.contains(o.path("type").asText());
                    }
                }
            }
            if (refused) {
                rejected.add("-4120 POST " + path);
                return RequestFilterAction.stopWith(FakeBinance.error(400, -4120,
                        "Order type not supported for this endpoint. Please use the Algo Order API endpoints instead."));
            }
            return signed;
        }

        @Override
        public String getName() {
            return "relaykit-binance-futures-filter";
        }
    }

}
