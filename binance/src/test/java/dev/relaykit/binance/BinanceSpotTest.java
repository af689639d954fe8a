package dev.relaykit.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.relaykit.core.RateLimitedException;
import dev.relaykit.core.rest.RestRequest;
import dev.relaykit.core.rest.RetryPolicy;
import dev.relaykit.testkit.FakeBinance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's foundation against the testkit's fake Binance: environments, signing, errors, limits. */
class BinanceSpotTest {
    private FakeBinance fake;

    @BeforeEach
    void start() {
        fake = FakeBinance.start().acceptHmacKey("test-api-key", "test-secret");
        fake.serveFixture("GET", "/api/v3/account", "time.json", true);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private BinanceSpot client(BinanceKey key) {
        BinanceSpot.Builder b = BinanceSpot.builder()
                .environment(BinanceEnvironment.custom(fake.restBaseUrl(), "ws://127.0.0.1:1", "ws://127.0.0.1:1/ws-api/v3"));
        if (key != null) {
            b.key(key);
        }
        return b.build();
    }

    @Test
    void environmentsCarryAllThreeEndpoints() {
        assertThat(BinanceEnvironment.PRODUCTION.restBaseUrl()).isEqualTo("https://api.binance.com");
        assertThat(BinanceEnvironment.TESTNET.wsApiUrl()).isEqualTo("wss://ws-api.testnet.binance.vision/ws-api/v3");
        assertThat(BinanceEnvironment.US.streamBaseUrl()).isEqualTo("wss://stream.binance.us:9443");
        assertThat(BinanceEnvironment.custom("http://h/", "ws://h/", "ws://h/x/").restBaseUrl()).isEqualTo("http://h");
        assertThatThrownBy(() -> BinanceEnvironment.custom("ftp://h", "ws://h", "ws://h"))
                .hasMessageContaining("restBaseUrl must start with http:// or https://");
    }

    @Test
    void productionStreamsFailOverToBinancesDocumentedAlternativesOthersHaveTheirOneBase() {
        assertThat(BinanceEnvironment.PRODUCTION.streamBaseUrls()).containsExactly(
                "wss://stream.binance.com:9443", "wss://stream.binance.com:443", "wss://data-stream.binance.vision");
        assertThat(BinanceEnvironment.US.streamBaseUrls()).containsExactly("wss://stream.binance.us:9443");
        assertThat(BinanceEnvironment.custom("http://h", "ws://h:1", "ws://h:2").streamBaseUrls())
                .containsExactly("ws://h:1");
    }

    @Test
    void publicEndpointsAndServerTime() {
        try (BinanceSpot c = client(null)) {
            c.ping();
            // the fake's clock is live, like Binance's
            assertThat(c.serverTime()).isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(5));
            Duration offset = c.syncTime();
            assertThat(offset.abs()).isLessThan(Duration.ofSeconds(2));
            assertThat(c.clock().millis()).isBetween(System.currentTimeMillis() - 2000, System.currentTimeMillis() + 2000);
        }
    }

    @Test
    void simulatedOrdersAreAnsweredFromWhatWasSent() {
        fake.simulateOrders(new java.math.BigDecimal("97000"));
        try (BinanceSpot c = client(BinanceKey.hmac("test-api-key", "test-secret"))) {
            var placed = c.trading().placeLimitMakerOrder("BTCUSDT", dev.relaykit.binance.model.OrderSide.BUY,
                    new java.math.BigDecimal("0.002"), new java.math.BigDecimal("10000"));
            assertThat(placed.status()).isEqualTo(dev.relaykit.binance.model.OrderStatus.NEW);
            assertThat(placed.origQty()).isEqualByComparingTo("0.002");
            assertThat(c.trading().openOrders("BTCUSDT")).extracting(o -> o.orderId()).containsExactly(placed.orderId());
            assertThat(c.trading().cancelOrder("BTCUSDT", placed.orderId()).status())
                    .isEqualTo(dev.relaykit.binance.model.OrderStatus.CANCELED);
            assertThatThrownBy(() -> c.trading().cancelOrder("BTCUSDT", placed.orderId()))
                    .isInstanceOfSatisfying(BinanceApiException.class, e -> assertThat(e.binanceCode()).isEqualTo(-2011));
            var market = c.trading().placeMarketOrder("BTCUSDT", dev.relaykit.binance.model.OrderSide.SELL,
                    new java.math.BigDecimal("0.5"));
            assertThat(market.status()).isEqualTo(dev.relaykit.binance.model.OrderStatus.FILLED);
            assertThat(market.cummulativeQuoteQty()).isEqualByComparingTo("48500");
            assertThat(fake.rejectedRequests()).isEmpty();
        }
    }

