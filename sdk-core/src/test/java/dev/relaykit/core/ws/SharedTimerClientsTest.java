package dev.relaykit.core.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.internal.SharedTimer;
import dev.relaykit.core.limit.RateLimit;
import dev.relaykit.core.limit.RateLimiter;
import dev.relaykit.core.rest.RestClient;
import dev.relaykit.core.rest.RestRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real clients on the one shared timer (issue #12, item 2): many sessions and REST clients, each with
 * timers pending, hold one timer thread between them, and once closed leave no task queued on it.
 */
class SharedTimerClientsTest {
    private static final int N = 40;
    private final MockWebServer server = new MockWebServer();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger upgrades = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getPath().startsWith("/ws")) {
                    upgrades.incrementAndGet();
                    return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
                        @Override
                        public void onMessage(WebSocket webSocket, String text) {
                            received.add(text);
                        }

                        @Override
                        public void onClosing(WebSocket webSocket, int code, String reason) {
                            webSocket.close(1000, null); // answer the client's close, so the server can stop
                        }
                    });
                }
                return new MockResponse().setBody("{}");
            }
        });
        server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private static List<String> timerThreadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.contains("timer")).toList();
    }

    @Test
    void manySessionsWithTimersHoldOneTimerThreadAndLeaveNoTaskWhenClosed() throws Exception {
        int baseline = SharedTimer.queuedTasks();
        List<WsSession> sessions = new ArrayList<>();
        List<CompletableFuture<Void>> held = new ArrayList<>();
        try {
            for (int i = 0; i < N; i++) {
                WsSession s = WsSession.builder(server.url("/ws").toString()).name("shared-" + i)
                        .heartbeat(Duration.ofSeconds(1), Duration.ofSeconds(1)) // a liveness check every 100 ms
                        .watchdog(Duration.ofSeconds(30))
                        .connectTimeout(Duration.ofSeconds(10))
                        .outgoingRateLimit(1) // the second send waits on the timer
                        .build();
                sessions.add(s);
                s.connect().get(10, TimeUnit.SECONDS);
                s.send("first-" + i).get(5, TimeUnit.SECONDS);
                held.add(s.send("held-" + i));
            }
            // each session has its liveness check and a held-back send on the timer
            assertThat(SharedTimer.queuedTasks()).isGreaterThanOrEqualTo(baseline + 2 * N);
            assertThat(timerThreadNames()).as("timer threads for %d sessions", N).containsExactly("relaykit-timer");
        } finally {
            sessions.forEach(WsSession::close);
        }
        assertThat(SharedTimer.queuedTasks()).as("tasks left queued by closed sessions").isLessThanOrEqualTo(baseline);
        assertThat(timerThreadNames()).hasSizeLessThanOrEqualTo(1).allMatch("relaykit-timer"::equals);
        for (CompletableFuture<Void> f : held) {
            assertThatThrownBy(() -> f.get(1, TimeUnit.SECONDS)).hasCauseInstanceOf(NotConnectedException.class);
        }
        Thread.sleep(1_200); // past the rate limit's second: a held send that still ran would reach the server
        assertThat(received).noneMatch(m -> m.startsWith("held-"));
    }

    @Test
    void aSessionClosedWhileWaitingToReconnectNeverReconnects() throws Exception {
        int baseline = SharedTimer.queuedTasks();
        WsSession s = WsSession.builder("ws://127.0.0.1:" + server.getPort() + "/ws")
                .reconnect(ReconnectPolicy.linear(Duration.ofMillis(300), Duration.ZERO, Duration.ofMillis(300))
                        .withUnlimitedAttempts())
                .build();
        CompletableFuture<ConnectionState> reconnecting = new CompletableFuture<>();
        s.addListener(new WsListener() {
            @Override
            public void onStateChange(WsSession session, StateChange change) {
                if (change.to() == ConnectionState.RECONNECTING) {
                    reconnecting.complete(change.to());
                }
            }
        });
        s.connect().get(10, TimeUnit.SECONDS);
        server.shutdown(); // drops the connection: a reconnect is scheduled in 300 ms
        reconnecting.get(10, TimeUnit.SECONDS);
        int before = upgrades.get();
        s.close();
        assertThat(SharedTimer.queuedTasks()).isLessThanOrEqualTo(baseline);
        Thread.sleep(600);
        assertThat(upgrades.get()).isEqualTo(before);
        assertThat(s.state()).isEqualTo(ConnectionState.CLOSED);
    }

    @Test
    void restClientsWaitingForBudgetAreAnsweredOnCloseAndLeaveNoTask() throws Exception {
        int baseline = SharedTimer.queuedTasks();
        List<RestClient> clients = new ArrayList<>();
        List<CompletableFuture<JsonNode>> waiting = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            RateLimiter limiter = RateLimiter.builder().limit(RateLimit.requests(1, Duration.ofMinutes(1))).build();
            limiter.acquire(1); // spent: the next call waits on the timer for up to a minute
            RestClient c = RestClient.builder().service("shared-" + i).baseUrl(server.url("/").toString())
                    .rateLimiter(limiter).build();
            clients.add(c);
            waiting.add(c.executeAsync(RestRequest.get("/later").build()));
        }
        assertThat(SharedTimer.queuedTasks()).isGreaterThanOrEqualTo(baseline + N);
        assertThat(timerThreadNames()).containsExactly("relaykit-timer");
        clients.forEach(RestClient::close);
        assertThat(SharedTimer.queuedTasks()).isLessThanOrEqualTo(baseline);
        for (CompletableFuture<JsonNode> f : waiting) {
            assertThatThrownBy(() -> f.get(1, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
        assertThat(server.getRequestCount()).isZero();
    }
}
