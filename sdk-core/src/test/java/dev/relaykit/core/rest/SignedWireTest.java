package dev.relaykit.core.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.sign.PayloadSigner;
import dev.relaykit.core.sign.QuerySignatureSigner;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The signature on the wire is the HMAC of exactly the wire payload (query string as sent, then
 * the body, without the signature parameter), for every form a signed request can take. The check
 * reads the request line and body the server received and computes the HMAC with the JDK's
 * {@link Mac}, independently of the client's signer.
 */
class SignedWireTest {
    static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    private MockWebServer server;
    private RestClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        client = RestClient.builder()
                .service("binance")
                .baseUrl(server.url("/").toString())
                .signer(QuerySignatureSigner.builder(PayloadSigner.hmacSha256Hex(Secret.of(SECRET)))
                        .apiKey(Secret.of(API_KEY)).recvWindow(Duration.ofSeconds(5)).build())
                .build();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.shutdown();
    }

    /** A request form: the request, given the server's base URL; what its wire query must hold. */
    record Form(String name, Function<String, RestRequest> request, String wireQueryStart, String wireBody) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> forms() {
        return Stream.of(
                new Form("relative path + params",
                        base -> RestRequest.get("/api/v3/openOrders").param("symbol", "LTCBTC").signed().build(),
                        "symbol=LTCBTC&recvWindow=5000&timestamp=", ""),
                new Form("absolute URL with its own query (issue 10 item 2)",
                        base -> RestRequest.get(base + "api/v3/openOrders?symbol=LTCBTC").signed().build(),
                        "symbol=LTCBTC&recvWindow=5000&timestamp=", ""),
                new Form("absolute URL with query + params",
                        base -> RestRequest.get(base + "api/v3/allOrders?symbol=LTCBTC&limit=5")
                                .param("orderId", 42).signed().build(),
                        "symbol=LTCBTC&limit=5&orderId=42&recvWindow=5000&timestamp=", ""),
                new Form("absolute URL with query that already names recvWindow",
                        base -> RestRequest.get(base + "api/v3/myTrades?symbol=LTCBTC&recvWindow=1000").signed().build(),
                        "symbol=LTCBTC&recvWindow=1000&timestamp=", ""),
                new Form("absolute URL with an empty query",
                        base -> RestRequest.get(base + "api/v3/account?").signed().build(),
                        "recvWindow=5000&timestamp=", ""),
                new Form("absolute URL without a query",
                        base -> RestRequest.get(base + "api/v3/account").signed().build(),
                        "recvWindow=5000&timestamp=", ""),
                new Form("absolute URL with encoded and unencoded special characters",
                        base -> RestRequest.get(base + "api/v3/x?note=caf%C3%A9%20au%20lait&q=it's&p=a+b&u=\u00fc")
                                .param("tag", "x y/z&=").signed().build(),
                        "note=caf%C3%A9%20au%20lait&q=it%27s&p=a+b&u=%C3%BC&tag=x%20y%2Fz%26%3D&recvWindow=5000&timestamp=", ""),
                new Form("no params at all",
                        base -> RestRequest.get("/api/v3/account").signed().build(),
                        "recvWindow=5000&timestamp=", ""),
                new Form("params needing URL-encoding",
                        base -> RestRequest.get("/sapi/v1/x").param("symbol", "\u5e01\u5b89\u4eba\u751f")
                                .param("note", "a b+c/d&e=f~").signed().build(),
                        "symbol=%E5%B8%81%E5%AE%89%E4%BA%BA%E7%94%9F&note=a%20b%2Bc%2Fd%26e%3Df~&recvWindow=5000&timestamp=", ""),
                new Form("POST: query params + form body",
                        base -> RestRequest.post("/api/v3/order").param("symbol", "LTCBTC")
                                .formParam("side", "BUY").formParam("quantity", "1").formParam("note", "a b").signed().build(),
                        "symbol=LTCBTC&recvWindow=5000&timestamp=", "side=BUY&quantity=1&note=a%20b"),
                new Form("POST: form body only",
                        base -> RestRequest.post("/api/v3/order")
                                .formParam("symbol", "LTCBTC").formParam("side", "SELL").signed().build(),
                        "recvWindow=5000&timestamp=", "symbol=LTCBTC&side=SELL"),
                new Form("POST: absolute URL with query + form body",
                        base -> RestRequest.post(base + "api/v3/order?symbol=LTCBTC")
                                .formParam("side", "BUY").signed().build(),
                        "symbol=LTCBTC&recvWindow=5000&timestamp=", "side=BUY"),
                new Form("POST: JSON body",
                        base -> RestRequest.post("/api/v3/x").param("symbol", "LTCBTC")
                                .jsonBody(java.util.Map.of("side", "BUY")).signed().build(),
                        "symbol=LTCBTC&recvWindow=5000&timestamp=", "{\"side\":\"BUY\"}"),
                new Form("POST: nothing but the signature",
                        base -> RestRequest.post("/api/v3/userDataStream").signed().build(),
                        "recvWindow=5000&timestamp=", ""),
                new Form("PUT: form body",
                        base -> RestRequest.put("/api/v3/x").formParam("listenKey", "abc").signed().build(),
                        "recvWindow=5000&timestamp=", "listenKey=abc"),
                new Form("DELETE: query params",
                        base -> RestRequest.delete("/api/v3/order").param("symbol", "LTCBTC").param("orderId", 7)
                                .signed().build(),
                        "symbol=LTCBTC&orderId=7&recvWindow=5000&timestamp=", ""),
                new Form("DELETE: form body",
                        base -> RestRequest.delete("/api/v3/order").formParam("symbol", "LTCBTC").signed().build(),
                        "recvWindow=5000&timestamp=", "symbol=LTCBTC"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void wireSignatureIsTheHmacOfTheWirePayload(Form form) throws Exception {
        server.enqueue(new MockResponse().setBody("{}"));
        server.enqueue(new MockResponse().setBody("{}"));
        RestRequest request = form.request().apply(server.url("/").toString());

        client.execute(request);
        checkWire(form, server.takeRequest(5, TimeUnit.SECONDS));
        client.executeAsync(request).get(5, TimeUnit.SECONDS);
        checkWire(form, server.takeRequest(5, TimeUnit.SECONDS));
    }

    private static void checkWire(Form form, RecordedRequest req) throws Exception {
        assertThat(req).as("request received").isNotNull();
        assertThat(req.getHeader("X-MBX-APIKEY")).isEqualTo(API_KEY);
        // the request line as it came over the socket: "GET /path?query HTTP/1.1"
        String target = req.getRequestLine().split(" ")[1];
        String query = target.contains("?") ? target.substring(target.indexOf('?') + 1) : "";
        String body = req.getBody().readUtf8();

        List<String> signatures = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String part : query.split("&")) {
            (part.startsWith("signature=") ? signatures : rest).add(part);
        }
        assertThat(signatures).as("one signature, in the query").hasSize(1);
        assertThat(body).doesNotContain("signature=");
        String wireQuery = String.join("&", rest);
        assertThat(wireQuery).startsWith(form.wireQueryStart()).matches(".*timestamp=\\d{13}");
        assertThat(body).isEqualTo(form.wireBody());

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] digest = mac.doFinal((wireQuery + body).getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder();
        for (byte b : digest) {
            hex.append(String.format("%02x", b));
        }
        assertThat(signatures.get(0)).isEqualTo("signature=" + hex);
    }

    @Test
    void signedMultipartIsRefusedAndNothingIsSent() {
        RestRequest upload = RestRequest.post("/upload")
                .part(RestRequest.Part.text("symbol", "LTCBTC"))
                .part(RestRequest.Part.file("file", Path.of("pom.xml"), "pom.xml", "text/xml"))
                .signed().build();
        assertThatThrownBy(() -> client.execute(upload))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multipart");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void absoluteUrlQueryIsVisibleAsParamsAndRedactedInText() {
        RestRequest r = RestRequest.get("https://example.com/dl?symbol=LTCBTC&signature=deadbeef").param("n", 1).build();
        assertThat(r.urlQueryParams()).extracting(RestRequest.Param::name).containsExactly("symbol", "signature");
        assertThat(r.hasParam("symbol")).isTrue();
        assertThat(r.queryString()).isEqualTo("symbol=LTCBTC&signature=deadbeef&n=1");
        assertThat(r.toString()).contains("symbol=LTCBTC").contains("&n=1").doesNotContain("deadbeef");
    }
}
