package dev.relaykit.core.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.core.internal.SharedTimer;
import dev.relaykit.core.internal.TimerScope;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import okhttp3.WebSocket;
import okio.ByteString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The parts {@link WsSession} is split into (issue #12, item 4), each checked on its own: the
 * reconnection rules and the outgoing queue, without a server.
 */
class WsSessionPartsTest {
    private final TimerScope timer = SharedTimer.scope(null, null);

    @AfterEach
    void close() {
        timer.shutdownNow();
    }

    private static Reconnection reconnection(WsSession.Builder b) {
        return new Reconnection(new WsConfig(b, "parts"));
    }

    @Test
    void theFirstConnectGetsOnePassOverTheEndpointsThenFails() {
        Reconnection r = reconnection(WsSession.builder(List.of("ws://a:1/x", "ws://b:2/x", "ws://c:3/x")));
        assertThat(r.nextEndpoint().host()).isEqualTo("a");
        assertThat(r.lost()).isEqualTo(Reconnection.Verdict.NEXT_ENDPOINT_NOW);
        assertThat(r.nextEndpoint().host()).isEqualTo("b");
        assertThat(r.lost()).isEqualTo(Reconnection.Verdict.NEXT_ENDPOINT_NOW);
        assertThat(r.nextEndpoint().host()).isEqualTo("c");
        assertThat(r.lost()).isEqualTo(Reconnection.Verdict.FAIL_FIRST_CONNECT);
    }

    @Test
    void aDroppedConnectionRetriesItsEndpointByThePolicyAndAFailedAttemptMovesOn() {
        Reconnection r = reconnection(WsSession.builder(List.of("ws://a:1/x", "ws://b:2/x"))
                .reconnect(ReconnectPolicy.linear(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(1))
                        .withMaxAttempts(2)));
        assertThat(r.lost()).isEqualTo(Reconnection.Verdict.NEXT_ENDPOINT_NOW);
        assertThat(r.opened()).isFalse(); // the first open is not a reconnect
        assertThat(r.nextEndpoint().host()).isEqualTo("b");

        assertThat(r.lost()).isEqualTo(Reconnection.Verdict.RETRY_LATER); // b dropped
        assertThat(r.delay()).isEqualTo(Duration.ofMillis(100));
        assertThat(r.nextEndpoint().host()).isEqualTo("b"); // an open connection's endpoint is retried first
        assertThat(r.lost()).isEqualTo(Reconnection.Verdict.RETRY_LATER); // that attempt failed
        assertThat(r.delay()).isEqualTo(Duration.ofMillis(200));
        assertThat(r.nextEndpoint().host()).isEqualTo("a"); // ...and moved on
        assertThat(r.lost()).isEqualTo(Reconnection.Verdict.GIVE_UP);
    }

    @Test
    void aBadSuppliedEndpointFailsTheAttemptWithoutQuotingIt() {
        Reconnection r = reconnection(WsSession.builder(() -> "ftp://secret-token@host/"));
        assertThatThrownBy(r::nextEndpoint).isInstanceOf(SetupFailure.class)
                .hasMessageNotContaining("secret-token");
    }

    @Test
    void subscriptionFramesGoFirstAndTheQueueIsBoundedAndClosedWhenNotOpen() throws Exception {
        WsConfig config = new WsConfig(WsSession.builder("ws://a:1/").outgoingQueueCapacity(2).outgoingRateLimit(1),
                "parts");
        OutgoingQueue q = new OutgoingQueue(config, timer, () -> ConnectionState.RECONNECTING);
        assertThatThrownBy(() -> q.send(message("early"))).isInstanceOf(NotConnectedException.class)
                .hasMessageContaining("RECONNECTING");

        FakeSocket socket = new FakeSocket();
        q.open(socket, List.of("sub-1", "sub-2")); // rate 1/s: sub-1 goes now, the rest waits on the timer
        CompletableFuture<Void> a = q.send(message("a"));
        CompletableFuture<Void> b = q.send(message("b"));
        assertThatThrownBy(() -> q.send(message("c"))).isInstanceOf(OutgoingQueueFullException.class)
                .hasMessageContaining("rate limit 1/s");
        assertThat(socket.sent).containsExactly("sub-1");
        assertThat(timer.pendingTasks()).isEqualTo(1); // one drain, not one task per message

        List<OutgoingQueue.Message> unsent = q.close();
        assertThat(unsent).extracting(OutgoingQueue.Message::text).containsExactly("sub-2", "a", "b");
        OutgoingQueue.failAll(unsent, "lost");
        assertThat(a).isCompletedExceptionally();
        assertThat(b).isCompletedExceptionally();
        // the drain that was due runs (or was cancelled) and leaves the timer: it found the queue closed
        Recorder.await(() -> timer.pendingTasks() == 0, java.time.Duration.ofSeconds(5), "the due drain to finish");
        assertThat(socket.sent).containsExactly("sub-1");
        assertThat(q.messagesOut.get()).isEqualTo(1);
    }

    @Test
    void underTheRateLimitMessagesAreSentInOrderOnTheTimer() throws Exception {
        WsConfig config = new WsConfig(WsSession.builder("ws://a:1/").outgoingRateLimit(2), "parts");
        OutgoingQueue q = new OutgoingQueue(config, timer, () -> ConnectionState.OPEN);
        FakeSocket socket = new FakeSocket();
        q.open(socket, List.of());
        CompletableFuture<Void> last = null;
        for (int i = 0; i < 4; i++) {
            last = q.send(message("m" + i));
        }
        assertThat(socket.sent).containsExactly("m0", "m1");
        last.get(5, TimeUnit.SECONDS);
        assertThat(socket.sent).containsExactly("m0", "m1", "m2", "m3");
    }

    private static OutgoingQueue.Message message(String text) {
        return new OutgoingQueue.Message(text, null, new CompletableFuture<>(), false);
    }

    /** Records what the queue hands to the socket. */
    private static final class FakeSocket implements WebSocket {
        final List<String> sent = new CopyOnWriteArrayList<>();

        @Override
        public Request request() {
            return new Request.Builder().url("http://a:1/").build();
        }

        @Override
        public long queueSize() {
            return 0;
        }

        @Override
        public boolean send(String text) {
            sent.add(text);
            return true;
        }

        @Override
        public boolean send(ByteString bytes) {
            sent.add(bytes.hex());
            return true;
        }

        @Override
        public boolean close(int code, String reason) {
            return true;
        }

        @Override
        public void cancel() {
        }
    }
}
