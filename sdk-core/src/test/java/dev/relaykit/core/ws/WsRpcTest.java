package dev.relaykit.core.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.TransportException;
import dev.relaykit.core.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WsRpcTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
        timer.shutdownNow();
    }

    /** Answers are maps {"id": key, ...}; the key is the id as a string. */
    private WsRpc.Builder<String, Map<String, String>> table() {
        return WsRpc.<String, Map<String, String>>builder(m -> m.get("id"), timer);
    }

    private static Map<String, String> msg(String id) {
        return Map.of("id", id, "result", "r" + id);
    }

    private static Throwable failure(CompletableFuture<?> f) {
        try {
            f.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("did not fail in time: " + e, e);
        }
        throw new AssertionError("completed normally");
    }

    // ------------------------------------------------------------------ the table on its own

    @Test
    void anAnswerCompletesTheRequestWithItsKeyAndUnknownAnswersAreReported() {
        List<Map<String, String>> reported = new CopyOnWriteArrayList<>();
        WsRpc<String, Map<String, String>> rpc = table().onUnmatched(reported::add).build();
        CompletableFuture<Map<String, String>> one = rpc.expect("1", "first");
        CompletableFuture<Map<String, String>> two = rpc.expect("2", "second");

        assertThat(rpc.answer(msg("2"))).isTrue();
        assertThat(two).isCompletedWithValue(msg("2"));
        assertThat(one).isNotDone();
        assertThat(rpc.answer(msg("9"))).isFalse();
        assertThat(rpc.answer(Map.of("event", "not an answer"))).isFalse(); // no key: neither matched nor reported
        assertThat(reported).containsExactly(msg("9"));
        assertThat(rpc.unmatched()).isEqualTo(1);
        assertThat(rpc.inFlight()).isEqualTo(1);
        assertThat(rpc.nextId()).isEqualTo(1);
        assertThat(rpc.nextId()).isEqualTo(2);
    }

    @Test
    void aRequestTimesOutWithATypedErrorAndItsLateAnswerIsReported() {
        List<Map<String, String>> reported = new CopyOnWriteArrayList<>();
        WsRpc<String, Map<String, String>> rpc = table().onUnmatched(reported::add).build();
        CompletableFuture<Map<String, String>> f = rpc.expect("7", "account.status", Duration.ofMillis(50));
        rpc.markSent("7");

        assertThat(failure(f)).isInstanceOf(RequestTimeoutException.class).isInstanceOf(TransportException.class)
                .hasMessageContaining("no answer to account.status within 50 ms");
        assertThat(rpc.inFlight()).isZero();
        assertThat(rpc.answer(msg("7"))).isFalse();
        assertThat(reported).containsExactly(msg("7"));
        assertThat(rpc.unmatched()).isEqualTo(1);
    }

    @Test
    void aModuleMayGiveItsOwnTimeoutError() {
        WsRpc<String, Map<String, String>> rpc = table()
                .timeoutError(r -> new TimeoutException("no acknowledgement of packet " + r.key())).build();
        assertThat(failure(rpc.expect("3", "emit", Duration.ofMillis(20)))).isInstanceOf(TimeoutException.class)
                .hasMessage("no acknowledgement of packet 3");
    }

    @Test
    void aDroppedConnectionFailsEveryWaitingRequestAsOutcomeUnknown() {
        WsRpc<String, Map<String, String>> rpc = table()
                .lostMessage((r, why) -> why + " before " + r.what() + " was answered; NOT resent").build();
        List<CompletableFuture<Map<String, String>>> waiting = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            waiting.add(rpc.expect(Integer.toString(i), "order.place #" + i));
        }
        IOException cause = new IOException("connection reset");

        assertThat(rpc.connectionLost("the connection was lost", cause)).isEqualTo(3);

        for (int i = 0; i < 3; i++) {
            assertThat(failure(waiting.get(i))).isInstanceOf(ConnectionLostException.class)
                    .isInstanceOf(NotConnectedException.class).isInstanceOf(TransportException.class)
                    .hasMessage("the connection was lost before order.place #" + (i + 1) + " was answered; NOT resent")
                    .hasCause(cause);
        }
        assertThat(rpc.inFlight()).isZero();
        assertThat(rpc.answer(msg("2"))).isFalse(); // the answer after the drop is late, and reported
        assertThat(rpc.unmatched()).isEqualTo(1);
    }

    @Test
    void theDefaultLostMessageSaysTheOutcomeIsUnknown() {
        WsRpc<String, Map<String, String>> rpc = table().build();
        CompletableFuture<Map<String, String>> f = rpc.expect("1", "order.place");
        rpc.close();
        assertThat(failure(f)).isInstanceOf(ConnectionLostException.class)
                .hasMessage("the client was closed before the answer to order.place arrived; it was not resent,"
                        + " and whether it took effect is unknown");
        assertThatThrownBy(() -> rpc.expect("2", "ping")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theInFlightBoundRefusesWithATypedErrorUntilAnAnswerMakesRoom() {
        WsRpc<String, Map<String, String>> rpc = table().maxInFlight(2).build();
        rpc.expect("1", "a");
        rpc.expect("2", "b");

        assertThatThrownBy(() -> rpc.expect("3", "c")).isInstanceOf(InFlightLimitException.class)
                .hasMessageContaining("2 requests are waiting").hasMessageContaining("c was not sent");
        assertThat(rpc.inFlight()).isEqualTo(2);
        assertThat(rpc.answer(msg("3"))).as("the refused request was not registered").isFalse();

        rpc.answer(msg("1"));
        assertThat(rpc.expect("3", "c")).isNotDone();
        assertThat(rpc.inFlight()).isEqualTo(2);
    }

    @Test
    void aKeyAlreadyWaitingIsRefused() {
        WsRpc<String, Map<String, String>> rpc = table().build();
        CompletableFuture<Map<String, String>> first = rpc.expect("1", "a");
        assertThatThrownBy(() -> rpc.expect("1", "b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(rpc.inFlight()).isEqualTo(1);
        rpc.answer(msg("1"));
        assertThat(first).isCompletedWithValue(msg("1"));
    }

    @Test
    void takeAllEmptiesTheTableWithoutCompletingUntilTheModuleSaysSo() {
        WsRpc<String, Map<String, String>> rpc = table().build();
        CompletableFuture<Map<String, String>> a = rpc.expect("1", "SUBSCRIBE a", null);
        CompletableFuture<Map<String, String>> b = rpc.expect("2", "SUBSCRIBE b", Duration.ofMillis(30));

        WsRpc.Taken<String> taken = rpc.takeAll();
        assertThat(taken.requests()).extracting(WsRpc.Request::what)
                .containsExactlyInAnyOrder("SUBSCRIBE a", "SUBSCRIBE b");
        assertThat(rpc.inFlight()).isZero();
        sleep(100); // b's timeout was cancelled with the take
        assertThat(a).isNotDone();
        assertThat(b).isNotDone();

        taken.fail(r -> new IllegalStateException("gone: " + r.what()));
        assertThat(failure(a)).hasMessage("gone: SUBSCRIBE a");
        assertThat(failure(b)).hasMessage("gone: SUBSCRIBE b");
    }

    /**
     * Many threads register, many answer, some requests time out and some are failed, and every
     * completion issues another request from inside the future's callback: every future completes
     * exactly once, nothing deadlocks, and no entry is left behind.
     */
    @Test
    void manyThreadsIssuingAndAnsweringLeaveNothingBehind() throws Exception {
        WsRpc<String, Map<String, String>> rpc = table().maxInFlight(1_000_000).timeout(Duration.ofSeconds(30)).build();
        int issuers = 4;
        int perIssuer = 5_000;
        BlockingQueue<String> toAnswer = new LinkedBlockingQueue<>();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger timedOut = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger chained = new AtomicInteger();
        AtomicLong completions = new AtomicLong();
        ConcurrentHashMap<String, Boolean> once = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(issuers + 3);
        List<CompletableFuture<?>> all = new CopyOnWriteArrayList<>();
        try {
            CountDownLatch issued = new CountDownLatch(issuers);
            for (int t = 0; t < issuers; t++) {
                pool.execute(() -> {
                    for (int i = 0; i < perIssuer; i++) {
                        String key = Long.toString(rpc.nextId());
                        int kind = i % 10;
                        CompletableFuture<Map<String, String>> f = rpc.expect(key, "r" + key,
                                kind == 0 ? Duration.ofMillis(1) : null);
                        all.add(f.whenComplete((v, e) -> {
                            completions.incrementAndGet();
                            assertThat(once.putIfAbsent(key, true)).isNull();
                            if (kind == 5 && e == null) {
                                // a dependent that calls back into the table while it completes
                                String next = "chain-" + key;
                                all.add(rpc.expect(next, next));
                                chained.incrementAndGet();
                                toAnswer.add(next);
                            }
                        }));
                        if (kind == 1) {
                            pool.execute(() -> rpc.fail(key, new IllegalStateException("failed")));
                        } else if (kind != 0) {
                            toAnswer.add(key);
                        }
                    }
                    issued.countDown();
                });
            }
            List<CompletableFuture<?>> answerers = new ArrayList<>();
            for (int a = 0; a < 2; a++) {
                answerers.add(CompletableFuture.runAsync(() -> {
                    try {
                        while (true) {
                            String key = toAnswer.poll(200, TimeUnit.MILLISECONDS);
                            if (key == null) {
                                if (issued.getCount() == 0 && toAnswer.isEmpty()) {
                                    return;
                                }
                                continue;
                            }
                            rpc.answer(msg(key));
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, pool));
            }
            CompletableFuture.allOf(answerers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            assertThat(issued.await(30, TimeUnit.SECONDS)).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (rpc.inFlight() > 0 && System.nanoTime() < deadline) {
                // the last chained requests and failures may still be on their way
                String key = toAnswer.poll(10, TimeUnit.MILLISECONDS);
                if (key != null) {
                    rpc.answer(msg(key));
                }
            }
            for (CompletableFuture<?> f : all) {
                try {
                    f.get(10, TimeUnit.SECONDS);
                    answered.incrementAndGet();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RequestTimeoutException) {
                        timedOut.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        int total = issuers * perIssuer;
        assertThat(rpc.inFlight()).as("entries left in the table").isZero();
        assertThat(once).hasSize(total);
        assertThat(completions.get()).isEqualTo(total);
        assertThat(chained.get()).isEqualTo(total / 10);
        assertThat(failed.get()).isEqualTo(total / 10);
        assertThat(timedOut.get()).isEqualTo(total / 10);
        assertThat(answered.get()).isEqualTo(total - 2 * (total / 10) + chained.get());
        assertThat(rpc.unmatched()).isZero();
    }

    // ------------------------------------------------------------------ over a real WebSocket session

    /** Answers {"id":..,"op":"echo"}, keeps "hold" unanswered, and closes the connection on "drop". */
    private static final class Server extends WebSocketServer {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final CountDownLatch started = new CountDownLatch(1);
        volatile WebSocket last;

        Server() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            last = conn;
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            received.add(message);
            JsonNode m = Json.tree(message);
            switch (m.path("op").asText()) {
                case "echo" -> conn.send("{\"id\":\"" + m.path("id").asText() + "\",\"ok\":true}");
                case "drop" -> conn.close(1001, "going away");
                default -> { }
            }
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        String url() {
            return "ws://127.0.0.1:" + getPort() + "/";
        }
    }

    private Server server() throws Exception {
        Server s = new Server();
        s.start();
        assertThat(s.started.await(10, TimeUnit.SECONDS)).isTrue();
        closeables.add(() -> s.stop(1000));
        return s;
    }

    /** Runs tasks in order on one thread; while closed, holds them back (as a busy dispatcher would). */
    private static final class Gate implements java.util.concurrent.Executor {
        final ExecutorService thread = Executors.newSingleThreadExecutor();
        volatile CountDownLatch open = new CountDownLatch(0);

        @Override
        public void execute(Runnable r) {
            thread.execute(() -> {
                try {
                    open.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                r.run();
            });
        }
    }

    private WsRpc<String, JsonNode> rpcOver(WsSession session) {
        WsRpc<String, JsonNode> rpc = WsRpc.<String, JsonNode>builder(m -> m.path("id").asText(null), timer)
                .session(session).timeout(Duration.ofSeconds(5)).build();
        session.addListener(new WsListener() {
            @Override
            public void onText(WsSession s, String text) {
                rpc.answer(Json.tree(text));
            }
        });
        closeables.add(rpc);
        return rpc;
    }

    private static String frame(String id, String op) {
        return "{\"id\":\"" + id + "\",\"op\":\"" + op + "\"}";
    }

    @Test
    void overASessionAnAnswerCompletesAndADropFailsOnlyWhatWasSent() throws Exception {
        Server server = server();
        WsSession session = WsSession.builder(server.url())
                .reconnect(ReconnectPolicy.linear(Duration.ofMillis(100), Duration.ZERO, Duration.ofMillis(100)).withUnlimitedAttempts()).build();
        closeables.add(session);
        WsRpc<String, JsonNode> rpc = rpcOver(session);
        session.connect().get(10, TimeUnit.SECONDS);

        CompletableFuture<JsonNode> echo = rpc.expect("1", "echo");
        assertThat(rpc.send("1", frame("1", "echo"))).isTrue();
        assertThat(echo.get(5, TimeUnit.SECONDS).path("ok").asBoolean()).isTrue();

        CompletableFuture<JsonNode> held = rpc.expect("2", "order.place");
        rpc.send("2", frame("2", "hold"));
        CompletableFuture<JsonNode> notYetSent = rpc.expect("3", "order.status", Duration.ofSeconds(30));
        assertThat(server.received.poll(5, TimeUnit.SECONDS)).contains("echo");
        assertThat(server.received.poll(5, TimeUnit.SECONDS)).contains("hold");
        assertThat(rpc.send("4", frame("4", "drop"))).as("not registered: nothing sent").isFalse();
        rpc.expect("4", "drop");
        rpc.send("4", frame("4", "drop"));

        assertThat(failure(held)).isInstanceOf(ConnectionLostException.class)
                .hasMessageStartingWith("the connection was lost before the answer to order.place arrived");
        assertThat(notYetSent).as("registered, not sent: not touched by the drop").isNotDone();
        assertThat(rpc.inFlight()).isEqualTo(1);

        // after the reconnect the request that waited goes out and is answered
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (session.state() != ConnectionState.OPEN && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        rpc.send("3", frame("3", "echo"));
        assertThat(notYetSent.get(5, TimeUnit.SECONDS).path("ok").asBoolean()).isTrue();
        assertThat(rpc.inFlight()).isZero();
    }

    @Test
    void aRequestTheSessionRefusesFailsAsNotSent() throws Exception {
        Server server = server();
        WsSession session = WsSession.builder(server.url()).build();
        closeables.add(session);
        WsRpc<String, JsonNode> rpc = rpcOver(session);
        CompletableFuture<JsonNode> f = rpc.expect("1", "ping");

        assertThat(rpc.send("1", frame("1", "echo"))).isTrue();

        assertThat(failure(f)).isInstanceOf(NotConnectedException.class).isNotInstanceOf(ConnectionLostException.class);
        assertThat(rpc.inFlight()).isZero();
    }

    /**
     * The session reports a drop on its dispatcher; when that runs late, after the next connection is
     * open and a request went out on it, only what was sent on the lost connection fails.
     */
    @Test
    void aDropReportedLateFailsOnlyWhatWasSentOnTheLostConnection() throws Exception {
        Server server = server();
        Gate gate = new Gate();
        closeables.add(gate.thread::shutdownNow);
        WsSession session = WsSession.builder(server.url()).dispatcher(gate)
                .reconnect(ReconnectPolicy.linear(Duration.ofMillis(50), Duration.ZERO, Duration.ofMillis(50)).withUnlimitedAttempts()).build();
        closeables.add(session);
        WsRpc<String, JsonNode> rpc = rpcOver(session);
        session.connect().get(10, TimeUnit.SECONDS);

        CompletableFuture<JsonNode> onFirst = rpc.expect("1", "on the first connection");
        rpc.send("1", frame("1", "hold"));
        assertThat(server.received.poll(5, TimeUnit.SECONDS)).contains("hold");
        gate.open = new CountDownLatch(1); // the dispatcher falls behind
        WebSocket first = server.last;
        first.close(1001, "going away");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((session.state() != ConnectionState.OPEN || server.last == first) && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(session.state()).isEqualTo(ConnectionState.OPEN);
        CompletableFuture<JsonNode> onSecond = rpc.expect("2", "on the second connection");
        rpc.send("2", frame("2", "hold"));
        assertThat(server.received.poll(5, TimeUnit.SECONDS)).contains("hold");
        assertThat(onFirst).as("the drop is not reported yet").isNotDone();

        gate.open.countDown(); // the late drop report arrives now

        assertThat(failure(onFirst)).isInstanceOf(ConnectionLostException.class);
        Thread.sleep(100);
        assertThat(onSecond).isNotDone();
        server.last.send("{\"id\":\"2\",\"ok\":true}");
        assertThat(onSecond.get(5, TimeUnit.SECONDS).path("ok").asBoolean()).isTrue();
        assertThat(rpc.inFlight()).isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }
}
