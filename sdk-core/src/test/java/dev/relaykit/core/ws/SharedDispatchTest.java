package dev.relaykit.core.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.testsupport.ScriptedWsServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Sessions' default dispatchers: one shared, bounded pool, each session still in order, nothing left after close. */
class SharedDispatchTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** The pool's bound (DispatchPool.THREADS; no system property is set in these tests). */
    private static final int POOL_BOUND = Math.max(4, Runtime.getRuntime().availableProcessors());

    @Test
    @Timeout(90)
    void hundredSessionsShareTheBoundedPoolEachInOrderAndCloseLeavesNoThreadOfTheirOwn() throws Exception {
        int count = 100;
        int messages = 200;
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(); // timers are not this test's
        List<WsSession> sessions = new ArrayList<>();
        List<Recorder> recorders = new ArrayList<>();
        try (ScriptedWsServer server = ScriptedWsServer.start()) {
            for (int i = 0; i < count; i++) {
                Recorder rec = new Recorder();
                recorders.add(rec);
                sessions.add(WsSession.builder(server.uri().toString()).name("pooled-" + i).scheduler(timer)
                        .listener(rec).build());
            }
            for (WsSession s : sessions) {
                s.connect().get(10, TimeUnit.SECONDS);
            }
            Recorder.await(() -> server.openClients().size() == count, WAIT, "every session registered");
            for (int m = 0; m < messages; m++) {
                server.broadcast("m" + m); // from the server's threads, while 100 readers hand over at once
            }
            List<String> expected = new ArrayList<>();
            for (int m = 0; m < messages; m++) {
                expected.add("m" + m);
            }
            Set<String> callbackThreads = new TreeSet<>();
            for (Recorder rec : recorders) {
                rec.awaitTexts(messages, WAIT);
                assertThat(rec.texts).containsExactlyElementsOf(expected);
                callbackThreads.addAll(rec.threads);
            }
            // every callback on the shared pool (never a reader thread), on no more threads than its bound
            assertThat(callbackThreads).allMatch(n -> n.startsWith("relaykit-dispatch-"));
            assertThat(callbackThreads.size()).isLessThanOrEqualTo(POOL_BOUND);
            assertThat(Recorder.relaykitThreads().stream().filter(n -> n.startsWith("relaykit-dispatch-")).count())
                    .isLessThanOrEqualTo(POOL_BOUND);
            assertThat(Recorder.relaykitThreads()).noneMatch(n -> n.startsWith("relaykit-pooled-"));

            sessions.forEach(WsSession::close);
            for (Recorder rec : recorders) {
                // close delivered CLOSED last, through the session's own order
                assertThat(rec.states.get(rec.states.size() - 1).to()).isEqualTo(ConnectionState.CLOSED);
            }
            assertThat(Recorder.relaykitThreads()).noneMatch(n -> n.startsWith("relaykit-pooled-"));
        } finally {
            sessions.forEach(WsSession::close);
            timer.shutdownNow();
        }
    }
}
