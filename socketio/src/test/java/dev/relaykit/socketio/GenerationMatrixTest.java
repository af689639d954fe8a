package dev.relaykit.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.core.ws.ConnectionState;
import dev.relaykit.socketio.peer.NodePeer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11 items 1 and 2: every generation a client can be built for against a real server of every generation. With
 * the default ({@link Generation#AUTO}) it works; with a fixed generation it either works (the right one) or
 * {@code connect()} fails fast with a {@link GenerationMismatchException} naming both, and nothing half-working
 * reaches the listeners. The connect deadline names its likely cause.
 */
class GenerationMatrixTest {
    private static final Map<dev.relaykit.socketio.peer.Generation, NodePeer> PEERS =
            new EnumMap<>(dev.relaykit.socketio.peer.Generation.class);

    /** One server per generation for the whole class: 20 pairs, 5 servers. */
    private static synchronized NodePeer peer(dev.relaykit.socketio.peer.Generation g) {
        return PEERS.computeIfAbsent(g, NodePeer::start);
    }

    @AfterAll
    static synchronized void stopPeers() {
        PEERS.values().forEach(NodePeer::close);
        PEERS.clear();
    }

    /** What the server of each test peer speaks. */
    private static Generation spoken(dev.relaykit.socketio.peer.Generation server) {
        return switch (server) {
            case V09 -> Generation.V0_9;
            case V1, V2 -> Generation.V1_V2;
            case V3, V4 -> Generation.V3_V4;
        };
    }

    static Stream<Arguments> pairs() {
        List<Arguments> all = new ArrayList<>();
        for (Generation chosen : List.of(Generation.AUTO, Generation.V3_V4, Generation.V1_V2, Generation.V0_9)) {
            for (dev.relaykit.socketio.peer.Generation server : dev.relaykit.socketio.peer.Generation.values()) {
                all.add(Arguments.of(chosen, server));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "client {0} x server {1}")
    @MethodSource("pairs")
    void worksOrFailsFastWithAMismatchNamingBoth(Generation chosen, dev.relaykit.socketio.peer.Generation server)
            throws Exception {
        Generation spoken = spoken(server);
        // default connect timeout (20 s) and reconnection policy: a mismatch must show long before either matters
        try (SocketIoClient client = SocketIoClient.builder(peer(server).url()).generation(chosen)
                .ackTimeout(Duration.ofSeconds(5)).build()) {
            BlockingQueue<SocketEvent> events = new LinkedBlockingQueue<>();
            SocketIoSocket root = client.socket("/").onAny(events::add);
            SocketIoSocket chat = client.socket("/chat").onAny(events::add);
            long start = System.nanoTime();
            CompletableFuture<SocketIoSocket> rootConnected = root.connect();
            CompletableFuture<SocketIoSocket> chatConnected = chat.connect();

            if (chosen == Generation.AUTO || chosen == spoken) {
                rootConnected.get(10, TimeUnit.SECONDS);
                chatConnected.get(10, TimeUnit.SECONDS);
                assertThat(client.generation()).isEqualTo(spoken);
                assertThat(root.emitWithAck("ack", 7).get(5, TimeUnit.SECONDS).get(0).asInt()).isEqualTo(7);
                assertThat(chat.emitWithAck("ack", 8).get(5, TimeUnit.SECONDS).get(0).asInt()).isEqualTo(8);
                // longer than the peers' ping interval + timeout (1 s + 1 s): a client speaking the wrong Engine.IO
                // revision would have been dropped, and a double connect would have sent a second welcome
                Thread.sleep(2500);
                List<String> welcomes = new ArrayList<>();
                events.stream().filter(e -> e.name().equals("welcome"))
                        .forEach(e -> welcomes.add(e.arg(0).get("gen").asText() + e.arg(0).get("nsp").asText()));
                assertThat(welcomes).containsExactlyInAnyOrder(server.folder() + "/", server.folder() + "/chat");
                assertThat(root.isConnected()).isTrue();
                assertThat(client.state()).isEqualTo(ConnectionState.OPEN);
                assertThat(root.emitWithAck("ack", 9).get(5, TimeUnit.SECONDS).get(0).asInt()).isEqualTo(9);
            } else {
                for (CompletableFuture<SocketIoSocket> f : List.of(rootConnected, chatConnected)) {
                    assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                            .isInstanceOf(ExecutionException.class)
                            .cause().isInstanceOfSatisfying(GenerationMismatchException.class, e -> {
                                assertThat(e.configured()).isEqualTo(chosen);
                                assertThat(e.spoken()).isEqualTo(spoken);
                                assertThat(e.getMessage()).contains("(" + chosen.name() + ")", "(" + spoken.name() + ")",
                                        "use .generation(Generation." + spoken.name() + ")");
                            });
                }
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertThat(took).as("time to the mismatch").isLessThan(Duration.ofSeconds(3));
                assertThat(client.state()).isEqualTo(ConnectionState.FAILED);
                Thread.sleep(300);
                assertThat(events).as("events that reached listeners of a mismatched client").isEmpty();
                assertThat(root.isConnected()).isFalse();
            }
        }
    }

    @Test
    void anEngineIo3ClientGetsNoHandshakeFromA3xServerAndTheDeadlineNamesTheLikelyCause() throws Exception {
        // a handshake URL turns the generation probe off: what is left is socket.io 3.1.2 answering the EIO=3
        // WebSocket with 101 and then nothing, and the connect deadline
        NodePeer v3 = peer(dev.relaykit.socketio.peer.Generation.V3);
        try (SocketIoClient client = SocketIoClient.builder(v3.url()).handshakeUrl(v3.url() + "/socket.io/")
                .generation(Generation.V1_V2).connectTimeout(Duration.ofMillis(800)).build()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.socket("/").connect().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(ConnectTimeoutException.class,
                            e -> assertThat(e.timeout()).isEqualTo(Duration.ofMillis(800)))
                    .hasMessageContaining("no Engine.IO handshake from 127.0.0.1:")
                    .hasMessageContaining("within 800 ms")
                    .hasMessageContaining("is the server socket.io 3.x/4.x? try Generation.V3_V4");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(700),
                    Duration.ofSeconds(3));
            assertThat(client.state()).isEqualTo(ConnectionState.FAILED);
        }
    }

    @Test
    void theSameMistakeWithTheDefaultTimeoutIsFoundAsAMismatchWithinASecond() throws Exception {
        NodePeer v3 = peer(dev.relaykit.socketio.peer.Generation.V3);
        try (SocketIoClient client = SocketIoClient.builder(v3.url()).generation(Generation.V1_V2).build()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.socket("/").connect().get(10, TimeUnit.SECONDS))
                    .cause().isInstanceOf(GenerationMismatchException.class)
                    .hasMessageContaining("no handshake within 1000 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void aNamespaceWhoseConnectIsNeverAnsweredFailsAtTheDeadline() throws Exception {
        try (dev.relaykit.testkit.ScriptedWsServer server = dev.relaykit.testkit.ScriptedWsServer.start()) {
            // an Engine.IO 4 server that opens the session and then ignores every CONNECT
            server.onOpen(c -> c.send("0{\"sid\":\"s1\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000}"));
            try (SocketIoClient client = SocketIoClient.builder("http://127.0.0.1:" + server.port())
                    .generation(Generation.V3_V4).connectTimeout(Duration.ofMillis(600)).build()) {
                assertThatThrownBy(() -> client.socket("/chat").connect().get(10, TimeUnit.SECONDS))
                        .cause().isInstanceOf(ConnectTimeoutException.class)
                        .hasMessageContaining("namespace /chat got no answer to its CONNECT within 600 ms");
            }
        }
    }

    @Test
    void autoIsTheDefaultAndRemembersWhatItFoundForReconnects() throws Exception {
        NodePeer v2 = peer(dev.relaykit.socketio.peer.Generation.V2);
        try (SocketIoClient client = SocketIoClient.builder(v2.url())
                .reconnect(dev.relaykit.core.ws.ReconnectPolicy.linear(Duration.ofMillis(100), Duration.ZERO,
                        Duration.ofMillis(100)))
                .build()) {
            assertThat(client.generation()).isEqualTo(Generation.AUTO);
            BlockingQueue<SocketEvent> events = new LinkedBlockingQueue<>();
            SocketIoSocket s = client.socket("/chat").on("connect", events::add).on("disconnect", events::add);
            s.connect().get(10, TimeUnit.SECONDS);
            assertThat(client.generation()).isEqualTo(Generation.V1_V2);
            assertThat(events.poll(5, TimeUnit.SECONDS).name()).isEqualTo("connect");
            s.emit("crash-connection");
            assertThat(events.poll(5, TimeUnit.SECONDS).disconnectReason()).isEqualTo(DisconnectReason.TRANSPORT_CLOSE);
            assertThat(events.poll(5, TimeUnit.SECONDS).name()).isEqualTo("connect");
            assertThat(client.generation()).isEqualTo(Generation.V1_V2);
            assertThat(s.emitWithAck("ack", "again").get(5, TimeUnit.SECONDS).get(0).asText()).isEqualTo("again");
        }
    }
}
