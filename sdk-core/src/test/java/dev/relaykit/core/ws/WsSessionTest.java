package dev.relaykit.core.ws;

import dev.relaykit.testsupport.Loopback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.core.internal.SharedTimer;
import dev.relaykit.core.json.Json;
import dev.relaykit.testsupport.ScriptedWsServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link WsSession} against the testkit's scripted WebSocket server, over real loopback sockets. */
class WsSessionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private ScriptedWsServer server;
    private final List<WsSession> sessions = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server = ScriptedWsServer.start();
    }

    @AfterEach
    void stopAll() {
        sessions.forEach(WsSession::close);
        server.close();
    }

    private WsSession.Builder session(String name, Recorder recorder) {
        return WsSession.builder(server.uri().toString()).name(name).listener(recorder);
    }

    /**
     * Connects and waits until the server has registered the connection too: the client can see the
     * 101 answer before the server adds the connection to its broadcast list.
     */
    private void connected(WsSession s) throws Exception {
        s.connect().get(10, TimeUnit.SECONDS);
        server.awaitClient(WAIT);
    }

    private WsSession track(WsSession s) {
        sessions.add(s);
        return s;
    }

    @Test
    void reconnectsAfterTwentyDropsWithThePolicysBackoffAndReplaysEverySubscriptionOnce() throws Exception {
        int drops = 20;
        Map<Integer, List<String>> perConnection = new ConcurrentHashMap<>();
        Map<Integer, Long> connectedAtNanos = new ConcurrentHashMap<>();
        server.onOpen(c -> connectedAtNanos.put(c.number(), System.nanoTime()));
        server.onText((client, text) -> {
            List<String> got = perConnection.computeIfAbsent(client.number(), n -> new CopyOnWriteArrayList<>());
            got.add(text);
            if (got.size() == 3 && client.number() <= drops) {
                client.drop(); // a network failure, right after the client re-subscribed
            }
        });
        ReconnectPolicy policy = ReconnectPolicy.linear(Duration.ofMillis(20), Duration.ofMillis(10), Duration.ofMillis(120))
                .withMaxAttempts(25);
        Recorder rec = new Recorder();
        List<Long> reconnectingAtNanos = new CopyOnWriteArrayList<>();
        WsSession s = track(session("drops", rec).reconnect(policy).build());
        s.addListener(new WsListener() {
            @Override
            public void onStateChange(WsSession session, StateChange change) {
                if (change.to() == ConnectionState.RECONNECTING) {
                    reconnectingAtNanos.add(System.nanoTime());
                }
            }
        });
        s.subscribe("sub:a", "unsub:a");
        WsSubscription gone = s.subscribe("sub:gone", "unsub:gone");
        gone.close(); // closed before connecting: never sent, never replayed
        s.subscribe("sub:b", "unsub:b");
        s.subscribe(() -> "sub:c@" + s.stats().reconnects(), null); // built fresh at each replay

        connected(s);
        rec.awaitState(ConnectionState.OPEN, drops + 1, WAIT);
        Recorder.await(() -> perConnection.getOrDefault(drops + 1, List.of()).size() == 3, WAIT, "21st replay");

        assertThat(server.connectionCount()).isEqualTo(drops + 1);
        for (int n = 1; n <= drops + 1; n++) {
            assertThat(perConnection.get(n)).as("frames on connection %d", n)
                    .containsExactly("sub:a", "sub:b", "sub:c@" + (n - 1));
        }
        // the backoff the policy says: attempt k waits 20 + 10*(k-1) ms, capped at 120 ms
        List<StateChange> waits = rec.states.stream().filter(c -> c.to() == ConnectionState.RECONNECTING).toList();
        assertThat(waits).hasSize(drops);
        for (int k = 1; k <= drops; k++) {
            StateChange w = waits.get(k - 1);
            assertThat(w.attempt()).isEqualTo(k);
            assertThat(w.nextDelay()).isEqualTo(Duration.ofMillis(Math.min(20 + 10L * (k - 1), 120)));
            long waitedMillis = (connectedAtNanos.get(k + 1) - reconnectingAtNanos.get(k - 1)) / 1_000_000;
            assertThat(waitedMillis).as("wait before connection %d", k + 1)
                    .isGreaterThanOrEqualTo(w.nextDelay().toMillis() - 1);
        }
        assertThat(s.stats().reconnects()).isEqualTo(drops);
        assertThat(rec.states.stream().filter(StateChange::isReconnect).count()).isEqualTo(drops);
        assertThat(s.state()).isEqualTo(ConnectionState.OPEN);
    }

    @Test
    void subscriptionAddedWhileOpenIsSentOnceAndUnsubscribeSendsItsFrame() throws Exception {
        Recorder rec = new Recorder();
        WsSession s = track(session("live-sub", rec).build());
        connected(s);
        WsSubscription sub = s.subscribe("sub:x", "unsub:x");
        assertThat(server.awaitMessages(1, WAIT)).containsExactly("sub:x");
        sub.close();
        sub.close();
        assertThat(server.awaitMessages(1, WAIT)).containsExactly("unsub:x");
        assertThat(sub.isActive()).isFalse();
        server.dropAll();
        rec.awaitState(ConnectionState.OPEN, 2, WAIT);
        s.send("after").get(5, TimeUnit.SECONDS);
        assertThat(server.awaitMessages(1, WAIT)).containsExactly("after"); // not re-subscribed
    }

    @Test
    void deadServerThatStopsAnsweringPingsIsDetectedWithinTheHeartbeatTimeout() throws Exception {
        Recorder rec = new Recorder();
        WsSession s = track(session("heartbeat", rec)
                .heartbeat(Duration.ofMillis(300), Duration.ofMillis(200))
                .reconnect(ReconnectPolicy.none())
                .build());
        connected(s);
        // healthy first: pings answered, nothing trips for a few intervals
        Recorder.await(() -> server.pingsReceived() >= 3, WAIT, "3 pings");
        assertThat(rec.errors).isEmpty();
        assertThat(s.state()).isEqualTo(ConnectionState.OPEN);

        server.withholdPongs(true);
        int pingsBefore = server.pingsReceived();
        long withheldAt = System.nanoTime();
        SessionError e = rec.awaitError(SessionError.Kind.HEARTBEAT_TIMEOUT, WAIT);
        long detectedAfterMillis = (System.nanoTime() - withheldAt) / 1_000_000;
        // the next ping goes out within one interval (300 ms); it is declared dead 200 ms later (+ a check tick)
        assertThat(detectedAfterMillis).isLessThan(300 + 200 + 150);
        assertThat(server.pingsReceived()).isGreaterThan(pingsBefore);
        assertThat(e.message()).contains("pong");
        rec.awaitState(ConnectionState.FAILED, 1, WAIT);
    }

    @Test
    void latePongsBeyondTheTimeoutCountAsDead() throws Exception {
        Recorder rec = new Recorder();
        WsSession s = track(session("late-pong", rec)
                .heartbeat(Duration.ofMillis(400), Duration.ofMillis(150))
                .reconnect(ReconnectPolicy.none())
                .build());
        server.delayPongs(Duration.ofMillis(350));
        connected(s);
        rec.awaitError(SessionError.Kind.HEARTBEAT_TIMEOUT, WAIT);
    }

    @Test
    void silenceTripsTheWatchdogButAFlowingStreamDoesNot() throws Exception {
        Recorder rec = new Recorder();
        WsSession s = track(session("watchdog", rec)
                .watchdog(Duration.ofMillis(300))
                .reconnect(ReconnectPolicy.linear(Duration.ofMillis(10), Duration.ZERO, Duration.ofMillis(10))
                        .withUnlimitedAttempts())
                .build());
        connected(s);
        // a message every 50 ms for 900 ms: never 300 ms of silence
        for (int i = 0; i < 18; i++) {
            server.broadcast("tick " + i);
            Thread.sleep(50);
        }
        rec.awaitTexts(18, WAIT);
        assertThat(rec.errors).noneMatch(e -> e.kind() == SessionError.Kind.SILENCE);

        long silentFrom = System.nanoTime();
        SessionError e = rec.awaitError(SessionError.Kind.SILENCE, WAIT);
        long after = (System.nanoTime() - silentFrom) / 1_000_000;
        assertThat(after).isBetween(200L, 300L + 200L);
        assertThat(e.message()).contains("no message for 300 ms");
        rec.awaitState(ConnectionState.OPEN, 2, WAIT); // and it reconnected
    }

    @Test
    void closeDuringAReconnectWaitStopsEverythingAndLeavesNoThread() throws Exception {
        int timerBaseline = SharedTimer.queuedTasks();
        Recorder rec = new Recorder();
        WsSession s = track(session("close-in-wait", rec)
                .reconnect(ReconnectPolicy.linear(Duration.ofMillis(400), Duration.ZERO, Duration.ofMillis(400))
                        .withUnlimitedAttempts())
                .heartbeat(Duration.ofMillis(100), Duration.ofMillis(100))
                .build());
        connected(s);
        // no thread of its own (issue #12: one shared timer and dispatch pool); its heartbeat is on the shared timer
        assertThat(Recorder.relaykitThreads()).noneMatch(n -> n.startsWith("relaykit-close-in-wait-"));
        assertThat(SharedTimer.queuedTasks()).isGreaterThan(timerBaseline);
        server.dropAll();
        rec.awaitState(ConnectionState.RECONNECTING, 1, WAIT);

        s.close();

        assertThat(s.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(rec.states.get(rec.states.size() - 1).to()).isEqualTo(ConnectionState.CLOSED);
        Thread.sleep(700); // past the 400 ms reconnect delay
        assertThat(server.connectionCount()).isEqualTo(1);
        assertThat(Recorder.relaykitThreads()).noneMatch(n -> n.startsWith("relaykit-close-in-wait-"));
        assertThat(SharedTimer.queuedTasks()).as("the closed session's tasks left the shared timer").isLessThanOrEqualTo(timerBaseline);
        assertThatThrownBy(() -> s.send("x")).isInstanceOf(NotConnectedException.class).hasMessageContaining("CLOSED");
        assertThatThrownBy(s::connect).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeNeverReconnectsAndSendsANormalClose() throws Exception {
        Recorder rec = new Recorder();
        WsSession s = track(session("plain-close", rec).build());
        connected(s);
        s.close();
        Recorder.await(() -> server.openClients().isEmpty(), WAIT, "server to see the close");
        Thread.sleep(200);
        assertThat(server.connectionCount()).isEqualTo(1);
        assertThat(rec.count(ConnectionState.RECONNECTING)).isZero();
        assertThat(s.lastClose().code()).isEqualTo(1000);
        assertThat(s.lastClose().byPeer()).isFalse();
        assertThat(Recorder.relaykitThreads()).noneMatch(n -> n.startsWith("relaykit-plain-close-"));
    }

    @Test
    void malformedOversizedAndBinaryWhereTextIsExpectedAreErrorEventsNotCrashes() throws Exception {
        Recorder rec = new Recorder();
        List<String> decoded = new CopyOnWriteArrayList<>();
        WsSession s = track(session("bad-frames", rec)
                .expect(FrameType.TEXT)
                .maxIncomingMessageBytes(1000)
                .build());
        s.addListener(new WsListener() {
            @Override
            public void onText(WsSession session, String text) {
                decoded.add(Json.tree(text).path("v").asText()); // throws DecodeException on bad JSON
            }
        });
        connected(s);
        server.broadcast("{\"v\":\"first\"}");
        server.broadcast("{\"v\": tru");
        server.broadcast("{\"v\":\"" + "x".repeat(2000) + "\"}");
        server.broadcast(new byte[] {1, 2, 3});
        server.broadcast("{\"v\":\"last\"}");

        Recorder.await(() -> decoded.size() == 2, WAIT, "the two good messages");
        assertThat(decoded).containsExactly("first", "last");
        assertThat(rec.errors).extracting(SessionError::kind).containsExactly(
                SessionError.Kind.MALFORMED_MESSAGE, SessionError.Kind.OVERSIZED_MESSAGE,
                SessionError.Kind.UNEXPECTED_FRAME_TYPE);
        assertThat(rec.errors.get(1).message()).contains("limit is 1000 bytes");
        assertThat(rec.binaries).isEmpty();
        assertThat(s.state()).isEqualTo(ConnectionState.OPEN);
        assertThat(server.connectionCount()).isEqualTo(1);
    }

    @Test
    void aThrowingListenerIsReportedAndTheSessionCarriesOn() throws Exception {
        Recorder rec = new Recorder();
        WsSession s = track(session("throwing", rec).build());
        s.addListener(new WsListener() {
            @Override
            public void onText(WsSession session, String text) {
                if (text.equals("boom")) {
                    throw new IllegalStateException("listener bug");
                }
            }
        });
        connected(s);
        server.broadcast("boom");
        server.broadcast("after");
        rec.awaitTexts(2, WAIT);
        SessionError e = rec.awaitError(SessionError.Kind.LISTENER, WAIT);
        assertThat(e.cause()).isInstanceOf(IllegalStateException.class).hasMessage("listener bug");
        assertThat(rec.texts).containsExactly("boom", "after");
        assertThat(s.state()).isEqualTo(ConnectionState.OPEN);
    }

    @Test
    void callbacksRunOnTheSessionsDispatcherNeverOnTheReaderThread() throws Exception {
        Recorder rec = new Recorder();
        WsSession s = track(session("dispatch", rec).build());
        connected(s);
        for (int i = 0; i < 50; i++) {
            server.broadcast("m" + i);
        }
        rec.awaitTexts(50, WAIT);
        // the shared dispatch pool's threads, never OkHttp's reader
        assertThat(rec.threads).allMatch(n -> n.startsWith("relaykit-dispatch-"));
    }

    @Test
    void aUserExecutorGetsTheCallbacksOneAtATimeInOrder() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> new Thread(r, "user-pool"));
        try {
            List<String> order = new CopyOnWriteArrayList<>();
            Recorder rec = new Recorder();
            int[] concurrent = {0};
            int[] maxConcurrent = {0};
            WsSession s = track(session("user-exec", rec).dispatcher(pool).build());
            s.addListener(new WsListener() {
                @Override
                public void onText(WsSession session, String text) {
                    synchronized (concurrent) {
                        maxConcurrent[0] = Math.max(maxConcurrent[0], ++concurrent[0]);
                    }
                    order.add(text);
                    synchronized (concurrent) {
                        concurrent[0]--;
                    }
                }
            });
            connected(s);
            for (int i = 0; i < 500; i++) {
                server.broadcast(Integer.toString(i));
            }
            Recorder.await(() -> order.size() == 500, WAIT, "500 messages");
            for (int i = 0; i < 500; i++) {
                assertThat(order.get(i)).isEqualTo(Integer.toString(i));
            }
            assertThat(maxConcurrent[0]).isEqualTo(1);
            assertThat(rec.threads).allMatch(n -> n.equals("user-pool"));
            s.close();
            assertThat(pool.isShutdown()).isFalse(); // the user's executor is the user's
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void outgoingRateLimitHoldsMessagesBackAndAFullQueueIsAClearError() throws Exception {
        Recorder rec = new Recorder();
        WsSession s = track(session("rate", rec).outgoingRateLimit(5).outgoingQueueCapacity(3).build());
        connected(s);
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sent.add(s.send("m" + i)); // 5 go at once, 3 wait
        }
        assertThatThrownBy(() -> s.send("m8"))
                .isInstanceOf(OutgoingQueueFullException.class)
                .hasMessageContaining("full (3 messages waiting, rate limit 5/s)");
        List<Long> arrivals = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            server.awaitMessages(1, WAIT);
            arrivals.add(System.nanoTime());
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        assertThat(server.messages()).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7");
        // the 6th message left no earlier than one second after the 1st
        assertThat((arrivals.get(5) - arrivals.get(0)) / 1_000_000).isGreaterThanOrEqualTo(900);
        assertThat(s.stats().messagesOut()).isEqualTo(8);
    }

    @Test
    void messagesStillQueuedWhenTheConnectionIsLostFailTheirFutures() throws Exception {
        Recorder rec = new Recorder();
        WsSession s = track(session("lost-queue", rec).outgoingRateLimit(1)
                .reconnect(ReconnectPolicy.linear(Duration.ofMillis(50), Duration.ZERO, Duration.ofMillis(50))
                        .withUnlimitedAttempts())
                .build());
        connected(s);
        CompletableFuture<Void> first = s.send("one");
        CompletableFuture<Void> waiting = s.send("two"); // held by the 1/s limit
        first.get(5, TimeUnit.SECONDS);
        server.dropAll();
        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(NotConnectedException.class)
                .hasMessageContaining("connection lost before the message was sent");
    }

    @Test
    void handshakeCarriesHeadersQueryAndSubprotocolAndOffersCompression() throws Exception {
        server.close();
        server = ScriptedWsServer.builder().subprotocols("v2.relay").start();
        Recorder rec = new Recorder();
        WsSession s = track(WsSession.builder(server.uri() + "stream").name("handshake").listener(rec)
                .header("X-Api-Key", "key-123")
                .queryParam("symbol", "BTC USDT")
                .subprotocols("v2.relay", "v1.relay")
                .build());
        server.onText((c, t) -> c.send("echo:" + t));
        connected(s);
        ScriptedWsServer.Handshake h = server.handshakes().get(0);
        assertThat(h.path()).isEqualTo("/stream?symbol=BTC%20USDT");
        assertThat(h.headers()).containsEntry("x-api-key", "key-123");
        assertThat(h.headers().get("sec-websocket-extensions")).contains("permessage-deflate");
        assertThat(s.subprotocol()).isEqualTo("v2.relay");
        String big = "{\"payload\":\"" + "abc".repeat(5000) + "\"}";
        s.send(big).get(5, TimeUnit.SECONDS);
        assertThat(server.awaitMessages(1, WAIT)).containsExactly(big);
        rec.awaitTexts(1, WAIT);
        assertThat(server.errors()).isEmpty();
        assertThat(rec.texts.get(0)).isEqualTo("echo:" + big); // compressed both ways, intact
        assertThat(s.toString()).doesNotContain("key-123").doesNotContain("symbol");
    }

    @Test
    void compressionCanBeTurnedOff() throws Exception {
        WsSession s = track(session("no-deflate", new Recorder()).compression(false).build());
        connected(s);
        assertThat(server.handshakes().get(0).headers()).doesNotContainKey("sec-websocket-extensions");
    }

    @Test
    void theServersCloseCodeAndReasonAreExposed() throws Exception {
        Recorder rec = new Recorder();
        WsSession s = track(session("peer-close", rec).reconnect(ReconnectPolicy.none()).build());
        connected(s);
        server.closeAll(4001, "maintenance");
        rec.awaitState(ConnectionState.FAILED, 1, WAIT);
        assertThat(s.lastClose().code()).isEqualTo(4001);
        assertThat(s.lastClose().reason()).isEqualTo("maintenance");
        assertThat(s.lastClose().byPeer()).isTrue();
        StateChange failed = rec.states.get(rec.states.size() - 1);
        assertThat(failed.cause()).hasMessageContaining("code 4001").hasMessageContaining("maintenance");
    }

    @Test
    void aServerThatNeverAnswersTheHandshakeIsBoundedByConnectPlusReadTimeout() throws Exception {
        // the open socket has no read timeout (a quiet stream is the watchdog's business), but the handshake must not
        // hang: it keeps the bound it had, connect + read timeout of the client, as OkHttp's call timeout
        try (java.net.ServerSocket mute = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (java.net.Socket accepted = mute.accept()) {
                    accepted.getInputStream().readAllBytes(); // reads the upgrade request, never answers
                } catch (java.io.IOException closed) {
                    // the client gave up: expected
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            okhttp3.OkHttpClient http = new okhttp3.OkHttpClient.Builder()
                    .connectTimeout(Duration.ofMillis(500)).readTimeout(Duration.ofMillis(500)).build();
            Recorder rec = new Recorder();
            WsSession s = track(WsSession.builder("ws://127.0.0.1:" + mute.getLocalPort() + "/").name("mute")
                    .httpClient(http).listener(rec).reconnect(ReconnectPolicy.none()).build());
            long t0 = System.nanoTime();
            CompletableFuture<Void> opened = s.connect();
            assertThatThrownBy(() -> opened.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
            long tookMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(tookMs).isBetween(800L, 5_000L);
            rec.awaitState(ConnectionState.FAILED, 1, WAIT);
            http.dispatcher().executorService().shutdown();
        }
    }

    @Test
    void refusedConnectionsAreRetriedUntilThePolicyGivesUp() throws Exception {
        server.refuseConnections(100);
        Recorder rec = new Recorder();
        WsSession s = track(session("refused", rec)
                .reconnect(ReconnectPolicy.exponential(Duration.ofMillis(10), Duration.ofMillis(40)).withMaxAttempts(3))
                .retryInitialConnect(true) // the first connect is retried only when asked
                .build());
        CompletableFuture<Void> opened = s.connect();
        assertThatThrownBy(() -> opened.get(10, TimeUnit.SECONDS))
                .hasMessageContaining("gave up reconnecting after 3 attempt(s)");
        rec.awaitState(ConnectionState.FAILED, 1, WAIT);
        assertThat(rec.states.stream().filter(c -> c.to() == ConnectionState.RECONNECTING).map(StateChange::nextDelay))
                .containsExactly(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40));
        assertThat(rec.errors.get(0).message()).contains("handshake failed: HTTP 404");
        Recorder.await(() -> Recorder.relaykitThreads().stream().noneMatch(n -> n.startsWith("relaykit-refused-")),
                WAIT, "threads to end after FAILED");
    }

    @Test
    void recoversWhenTheServerComesBackAfterRefusingForAWhile() throws Exception {
        server.refuseConnectionsFor(Duration.ofMillis(300));
        Recorder rec = new Recorder();
        WsSession s = track(session("comes-back", rec)
                .reconnect(ReconnectPolicy.linear(Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(100))
                        .withUnlimitedAttempts())
                .retryInitialConnect(true) // the first connect is retried only when asked
                .build());
        s.subscribe("sub", null);
        connected(s);
        assertThat(server.awaitMessages(1, WAIT)).containsExactly("sub");
        assertThat(rec.count(ConnectionState.RECONNECTING)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void countersTrackTrafficInBothDirections() throws Exception {
        Recorder rec = new Recorder();
        WsSession s = track(session("stats", rec).build());
        Instant before = Instant.now();
        connected(s);
        s.send("héllo").get(5, TimeUnit.SECONDS); // 6 UTF-8 bytes
        s.send(new byte[10]).get(5, TimeUnit.SECONDS);
        server.broadcast("12345");
        server.broadcast(new byte[7]);
        Recorder.await(() -> rec.texts.size() == 1 && rec.binaries.size() == 1, WAIT, "both messages");
        var st = s.stats();
        assertThat(st.messagesOut()).isEqualTo(2);
        assertThat(st.bytesOut()).isEqualTo(16);
        assertThat(st.messagesIn()).isEqualTo(2);
        assertThat(st.bytesIn()).isEqualTo(12);
        assertThat(st.reconnects()).isZero();
        assertThat(st.lastMessageAt()).isAfterOrEqualTo(before.minusMillis(1));
    }

    @Test
    void moreThanSixtyFourSessionsConnect() throws Exception {
        // OkHttp's default dispatcher runs at most 64 calls at once, and an open WebSocket is a running call
        List<WsSession> many = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            many.add(track(session("many-" + i, new Recorder()).build()));
        }
        List<CompletableFuture<Void>> opened = new ArrayList<>();
        for (WsSession s : many) {
            opened.add(s.connect());
        }
        CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertThat(many).allMatch(s -> s.state() == ConnectionState.OPEN);
        Recorder.await(() -> server.openClients().size() == 80, WAIT, "80 server-side connections");
    }

    @Test
    void sendBeforeConnectIsRefusedWithTheState() {
        WsSession s = track(session("early", new Recorder()).build());
        assertThatThrownBy(() -> s.send("x")).isInstanceOf(NotConnectedException.class).hasMessageContaining("NEW");
    }
    // ------------------------------------------------------------------ the first connect (issue 10 item 4)

    @Test
    void aFirstConnectToARefusedPortFailsAtOnceWithTheCauseAndNothingKeepsTrying() throws Exception {
        Recorder rec = new Recorder();
        WsSession s = track(WsSession.builder("ws://127.0.0.1:" + Loopback.refusedPort() + "/ws").name("refused").listener(rec)
                .reconnect(ReconnectPolicy.linear(Duration.ofMillis(50), Duration.ZERO, Duration.ofMillis(50))
                        .withUnlimitedAttempts())
                .build());
        long start = System.nanoTime();
        CompletableFuture<Void> connect = s.connect();
        assertThatThrownBy(() -> connect.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(Loopback.causedBy(e, java.net.ConnectException.class)).as("ConnectException in " + e).isTrue())
                .cause().isInstanceOf(dev.relaykit.core.TransportException.class).hasMessageContaining("could not connect");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(s.state()).isEqualTo(ConnectionState.FAILED);
        Thread.sleep(300); // six reconnect delays: none may start
        assertThat(rec.count(ConnectionState.RECONNECTING)).isZero();
        assertThat(rec.count(ConnectionState.CONNECTING)).isEqualTo(1);
        Recorder.await(() -> Recorder.relaykitThreads().stream().noneMatch(n -> n.startsWith("relaykit-refused-")),
                WAIT, "the session's threads to end");
    }

    @Test
    void withRetryInitialConnectAServerThatComesUpLaterIsReached() throws Exception {
        int port = Loopback.refusedPort();
        Recorder rec = new Recorder();
        WsSession s = track(WsSession.builder("ws://127.0.0.1:" + port + "/ws").name("patient").listener(rec)
                .reconnect(ReconnectPolicy.linear(Duration.ofMillis(100), Duration.ZERO, Duration.ofMillis(100))
                        .withUnlimitedAttempts())
                .retryInitialConnect(true)
                .build());
        CompletableFuture<Void> connect = s.connect();
        rec.awaitState(ConnectionState.RECONNECTING, 2, WAIT);
        assertThat(connect).isNotDone();
        try (ScriptedWsServer late = ScriptedWsServer.builder().port(port).start()) {
            connect.get(10, TimeUnit.SECONDS);
            assertThat(s.state()).isEqualTo(ConnectionState.OPEN);
            late.awaitClient(WAIT);
            s.close();
        }
    }

    @Test
    void aSessionOnceOpenThatDropsStillReconnectsByThePolicy() throws Exception {
        Recorder rec = new Recorder();
        WsSession s = track(session("drop-after-open", rec)
                .reconnect(ReconnectPolicy.linear(Duration.ofMillis(50), Duration.ZERO, Duration.ofMillis(50)))
                .build()); // retryInitialConnect left off
        connected(s);
        server.dropAll();
        rec.awaitState(ConnectionState.OPEN, 2, WAIT);
        assertThat(rec.count(ConnectionState.RECONNECTING)).isGreaterThanOrEqualTo(1);
        assertThat(server.connectionCount()).isEqualTo(2);
    }

    @Test
    void theConnectTimeoutBoundsAHandshakeThatNeverAnswers() throws Exception {
        // accepts TCP connections and never answers the upgrade request
        try (java.net.ServerSocket mute = new java.net.ServerSocket(0, 10, java.net.InetAddress.getByName("127.0.0.1"))) {
            List<java.net.Socket> accepted = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(mute.accept());
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            WsSession s = track(WsSession.builder("ws://127.0.0.1:" + mute.getLocalPort() + "/ws").name("mute")
                    .connectTimeout(Duration.ofMillis(500)).build());
            long start = System.nanoTime();
            CompletableFuture<Void> connect = s.connect();
            assertThatThrownBy(() -> connect.get(5, TimeUnit.SECONDS))
                    .satisfies(e -> assertThat(Loopback.causedBy(e, java.net.SocketTimeoutException.class)).as(e.toString()).isTrue())
                    .hasMessageContaining("within 500 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(450), Duration.ofSeconds(3));
            assertThat(s.state()).isEqualTo(ConnectionState.FAILED);
            assertThat(accepted).hasSize(1);
            for (java.net.Socket a : accepted) {
                a.close();
            }
        }
    }
}
