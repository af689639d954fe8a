package dev.relaykit.binance.futures.wsapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.binance.BinanceApiException;
import dev.relaykit.binance.BinanceKey;
import dev.relaykit.binance.futures.FuturesEnvironment;
import dev.relaykit.binance.futures.FuturesProduct;
import dev.relaykit.binance.futures.UsdmFutures;
import dev.relaykit.core.json.Json;
import dev.relaykit.testkit.FakeBinanceWsApi;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The futures WebSocket API on the spot client's machinery, against the testkit's WebSocket API fake
 * (which rebuilds and checks every signature by Binance's rule): signed order, algo-order and account
 * methods carry a signature the fake accepts, public ones none, and Binance's errors are typed.
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

    @Test
    void signedOrderAndAlgoOrderRequestsCarrySignaturesBinanceWouldAccept() throws Exception {
        fake.handle("order.place", call -> call.reply(Json.tree("{\"orderId\":325078477,\"symbol\":\"BTCUSDT\","
                + "\"status\":\"NEW\",\"type\":\"LIMIT\"}")));
        fake.handle("algoOrder.place", call -> call.reply(Json.tree("{\"algoId\":2146760,\"algoStatus\":\"NEW\"}")));
        fake.handle("account.balance", call -> call.reply(Json.tree("[{\"asset\":\"USDT\",\"balance\":\"122.6\"}]")));

        JsonNode order = ws.orderPlace(Map.of("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
                "timeInForce", "GTC", "quantity", "0.001", "price", "50000"));
        assertThat(order.path("orderId").asLong()).isEqualTo(325078477L);
        JsonNode algo = ws.algoOrderPlace(Map.of("symbol", "BTCUSDT", "side", "SELL", "type", "STOP_MARKET",
                "triggerPrice", "40000", "quantity", "0.001"));
        assertThat(algo.path("algoId").asLong()).isEqualTo(2146760L);
        assertThat(ws.accountBalance().get(0).path("asset").asText()).isEqualTo("USDT");

        assertThat(fake.rejectedRequests()).as("signatures the fake checked by Binance's rule").isEmpty();
        JsonNode placed = fake.requests("order.place").get(0).path("params");
        assertThat(placed.path("apiKey").asText()).isEqualTo("fake-api-key");
        assertThat(placed.has("signature")).isTrue();
        assertThat(placed.has("timestamp")).isTrue();
        assertThat(fake.requests("algoOrder.place").get(0).path("params").path("algoType").asText())
                .isEqualTo("CONDITIONAL");
    }

    @Test
    void publicMethodsAreUnsignedAndErrorsAreTyped() {
        fake.handle("ticker.book", call -> call.reply(Json.tree("{\"symbol\":\"BTCUSDT\",\"bidPrice\":\"3.2\","
                + "\"askPrice\":\"3.3\"}")));
        fake.handle("order.cancel", call -> call.replyError(400, -2011, "Unknown order sent."));

        assertThat(ws.tickerBook("BTCUSDT").path("bidPrice").asText()).isEqualTo("3.2");
        assertThat(fake.requests("ticker.book").get(0).path("params").has("signature")).isFalse();
        assertThatThrownBy(() -> ws.orderCancel("BTCUSDT", 1L)).isInstanceOfSatisfying(BinanceApiException.class,
                e -> assertThat(e.binanceCode()).isEqualTo(-2011));
    }
}
