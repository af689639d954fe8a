package dev.relaykit.socketio;

import dev.relaykit.testkit.Loopback;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.core.ws.ReconnectPolicy;
import dev.relaykit.socketio.protocol.ProtocolException;
import dev.relaykit.testkit.ScriptedWsServer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Handshake options on the wire, and the Engine.IO 4 heartbeat watchdog against a server that stops pinging. */
class HandshakeAndWatchdogTest {

    @Test
    void malformedPacketsReachTheProtocolErrorListenerAndTheConnectionStaysUp() throws Exception {
        try (ScriptedWsServer server = ScriptedWsServer.start()) {
            server.onOpen(c -> c.send("0{\"sid\":\"s1\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000}"));
            server.onText((c, text) -> {
                if (text.startsWith("40")) {
                    c.send("40{\"sid\":\"n1\"}");
                    c.send("42[\"broken\""); // truncated JSON
                    c.send("9nonsense");       // no such Engine.IO packet type
                    c.send("42[\"fine\",1]");
                }
            });
            java.util.List<ProtocolException> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (SocketIoClient client = SocketIoClient.builder("http://127.0.0.1:" + server.port())
                    .generation(Generation.V3_V4).build()) {
                client.onProtocolError(errors::add);
                SocketIoSocket s = client.socket("/");
                s.on("fine", e -> events.add(e.name() + e.arg(0).asInt()));
                s.connect().get(10, TimeUnit.SECONDS);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (events.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(events).containsExactly("fine1");
                assertThat(errors).hasSize(2);
                assertThat(s.isConnected()).isTrue();
            }
        }
    }

    @Test
    void handshakeCarriesPathQueryHeadersAndTimestamp() throws Exception {
        try (ScriptedWsServer server = ScriptedWsServer.start()) {
            server.onOpen(c -> c.send("0{\"sid\":\"s1\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000}"));
            server.onText((c, text) -> {
                if (text.equals("40{\"token\":\"t\"}")) {
                    c.send("40{\"sid\":\"n1\"}");
                }
            });
            try (SocketIoClient client = SocketIoClient.builder("http://127.0.0.1:" + server.port())
                    .generation(Generation.V3_V4).path("/custom/").query("room", "a b").header("X-Test", "yes").timestampParam(true)
                    .auth(java.util.Map.of("token", "t")).build()) {
                SocketIoSocket s = client.socket("/");
                s.connect().get(10, TimeUnit.SECONDS);
                assertThat(s.id()).isEqualTo("n1");
                ScriptedWsServer.Handshake h = server.handshakes().get(0);
                assertThat(h.path()).startsWith("/custom/?EIO=4&t=").contains("&room=a%20b&transport=websocket");
                assertThat(h.headers()).containsEntry("x-test", "yes"); // the test server lower-cases names
            }
        }
    }

    @Test
    void changingTheBuilderAfterBuildDoesNotReachTheClient() throws Exception {
        try (ScriptedWsServer server = ScriptedWsServer.start()) {
            server.onOpen(c -> c.send("0{\"sid\":\"s1\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000}"));
            server.onText((c, text) -> {
                if (text.equals("40")) {
                    c.send("40{\"sid\":\"n1\"}");
                }
            });
            SocketIoClient.Builder builder = SocketIoClient.builder("http://127.0.0.1:" + server.port())
                    .generation(Generation.V3_V4).query("room", "a").header("X-Test", "yes");
            try (SocketIoClient client = builder.build()) {
                builder.path("/elsewhere").query("room", "b").query("extra", "1").header("X-Test", "no")
                        .generation(Generation.V1_V2);
                client.socket("/").connect().get(10, TimeUnit.SECONDS);
                ScriptedWsServer.Handshake h = server.handshakes().get(0);
                assertThat(h.path()).startsWith("/socket.io/?EIO=4&room=a&transport=websocket").doesNotContain("extra");
                assertThat(h.headers()).containsEntry("x-test", "yes");
            }
        }
    }

    @Test
    void silentServerIsDroppedAfterPingIntervalPlusTimeoutAndTheClientReconnects() throws Exception {
        try (ScriptedWsServer server = ScriptedWsServer.start()) {
            // an Engine.IO 4 server that announces pings every 200 ms but never sends one
            server.onOpen(c -> c.send("0{\"sid\":\"s" + c.number()
                    + "\",\"upgrades\":[],\"pingInterval\":200,\"pingTimeout\":200}"));
            server.onText((c, text) -> {
                if (text.equals("40")) {
                    c.send("40{\"sid\":\"n" + c.number() + "\"}");
                }
            });
            BlockingQueue<SocketEvent> events = new LinkedBlockingQueue<>();
            try (SocketIoClient client = SocketIoClient.builder("http://127.0.0.1:" + server.port())
                    .generation(Generation.V3_V4)
                    .reconnect(ReconnectPolicy.linear(Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(50)))
                    .build()) {
                SocketIoSocket s = client.socket("/").on("disconnect", events::add).on("connect", events::add);
                s.connect().get(10, TimeUnit.SECONDS);
                assertThat(events.poll(5, TimeUnit.SECONDS).name()).isEqualTo("connect");
                long start = System.nanoTime();
                SocketEvent lost = events.poll(5, TimeUnit.SECONDS);
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertThat(lost.name()).isEqualTo("disconnect");
                assertThat(lost.arg(0).asText()).isEqualTo("ping timeout");
                assertThat(lost.disconnectReason()).isEqualTo(DisconnectReason.PING_TIMEOUT);
                assertThat(ms).isGreaterThanOrEqualTo(300); // not before pingInterval + pingTimeout (400 ms)
                assertThat(events.poll(5, TimeUnit.SECONDS).name()).isEqualTo("connect");
                assertThat(server.connectionCount()).isGreaterThanOrEqualTo(2);
                assertThat(s.id()).isEqualTo("n2");
            }
        }
    }

    @Test
    void unreachableServerFailsTheConnectFutureOnceThePolicyGivesUp() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (SocketIoClient client = SocketIoClient.builder("http://127.0.0.1:" + port)
                .reconnect(ReconnectPolicy.linear(Duration.ofMillis(20), Duration.ofMillis(20), Duration.ofMillis(20))
                        .withMaxAttempts(2))
                .retryInitialConnect(true) // the first connection is retried only when asked
                .build()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.socket("/").connect().get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(dev.relaykit.core.TransportException.class)
                    .hasMessageContaining("gave up");
            assertThat(client.state()).isEqualTo(dev.relaykit.core.ws.ConnectionState.FAILED);
        }
    }
    // ------------------------------------------------------------------ the first connect (issue 10 item 4)

