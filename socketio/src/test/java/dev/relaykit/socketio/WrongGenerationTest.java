package dev.relaykit.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.core.ws.NotConnectedException;
import dev.relaykit.core.ws.ReconnectPolicy;
import dev.relaykit.socketio.peer.NodePeer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Clear errors: the wrong generation for the server, and acknowledgements cut off by a lost connection. */
class WrongGenerationTest {

    @Test
    void anEngineIo3ClientAgainstASocketIo4ServerSaysSo() throws Exception {
        try (NodePeer peer = NodePeer.start(dev.relaykit.socketio.peer.Generation.V4);
             SocketIoClient client = SocketIoClient.builder(peer.url()).generation(Generation.V1_V2)
                     .reconnect(ReconnectPolicy.none()).build()) {
            SocketIoSocket socket = client.socket("/");
            assertThatThrownBy(() -> socket.connect().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(GenerationMismatchException.class, e -> {
                        assertThat(e.configured()).isEqualTo(Generation.V1_V2);
                        assertThat(e.spoken()).isEqualTo(Generation.V3_V4);
                    })
                    .hasMessageContaining("use .generation(Generation.V3_V4)");
        }
    }

    @Test
    void acknowledgementsPendingWhenTheConnectionDropsFailAtOnce() throws Exception {
        try (NodePeer peer = NodePeer.start(dev.relaykit.socketio.peer.Generation.V4);
             SocketIoClient client = SocketIoClient.builder(peer.url()).generation(Generation.V3_V4)
                     .ackTimeout(Duration.ofSeconds(30)).build()) {
            SocketIoSocket socket = client.socket("/");
            socket.connect().get(10, TimeUnit.SECONDS);
            // "echo" answers with an event, never an ack: this acknowledgement stays pending
            CompletableFuture<?> pending = socket.emitWithAck("echo", "no ack for this");
            socket.emit("crash-connection");
            assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(NotConnectedException.class)
                    .hasMessageContaining("connection lost before the acknowledgement arrived");
            socket.connected().get(10, TimeUnit.SECONDS);
            assertThat(socket.emitWithAck("ack", 42).get(5, TimeUnit.SECONDS).get(0).asInt()).isEqualTo(42);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = TransportMode.class)
    void closeLeavesNoRelayKitThreadBehind(TransportMode mode) throws Exception {
        try (NodePeer peer = NodePeer.start(dev.relaykit.socketio.peer.Generation.V4)) {
            SocketIoClient client = SocketIoClient.builder(peer.url()).transport(mode).build();
            SocketIoSocket socket = client.socket("/");
            socket.connect().get(10, TimeUnit.SECONDS);
            assertThat(socket.emitWithAck("ack", "x").get(5, TimeUnit.SECONDS)).hasSize(1);
            client.close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (socketIoThreads() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(socketIoThreads()).as("relaykit-socketio-* threads alive after close()").isZero();
        }
    }

    private static long socketIoThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("relaykit-socketio-")).count();
    }
}
