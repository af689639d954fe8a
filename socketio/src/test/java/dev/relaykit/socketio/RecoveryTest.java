package dev.relaykit.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.core.ws.ReconnectPolicy;
import dev.relaykit.socketio.peer.NodePeer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** socket.io 4.x connection-state recovery: what the room said while a client was away reaches it after the reconnect. */
class RecoveryTest {

    @Test
    void eventsMissedWhileDisconnectedAreDeliveredAfterARecoveredReconnect() throws Exception {
        try (NodePeer peer = NodePeer.start(dev.relaykit.socketio.peer.Generation.V4);
             SocketIoClient alice = SocketIoClient.builder(peer.url())
                     .reconnect(ReconnectPolicy.linear(Duration.ofMillis(300), Duration.ZERO, Duration.ofMillis(300))
                             .withUnlimitedAttempts()).build();
             SocketIoClient bob = SocketIoClient.builder(peer.url()).build()) {
            SocketIoSocket a = alice.socket("/");
            List<String> heard = new CopyOnWriteArrayList<>();
            a.on("room-msg", e -> heard.add(e.arg(0).asText()));
            a.connect().get(10, TimeUnit.SECONDS);
            SocketIoSocket b = bob.socket("/");
            b.connect().get(10, TimeUnit.SECONDS);
            // alice's join and bob's message travel on different connections: wait for the server's
            // "joined" answers to both before bob speaks, or his message can beat alice into the room
            CompletableFuture<Void> aliceJoined = new CompletableFuture<>();
            CompletableFuture<Void> bobJoined = new CompletableFuture<>();
            a.on("joined", e -> aliceJoined.complete(null));
            b.on("joined", e -> bobJoined.complete(null));
            a.emit("join", "r1");
            b.emit("join", "r1");
            CompletableFuture.allOf(aliceJoined, bobJoined).get(5, TimeUnit.SECONDS);
            b.emit("room-msg", Map.of("room", "r1", "msg", "before"));
            waitFor(() -> heard.contains("before"));

            a.emit("crash-connection");
            waitFor(() -> !a.isConnected());
            b.emit("room-msg", Map.of("room", "r1", "msg", "while away"));
            waitFor(() -> a.isConnected());
            waitFor(() -> heard.contains("while away"));

            assertThat(a.recovered()).isTrue();
            assertThat(heard).containsExactly("before", "while away");
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