    @Test
    void signedCallCarriesKeyTimestampRecvWindowAndAValidSignature() {
        try (BinanceSpot c = client(BinanceKey.hmac("test-api-key", "test-secret"))) {
            c.call(RestRequest.get("/api/v3/account").param("omitZeroBalances", true).signed().weight(20).build());
            LoggedRequest r = fake.rest().requests().get(0);
            assertThat(r.getHeader("X-MBX-APIKEY")).isEqualTo("test-api-key");
            assertThat(r.getUrl()).matches("/api/v3/account\\?omitZeroBalances=true&recvWindow=5000&timestamp=\\d+"
                    + "&signature=[0-9a-f]{64}");
            assertThat(fake.rejectedRequests()).isEmpty();
        }
    }

    @Test
    void anAbsoluteUrlWithItsOwnQueryIsSignedAsSent() {
        // issue 10 item 2: the URL's own query went out unsigned and Binance answered -1022
        fake.simulateOrders(new java.math.BigDecimal("97000"));
        try (BinanceSpot c = client(BinanceKey.hmac("test-api-key", "test-secret"))) {
            var placed = c.trading().placeLimitMakerOrder("LTCBTC", dev.relaykit.binance.model.OrderSide.BUY,
                    new java.math.BigDecimal("1"), new java.math.BigDecimal("0.001"));
            c.trading().placeLimitMakerOrder("BTCUSDT", dev.relaykit.binance.model.OrderSide.BUY,
                    new java.math.BigDecimal("0.002"), new java.math.BigDecimal("10000"));
            var open = c.call(RestRequest.get(fake.restBaseUrl() + "/api/v3/openOrders?symbol=LTCBTC").signed().build());
            assertThat(open).hasSize(1);
            assertThat(open.get(0).path("orderId").asLong()).isEqualTo(placed.orderId());
            // the URL's own query plus the signer's parameters, in that order, all under one signature
            var again = c.call(RestRequest.get(fake.restBaseUrl() + "/api/v3/openOrders?symbol=LTCBTC")
                    .param("note", "a b").signed().build());
            assertThat(again).hasSize(1);
            List<LoggedRequest> sent = fake.rest().requests();
            assertThat(sent.get(sent.size() - 2).getUrl())
                    .matches("/api/v3/openOrders\\?symbol=LTCBTC&recvWindow=5000&timestamp=\\d+&signature=[0-9a-f]{64}");
            assertThat(sent.get(sent.size() - 1).getUrl()).matches("/api/v3/openOrders\\?symbol=LTCBTC&note=a%20b"
                    + "&recvWindow=5000&timestamp=\\d+&signature=[0-9a-f]{64}");
            assertThat(fake.rejectedRequests()).isEmpty();
        }
    }

    @Test
    void aWrongSecretGetsBinancesMinus1022() {
        try (BinanceSpot c = client(BinanceKey.hmac("test-api-key", "not-the-secret"))) {
            assertThatThrownBy(() -> c.call(RestRequest.get("/api/v3/account").signed().build()))
                    .isInstanceOfSatisfying(BinanceApiException.class, e -> {
                        assertThat(e.binanceCode()).isEqualTo(-1022);
                        assertThat(e.httpStatus()).isEqualTo(400);
                        assertThat(e.getMessage()).contains("Signature for this request is not valid")
                                .doesNotContain("not-the-secret");
                    });
        }
    }

