package dev.relaykit.core.sign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.core.rest.RestRequest;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.testing.FakeClock;
import dev.relaykit.core.time.ServerClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuerySignatureSignerTest {
    // Source: Binance Spot API docs, "SIGNED request example (HMAC)", example API key and secret,
    // https://developers.binance.com/docs/binance-spot-api-docs/rest-api/request-security
    static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    private static QuerySignatureSigner binanceSigner(java.time.Clock clock) {
        return QuerySignatureSigner.builder(PayloadSigner.hmacSha256Hex(Secret.of(SECRET)))
                .apiKey(Secret.of(API_KEY))
                .clock(clock)
                .recvWindow(Duration.ofMillis(5000))
                .build();
    }

    @Test
    void reproducesBinanceDocsExample() {
        RestRequest order = RestRequest.post("/api/v3/order")
                .param("symbol", "LTCBTC").param("side", "BUY").param("type", "LIMIT")
                .param("timeInForce", "GTC").param("quantity", 1).param("price", new BigDecimal("0.1"))
                .signed().build();

        RestRequest signed = binanceSigner(new FakeClock(1499827319559L)).sign(order);

        assertThat(signed.queryString()).isEqualTo("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1"
                + "&price=0.1&recvWindow=5000&timestamp=1499827319559"
                + "&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
        assertThat(signed.headers()).containsEntry("X-MBX-APIKEY", API_KEY);
    }

    @Test
    void signsQueryFollowedByBody() {
        RestRequest mixed = RestRequest.post("/api/v3/order")
                .param("symbol", "LTCBTC").param("side", "BUY")
                .formParam("quantity", 1).formParam("price", "0.1")
                .signed().build();
        RestRequest signed = binanceSigner(new FakeClock(1499827319559L)).sign(mixed);

        String query = "symbol=LTCBTC&side=BUY&recvWindow=5000&timestamp=1499827319559";
        String body = "quantity=1&price=0.1";
        String expected = PayloadSigner.hmacSha256Hex(Secret.of(SECRET)).sign((query + body).getBytes(StandardCharsets.UTF_8));
        assertThat(signed.queryString()).isEqualTo(query + "&signature=" + expected);
        assertThat(signed.bodyString()).isEqualTo(body);
    }

    @Test
    void percentEncodesBeforeSigning() {
        // Binance docs: non-ASCII symbols are percent-encoded in UTF-8 before signing
        RestRequest r = RestRequest.get("/api/v3/ticker").param("symbol", "这是测试币456").signed().build();
        RestRequest signed = binanceSigner(new FakeClock(1)).sign(r);
        assertThat(signed.queryString())
                .startsWith("symbol=%E8%BF%99%E6%98%AF%E6%B5%8B%E8%AF%95%E5%B8%81456&recvWindow=5000&timestamp=1&signature=");
    }

    @Test
    void timestampFollowsServerClock() {
        FakeClock local = new FakeClock(1_000_000);
        ServerClock server = ServerClock.create(local);
        server.setOffset(Duration.ofMillis(-2500));
        RestRequest signed = binanceSigner(server).sign(RestRequest.get("/api/v3/account").signed().build());
        assertThat(signed.queryString()).contains("timestamp=997500&");
    }

    @Test
    void apiKeyOnlyAndPublicRequests() {
        QuerySignatureSigner signer = binanceSigner(new FakeClock(5));
        RestRequest listenKey = RestRequest.post("/api/v3/userDataStream").security(RestRequest.Security.API_KEY).build();
        RestRequest k = signer.sign(listenKey);
        assertThat(k.headers()).containsEntry("X-MBX-APIKEY", API_KEY);
        assertThat(k.queryString()).isEmpty();

        RestRequest open = RestRequest.get("/api/v3/time").build();
        assertThat(signer.sign(open)).isSameAs(open);
    }

    @Test
    void retriedRequestIsSignedAfresh() {
        FakeClock clock = new FakeClock(1000);
        QuerySignatureSigner signer = binanceSigner(clock);
        RestRequest r = RestRequest.get("/api/v3/account").signed().build();
        String first = signer.sign(r).queryString();
        clock.advance(1);
        String second = signer.sign(r).queryString();
        assertThat(first).contains("timestamp=1000&");
        assertThat(second).contains("timestamp=1001&");
        assertThat(first.substring(first.indexOf("signature="))).isNotEqualTo(second.substring(second.indexOf("signature=")));
    }

    @Test
    void toStringHidesKeys() {
        String s = binanceSigner(new FakeClock(0)).toString();
        assertThat(s).doesNotContain(API_KEY).doesNotContain(SECRET).contains("HMAC-SHA256").contains("X-MBX-APIKEY");
    }
}
