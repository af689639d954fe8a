package dev.relaykit.telegram.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.secret.Secret;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** getUpdates offsets, timeouts, failures, restarts, close and 409, against a scripted server. */
class LongPollingTest {
    static final String TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11";

    MockWebServer server;
    TelegramBot bot;
    /** Each poll's requested offset (-1: none), in order. */
    final BlockingQueue<Long> offsets = new LinkedBlockingQueue<>();
    /** The scripted answers, one per poll; when it runs dry the server holds polls open. */
    final BlockingQueue<Function<Long, MockResponse>> script = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                JsonNode body = Json.tree(request.getBody().readUtf8());
                long offset = body.has("offset") ? body.get("offset").asLong() : -1;
                // take the answer before reporting the offset: a test that adds to the script once it
                // has seen an offset must not have that answer go to the poll it has just seen
                Function<Long, MockResponse> next = script.poll();
                offsets.add(offset);
                return next != null ? next.apply(offset) : new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
            }
        });
        server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
        bot = TelegramBot.builder(Secret.of(TOKEN)).baseUrl(server.url("/").toString()).build();
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
        server.shutdown();
    }

    static Function<Long, MockResponse> updates(long... ids) {
        StringBuilder sb = new StringBuilder("{\"ok\":true,\"result\":[");
        for (int i = 0; i < ids.length; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"update_id\":").append(ids[i])
                    .append(",\"message\":{\"message_id\":").append(ids[i]).append(",\"chat\":{\"id\":1},\"text\":\"m")
                    .append(ids[i]).append("\"}}");
        }
        String body = sb.append("]}").toString();
        return offset -> new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    static Function<Long, MockResponse> status(int code, String body) {
        return offset -> new MockResponse().setResponseCode(code).setBody(body);
    }

    @Test
    void offsetsAdvanceOnlyPastHandledUpdatesAcrossFailuresWithNothingLostOrRepeated() throws Exception {
        script.add(updates(10, 11));
        script.add(status(502, "Bad Gateway"));
        script.add(offset -> new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
        script.add(updates(11, 12)); // a server re-sending 11 must not make the listener see it twice
        script.add(updates(13));
        List<Long> seen = new CopyOnWriteArrayList<>();

        try (LongPolling polling = bot.longPolling(u -> seen.add(u.updateId()))
                .backoff(Duration.ofMillis(20), Duration.ofMillis(50)).timeout(Duration.ofSeconds(1)).start()) {
            for (long expected : new long[] {-1, 12, 12, 12, 13, 14}) {
                assertThat(offsets.poll(10, TimeUnit.SECONDS)).isEqualTo(expected);
            }
            assertThat(seen).containsExactly(10L, 11L, 12L, 13L);
            assertThat(polling.offset()).isEqualTo(14);
        }
    }

    @Test
    void aRestartWithAPersistedOffsetStartsThereAndAThrowingListenerStillAdvancesIt() throws Exception {
        OffsetStore store = OffsetStore.inMemory(0);
        script.add(updates(20, 21));
        List<Long> seen = new CopyOnWriteArrayList<>();
        try (LongPolling first = bot.longPolling(u -> {
            seen.add(u.updateId());
            if (u.updateId() == 20) {
                throw new IllegalStateException("listener bug");
            }
        }).offsetStore(store).timeout(Duration.ofSeconds(1)).start()) {
            assertThat(offsets.poll(10, TimeUnit.SECONDS)).isEqualTo(-1);
            assertThat(offsets.poll(10, TimeUnit.SECONDS)).isEqualTo(22);
        }
        assertThat(store.load()).isEqualTo(22);

        script.add(updates(22));
        try (LongPolling second = bot.longPolling(u -> seen.add(u.updateId())).offsetStore(store)
                .timeout(Duration.ofSeconds(1)).start()) {
            assertThat(offsets.poll(10, TimeUnit.SECONDS)).isEqualTo(22);
            assertThat(offsets.poll(10, TimeUnit.SECONDS)).isEqualTo(23);
        }
        assertThat(seen).containsExactly(20L, 21L, 22L);
    }

    @Test
    void closeWaitsForTheUpdateBeingHandledSoThatARestartNeitherRepeatsNorSkipsIt() throws Exception {
        OffsetStore store = OffsetStore.inMemory(0);
        script.add(updates(40, 41));
        CountDownLatch inListener = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Long> seen = new CopyOnWriteArrayList<>();
        LongPolling polling = bot.longPolling(u -> {
            seen.add(u.updateId());
            inListener.countDown();
            release.await(10, TimeUnit.SECONDS);
        }).offsetStore(store).timeout(Duration.ofSeconds(1)).start();
        assertThat(inListener.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(polling::close);
        // absence: close() must not return while update 40 is still being handled
        assertThatThrownBy(() -> closing.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        release.countDown();
        closing.get(10, TimeUnit.SECONDS);
        assertThat(store.load()).as("40 confirmed before close() returned; 41 never handed out").isEqualTo(41);
        assertThat(seen).containsExactly(40L);
    }

    @Test
    void aPollHeldOpenLongerThanTheClientsReadTimeoutEndsNormally() throws Exception {
        try (TelegramBot shortReads = TelegramBot.builder(Secret.of(TOKEN)).baseUrl(server.url("/").toString())
                .timeouts(Duration.ofSeconds(5), Duration.ofMillis(300)).build()) {
            // the server holds the poll 1.2 s, as Telegram does for a quiet chat with timeout=2
            script.add(offset -> updates(30).apply(offset).setBodyDelay(1200, TimeUnit.MILLISECONDS));
            List<Long> seen = new CopyOnWriteArrayList<>();
            try (LongPolling polling = shortReads.longPolling(u -> seen.add(u.updateId()))
                    .timeout(Duration.ofSeconds(2)).readMargin(Duration.ofSeconds(2))
                    .backoff(Duration.ofSeconds(30), Duration.ofSeconds(30)).start()) {
                assertThat(offsets.poll(10, TimeUnit.SECONDS)).isEqualTo(-1);
                assertThat(offsets.poll(10, TimeUnit.SECONDS)).isEqualTo(31); // no failure, no 30 s backoff
                assertThat(seen).containsExactly(30L);
            }
        }
    }

    @Test
    void closeDuringAnOpenPollReturnsPromptly() throws Exception {
        LongPolling polling = bot.longPolling(u -> { }).timeout(Duration.ofSeconds(50)).start();
        assertThat(offsets.poll(10, TimeUnit.SECONDS)).isEqualTo(-1); // the poll is open; the server never answers

        long start = System.nanoTime();
        polling.close();
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(tookMillis).isLessThan(500);
        assertThat(polling.stopped()).succeedsWithin(Duration.ofSeconds(1));
        Thread.sleep(300); // nothing polls after close
        assertThat(offsets).isEmpty();
    }

    @Test
    void a409ConflictStopsPollingWithOneClearTypedError() throws Exception {
        script.add(status(409, "{\"ok\":false,\"error_code\":409,\"description\":\"Conflict: terminated by other"
                + " getUpdates request; make sure that only one bot instance is running\"}"));
        LongPolling polling = bot.longPolling(u -> { }).backoff(Duration.ofMillis(10), Duration.ofMillis(10)).start();

        assertThat(polling.stopped()).failsWithin(Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause()
                .isInstanceOfSatisfying(TelegramConflictException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("only one bot instance", "deleteWebhook");
                });
        Thread.sleep(300); // no second poll after a 409
        assertThat(offsets).hasSize(1);
    }

    @Test
    void aRateLimitedPollWaitsRetryAfter() throws Exception {
        script.add(status(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\","
                + "\"parameters\":{\"retry_after\":1}}"));
        script.add(updates(40));
        try (LongPolling polling = bot.longPolling(u -> { }).backoff(Duration.ofMillis(10), Duration.ofMillis(10))
                .timeout(Duration.ofSeconds(1)).start()) {
            assertThat(offsets.poll(10, TimeUnit.SECONDS)).isEqualTo(-1);
            long start = System.nanoTime();
            assertThat(offsets.poll(10, TimeUnit.SECONDS)).isEqualTo(-1);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(900);
        }
    }

    @Test
    void stoppedCompletesNormallyAfterClose() {
        LongPolling polling = bot.longPolling(u -> { }).start();
        bot.close(); // closing the client closes its pollers
        assertThat(polling.stopped()).succeedsWithin(Duration.ofSeconds(1));
        assertThat(polling.stopped().isCompletedExceptionally()).isFalse();
    }

    @Test
    void whileTheNetworkIsDownOneWarningThenQuietThenOneRecoveryLine() throws Exception {
        for (int i = 0; i < 6; i++) {
            script.add(offset -> new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
        }
        script.add(updates(50));
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try (LongPolling polling = bot.longPolling(u -> { }).backoff(Duration.ofMillis(5), Duration.ofMillis(20))
                .timeout(Duration.ofSeconds(1)).start()) {
            for (int i = 0; i < 8; i++) {
                assertThat(offsets.poll(10, TimeUnit.SECONDS)).isNotNull(); // 6 failed polls, the answer, the next poll
            }
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8); // slf4j-simple writes to System.err
        assertThat(log.lines().filter(l -> l.contains("telegram long polling failed"))).hasSize(1);
        assertThat(log.lines().filter(l -> l.contains("recovered after 6 failed polls"))).hasSize(1);
    }
}
