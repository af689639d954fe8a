package dev.relaykit.core.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.ApiException;
import dev.relaykit.core.DecodeException;
import dev.relaykit.core.RateLimitedException;
import dev.relaykit.core.TransportException;
import dev.relaykit.core.limit.RateLimit;
import dev.relaykit.core.limit.RateLimiter;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.sign.PayloadSigner;
import dev.relaykit.core.sign.QuerySignatureSigner;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestClientTest {
    static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    /** A record like a module's model. */
    record Ticker(String symbol, BigDecimal price) {
    }

    /**
     * A queue of responses that records when each request arrived. Written out rather than a subclass of
     * {@code QueueDispatcher}: that class is final in OkHttp 5's mockwebserver, and these tests run on OkHttp 5
     * too. Responses are queued with {@link #enqueue}.
     */
    static final class TimedDispatcher extends Dispatcher {
        private static final MockResponse SHUT_DOWN = new MockResponse().setStatus("HTTP/1.1 503 shutting down");
        final List<Long> arrivals = new CopyOnWriteArrayList<>();
        private final BlockingQueue<MockResponse> responses = new LinkedBlockingQueue<>();

        void enqueue(MockResponse response) {
            responses.add(response);
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            arrivals.add(System.nanoTime());
            MockResponse next = responses.take();
            if (next == SHUT_DOWN) {
                responses.add(SHUT_DOWN); // for whoever waits next
            }
            return next;
        }

        @Override
        public MockResponse peek() {
            // MockWebServer reads the next response's socket policy (a drop, no answer) through this
            MockResponse next = responses.peek();
            return next != null ? next : super.peek();
        }

        @Override
        public void shutdown() {
            responses.add(SHUT_DOWN);
        }
    }

    private MockWebServer server;
    private TimedDispatcher dispatcher;
    private RestClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        dispatcher = new TimedDispatcher();
        server.setDispatcher(dispatcher);
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        client = builder().build();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.shutdown();
    }

    private RestClient.Builder builder() {
        return RestClient.builder()
                .service("binance")
                .baseUrl(server.url("/").toString())
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5)))
                .signer(QuerySignatureSigner.builder(PayloadSigner.hmacSha256Hex(Secret.of(SECRET)))
                        .apiKey(Secret.of(API_KEY)).recvWindow(Duration.ofSeconds(5)).build());
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    // ------------------------------------------------------------------ decoding

    @Test
    void decodesIntoRecordTypeReferenceAndTree() throws Exception {
        dispatcher.enqueue(json(200, "{\"symbol\":\"BTCUSDT\",\"price\":\"67000.12345678\",\"extra\":1}"));
        dispatcher.enqueue(json(200, "[{\"symbol\":\"A\",\"price\":\"1.10\"},{\"symbol\":\"B\",\"price\":\"0.00000001\"}]"));
        dispatcher.enqueue(json(200, "{\"serverTime\":1499827319559}"));

        Ticker t = client.execute(RestRequest.get("/api/v3/ticker/price").param("symbol", "BTCUSDT").build(), Ticker.class);
        assertThat(t).isEqualTo(new Ticker("BTCUSDT", new BigDecimal("67000.12345678")));
        List<Ticker> all = client.execute(RestRequest.get("/api/v3/ticker/price").build(), new TypeReference<List<Ticker>>() { });
        assertThat(all).extracting(Ticker::price).containsExactly(new BigDecimal("1.10"), new BigDecimal("0.00000001"));
        JsonNode time = client.execute(RestRequest.get("/api/v3/time").build());
        assertThat(time.get("serverTime").asLong()).isEqualTo(1499827319559L);

        RecordedRequest first = server.takeRequest();
        assertThat(first.getMethod()).isEqualTo("GET");
        assertThat(first.getPath()).isEqualTo("/api/v3/ticker/price?symbol=BTCUSDT");
        assertThat(first.getHeader("X-MBX-APIKEY")).as("public request carries no key").isNull();
    }

    @Test
    void sendsJsonAndFormBodiesAndDefaultHeaders() throws Exception {
        client.close();
        client = builder().defaultHeader("User-Agent", "relaykit-test").build();
        dispatcher.enqueue(json(200, "{}"));
        dispatcher.enqueue(json(200, "{}"));
        client.exchange(RestRequest.post("/json").jsonBody(Map.of("text", "hi")).build());
        RestResponse r = client.exchange(RestRequest.put("/form").formParam("a", "x y").build());
        assertThat(r.status()).isEqualTo(200);
        RecordedRequest j = server.takeRequest();
        assertThat(j.getHeader("Content-Type")).startsWith("application/json");
        assertThat(j.getBody().readUtf8()).isEqualTo("{\"text\":\"hi\"}");
        assertThat(j.getHeader("User-Agent")).isEqualTo("relaykit-test");
        RecordedRequest f = server.takeRequest();
        assertThat(f.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(f.getBody().readUtf8()).isEqualTo("a=x%20y");
    }

    @Test
    void signedRequestCarriesKeyAndAValidSignature() throws Exception {
        dispatcher.enqueue(json(200, "{\"balances\":[]}"));
        client.execute(RestRequest.get("/api/v3/account").param("omitZeroBalances", true).signed().weight(20).build());
        RecordedRequest req = server.takeRequest();
        assertThat(req.getHeader("X-MBX-APIKEY")).isEqualTo(API_KEY);
        String query = req.getRequestUrl().encodedQuery();
        assertThat(query).matches("omitZeroBalances=true&recvWindow=5000&timestamp=\\d{13}&signature=[0-9a-f]{64}");
        String signed = query.substring(0, query.indexOf("&signature="));
        String expected = PayloadSigner.hmacSha256Hex(Secret.of(SECRET)).sign(signed.getBytes(StandardCharsets.UTF_8));
        assertThat(query).endsWith("&signature=" + expected);
    }

    @Test
    void serverClockMeasuredThroughARestCallDrivesSignedTimestamps() throws Exception {
        long serverAhead = 3_600_000; // the "server" runs one hour ahead
        dispatcher.enqueue(json(200, "{\"serverTime\":" + (System.currentTimeMillis() + serverAhead) + "}"));
        dispatcher.enqueue(json(200, "{}"));
        dev.relaykit.core.time.ServerClock clock = dev.relaykit.core.time.ServerClock.create();
        clock.measure(() -> client.execute(RestRequest.get("/api/v3/time").build()).get("serverTime").asLong());
        assertThat(clock.offset().toMillis()).isBetween(serverAhead - 2_000, serverAhead + 2_000);

        try (RestClient timed = builder().signer(QuerySignatureSigner.builder(PayloadSigner.hmacSha256Hex(Secret.of(SECRET)))
                .apiKey(Secret.of(API_KEY)).clock(clock).build()).build()) {
            timed.execute(RestRequest.get("/api/v3/account").signed().build());
        }
        server.takeRequest();
        String query = server.takeRequest().getRequestUrl().encodedQuery();
        long timestamp = Long.parseLong(query.replaceAll(".*timestamp=(\\d+).*", "$1"));
        assertThat(timestamp - System.currentTimeMillis()).isBetween(serverAhead - 5_000, serverAhead + 5_000);
    }

    // ------------------------------------------------------------------ typed errors

    @Test
    void serviceErrorBecomesApiExceptionWithServiceCode() {
        dispatcher.enqueue(json(400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}"));
        assertThatThrownBy(() -> client.execute(RestRequest.get("/api/v3/ticker/price").param("symbol", "NOPE").build()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("-1121");
                    assertThat(e.serviceMessage()).isEqualTo("Invalid symbol.");
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("binance error -1121 (HTTP 400): Invalid symbol.");
                });
        assertThat(server.getRequestCount()).as("4xx is not retried").isEqualTo(1);
    }

    @Test
    void customErrorParserIsUsed() {
        client.close();
        client = builder().errorParser((service, status, body, retryAt) ->
                new ApiException(service, status, "custom", body.toUpperCase())).build();
        dispatcher.enqueue(json(404, "not found"));
        assertThatThrownBy(() -> client.execute(RestRequest.get("/x").build()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("custom");
                    assertThat(e.serviceMessage()).isEqualTo("NOT FOUND");
                });
    }

    @Test
    void tooManyRequestsBecomesRateLimitedExceptionWithRetryTime() {
        dispatcher.enqueue(json(429, "{\"code\":-1003,\"msg\":\"Too many requests.\"}").setHeader("Retry-After", "30"));
        long before = System.currentTimeMillis();
        // 30 s is longer than the policy's 5 s maxRetryAfter: not retried, thrown at once
        assertThatThrownBy(() -> client.execute(RestRequest.get("/api/v3/depth").build()))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.isLocal()).isFalse();
                    assertThat(e.httpStatus()).isEqualTo(429);
                    assertThat(e.retryAt().toEpochMilli()).isBetween(before + 29_000, System.currentTimeMillis() + 30_000);
                    assertThat(e.getMessage()).contains("-1003").contains("Too many requests.");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void unreadableSuccessBodyBecomesDecodeException() {
        dispatcher.enqueue(json(200, "<html>maintenance</html>"));
        dispatcher.enqueue(json(200, "{\"symbol\":\"BTCUSDT\",\"price\":\"not a number\"}"));
        dispatcher.enqueue(json(200, ""));
        assertThatThrownBy(() -> client.execute(RestRequest.get("/a").build()))
                .isInstanceOf(DecodeException.class).hasMessageContaining("binance: cannot decode JsonNode");
        assertThatThrownBy(() -> client.execute(RestRequest.get("/b").build(), Ticker.class))
                .isInstanceOf(DecodeException.class).hasMessageContaining("cannot decode Ticker");
        assertThatThrownBy(() -> client.execute(RestRequest.get("/c").build(), Ticker.class))
                .isInstanceOf(DecodeException.class).hasMessageContaining("empty body");
        assertThat(server.getRequestCount()).as("decode failures are not retried").isEqualTo(3);
    }

    @Test
    void connectionFailureBecomesTransportException() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        try (RestClient dead = RestClient.builder().service("binance").baseUrl("http://127.0.0.1:" + closedPort)
                .retryPolicy(RetryPolicy.none()).build()) {
            assertThatThrownBy(() -> dead.execute(RestRequest.get("/api/v3/ping").build()))
                    .isInstanceOf(TransportException.class)
                    .hasCauseInstanceOf(IOException.class)
                    .hasMessageContaining("binance: GET /api/v3/ping failed");
        }
    }

    @Test
    void signedRequestWithoutSignerFailsClearly() {
        try (RestClient unsigned = RestClient.builder().baseUrl(server.url("/").toString()).build()) {
            assertThatThrownBy(() -> unsigned.execute(RestRequest.get("/api/v3/account").signed().build()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("no signer");
        }
        assertThat(server.getRequestCount()).isZero();
    }

    // ------------------------------------------------------------------ retries

    @Test
    void idempotentGetIsRetriedOn5xx() {
        dispatcher.enqueue(json(503, "{\"code\":-1001,\"msg\":\"Internal error; unable to process your request.\"}"));
        dispatcher.enqueue(json(503, ""));
        dispatcher.enqueue(json(200, "{\"ok\":true}"));
        JsonNode n = client.execute(RestRequest.get("/api/v3/exchangeInfo").build());
        assertThat(n.get("ok").asBoolean()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void retriesGiveUpAfterMaxAttempts() {
        for (int i = 0; i < 3; i++) {
            dispatcher.enqueue(json(502, "{\"code\":-1001,\"msg\":\"Internal error\"}"));
        }
        dispatcher.enqueue(json(200, "{}"));
        assertThatThrownBy(() -> client.execute(RestRequest.get("/x").build()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(502));
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void postIsNeverRetried() {
        dispatcher.enqueue(json(503, "{\"code\":-1001,\"msg\":\"Internal error\"}"));
        dispatcher.enqueue(json(200, "{}"));
        assertThatThrownBy(() -> client.execute(RestRequest.post("/api/v3/order").param("symbol", "BTCUSDT").signed().build()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(503));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void postDeclaredIdempotentIsRetried() {
        dispatcher.enqueue(json(503, ""));
        dispatcher.enqueue(json(200, "{}"));
        client.execute(RestRequest.post("/api/v3/order").param("newClientOrderId", "abc").idempotent(true).build());
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void tooManyRequestsWaitsForRetryAfter() {
        dispatcher.enqueue(json(429, "{\"code\":-1003,\"msg\":\"Too many requests.\"}").setHeader("Retry-After", "1"));
        dispatcher.enqueue(json(200, "{\"ok\":true}"));
        JsonNode n = client.execute(RestRequest.get("/api/v3/depth").build());
        assertThat(n.get("ok").asBoolean()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2);
        long gapMillis = TimeUnit.NANOSECONDS.toMillis(dispatcher.arrivals.get(1) - dispatcher.arrivals.get(0));
        assertThat(gapMillis).as("second request waited for Retry-After: 1").isGreaterThanOrEqualTo(900);
    }

    @Test
    void droppedConnectionIsRetriedForGet() {
        dispatcher.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
        dispatcher.enqueue(json(200, "{\"ok\":true}"));
        JsonNode n = client.execute(RestRequest.get("/api/v3/ping").build());
        assertThat(n.get("ok").asBoolean()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void droppedConnectionIsNotRetriedForPost() {
        dispatcher.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
        dispatcher.enqueue(json(200, "{}"));
        assertThatThrownBy(() -> client.execute(RestRequest.post("/api/v3/order").signed().build()))
                .isInstanceOf(TransportException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ async

    @Test
    void asyncDoesNotBlockAndRunsOnOkHttpThreads() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                release.await(10, TimeUnit.SECONDS);
                return json(418, "{\"code\":-1003,\"msg\":\"Way too many requests; IP banned.\"}").setHeader("Retry-After", "60");
            }
        });
        AtomicReference<String> parserThread = new AtomicReference<>();
        client.close();
        client = builder().errorParser((service, status, body, retryAt) -> {
            parserThread.set(Thread.currentThread().getName());
            return ErrorParser.standard().parse(service, status, body, retryAt);
        }).build();

        CompletableFuture<JsonNode> f = client.executeAsync(RestRequest.get("/api/v3/depth").build());
        assertThat(f).as("returned before the server answered").isNotDone();
        release.countDown();
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(418);
                    assertThat(e.isLocal()).isFalse();
                });
        assertThat(parserThread.get()).startsWith("OkHttp").isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void asyncRetriesAndDecodes() throws Exception {
        // MockWebServer honours DISCONNECT_AT_START only on a fresh connection, so it goes first
        dispatcher.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
        dispatcher.enqueue(json(503, ""));
        dispatcher.enqueue(json(200, "{\"symbol\":\"ETHUSDT\",\"price\":\"3000.5\"}"));
        Ticker t = client.executeAsync(RestRequest.get("/api/v3/ticker/price").build(), Ticker.class).get(10, TimeUnit.SECONDS);
        assertThat(t.price()).isEqualTo(new BigDecimal("3000.5"));
        assertThat(server.getRequestCount()).isEqualTo(3);

        dispatcher.enqueue(json(400, "{\"code\":-1100,\"msg\":\"Illegal characters found in parameter.\"}"));
        CompletableFuture<RestResponse> bad = client.exchangeAsync(RestRequest.post("/api/v3/order").signed().build());
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("-1100"));
    }

    // ------------------------------------------------------------------ rate limits

    @Test
    void serverWeightHeaderUpdatesBudgetAndLocalBudgetFailsFast() {
        RateLimit weight = RateLimit.weight(1200, Duration.ofMinutes(1)).withServerHeader("X-MBX-USED-WEIGHT-1M");
        RateLimiter limiter = RateLimiter.builder().limit(weight).mode(RateLimiter.Mode.FAIL_FAST).build();
        client.close();
        client = builder().rateLimiter(limiter).build();
        dispatcher.enqueue(json(200, "{}").setHeader("X-MBX-USED-WEIGHT-1M", "1190"));
        client.execute(RestRequest.get("/api/v3/depth").weight(5).build());
        assertThat(limiter.used(weight)).isGreaterThanOrEqualTo(1190);

        // 1190 used + 20 > 1200: refused locally, nothing sent
        assertThatThrownBy(() -> client.execute(RestRequest.get("/api/v3/account").signed().weight(20).build()))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.isLocal()).isTrue();
                    assertThat(e.httpStatus()).isZero();
                });
        assertThatThrownBy(() -> client.executeAsync(RestRequest.get("/api/v3/account").signed().weight(20).build())
                .get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.isLocal()).isTrue());
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void banWithRetryAfterHoldsTheBudget() {
        RateLimiter limiter = RateLimiter.builder().limit(RateLimit.requests(1000, Duration.ofMinutes(1)))
                .mode(RateLimiter.Mode.FAIL_FAST).build();
        client.close();
        client = builder().rateLimiter(limiter).build();
        dispatcher.enqueue(json(418, "{\"code\":-1003,\"msg\":\"Way too many requests; IP banned until 1700000000000.\"}")
                .setHeader("Retry-After", "120"));
        long before = System.currentTimeMillis();
        assertThatThrownBy(() -> client.execute(RestRequest.get("/api/v3/depth").build()))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.isLocal()).isFalse());
        assertThat(limiter.tryAcquire(1)).isGreaterThan(Duration.ofSeconds(110));
        assertThatThrownBy(() -> client.execute(RestRequest.get("/api/v3/time").build()))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.isLocal()).isTrue();
                    assertThat(e.retryAt().toEpochMilli()).isGreaterThanOrEqualTo(before + 119_000);
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void duringABanEveryCallFailsAtOnceInWaitModeAndNothingGoesOutWhenItEnds() throws Exception {
        // the default mode (WAIT) with a long maxWait: a ban must still never be waited out
        RateLimiter limiter = RateLimiter.builder().limit(RateLimit.requests(1000, Duration.ofMinutes(1)))
                .mode(RateLimiter.Mode.WAIT).maxWait(Duration.ofMinutes(5)).build();
        client.close();
        client = builder().rateLimiter(limiter).build();
        dispatcher.enqueue(json(418, "{\"code\":-1003,\"msg\":\"Way too many requests; IP banned.\"}")
                .setHeader("Retry-After", "2"));
        for (int i = 0; i < 5; i++) {
            dispatcher.enqueue(json(200, "{\"late\":true}"));
        }
        assertThatThrownBy(() -> client.execute(RestRequest.get("/api/v3/depth").build()))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.isLocal()).isFalse();
                    assertThat(e.httpStatus()).isEqualTo(418);
                });
        long banEnds = System.currentTimeMillis() + 2_000;
        long start = System.nanoTime();
        CompletableFuture<JsonNode> async = client.executeAsync(RestRequest.post("/api/v3/order").param("a", 1).build());
        assertThatThrownBy(() -> async.get(1, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.isLocal()).isTrue();
                    assertThat(e.httpStatus()).isEqualTo(418);
                    assertThat(e.retryAt().toEpochMilli()).isBetween(banEnds - 500, banEnds + 500);
                    assertThat(e.retryAfter()).isPositive();
                });
        assertThatThrownBy(() -> client.execute(RestRequest.post("/api/v3/order").param("a", 2).build()))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.isLocal()).isTrue());
        assertThatThrownBy(() -> client.execute(RestRequest.get("/api/v3/time").build()))
                .isInstanceOf(RateLimitedException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("all refused at once").isLessThan(Duration.ofMillis(500));
        // past the ban's end, nothing asked for during the ban has gone out
        Thread.sleep(Math.max(0, banEnds + 500 - System.currentTimeMillis()));
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(client.execute(RestRequest.get("/api/v3/time").build()).get("late").asBoolean()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aRetryAfterLongerThanMaxWaitIsNotWaitedOut() {
        // the retry policy would wait 3 s, but the limiter allows 1 s of waiting: fail at once
        RateLimiter limiter = RateLimiter.builder().limit(RateLimit.requests(1000, Duration.ofMinutes(1)))
                .mode(RateLimiter.Mode.WAIT).maxWait(Duration.ofSeconds(1)).build();
        client.close();
        client = builder().rateLimiter(limiter).build();
        dispatcher.enqueue(json(429, "{\"code\":-1003,\"msg\":\"Too many requests.\"}").setHeader("Retry-After", "3"));
        dispatcher.enqueue(json(200, "{\"late\":true}"));
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.execute(RestRequest.get("/api/v3/depth").build()))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.httpStatus()).isEqualTo(429));
        assertThatThrownBy(() -> client.execute(RestRequest.get("/api/v3/depth").build()))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.isLocal()).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void failFastNeverWaitsOutA429() {
        RateLimiter limiter = RateLimiter.builder().limit(RateLimit.requests(1000, Duration.ofMinutes(1)))
                .mode(RateLimiter.Mode.FAIL_FAST).build();
        client.close();
        client = builder().rateLimiter(limiter).build();
        dispatcher.enqueue(json(429, "{\"code\":-1003,\"msg\":\"Too many requests.\"}").setHeader("Retry-After", "1"));
        dispatcher.enqueue(json(200, "{\"late\":true}"));
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.execute(RestRequest.get("/api/v3/depth").build()))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.httpStatus()).isEqualTo(429));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(800));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void waitingBudgetDelaysAsyncCallsWithoutBlocking() throws Exception {
        RateLimiter limiter = RateLimiter.builder().limit(RateLimit.requests(2, Duration.ofMillis(200)))
                .mode(RateLimiter.Mode.WAIT).build();
        client.close();
        client = builder().rateLimiter(limiter).build();
        for (int i = 0; i < 5; i++) {
            dispatcher.enqueue(json(200, "{\"n\":" + i + "}"));
        }
        List<CompletableFuture<JsonNode>> all = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(client.executeAsync(RestRequest.get("/n").build()));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(server.getRequestCount()).isEqualTo(5);
        // 5 requests at 2 per 200 ms window need at least 3 windows, so the last came >= 200 ms after the first
        long span = TimeUnit.NANOSECONDS.toMillis(dispatcher.arrivals.get(4) - dispatcher.arrivals.get(0));
        assertThat(span).isGreaterThanOrEqualTo(200);
    }

    @Test
    void closedClientRefusesCalls() {
        client.close();
        assertThatThrownBy(() -> client.execute(RestRequest.get("/x").build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(client.toString()).contains("binance").doesNotContain(API_KEY).doesNotContain(SECRET);
    }

    @Test
    void closingAnswersCallsWaitingForBudget() throws Exception {
        // a fake clock that stays 50 ms before the end of a spent window: the call keeps waiting
        RateLimiter limiter = RateLimiter.builder().limit(RateLimit.requests(1, Duration.ofMinutes(1)))
                .clock(new dev.relaykit.core.testing.FakeClock(59_950)).build();
        client.close();
        client = builder().rateLimiter(limiter).build();
        dispatcher.enqueue(json(200, "{}"));
        dispatcher.enqueue(json(200, "{}"));
        limiter.acquire(1);
        CompletableFuture<JsonNode> waiting = client.executeAsync(RestRequest.get("/later").build());
        client.close();
        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(server.getRequestCount()).isZero();
    }
}
