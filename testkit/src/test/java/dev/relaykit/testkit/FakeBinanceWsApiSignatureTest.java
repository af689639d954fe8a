package dev.relaykit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fake WebSocket API checks signatures by Binance's documented rule, against the documentation's
 * own example: Binance spot WebSocket API, "Request security", "SIGNED request example (HMAC)" (the
 * request with its signature is {@code binance-docs/ws-api-signed-request-hmac.json}; the payload
 * and key pair below are the page's). The page's RSA example gives no private key and its Ed25519
 * example no fixed signature, so HMAC is the one vector to keep.
 */
@Timeout(30)
class FakeBinanceWsApiSignatureTest {
    private static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private static final String SECRET_KEY = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    /** Step 1's "Resulting signature payload". */
    private static final String DOCUMENTED_PAYLOAD = "apiKey=" + API_KEY + "&newOrderRespType=ACK&price=52000.00"
            + "&quantity=0.01000000&recvWindow=100&side=SELL&symbol=BTCUSDT&timeInForce=GTC"
            + "&timestamp=1645423376532&type=LIMIT";
    /** Step 2's HMAC-SHA-256, hex. */
    private static final String DOCUMENTED_SIGNATURE = "cc15477742bd704c29492d96c7ead9414dfd8e0ec4a00f947bb5bb454ddbd08a";

    private FakeBinanceWsApi fake;
    private OkHttpClient http;

    @AfterEach
    void stop() {
        if (fake != null) {
            fake.close();
        }
        if (http != null) {
            http.dispatcher().executorService().shutdownNow();
            http.connectionPool().evictAll();
        }
    }

    @Test
    void thePayloadIsRebuiltFromTheDocumentedRequestAsTheDocumentationShows() throws IOException {
        JsonNode params = documentedRequest().get("params");

        assertThat(FakeBinanceWsApi.signaturePayload(params)).isEqualTo(DOCUMENTED_PAYLOAD);
        assertThat(new HmacUtils(HmacAlgorithms.HMAC_SHA_256, SECRET_KEY.getBytes(StandardCharsets.US_ASCII))
                .hmacHex(DOCUMENTED_PAYLOAD)).isEqualTo(DOCUMENTED_SIGNATURE);
    }

    @Test
    void theFakeAcceptsTheDocumentedRequestAndRefusesItOnceAParameterChanges() throws Exception {
        fake = FakeBinanceWsApi.start().acceptHmacKey(API_KEY, SECRET_KEY);
        fake.handle("order.place", call -> call.reply(Json.mapper().createObjectNode().put("orderId", 1)));
        BlockingQueue<String> answers = new LinkedBlockingQueue<>();
        http = new OkHttpClient();
        WebSocket ws = http.newWebSocket(new Request.Builder().url(fake.wsApiUrl()).build(), new WebSocketListener() {
            @Override
            public void onMessage(WebSocket webSocket, String text) {
                answers.add(text);
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                answers.add("failure: " + t);
            }
        });

        ObjectNode request = (ObjectNode) documentedRequest();
        ws.send(request.toString());
        JsonNode accepted = Json.tree(answers.poll(10, TimeUnit.SECONDS));
        assertThat(accepted.path("status").asInt()).isEqualTo(200);
        assertThat(accepted.path("result").path("orderId").asLong()).isEqualTo(1);

        ((ObjectNode) request.get("params")).put("price", "52000.01"); // the signature no longer covers it
        ws.send(request.toString());
        JsonNode refused = Json.tree(answers.poll(10, TimeUnit.SECONDS));
        assertThat(refused.path("status").asInt()).isEqualTo(400);
        assertThat(refused.path("error").path("code").asInt()).isEqualTo(-1022);
        assertThat(fake.rejectedRequests()).containsExactly("-1022 order.place");
        ws.close(1000, null);
    }

    private static JsonNode documentedRequest() throws IOException {
        try (InputStream in = FakeBinanceWsApiSignatureTest.class.getResourceAsStream(
                "/binance-docs/ws-api-signed-request-hmac.json")) {
            return Json.tree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
