package dev.relaykit.core.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.relaykit.core.ApiException;
import dev.relaykit.core.DecodeException;
import dev.relaykit.core.TransportException;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.sign.PayloadSigner;
import dev.relaykit.core.sign.QuerySignatureSigner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Proves that API keys, secrets, signatures, tokens and listen keys never reach a log line, an
 * exception message (with its causes) or a toString(), even when the server echoes them back.
 *
 * <p>slf4j-simple is configured (src/test/resources/simplelogger.properties) to write RelayKit's
 * debug lines to System.err, which it looks up on every write; the test tees System.err into a
 * buffer.
 */
class RedactionTest {
    static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    static final String TOKEN = "EAAGm0PX4ZCpsBAFkZBZCxq9ZAwZDZD";
    static final String LISTEN_KEY = "pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1";

    private final Set<String> signaturesSent = ConcurrentHashMap.newKeySet();
    private final List<Throwable> failures = new ArrayList<>();
    private MockWebServer server;
    private PrintStream originalErr;
    private ByteArrayOutputStream captured;

    /** Echoes everything it received back in the response, as a careless server would. */
    private final class EchoDispatcher extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String query = request.getRequestUrl().encodedQuery();
            if (query != null && query.contains("signature=")) {
                signaturesSent.add(query.substring(query.indexOf("signature=") + "signature=".length()));
            }
            String echo = "query=" + query + " apikey=" + request.getHeader("X-MBX-APIKEY")
                    + " auth=" + request.getHeader("Authorization") + " body=" + request.getBody().readUtf8();
            String path = request.getRequestUrl().encodedPath();
            switch (path) {
                case "/ok":
                    return json(200, "{\"echo\":\"" + echo + "\"}");
                case "/listenKey":
                    return json(200, "{\"listenKey\":\"" + LISTEN_KEY + "\"}");
                case "/garbage":
                    return json(200, "nope" + request.getHeader("X-MBX-APIKEY") + " " + echo);
                case "/unavailable":
                    return json(503, "{\"code\":-1001,\"msg\":\"Internal error: " + echo + "\"}");
                default:
                    return json(400, "{\"code\":-1022,\"msg\":\"Signature for this request is not valid: " + echo + "\"}");
            }
        }
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }
    }

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new EchoDispatcher());
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        originalErr = System.err;
        captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new Tee(originalErr, captured), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() throws IOException {
        System.setErr(originalErr);
        server.shutdown();
    }

    private void expectFailure(Runnable call, Class<? extends Throwable> type) {
        Throwable t = catchThrowable(call::run);
        assertThat(t).isInstanceOf(type);
        failures.add(t);
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    @Test
    void secretsAppearNowhere() throws Exception {
        assertThat(LoggerFactory.getLogger(RestClient.class).isDebugEnabled()).as("debug logging is on").isTrue();
        QuerySignatureSigner signer = QuerySignatureSigner.builder(PayloadSigner.hmacSha256Hex(Secret.of(SECRET)))
                .apiKey(Secret.of(API_KEY)).recvWindow(Duration.ofSeconds(5)).build();
        RetryPolicy fast = new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofSeconds(1));
        List<String> toStrings = new ArrayList<>();
        try (RestClient client = RestClient.builder().service("binance").baseUrl(server.url("/").toString())
                .defaultHeader("Authorization", "Bearer " + TOKEN).signer(signer).retryPolicy(fast).build()) {

            RestRequest account = RestRequest.get("/ok").param("symbol", "BTCUSDT").signed().build();
            client.execute(account);
            client.execute(RestRequest.post("/listenKey").security(RestRequest.Security.API_KEY).build());

            RestRequest order = RestRequest.post("/api/v3/order").param("symbol", "BTCUSDT")
                    .formParam("quantity", "1").formParam("apiKey", API_KEY).signed().build();
            expectFailure(() -> client.execute(order), ApiException.class);
            expectFailure(() -> client.execute(RestRequest.delete("/api/v3/userDataStream")
                    .param("listenKey", LISTEN_KEY).security(RestRequest.Security.API_KEY).build()), ApiException.class);
            expectFailure(() -> client.execute(RestRequest.get("/unavailable").param("token", TOKEN).signed().build()),
                    ApiException.class);
            expectFailure(() -> client.execute(RestRequest.get("/garbage").signed().build()), DecodeException.class);
            Throwable async = catchThrowable(() -> client.executeAsync(order).get(10, TimeUnit.SECONDS));
            assertThat(async.getCause()).isInstanceOf(ApiException.class);
            failures.add(async);

            toStrings.add(client.toString());
            toStrings.add(account.toString());
            toStrings.add(order.toString());
            toStrings.add(signer.sign(order).toString());
            toStrings.add(signer.toString());
            toStrings.add(Secret.of(SECRET).toString());
        }

        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        try (RestClient dead = RestClient.builder().service("binance").baseUrl("http://127.0.0.1:" + closedPort)
                .signer(signer).retryPolicy(fast).build()) {
            expectFailure(() -> dead.execute(RestRequest.get("/api/v3/account").param("listenKey", LISTEN_KEY)
                    .signed().build()), TransportException.class);
        }

        System.err.flush();
        String logs = captured.toString(StandardCharsets.UTF_8);
        StringBuilder exceptions = new StringBuilder();
        for (Throwable t : failures) {
            exceptions.append(stackTrace(t));
        }

        // the capture works and holds the lines we expect, with the secrets masked rather than left out
        assertThat(logs).contains("binance GET /ok?symbol=BTCUSDT&recvWindow=5000&timestamp=")
                .contains("&signature=*** -> 200 in")
                .contains("binance POST /api/v3/order?symbol=BTCUSDT&recvWindow=5000&timestamp=")
                .contains("-> 400 in")
                .contains("-> 503 in")
                .contains("binance DELETE /api/v3/userDataStream?listenKey=*** -> 400")
                .contains("-> failed in");
        assertThat(exceptions).contains("Signature for this request is not valid").contains("signature=***")
                .contains("apikey=***").contains("Internal error").contains("cannot decode JsonNode");
        assertThat(signaturesSent).hasSizeGreaterThanOrEqualTo(5);

        List<String> forbidden = new ArrayList<>(List.of(API_KEY, SECRET, TOKEN, LISTEN_KEY));
        forbidden.addAll(signaturesSent);
        String everything = logs + "\n" + exceptions + "\n" + String.join("\n", toStrings);
        for (String secret : forbidden) {
            assertThat(everything).as("a secret leaked").doesNotContain(secret);
        }
    }
}