    @Test
    void aSignedCallWithoutAKeyFailsBeforeAnythingIsSent() {
        try (BinanceSpot c = client(null)) {
            assertThatThrownBy(() -> c.call(RestRequest.get("/api/v3/account").signed().build()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("GET /api/v3/account needs an API key");
            assertThat(fake.rest().requests()).isEmpty();
        }
    }

    @Test
    void recvWindowIsValidated() {
        assertThatThrownBy(() -> BinanceSpot.builder().recvWindow(Duration.ofSeconds(61)))
                .hasMessageContaining("between 1 ms and 60000 ms, was 61000 ms");
        assertThat(BinanceKey.hmac("k", "s").toString()).isEqualTo("BinanceKey[HMAC, apiKey=***]");
    }

    @Test
    void after429And418TheClientSendsNothingUntilRetryAfter() {
        // 429 (Retry-After 1 s), then a 418 ban (Retry-After 2 s), then normal service
        fake.rest().wireMock().stubFor(get(urlPathEqualTo("/api/v3/depth")).inScenario("limits")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("banned")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withBody("{\"code\":-1003,\"msg\":\"Too many requests; please use the websocket for live updates.\"}")));
        fake.rest().wireMock().stubFor(get(urlPathEqualTo("/api/v3/depth")).inScenario("limits")
                .whenScenarioStateIs("banned").willSetStateTo("ok")
                .willReturn(aResponse().withStatus(418).withHeader("Retry-After", "2")
                        .withBody("{\"code\":-1003,\"msg\":\"Way too many requests; IP banned until 1499827319559.\"}")));
        fake.rest().wireMock().stubFor(get(urlPathEqualTo("/api/v3/depth")).inScenario("limits")
                .whenScenarioStateIs("ok").willReturn(aResponse().withStatus(200).withBody("{\"lastUpdateId\":1}")));
        try (BinanceSpot c = BinanceSpot.builder()
                .environment(BinanceEnvironment.custom(fake.restBaseUrl(), "ws://127.0.0.1:1", "ws://127.0.0.1:1"))
                .rateLimitMode(dev.relaykit.core.limit.RateLimiter.Mode.FAIL_FAST)
                .retryPolicy(RetryPolicy.none())
                .build()) {
            RestRequest depth = RestRequest.get("/api/v3/depth").param("symbol", "BTCUSDT").weight(5).build();
            assertThatThrownBy(() -> c.call(depth)).isInstanceOfSatisfying(RateLimitedException.class, e -> {
                assertThat(e.httpStatus()).isEqualTo(429);
                assertThat(e.isLocal()).isFalse();
            });
            // during the Retry-After window the client refuses locally: nothing reaches Binance
            assertThatThrownBy(() -> c.call(depth)).isInstanceOfSatisfying(RateLimitedException.class,
                    e -> assertThat(e.isLocal()).isTrue());
            assertThat(fake.rest().requests()).hasSize(1);
            awaitUntil(Instant.now().plusMillis(1100));
            assertThatThrownBy(() -> c.call(depth)).isInstanceOfSatisfying(RateLimitedException.class, e -> {
                assertThat(e.httpStatus()).isEqualTo(418);
                assertThat(e.retryAt()).isAfter(Instant.now().plusMillis(1500));
            });
            Instant banEnds = Instant.now().plusSeconds(2);
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> c.call(depth)).isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.isLocal()).isTrue());
            }
            assertThat(fake.rest().requests()).hasSize(2); // never sent during the ban
            awaitUntil(banEnds.plusMillis(100));
            assertThat(c.call(depth).path("lastUpdateId").asLong()).isEqualTo(1);
            List<LoggedRequest> all = fake.rest().requests();
            assertThat(all).hasSize(3);
            assertThat(all.get(2).getLoggedDate().toInstant()).isAfterOrEqualTo(banEnds.minusMillis(50));
        }
    }

    @Test
    void anOrderDuringA418BanFailsAtOnceInWaitModeAndIsNeverSentLater() throws Exception {
        fake.simulateOrders(new java.math.BigDecimal("97000"));
        fake.rest().wireMock().stubFor(get(urlPathEqualTo("/api/v3/depth")).willReturn(aResponse().withStatus(418)
                .withHeader("Retry-After", "2")
                .withBody("{\"code\":-1003,\"msg\":\"Way too many requests; IP banned until 1499827319559.\"}")));
        // the default mode, WAIT: a ban must still never be waited out
        try (BinanceSpot c = client(BinanceKey.hmac("test-api-key", "test-secret"))) {
            assertThatThrownBy(() -> c.call(RestRequest.get("/api/v3/depth").param("symbol", "BTCUSDT").build()))
                    .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.httpStatus()).isEqualTo(418));
            Instant banEnds = Instant.now().plusSeconds(2);
            long start = System.nanoTime();
            var sync = org.assertj.core.api.Assertions.catchThrowable(() -> c.trading().placeLimitMakerOrder("BTCUSDT",
                    dev.relaykit.binance.model.OrderSide.BUY, new java.math.BigDecimal("0.002"), new java.math.BigDecimal("10000")));
            var async = c.trading().placeOrderAsync(NewOrder.market("BTCUSDT", dev.relaykit.binance.model.OrderSide.SELL,
                    new java.math.BigDecimal("0.5")).build());
            assertThatThrownBy(() -> async.get(1, java.util.concurrent.TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.isLocal()).isTrue());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused at once").isLessThan(Duration.ofMillis(500));
            assertThat(sync).isInstanceOfSatisfying(RateLimitedException.class, e -> {
                assertThat(e.isLocal()).isTrue();
                assertThat(e.httpStatus()).isEqualTo(418);
                assertThat(e.retryAt()).isBetween(banEnds.minusMillis(500), banEnds.plusMillis(500));
            });
            awaitUntil(banEnds.plusMillis(700));
            assertThat(fake.rest().requests()).as("no order went out when the ban ended")
                    .noneMatch(r -> r.getUrl().startsWith("/api/v3/order"));
            // after the ban, orders go again
            c.trading().placeLimitMakerOrder("BTCUSDT", dev.relaykit.binance.model.OrderSide.BUY,
                    new java.math.BigDecimal("0.002"), new java.math.BigDecimal("10000"));
            assertThat(fake.rest().requests()).filteredOn(r -> r.getUrl().startsWith("/api/v3/order")).hasSize(1);
        }
    }

    private static void awaitUntil(Instant t) {
        while (Instant.now().isBefore(t)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
