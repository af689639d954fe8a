package dev.relaykit.binance.futures.wsapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.binance.BinanceApiException;
import dev.relaykit.binance.BinanceKey;
import dev.relaykit.binance.futures.CoinmFutures;
import dev.relaykit.binance.futures.FuturesEnvironment;
import dev.relaykit.binance.futures.FuturesProduct;
import dev.relaykit.binance.futures.UsdmFutures;
import dev.relaykit.binance.futures.model.AlgoStatus;
import dev.relaykit.binance.futures.model.FuturesOrder;
import dev.relaykit.binance.futures.model.FuturesOrderStatus;
import dev.relaykit.binance.futures.model.FuturesOrderType;
import dev.relaykit.binance.futures.model.PositionSide;
import dev.relaykit.binance.model.OrderSide;
import dev.relaykit.core.json.Json;
import dev.relaykit.testkit.FakeBinanceFutures;
import dev.relaykit.testkit.FakeBinanceWsApi;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The futures WebSocket API on the spot client's machinery, against the testkit's WebSocket API fake
 * (which rebuilds and checks every signature by Binance's rule): signed methods carry a signature the
 * fake accepts, public ones none, Binance's errors are typed, every common method's answer arrives as
 * the REST half's record (decoded from the documented example of its page, see {@code wsapi/SOURCES.tsv}),
 * and {@code session.logon} is used where Binance documents it (USD-M, Ed25519) and refused where it
 * does not (COIN-M).
 */
class FuturesWsApiTest {
    private final FakeBinanceWsApi fake = FakeBinanceWsApi.start().acceptHmacKey("fake-api-key", "fake-secret");
    private final UsdmFutures futures = UsdmFutures.builder().key(BinanceKey.hmac("fake-api-key", "fake-secret"))
            .environment(FuturesEnvironment.custom(FuturesProduct.USD_M, "http://127.0.0.1:1",
                    "ws://127.0.0.1:1", fake.wsApiUrl()).withSplitStreamPaths(true))
            .build();
    private final FuturesWsApi ws = FuturesWsApi.builder(futures).build();

    @AfterEach
    void tearDown() {
        ws.close();
        futures.close();
        fake.close();
    }

    private static String wsFixture(String name) {
        try (InputStream in = FuturesWsApiTest.class.getResourceAsStream("/wsapi/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void answer(String method, String json) {
        fake.handle(method, call -> call.reply(Json.tree(json)));
    }

    @Test
    void orderMethodsAnswerTypedOrdersFromTheDocumentedExamples() {
        answer("order.place", wsFixture("order-place.json"));
        answer("order.modify", wsFixture("order-modify.json"));
        answer("order.cancel", wsFixture("order-cancel.json"));
        answer("order.status", wsFixture("order-status.json"));

        FuturesOrder placed = ws.orderPlace(Map.of("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
                "timeInForce", "GTC", "quantity", "0.1", "price", "42088.0"));
        assertThat(placed.orderId()).isEqualTo(336829446L);
        assertThat(placed.status()).isEqualTo(FuturesOrderStatus.NEW);
        assertThat(placed.price()).isEqualByComparingTo("42088.00");
        assertThat(placed.origQty()).isEqualByComparingTo("0.100");
        assertThat(placed.side()).isEqualTo(OrderSide.BUY);
        assertThat(placed.updateTime()).isEqualTo(Instant.ofEpochMilli(1705385954229L));

        FuturesOrder modified = ws.orderModify(Map.of("symbol", "BTCUSDT", "orderId", 328971409L, "side", "SELL",
                "quantity", "0.11", "price", "43769.1"));
        assertThat(modified.price()).isEqualByComparingTo("43769.10");
        assertThat(modified.positionSide()).isEqualTo(PositionSide.SHORT);

        FuturesOrder canceled = ws.orderCancel("BTCUSDT", 283194212L);
        assertThat(canceled.status()).isEqualTo(FuturesOrderStatus.CANCELED);
        assertThat(canceled.type()).isEqualTo(FuturesOrderType.TRAILING_STOP_MARKET);
        assertThat(canceled.activatePrice()).isEqualByComparingTo("9020");
        assertThat(canceled.priceRate()).isEqualByComparingTo("0.3");

        FuturesOrder status = ws.orderStatus("BTCUSDT", 1917641L);
        assertThat(status.orderId()).isEqualTo(1917641L);
        assertThat(status.time()).isEqualTo(Instant.ofEpochMilli(1579276756075L));

        assertThat(fake.rejectedRequests()).as("signatures the fake checked by Binance's rule").isEmpty();
        JsonNode sent = fake.requests("order.place").get(0).path("params");
        assertThat(sent.path("apiKey").asText()).isEqualTo("fake-api-key");
        assertThat(sent.has("signature")).isTrue();
        assertThat(sent.has("timestamp")).isTrue();
    }

    @Test
    void algoAccountAndMarketMethodsAnswerTheRestRecords() throws Exception {
        answer("algoOrder.place", FakeBinanceFutures.resource("usdm-algoOrder-new.json"));
        answer("algoOrder.cancel", FakeBinanceFutures.resource("usdm-algoOrder-cancel.json"));
        answer("v2/account.balance", wsFixture("account-balance-v2.json"));
        answer("account.status", FakeBinanceFutures.resource("usdm-account-v3.json"));
        answer("account.position", FakeBinanceFutures.resource("usdm-positionRisk-v3.json"));
        answer("depth", FakeBinanceFutures.resource("usdm-depth.json"));
        answer("ticker.book", FakeBinanceFutures.resource("usdm-bookTicker.json"));
        answer("ticker.price", FakeBinanceFutures.resource("usdm-tickerPrice.json"));

        var algo = ws.algoOrderPlace(Map.of("symbol", "BNBUSDT", "side", "SELL", "type", "TAKE_PROFIT",
                "triggerPrice", "750", "price", "750", "quantity", "0.01"));
        assertThat(algo.algoId()).isEqualTo(2146760L);
        assertThat(algo.algoStatus()).isEqualTo(AlgoStatus.NEW);
        assertThat(algo.triggerPrice()).isEqualByComparingTo("750");
        assertThat(fake.requests("algoOrder.place").get(0).path("params").path("algoType").asText())
                .isEqualTo("CONDITIONAL");
        assertThat(ws.algoOrderCancel(2146760L).msg()).isEqualTo("success");

        assertThat(ws.accountBalanceV2()).singleElement().satisfies(b -> {
            assertThat(b.asset()).isEqualTo("USDT");
            assertThat(b.balance()).isEqualByComparingTo("122607.35137903");
            assertThat(b.availableBalance()).isEqualByComparingTo("23.72469206");
        });
        assertThat(ws.accountStatus().totalWalletBalance()).isEqualByComparingTo("126.72469206");
        assertThat(ws.accountPosition("ADAUSDT")).first().satisfies(p -> {
            assertThat(p.symbol()).isEqualTo("ADAUSDT");
            assertThat(p.positionAmt()).isEqualByComparingTo("30");
        });
        assertThat(fake.requests("account.position").get(0).path("params").path("symbol").asText()).isEqualTo("ADAUSDT");

        var book = ws.depth("BTCUSDT", 5);
        assertThat(book.lastUpdateId()).isEqualTo(1027024L);
        assertThat(book.bids().get(0).price()).isEqualByComparingTo("4.00000000");
        assertThat(ws.tickerBook("BTCUSDT").askPrice()).isEqualByComparingTo("4.00000200");
        assertThat(ws.tickerPriceAsync("BTCUSDT").get(10, TimeUnit.SECONDS).price()).isEqualByComparingTo("6000.01");
        assertThat(fake.requests("ticker.book").get(0).path("params").has("signature")).as("public").isFalse();
        assertThat(fake.requests("depth").get(0).path("params").path("limit").asInt()).isEqualTo(5);
        assertThat(fake.rejectedRequests()).isEmpty();
    }

    @Test
    void listenKeyMethodsAnswerTheKey() {
        answer("userDataStream.start", wsFixture("userDataStream-start.json"));
        answer("userDataStream.ping", wsFixture("userDataStream-ping.json"));
        answer("userDataStream.stop", wsFixture("userDataStream-stop.json"));

        assertThat(ws.userDataStreamStart()).isEqualTo("xs0mRXdAKlIPDRFrlPcw0qI41Eh3ixNntmymGyhrhgqo7L6FuLaWArTD7RLP");
        assertThat(ws.userDataStreamPing()).isEqualTo("3HBntNTepshgEdjIwSUIBgB9keLyOCg5qv3n6bYAtktG8ejcaW5HXz9Vx1JgIieg");
        ws.userDataStreamStop();
        assertThat(fake.requests("userDataStream.stop")).hasSize(1);
        assertThat(fake.rejectedRequests()).isEmpty();
    }

    @Test
    void theRawMethodStillReachesAnythingAndErrorsAreTyped() {
        answer("account.commission", "{\"symbol\":\"BTCUSDT\",\"makerCommissionRate\":\"0.0002\"}");
        fake.handle("order.cancel", call -> call.replyError(400, -2011, "Unknown order sent."));

        assertThat(ws.request("account.commission", Map.of("symbol", "BTCUSDT"), true)
                .path("makerCommissionRate").asText()).isEqualTo("0.0002");
        assertThatThrownBy(() -> ws.orderCancel("BTCUSDT", 1L)).isInstanceOfSatisfying(BinanceApiException.class,
                e -> assertThat(e.binanceCode()).isEqualTo(-2011));
        assertThat(fake.rejectedRequests()).isEmpty();
    }

    @Test
    void usdmLogsAnEd25519SessionOnAsItsPageDocumentsAndThenSendsNoSignatures() throws Exception {
        KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(kp.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        fake.acceptPublicKey("ed-key", kp.getPublic());
        answer("order.place", wsFixture("order-place.json"));
        try (UsdmFutures ed = UsdmFutures.builder().key(BinanceKey.ed25519("ed-key", pem))
                .environment(FuturesEnvironment.custom(FuturesProduct.USD_M, "http://127.0.0.1:1", "ws://127.0.0.1:1",
                        fake.wsApiUrl())).build();
             FuturesWsApi edWs = FuturesWsApi.builder(ed).build()) {
            edWs.connect().get(10, TimeUnit.SECONDS);
            assertThat(edWs.isAuthenticated()).isTrue();
            assertThat(fake.requests().get(0).path("method").asText()).isEqualTo("session.logon");
            assertThat(fake.loggedOnKey(1)).isEqualTo("ed-key");

            edWs.orderPlace(Map.of("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                    "quantity", "0.1", "price", "42088.0"));
            JsonNode params = fake.requests("order.place").get(0).path("params");
            assertThat(params.has("timestamp")).isTrue();
            assertThat(params.has("signature")).as("the logged-on session covers it").isFalse();
            assertThat(fake.rejectedRequests()).isEmpty();
        }
    }

    @Test
    void coinmRefusesALogonItsPageDoesNotDocumentAndSignsEveryRequest() {
        try (CoinmFutures coinm = CoinmFutures.builder().key(BinanceKey.hmac("fake-api-key", "fake-secret"))
                .environment(FuturesEnvironment.custom(FuturesProduct.COIN_M, "http://127.0.0.1:1", "ws://127.0.0.1:1",
                        fake.wsApiUrl())).build()) {
            assertThatThrownBy(() -> FuturesWsApi.builder(coinm).logon(true).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("session.logon is not available on the COIN-M WebSocket API")
                    .hasMessageContaining("coin-margined-futures/websocket-api-general-info");
            try (FuturesWsApi coinWs = FuturesWsApi.builder(coinm).build()) {
                assertThatThrownBy(() -> coinWs.algoOrderPlace(Map.of("symbol", "BTCUSD_PERP")))
                        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("COIN-M has no algo");
                answer("order.place", wsFixture("order-place.json"));
                coinWs.orderPlace(Map.of("symbol", "BTCUSD_PERP", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                        "quantity", "1", "price", new BigDecimal("50000")));
                assertThat(fake.requests("session.logon")).isEmpty();
                assertThat(fake.requests("order.place").get(0).path("params").has("signature")).isTrue();
                assertThat(fake.requests("algoOrder.place")).as("refused locally, nothing sent").isEmpty();
            }
        }
    }
}
