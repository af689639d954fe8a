package dev.relaykit.binance.wsapi;

import dev.relaykit.testkit.Loopback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.binance.BinanceApiException;
import dev.relaykit.binance.BinanceEnvironment;
import dev.relaykit.binance.BinanceKey;
import dev.relaykit.binance.BinanceSpot;
import dev.relaykit.binance.ExchangeInfoCache;
import dev.relaykit.binance.model.ExchangeInfo;
import dev.relaykit.binance.model.KlineInterval;
import dev.relaykit.binance.model.OrderBookDepth;
import dev.relaykit.binance.model.OrderSide;
import dev.relaykit.binance.model.OrderType;
import dev.relaykit.binance.NewOrder;
import dev.relaykit.binance.model.CancelReplaceMode;
import dev.relaykit.binance.model.CancelReplaceResult;
import dev.relaykit.binance.model.Order;
import dev.relaykit.binance.model.OrderStatus;
import dev.relaykit.binance.model.TimeInForce;
import dev.relaykit.binance.userdata.BalanceUpdate;
import dev.relaykit.binance.userdata.ExecutionReport;
import dev.relaykit.binance.userdata.UserDataEvent;
import dev.relaykit.binance.userdata.UserDataGap;
import dev.relaykit.binance.userdata.UserDataListener;
import dev.relaykit.binance.userdata.UserDataSubscription;
import dev.relaykit.core.RateLimitedException;
import dev.relaykit.core.RelayKitException;
import dev.relaykit.core.TransportException;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.limit.RateLimit;
import dev.relaykit.core.limit.RateLimiter;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.sign.PayloadSigner;
import dev.relaykit.core.ws.ConnectionState;
import dev.relaykit.core.ws.ReconnectPolicy;
import dev.relaykit.testkit.FakeBinance;
import dev.relaykit.testkit.FakeBinanceWsApi;
import java.math.BigDecimal;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The WebSocket API client against the testkit's FakeBinanceWsApi on loopback. */
class WsApiClientTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Duration WAIT = Duration.ofSeconds(5);

    private FakeBinanceWsApi fake;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeEach
    void start() {
        fake = FakeBinanceWsApi.start().acceptHmacKey("hmac-key", "hmac-secret");
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        fake.close();
    }

    private BinanceSpot spot(BinanceKey key, RateLimiter.Mode mode) {
        BinanceSpot.Builder b = BinanceSpot.builder()
                .environment(BinanceEnvironment.custom("http://127.0.0.1:1", "ws://127.0.0.1:1", fake.wsApiUrl()))
                .rateLimitMode(mode);
        if (key != null) {
            b.key(key);
        }
        BinanceSpot spot = b.build();
        closeables.add(spot);
        return spot;
    }

    private WsApiClient client(BinanceSpot spot, Duration timeout) {
        WsApiClient c = WsApiClient.builder(spot)
                .requestTimeout(timeout)
                .reconnect(ReconnectPolicy.linear(Duration.ofMillis(50), Duration.ZERO, Duration.ofMillis(50)))
                .build();
        closeables.add(c);
        return c;
    }

    private WsApiClient hmacClient() {
        return client(spot(BinanceKey.hmac("hmac-key", "hmac-secret"), RateLimiter.Mode.WAIT), WAIT);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(5);
        }
    }

    private static KeyPair ed25519() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private static String pem(KeyPair kp) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(kp.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static Throwable failure(CompletableFuture<?> f) {
        Throwable t = f.handle((v, e) -> e).join();
        return t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    // ------------------------------------------------------------------ signing

    @Test
    void signaturePayloadMatchesBinancesDocumentedHmacExample() {
        // WebSocket API documentation, "Request security", SIGNED request example (HMAC)
        ObjectNode p = NODES.objectNode();
        p.put("symbol", "BTCUSDT").put("side", "SELL").put("type", "LIMIT").put("timeInForce", "GTC")
                .put("quantity", "0.01000000").put("price", "52000.00").put("newOrderRespType", "ACK")
                .put("recvWindow", 100).put("timestamp", 1645423376532L)
                .put("apiKey", "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A");
        String payload = WsApiClient.signaturePayload(p);
        assertThat(payload).isEqualTo("apiKey=vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"
                + "&newOrderRespType=ACK&price=52000.00&quantity=0.01000000&recvWindow=100&side=SELL&symbol=BTCUSDT"
                + "&timeInForce=GTC&timestamp=1645423376532&type=LIMIT");
        assertThat(FakeBinanceWsApi.signaturePayload(p)).isEqualTo(payload);
        assertThat(PayloadSigner.hmacSha256Hex(Secret.of("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"))
                .sign(payload.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isEqualTo("cc15477742bd704c29492d96c7ead9414dfd8e0ec4a00f947bb5bb454ddbd08a");
    }

    @Test
    void signedRequestsCarryKeyTimestampAndAValidSignatureAndDecodeTheDocumentedAnswer() throws Exception {
        WsApiClient ws = hmacClient();
        Order placed = ws.placeOrder(NewOrder.limit("BTCUSDT", OrderSide.SELL, new BigDecimal("0.00847000"),
                new BigDecimal("23416.10000000")).timeInForce(TimeInForce.GTC).build());
        assertThat(placed.orderId()).isEqualTo(12569099453L);
        assertThat(placed.fills().get(1).price()).isEqualTo(new BigDecimal("23416.50000000"));
        JsonNode params = fake.requests("order.place").get(0).path("params");
        assertThat(params.path("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(params.path("side").asText()).isEqualTo("SELL");
        assertThat(params.path("type").asText()).isEqualTo("LIMIT");
        assertThat(params.path("timeInForce").asText()).isEqualTo("GTC");
        assertThat(params.path("price").isTextual()).as("DECIMAL parameters are JSON strings").isTrue();
        assertThat(params.path("price").asText()).isEqualTo("23416.10000000");
        assertThat(params.path("quantity").asText()).isEqualTo("0.00847000");
        assertThat(params.path("apiKey").asText()).isEqualTo("hmac-key");
        assertThat(params.path("timestamp").asLong()).isCloseTo(System.currentTimeMillis(),
                org.assertj.core.data.Offset.offset(10_000L));
        assertThat(params.path("signature").asText()).matches("[0-9a-f]{64}");
        assertThat(fake.rejectedRequests()).isEmpty();
        assertThat(ws.isAuthenticated()).as("HMAC keys cannot log on; every request is signed").isFalse();
        assertThat(fake.requests("session.logon")).isEmpty();
    }

    @Test
    void withOrderRulesAnOrderBreakingThemIsRefusedLocallyAndNothingIsSent() {
        // the documented exchangeInfo example: ETHBTC, tickSize 0.000001, stepSize 0.001, NOTIONAL 10..10000
        ExchangeInfoCache rules = ExchangeInfoCache.of(Json.read(FakeBinance.resource("market-exchange-info.json"),
                ExchangeInfo.class));
        BinanceSpot spot = BinanceSpot.builder()
                .environment(BinanceEnvironment.custom("http://127.0.0.1:1", "ws://127.0.0.1:1", fake.wsApiUrl()))
                .key(BinanceKey.hmac("hmac-key", "hmac-secret")).orderRules(rules).build();
        closeables.add(spot);
        WsApiClient ws = client(spot, WAIT);
        assertThatThrownBy(() -> ws.placeOrder(NewOrder.limit("ETHBTC", OrderSide.BUY, new BigDecimal("300.0015"),
                new BigDecimal("0.05")).timeInForce(TimeInForce.GTC).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LOT_SIZE");
        assertThatThrownBy(() -> ws.placeOrderAsync(NewOrder.limit("FOOBAR", OrderSide.BUY, BigDecimal.ONE,
                BigDecimal.ONE).timeInForce(TimeInForce.GTC).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown symbol FOOBAR");
        assertThatThrownBy(() -> ws.testOrder(NewOrder.market("ETHBTC", OrderSide.SELL, new BigDecimal("0.0001")).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LOT_SIZE");
        assertThatThrownBy(() -> ws.cancelReplace(1L, CancelReplaceMode.STOP_ON_FAILURE, NewOrder.limit("ETHBTC",
                OrderSide.BUY, new BigDecimal("300"), new BigDecimal("0.0500005")).timeInForce(TimeInForce.GTC).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PRICE_FILTER");
        assertThat(fake.requests()).isEmpty();
        assertThat(fake.server().connectionCount()).as("not even a connection was needed").isZero();
    }

    @Test
    void aBadSignatureIsAnsweredWithMinus1022() {
        WsApiClient ws = client(spot(BinanceKey.hmac("hmac-key", "not-the-secret"), RateLimiter.Mode.WAIT), WAIT);
        assertThatThrownBy(ws::accountStatus).isInstanceOfSatisfying(BinanceApiException.class, e -> {
            assertThat(e.binanceCode()).isEqualTo(-1022);
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.getMessage()).contains("Signature for this request is not valid")
                    .doesNotContain("not-the-secret").doesNotContain("hmac-key");
        });
        assertThat(fake.rejectedRequests()).containsExactly("-1022 account.status");
    }

    @Test
    void documentedErrorAnswersBecomeBinanceApiException() {
        fake.answer("order.place", "wsapi-error-insufficient-balance.json");
        WsApiClient ws = hmacClient();
        assertThatThrownBy(() -> ws.placeOrder(NewOrder.market("BTCUSDT", OrderSide.BUY, new BigDecimal("1")).build()))
                .isInstanceOfSatisfying(BinanceApiException.class, e -> {
                    assertThat(e.binanceCode()).isEqualTo(-2010);
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.serviceMessage()).isEqualTo("Account has insufficient balance for requested action.");
                });
    }

    // ------------------------------------------------------------------ matching, deadlines, drops

    @Test
    void concurrentRequestsAreMatchedByIdEvenWhenAnsweredOutOfOrder() throws Exception {
        List<FakeBinanceWsApi.Call> held = new CopyOnWriteArrayList<>();
        fake.handle("ticker.price", held::add);
        WsApiClient ws = hmacClient();
        List<String> symbols = List.of("AAAUSDT", "BBBUSDT", "CCCUSDT", "DDDUSDT");
        List<CompletableFuture<JsonNode>> futures = new ArrayList<>();
        for (String s : symbols) {
            futures.add(ws.tickerPriceAsync(s));
        }
        await("all four requests reached the fake", () -> held.size() == 4);
        assertThat(held.stream().map(c -> c.request().path("id").asText()).distinct()).hasSize(4);
        for (int i = held.size() - 1; i >= 0; i--) { // answer last first
            FakeBinanceWsApi.Call c = held.get(i);
            c.reply(NODES.objectNode().put("symbol", c.params().path("symbol").asText()).put("price", i + ".5"));
        }
        for (int i = 0; i < symbols.size(); i++) {
            assertThat(futures.get(i).get().path("symbol").asText()).isEqualTo(symbols.get(i));
        }
    }

    @Test
    void aRequestWithoutAnswerFailsClearlyAtItsDeadline() {
        fake.handle("avgPrice", call -> { }); // never answers
        WsApiClient ws = client(spot(null, RateLimiter.Mode.WAIT), Duration.ofMillis(400));
        long start = System.nanoTime();
        assertThatThrownBy(() -> ws.avgPrice("BTCUSDT")).isInstanceOf(TransportException.class)
                .hasMessageContaining("no answer from the Binance WebSocket API to avgPrice")
                .hasMessageContaining("within 400 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(fake.requests("avgPrice")).hasSize(1);
        // a late answer to the expired id is ignored; the connection keeps working
        assertThat(ws.serverTime()).isEqualTo(Instant.ofEpochMilli(1656400526260L));
    }

    @Test
    void aDropFailsRequestsInFlightAndNeverResendsTheOrder() throws Exception {
        fake.handle("order.place", call -> { }); // held: the drop comes first
        fake.handle("order.status", call -> { });
        WsApiClient ws = hmacClient();
        ws.connect().get();
        CompletableFuture<Order> order = ws.placeOrderAsync(NewOrder.limit("BTCUSDT", OrderSide.BUY,
                new BigDecimal("1"), new BigDecimal("100")).timeInForce(TimeInForce.GTC).build());
        CompletableFuture<Order> query = ws.orderStatusAsync("BTCUSDT", 42);
        fake.awaitRequests("order.place", 1, WAIT);
        fake.awaitRequests("order.status", 1, WAIT);
        fake.dropAll();
        assertThat(failure(order)).isInstanceOf(TransportException.class)
                .hasMessageContaining("lost before the answer to order.place")
                .hasMessageContaining("may or may not have been placed").hasMessageContaining("NOT resent");
        assertThat(failure(query)).isInstanceOf(TransportException.class)
                .hasMessageContaining("lost before the answer to order.status");
        await("reconnected", () -> fake.server().connectionCount() == 2 && ws.state() == ConnectionState.OPEN);
        ws.ping(); // a round trip on the new connection: anything resent would have arrived before
        assertThat(fake.requests("order.place")).hasSize(1);
        assertThat(fake.requests("order.status")).hasSize(1);
    }

    // ------------------------------------------------------------------ session logon

    @Test
    void ed25519LogonMakesSignaturesUnnecessaryAndIsRedoneFirstAfterAReconnect() throws Exception {
        KeyPair kp = ed25519();
        fake.acceptPublicKey("ed-key", kp.getPublic());
        BinanceSpot spot = spot(BinanceKey.ed25519("ed-key", pem(kp)), RateLimiter.Mode.WAIT);
        WsApiClient ws = client(spot, WAIT);
        ws.connect().get();
        assertThat(ws.isAuthenticated()).isTrue();
        JsonNode logon = fake.requests().get(0);
        assertThat(logon.path("method").asText()).isEqualTo("session.logon");
        assertThat(logon.path("params").path("apiKey").asText()).isEqualTo("ed-key");
        assertThat(logon.path("params").has("timestamp")).isTrue();
        assertThat(fake.loggedOnKey(1)).isEqualTo("ed-key");

        ws.placeOrder(NewOrder.market("BTCUSDT", OrderSide.BUY, new BigDecimal("0.5")).build());
        JsonNode unsigned = fake.requests("order.place").get(0).path("params");
        assertThat(unsigned.has("timestamp")).isTrue();
        assertThat(unsigned.has("signature")).as("logged on: no per-request signature").isFalse();
        assertThat(unsigned.has("apiKey")).isFalse();

        int before = fake.requests().size();
        fake.dropAll();
        await("logged on again on the second connection", () -> fake.loggedOnKey(2) != null && ws.isAuthenticated());
        JsonNode relogon = fake.requests().get(before);
        assertThat(relogon.path("method").asText()).as("the first frame of the new connection").isEqualTo("session.logon");
        assertThat(relogon.path("params").path("timestamp").asLong())
                .isGreaterThanOrEqualTo(logon.path("params").path("timestamp").asLong());
        assertThat(relogon.path("params").path("signature").asText())
                .isNotEqualTo(logon.path("params").path("signature").asText());
        ws.cancelOrder("BTCUSDT", 12569099453L);
        assertThat(fake.requests("order.cancel").get(0).path("params").has("signature")).isFalse();
        assertThat(fake.rejectedRequests()).isEmpty();
    }

    @Test
    void aRefusedLogonFailsConnect() throws Exception {
        KeyPair kp = ed25519();
        fake.acceptPublicKey("ed-key", ed25519().getPublic()); // a different key: the signature cannot verify
        WsApiClient ws = client(spot(BinanceKey.ed25519("ed-key", pem(kp)), RateLimiter.Mode.WAIT), WAIT);
        assertThat(failure(ws.connect())).isInstanceOfSatisfying(BinanceApiException.class,
                e -> assertThat(e.binanceCode()).isEqualTo(-1022));
        assertThat(ws.isAuthenticated()).isFalse();
        // the connection stays usable: public requests still work, signed ones carry their own signature
        assertThat(ws.serverTime()).isEqualTo(Instant.ofEpochMilli(1656400526260L));
    }

    // ------------------------------------------------------------------ rate limits

    @Test
    void rateLimitsInAnswersUpdateTheRestClientsLimiters() {
        BinanceSpot spot = spot(BinanceKey.hmac("hmac-key", "hmac-secret"), RateLimiter.Mode.WAIT);
        WsApiClient ws = client(spot, WAIT);
        RateLimit weight = spot.weightLimiter().limits().get(0);
        fake.usedWeight(4000); // other clients on the same IP
        ws.ping();
        assertThat(spot.weightLimiter().used(weight)).isEqualTo(4001);
        ws.placeOrder(NewOrder.market("BTCUSDT", OrderSide.BUY, new BigDecimal("1")).build());
        RateLimit orders10s = spot.orderLimiter().limits().stream()
                .filter(l -> l.window().equals(Duration.ofSeconds(10))).findFirst().orElseThrow();
        assertThat(spot.orderLimiter().used(orders10s)).isEqualTo(1);
    }

    @Test
    void a418HoldsEveryRequestRestAndWebSocketUntilRetryAfter() {
        Instant until = Instant.now().plusSeconds(30);
        fake.handle("time", call -> call.replyRateLimited(418, until));
        BinanceSpot spot = spot(null, RateLimiter.Mode.FAIL_FAST);
        WsApiClient ws = client(spot, WAIT);
        assertThatThrownBy(ws::serverTime).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(418);
            assertThat(e.isLocal()).isFalse();
            assertThat(e.retryAt()).isEqualTo(Instant.ofEpochMilli(until.toEpochMilli()));
        });
        // the same limiter: WebSocket and REST requests are now refused locally, nothing is sent
        assertThatThrownBy(ws::ping).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.isLocal()).isTrue());
        assertThatThrownBy(spot::ping).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.isLocal()).isTrue());
        assertThat(fake.requests("ping")).isEmpty();
    }

    @Test
    void anOrderDuringA418BanFailsAtOnceInWaitModeAndIsNeverSentLater() throws Exception {
        Instant until = Instant.now().plusSeconds(2);
        fake.handle("time", call -> call.replyRateLimited(418, until));
        BinanceSpot spot = spot(BinanceKey.hmac("hmac-key", "hmac-secret"), RateLimiter.Mode.WAIT);
        WsApiClient ws = client(spot, WAIT);
        assertThatThrownBy(ws::serverTime).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.httpStatus()).isEqualTo(418));
        long start = System.nanoTime();
        NewOrder order = NewOrder.market("BTCUSDT", OrderSide.BUY, new BigDecimal("1")).build();
        CompletableFuture<Order> async = ws.placeOrderAsync(order);
        assertThat(failure(async)).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.isLocal()).isTrue();
            assertThat(e.retryAt()).isEqualTo(Instant.ofEpochMilli(until.toEpochMilli()));
        });
        assertThatThrownBy(() -> ws.placeOrder(order)).isInstanceOf(RateLimitedException.class);
        // the REST side of the same client refuses its orders too
        assertThatThrownBy(() -> spot.trading().placeOrder(order)).isInstanceOf(RateLimitedException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), until).toMillis() + 700));
        assertThat(fake.requests("order.place")).as("nothing sent when the ban ended").isEmpty();
    }

    @Test
    void documentedBanAnswerIsDecodedWithItsRetryAfter() {
        fake.answer("klines", "wsapi-error-ip-banned.json");
        WsApiClient ws = client(spot(null, RateLimiter.Mode.FAIL_FAST), WAIT);
        assertThatThrownBy(() -> ws.klines("BNBBTC", KlineInterval.MINUTE_1, 5))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(418);
                    assertThat(e.retryAt()).isEqualTo(Instant.ofEpochMilli(1659146400000L));
                    assertThat(e.getMessage()).contains("-1003");
                });
    }

    // ------------------------------------------------------------------ local validation

    @Test
    void badInputFailsBeforeAnythingIsSent() {
        WsApiClient ws = hmacClient();
        WsApiClient noKey = client(spot(null, RateLimiter.Mode.WAIT), WAIT);
        List<Supplier<Object>> bad = List.of(
                () -> NewOrder.builder("BTCUSDT", OrderSide.BUY, OrderType.LIMIT).quantity(BigDecimal.ONE).build(),
                () -> NewOrder.limit("BTCUSDT", OrderSide.BUY, new BigDecimal("-1"), BigDecimal.TEN).timeInForce(TimeInForce.GTC).build(),
                () -> NewOrder.market("BTCUSDT", OrderSide.SELL, BigDecimal.ZERO).build(),
                () -> NewOrder.builder("BTCUSDT", OrderSide.SELL, OrderType.STOP_LOSS).quantity(BigDecimal.ONE).build(),
                () -> NewOrder.builder(" ", OrderSide.BUY, OrderType.MARKET).quantity(BigDecimal.ONE).build(),
                () -> NewOrder.builder("BTCUSDT", OrderSide.UNKNOWN, OrderType.MARKET).quantity(BigDecimal.ONE).build(),
                () -> ws.depth("BTCUSDT", 0),
                () -> ws.klines("BTCUSDT", null, 10),
                () -> ws.recentTrades(null, 10),
                () -> ws.cancelOrderByClientId("BTCUSDT", ""),
                () -> ws.placeOco(Map.of("symbol", "BTCUSDT", "side", "SELL", "quantity", new BigDecimal("1"))),
                () -> ws.placeOco(Map.of("symbol", "BTCUSDT", "side", "SELL", "quantity", new BigDecimal("-1"),
                        "aboveType", "LIMIT_MAKER", "belowType", "STOP_LOSS")));
        for (Supplier<Object> b : bad) {
            assertThatThrownBy(b::get).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(noKey::accountStatus).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("account.status needs an API key");
        assertThatThrownBy(() -> noKey.subscribeUserData(e -> { })).isInstanceOf(IllegalStateException.class);
        assertThat(fake.requests()).isEmpty();
        assertThat(fake.server().connectionCount()).as("not even connected").isZero();
    }

    // ------------------------------------------------------------------ every method's request

    @Test
    void everyMethodSendsBinancesMethodNameAndParameters() throws Exception {
        for (String m : List.of("trades.recent", "klines", "avgPrice", "ticker.price", "ticker.book", "exchangeInfo",
                "order.status", "openOrders.status", "orderList.place.oco", "orderList.place.oto",
                "orderList.place.otoco", "orderList.cancel", "orderList.status", "account.status", "account.commission")) {
            fake.handle(m, call -> call.reply(NODES.objectNode().put("echo", call.method())));
        }
        // order answers: the WebSocket API returns the REST endpoints' documented shapes (Binance spot
        // WebSocket API, "Trading requests" / "Account requests"), so the REST fixtures serve here too
        Map<String, String> shaped = Map.of("order.status", "trade-order-query.json",
                "openOrders.status", "trade-open-orders.json", "orderList.place.oco", "trade-orderlist-oco.json",
                "orderList.place.oto", "trade-orderlist-oto.json", "orderList.place.otoco", "trade-orderlist-otoco.json",
                "orderList.cancel", "trade-orderlist-cancel.json", "orderList.status", "trade-orderlist-query.json");
        shaped.forEach((m, fixture) -> fake.handle(m, call -> call.reply(
                dev.relaykit.core.json.Json.tree(dev.relaykit.testkit.FakeBinance.resource(fixture)))));
        WsApiClient ws = hmacClient();

        OrderBookDepth book = ws.depth("BNBBTC", 5); // documented answer (market-data-requests#order-book)
        assertThat(book.lastUpdateId()).isEqualTo(2731179239L);
        assertThat(book.bids().get(0).price()).isEqualTo(new BigDecimal("0.01379900"));
        assertThat(book.asks().get(4).quantity()).isEqualTo(new BigDecimal("0.26800000"));
        assertThat(ws.serverTime()).isEqualTo(Instant.ofEpochMilli(1656400526260L));
        ws.ping();
        assertThat(ws.testOrder(NewOrder.market("BTCUSDT", OrderSide.BUY, BigDecimal.ONE).build()).isEmpty()).isTrue();
        assertThat(ws.cancelOrderByClientId("BTCUSDT", "4d96324ff9d44481926157").status())
                .isEqualTo(OrderStatus.CANCELED);
        CancelReplaceResult replaced = ws.cancelReplace(125690984230L, CancelReplaceMode.ALLOW_FAILURE,
                NewOrder.limit("BTCUSDT", OrderSide.SELL, new BigDecimal("0.00847000"), new BigDecimal("23416.1")).timeInForce(TimeInForce.GTC).build());
        assertThat(replaced.newOrderResponse().orderId()).isEqualTo(12569099453L);
        ws.recentTrades("BNBBTC", 1);
        ws.klines("BNBBTC", KlineInterval.HOUR_1, 2);
        ws.avgPrice("BNBBTC");
        ws.tickerPrice("BNBBTC");
        ws.tickerBook(null);
        ws.exchangeInfo("BNBBTC", "BTCUSDT");
        assertThat(ws.orderStatus("BTCUSDT", 7).symbol()).isNotBlank();
        assertThat(ws.openOrders(null)).isNotEmpty().allSatisfy(o -> assertThat(o.orderId()).isPositive());
        ws.placeOco(Map.of("symbol", "BTCUSDT", "side", "SELL", "quantity", new BigDecimal("1"),
                "aboveType", "LIMIT_MAKER", "abovePrice", new BigDecimal("30000"), "belowType", "STOP_LOSS",
                "belowStopPrice", new BigDecimal("20000")));
        ws.placeOto(Map.of("symbol", "BTCUSDT", "workingType", "LIMIT", "workingSide", "BUY",
                "workingPrice", new BigDecimal("20000"), "workingQuantity", new BigDecimal("1"),
                "pendingType", "MARKET", "pendingSide", "SELL", "pendingQuantity", new BigDecimal("1")));
        ws.placeOtoco(Map.of("symbol", "BTCUSDT", "workingType", "LIMIT", "workingSide", "BUY",
                "workingPrice", new BigDecimal("20000"), "workingQuantity", new BigDecimal("1"),
                "pendingSide", "SELL", "pendingQuantity", new BigDecimal("1"), "pendingAboveType", "LIMIT_MAKER"));
        ws.cancelOrderList("BTCUSDT", 19431);
        assertThat(ws.orderListStatus(19431).orders()).isNotEmpty();
        assertThat(ws.accountStatus().path("echo").asText()).isEqualTo("account.status");
        JsonNode raw = ws.request("account.commission", Map.of("symbol", "BTCUSDT"), true);

        assertThat(param("depth", "limit").asInt()).isEqualTo(5);
        assertThat(param("order.cancel", "origClientOrderId").asText()).isEqualTo("4d96324ff9d44481926157");
        assertThat(param("order.cancelReplace", "cancelReplaceMode").asText()).isEqualTo("ALLOW_FAILURE");
        assertThat(param("order.cancelReplace", "cancelOrderId").asLong()).isEqualTo(125690984230L);
        assertThat(param("trades.recent", "limit").asInt()).isEqualTo(1);
        assertThat(param("klines", "interval").asText()).isEqualTo("1h");
        assertThat(param("avgPrice", "symbol").asText()).isEqualTo("BNBBTC");
        assertThat(param("ticker.price", "symbol").asText()).isEqualTo("BNBBTC");
        assertThat(fake.requests("ticker.book").get(0).has("params")).as("all symbols: no params").isFalse();
        assertThat(param("exchangeInfo", "symbols").toString()).isEqualTo("[\"BNBBTC\",\"BTCUSDT\"]");
        assertThat(param("order.status", "orderId").asLong()).isEqualTo(7);
        assertThat(param("orderList.place.oco", "belowStopPrice").asText()).isEqualTo("20000");
        assertThat(param("orderList.place.oto", "pendingType").asText()).isEqualTo("MARKET");
        assertThat(param("orderList.place.otoco", "pendingAboveType").asText()).isEqualTo("LIMIT_MAKER");
        assertThat(param("orderList.cancel", "orderListId").asLong()).isEqualTo(19431);
        assertThat(param("orderList.status", "orderListId").asLong()).isEqualTo(19431);
        for (String signed : List.of("order.test", "order.cancel", "order.cancelReplace", "order.status",
                "openOrders.status", "orderList.place.oco", "orderList.place.oto", "orderList.place.otoco",
                "orderList.cancel", "orderList.status", "account.status", "account.commission")) {
            assertThat(param(signed, "signature").asText()).as(signed).matches("[0-9a-f]{64}");
        }
        for (String open : List.of("depth", "time", "ping", "trades.recent", "klines", "avgPrice", "exchangeInfo")) {
            assertThat(fake.requests(open).get(0).path("params").has("signature")).as(open).isFalse();
        }
        assertThat(raw.path("echo").asText()).isEqualTo("account.commission");
        assertThat(param("account.commission", "symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(fake.rejectedRequests()).isEmpty();
    }

    private JsonNode param(String method, String name) {
        return fake.requests(method).get(0).path("params").path(name);
    }

    // ------------------------------------------------------------------ user data

    @Test
    void userDataBySignatureResubscribesAfterAReconnectAndReportsTheGap() throws Exception {
        Recorder rec = new Recorder();
        WsApiClient ws = hmacClient();
        UserDataSubscription sub = ws.subscribeUserData(rec);
        await("subscribed", () -> sub.isActive() && fake.activeSubscriptions() == 1);
        JsonNode first = fake.requests("userDataStream.subscribe.signature").get(0).path("params");
        assertThat(first.path("apiKey").asText()).isEqualTo("hmac-key");
        assertThat(first.path("signature").asText()).matches("[0-9a-f]{64}");

        assertThat(fake.pushUserData(FakeBinanceWsApi.fixture("userdata-execution-report.json"))).isEqualTo(1);
        await("order update delivered", () -> rec.events.size() == 1);
        assertThat(rec.events.get(0)).isInstanceOfSatisfying(ExecutionReport.class,
                r -> assertThat(r.orderId()).isEqualTo(4293153));

        Instant beforeDrop = Instant.now();
        fake.dropAll();
        await("re-subscribed and gap reported", () -> rec.gaps.size() == 1 && sub.isActive());
        assertThat(fake.requests("userDataStream.subscribe.signature")).hasSize(2);
        JsonNode second = fake.requests("userDataStream.subscribe.signature").get(1).path("params");
        assertThat(second.path("signature").asText()).isNotEqualTo(first.path("signature").asText());
        UserDataGap gap = rec.gaps.get(0);
        assertThat(gap.from()).isAfterOrEqualTo(beforeDrop.minusMillis(5));
        assertThat(gap.to()).isAfterOrEqualTo(gap.from());

        fake.pushUserData(FakeBinanceWsApi.fixture("userdata-balance-update.json"));
        await("events flow again", () -> rec.events.size() == 2);
        assertThat(rec.events.get(1)).isInstanceOf(BalanceUpdate.class);
        assertThat(rec.errors).isEmpty();

        long id = sub.subscriptionId();
        sub.close();
        List<JsonNode> unsub = fake.awaitRequests("userDataStream.unsubscribe", 1, WAIT);
        assertThat(unsub.get(0).path("params").path("subscriptionId").asLong()).isEqualTo(id);
        await("unsubscribed", () -> fake.activeSubscriptions() == 0);
        assertThat(sub.isActive()).isFalse();
    }

    @Test
    void userDataWithLogonSubscribesAfterEachLogon() throws Exception {
        KeyPair kp = ed25519();
        fake.acceptPublicKey("ed-key", kp.getPublic());
        WsApiClient ws = client(spot(BinanceKey.ed25519("ed-key", pem(kp)), RateLimiter.Mode.WAIT), WAIT);
        Recorder rec = new Recorder();
        UserDataSubscription sub = ws.subscribeUserData(rec);
        await("subscribed", () -> sub.isActive());
        assertThat(fake.requests().stream().map(r -> r.path("method").asText()))
                .containsExactly("session.logon", "userDataStream.subscribe");
        assertThatThrownBy(() -> ws.subscribeUserData(rec)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already open");

        fake.dropAll();
        await("re-subscribed after the second logon", () -> rec.gaps.size() == 1 && sub.isActive());
        assertThat(fake.requests().stream().map(r -> r.path("method").asText()))
                .containsExactly("session.logon", "userDataStream.subscribe", "session.logon", "userDataStream.subscribe");
        fake.pushUserData(FakeBinanceWsApi.fixture("userdata-outbound-account-position.json"));
        await("event after reconnect", () -> rec.events.size() == 1);
        assertThat(rec.errors).isEmpty();
    }

    @Test
    void theSpotFacadeHandsOutOneClientAndClosesIt() throws Exception {
        BinanceSpot spot = spot(null, RateLimiter.Mode.WAIT);
        WsApiClient ws = spot.wsApi();
        assertThat(spot.wsApi()).isSameAs(ws);
        assertThat(ws.serverTime()).isEqualTo(Instant.ofEpochMilli(1656400526260L));
        spot.close();
        assertThat(ws.state()).isEqualTo(ConnectionState.CLOSED);
        assertThatThrownBy(ws::ping).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    private static final class Recorder implements UserDataListener {
        final List<UserDataEvent> events = new CopyOnWriteArrayList<>();
        final List<UserDataGap> gaps = new CopyOnWriteArrayList<>();
        final List<RelayKitException> errors = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(UserDataEvent event) {
            events.add(event);
        }

        @Override
        public void onGap(UserDataGap gap) {
            gaps.add(gap);
        }

        @Override
        public void onError(RelayKitException error) {
            errors.add(error);
        }
    }
    // ------------------------------------------------------------------ the first connect (issue 10 item 4)

    @Test
    void connectToARefusedPortFailsAtOnceWithTheCauseAndNothingKeepsTrying() throws Exception {
        BinanceSpot refused = BinanceSpot.builder().environment(BinanceEnvironment.custom("http://127.0.0.1:1",
                "ws://127.0.0.1:1", "ws://127.0.0.1:" + Loopback.refusedPort() + "/ws-api/v3")).build();
        closeables.add(refused);
        long start = System.nanoTime();
        WsApiClient first = refused.wsApi();
        CompletableFuture<Void> connect = first.connect();
        assertThatThrownBy(() -> connect.get(5, java.util.concurrent.TimeUnit.SECONDS))
                .satisfies(e -> assertThat(Loopback.causedBy(e, java.net.ConnectException.class)).as(e.toString()).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(refused.wsApi().state()).as("a failed client is replaced").isEqualTo(ConnectionState.NEW);
        // a request fails at once too, with the same cause, instead of waiting for its timeout
        long requestStart = System.nanoTime();
        assertThatThrownBy(() -> refused.wsApi().ping()).isInstanceOf(TransportException.class)
                .satisfies(e -> assertThat(Loopback.causedBy(e, java.net.ConnectException.class)).as(e.toString()).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - requestStart)).isLessThan(Duration.ofSeconds(3));
        // FAILED is terminal: the first client's session has stopped for good, no reconnect is scheduled
        assertThat(first.state()).isEqualTo(ConnectionState.FAILED);
    }

    @Test
    void withRetryInitialConnectAServerThatComesUpLaterIsReached() throws Exception {
        int port = Loopback.refusedPort();
        BinanceSpot later = BinanceSpot.builder().environment(BinanceEnvironment.custom("http://127.0.0.1:1",
                "ws://127.0.0.1:1", "ws://127.0.0.1:" + port + "/ws-api/v3")).build();
        closeables.add(later);
        WsApiClient ws = WsApiClient.builder(later)
                .reconnect(ReconnectPolicy.linear(Duration.ofMillis(100), Duration.ZERO, Duration.ofMillis(100))
                        .withUnlimitedAttempts())
                .retryInitialConnect(true)
                .build();
        closeables.add(ws);
        CompletableFuture<Void> connect = ws.connect();
        Thread.sleep(400);
        assertThat(connect).isNotDone();
        try (dev.relaykit.testkit.ScriptedWsServer server = dev.relaykit.testkit.ScriptedWsServer.builder().port(port).start()) {
            connect.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(ws.state()).isEqualTo(ConnectionState.OPEN);
            ws.close();
        }
    }
}