    @Test
    void aFirstConnectToARefusedPortFailsAtOnceWithTheCauseOverEveryTransport() throws Exception {
        for (TransportMode mode : TransportMode.values()) {
            try (SocketIoClient client = SocketIoClient.builder("http://127.0.0.1:" + Loopback.refusedPort())
                    .transport(mode)
                    .reconnect(ReconnectPolicy.linear(Duration.ofMillis(50), Duration.ZERO, Duration.ofMillis(50))
                            .withUnlimitedAttempts())
                    .build()) {
                long start = System.nanoTime();
                var root = client.socket("/").connect();
                var chat = client.socket("/chat").connect();
                for (var f : java.util.List.of(root, chat)) {
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).as(mode.name())
                            .satisfies(e -> assertThat(Loopback.causedBy(e, java.net.ConnectException.class)).as(e.toString()).isTrue())
                            .hasCauseInstanceOf(dev.relaykit.core.TransportException.class)
                            .hasMessageContaining("could not connect to 127.0.0.1:");
                }
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
                assertThat(client.state()).isEqualTo(dev.relaykit.core.ws.ConnectionState.FAILED);
            }
        }
    }

    @Test
    void aNamespaceConnectedAfterTheClientFailedFailsAtOnceWithTheSameCause() throws Exception {
        try (SocketIoClient client = SocketIoClient.builder("http://127.0.0.1:" + Loopback.refusedPort())
                .transport(TransportMode.POLLING).build()) {
            var root = client.socket("/").connect();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> root.get(5, TimeUnit.SECONDS))
                    .satisfies(e -> assertThat(Loopback.causedBy(e, java.net.ConnectException.class)).isTrue());
            assertThat(client.state()).isEqualTo(dev.relaykit.core.ws.ConnectionState.FAILED);
            // joined after the failure: nothing will ever connect it, so it must not wait forever
            var late = client.socket("/late").connect();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> late.get(1, TimeUnit.SECONDS))
                    .satisfies(e -> assertThat(Loopback.causedBy(e, java.net.ConnectException.class)).as(e.toString()).isTrue())
                    .hasMessageContaining("could not connect to 127.0.0.1:");
        }
    }

    @Test
    void withRetryInitialConnectAServerThatComesUpLaterIsReached() throws Exception {
        int port = Loopback.refusedPort();
        try (SocketIoClient client = SocketIoClient.builder("http://127.0.0.1:" + port)
                .generation(Generation.V3_V4).transport(TransportMode.WEBSOCKET)
                .reconnect(ReconnectPolicy.linear(Duration.ofMillis(100), Duration.ZERO, Duration.ofMillis(100))
                        .withUnlimitedAttempts())
                .retryInitialConnect(true)
                .build()) {
            var connected = client.socket("/").connect();
            Thread.sleep(400);
            assertThat(connected).isNotDone();
            try (ScriptedWsServer server = ScriptedWsServer.builder().port(port).start()) {
                server.onOpen(c -> c.send("0{\"sid\":\"s" + c.number()
                        + "\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000}"));
                server.onText((c, text) -> {
                    if (text.equals("40")) {
                        c.send("40{\"sid\":\"n" + c.number() + "\"}");
                    }
                });
                connected.get(10, TimeUnit.SECONDS);
                assertThat(client.state()).isEqualTo(dev.relaykit.core.ws.ConnectionState.OPEN);
            }
        }
    }
}
