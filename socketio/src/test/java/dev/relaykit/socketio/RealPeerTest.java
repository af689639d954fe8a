package dev.relaykit.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.ws.ReconnectPolicy;
import dev.relaykit.socketio.peer.NodePeer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The client against real Node socket.io servers of each supported generation (the peer contract). */
class RealPeerTest {
    private static final Duration WAIT = Events.WAIT;

    private static SocketIoClient client(NodePeer peer, Generation gen, boolean token) {
        return client(peer, gen, token, TransportMode.WEBSOCKET);
    }

    private static SocketIoClient client(NodePeer peer, Generation gen, boolean token, TransportMode mode) {
        SocketIoClient.Builder b = SocketIoClient.builder(peer.url()).generation(gen).transport(mode)
                .reconnect(ReconnectPolicy.linear(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(300)))
                .ackTimeout(WAIT);
        if (token) {
            // 1.x/2.x and 0.9 read the token from the handshake query; only 3.x/4.x have an auth payload (build()
            // refuses auth for a fixed V1_V2 or V0_9)
            b.query("token", "s3cret");
            if (gen == Generation.V3_V4) {
                b.auth(Map.of("token", "s3cret"));
            }
        }
        return b.build();
    }

    private static NodePeer peer(String folder) {
        return NodePeer.start(dev.relaykit.socketio.peer.Generation.valueOf(folder.toUpperCase(java.util.Locale.ROOT)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"v4,V3_V4,WEBSOCKET", "v3,V3_V4,WEBSOCKET", "v2,V1_V2,WEBSOCKET", "v1,V1_V2,WEBSOCKET",
        "v4,V3_V4,POLLING", "v2,V1_V2,POLLING", "v4,V3_V4,POLLING_THEN_WEBSOCKET", "v1,V1_V2,POLLING_THEN_WEBSOCKET",
        "v09,V0_9,WEBSOCKET", "v09,V0_9,POLLING"})
    void contractOnEveryNamespace(String folder, Generation gen, TransportMode mode) throws Exception {
        try (NodePeer peer = peer(folder); SocketIoClient client = client(peer, gen, false, mode)) {
            for (String nsp : List.of("/", "/chat")) {
                BlockingQueue<SocketEvent> events = new LinkedBlockingQueue<>();
                SocketIoSocket s = client.socket(nsp).onAny(events::add);
                s.connect().get(10, TimeUnit.SECONDS);
                SocketEvent welcome = Events.next(events, "welcome");
                assertThat(welcome.arg(0).get("gen").asText()).isEqualTo(folder);
                assertThat(welcome.arg(0).get("nsp").asText()).isEqualTo(nsp);

                s.emit("echo", "a", 1, Map.of("k", List.of(true)));
                SocketEvent echo = Events.next(events, "echo");
                assertThat(echo.args()).hasSize(3);
                assertThat(echo.arg(0).asText()).isEqualTo("a");
                assertThat(echo.arg(2).get("k").get(0).asBoolean()).isTrue();

                // client -> server ack
                List<JsonNode> ack = s.emitWithAck("ack", "x", 2).get(10, TimeUnit.SECONDS);
                assertThat(ack).extracting(JsonNode::asText).containsExactly("x", "2");

                // server -> client ack
                s.emit("request-ack", "p");
                SocketEvent asked = Events.next(events, "server-ack");
                assertThat(asked.hasAck()).isTrue();
                asked.ack("answer", new byte[] {5});
                SocketEvent got = Events.next(events, "ack-received");
                assertThat(got.arg(0).asText()).isEqualTo("answer");
                // 0.9 has no binary (base64 strings on the wire): SocketEvent.bytes reads both
                assertThat(got.bytes(1)).containsExactly(5);

                // binary both ways, nested too
                s.emit("binary-echo", new byte[] {1, 2, 3}, Map.of("inner", new byte[] {4}));
                SocketEvent bin = Events.next(events, "binary-echo");
                assertThat(bin.bytes(0)).containsExactly(1, 2, 3);
                assertThat(bin.bytes(bin.arg(1).get("inner"))).containsExactly(4);

                // rooms
                s.emit("join", "r1");
                assertThat(Events.next(events, "joined").arg(0).asText()).isEqualTo("r1");
                s.emit("room-msg", Map.of("room", "r1", "msg", "hi"));
                assertThat(Events.next(events, "room-msg").arg(0).asText()).isEqualTo("hi");
            }
            assertThat(client.isWebSocket()).isEqualTo(mode != TransportMode.POLLING);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"v4,V3_V4", "v3,V3_V4", "v2,V1_V2", "v1,V1_V2", "v09,V0_9"})
    void authAcceptedAndRefused(String folder, Generation gen) throws Exception {
        try (NodePeer peer = peer(folder)) {
            try (SocketIoClient ok = client(peer, gen, true)) {
                BlockingQueue<SocketEvent> events = new LinkedBlockingQueue<>();
                ok.socket("/secure").onAny(events::add).connect().get(10, TimeUnit.SECONDS);
                assertThat(Events.next(events, "welcome").arg(0).get("nsp").asText()).isEqualTo("/secure");
            }
            try (SocketIoClient refused = client(peer, gen, false)) {
                assertThatThrownBy(() -> refused.socket("/secure").connect().get(10, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(SocketIoConnectException.class)
                        .extracting(e -> ((SocketIoConnectException) e).serverMessage())
                        // 0.9's error frame can only carry fixed reasons: "7::/secure:2" is "unauthorized"
                        .isEqualTo(gen == Generation.V0_9 ? "unauthorized" : "not authorized");
            }
        }
    }

    @Test
    void aFailedUpgradeProbeLeavesTheConnectionOnPolling() throws Exception {
        // the v4 peer refuses WebSocket requests from clients that send x-refuse-websocket (its README)
        try (NodePeer peer = peer("v4"); SocketIoClient client = SocketIoClient.builder(peer.url())
                .generation(Generation.V3_V4).transport(TransportMode.POLLING_THEN_WEBSOCKET)
                .header("x-refuse-websocket", "1").ackTimeout(WAIT).build()) {
            BlockingQueue<SocketEvent> events = new LinkedBlockingQueue<>();
            SocketIoSocket s = client.socket("/").onAny(events::add).on("disconnect", events::add);
            s.connect().get(10, TimeUnit.SECONDS);
            Events.next(events, "welcome");
            Thread.sleep(500); // time for the probe to be refused
            for (int i = 0; i < 20; i++) {
                s.emit("echo", i);
            }
            for (int i = 0; i < 20; i++) {
                assertThat(Events.next(events, "echo").arg(0).asInt()).isEqualTo(i);
            }
            assertThat(s.emitWithAck("ack", "still here").get(10, TimeUnit.SECONDS).get(0).asText())
                    .isEqualTo("still here");
            assertThat(client.isWebSocket()).isFalse();
            assertThat(events.stream().map(SocketEvent::name)).doesNotContain("disconnect");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"v4,V3_V4,WEBSOCKET", "v3,V3_V4,WEBSOCKET", "v2,V1_V2,WEBSOCKET", "v1,V1_V2,WEBSOCKET",
        "v4,V3_V4,POLLING", "v2,V1_V2,POLLING_THEN_WEBSOCKET", "v09,V0_9,WEBSOCKET", "v09,V0_9,POLLING"})
    void serverDisconnectAndCrashReconnect(String folder, Generation gen, TransportMode mode) throws Exception {
        try (NodePeer peer = peer(folder); SocketIoClient client = client(peer, gen, false, mode)) {
            BlockingQueue<SocketEvent> chat = new LinkedBlockingQueue<>();
            BlockingQueue<SocketEvent> main = new LinkedBlockingQueue<>();
            SocketIoSocket c = client.socket("/chat").onAny(chat::add).on("disconnect", chat::add)
                    .on("connect", chat::add);
            SocketIoSocket m = client.socket("/").onAny(main::add).on("disconnect", main::add);
            m.connect().get(10, TimeUnit.SECONDS);
            c.connect().get(10, TimeUnit.SECONDS);
            Events.next(chat, "welcome");

            // the connection dies: both namespaces are rejoined on the new connection
            String firstSid = client.engineSessionId();
            c.emit("crash-connection");
            assertThat(Events.next(chat, "disconnect").arg(0).asText()).isEqualTo("transport close");
            Events.next(chat, "connect");
            assertThat(client.engineSessionId()).isNotEqualTo(firstSid);
            c.emit("echo", "after");
            assertThat(Events.next(chat, "echo").arg(0).asText()).isEqualTo("after");
            if (gen == Generation.V3_V4 && folder.equals("v4")) {
                assertThat(c.recovered()).isTrue();
            }

            // the server disconnects one namespace: it stays down, the other keeps working
            c.emit("disconnect-me");
            assertThat(Events.next(chat, "disconnect").arg(0).asText()).isEqualTo("io server disconnect");
            assertThat(c.isConnected()).isFalse();
            assertThat(c.volatileEmit("echo", "dropped")).isFalse();
            m.emit("echo", "main");
            assertThat(Events.next(main, "echo").arg(0).asText()).isEqualTo("main");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"v4,V3_V4,WEBSOCKET", "v2,V1_V2,WEBSOCKET", "v4,V3_V4,POLLING", "v2,V1_V2,POLLING",
        "v09,V0_9,WEBSOCKET", "v09,V0_9,POLLING"})
    void heartbeatKeepsTheConnectionAliveAndBufferingAndTimeoutsWork(String folder, Generation gen, TransportMode mode)
            throws Exception {
        try (NodePeer peer = peer(folder); SocketIoClient client = client(peer, gen, false, mode)) {
            BlockingQueue<SocketEvent> events = new LinkedBlockingQueue<>();
            BlockingQueue<String> raw = new LinkedBlockingQueue<>();
            client.onRawPacket(raw::add);
            SocketIoSocket s = client.socket("/chat").onAny(events::add).on("disconnect", events::add);
            // emitted before the namespace is connected: buffered, then sent in order on connect
            s.emit("echo", "early-1");
            s.emit("echo", "early-2");
            assertThat(s.volatileEmit("echo", "volatile")).isFalse();
            s.connect().get(10, TimeUnit.SECONDS);
            assertThat(Events.next(events, "echo").arg(0).asText()).isEqualTo("early-1");
            assertThat(Events.next(events, "echo").arg(0).asText()).isEqualTo("early-2");
            assertThat(raw.poll(5, TimeUnit.SECONDS)).startsWith(gen == Generation.V0_9 ? "1::" : "0{\"sid\"");

            // the peers ping every 1 s with a 1 s timeout (0.9: heartbeat every 2 s, timeout 3 s): 3.5 s later the same Engine.IO session is still up only
            // if the client answered (EIO 4) or sent (EIO 3) the pings
            String sid = client.engineSessionId();
            Thread.sleep(3500);
            assertThat(client.engineSessionId()).isEqualTo(sid);
            assertThat(s.isConnected()).isTrue();
            assertThat(events.stream().map(SocketEvent::name)).doesNotContain("disconnect");

            // the echo handler never acks: the ack times out with a TimeoutException
            assertThatThrownBy(() -> s.emitWithAck(Duration.ofMillis(300), "echo", "no-ack").get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(java.util.concurrent.TimeoutException.class);
            assertThat(Events.next(events, "echo").arg(0).asText()).isEqualTo("no-ack"); // echoed, never acked

            // raw packet channel: a hand-written Socket.IO event on /chat
            client.sendRaw(gen == Generation.V0_9 ? "5::/chat:{\"name\":\"echo\",\"args\":[\"raw\"]}"
                    : "42/chat,[\"echo\",\"raw\"]").get(5, TimeUnit.SECONDS);
            assertThat(Events.next(events, "echo").arg(0).asText()).isEqualTo("raw");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"v4,V3_V4", "v3,V3_V4", "v2,V1_V2", "v1,V1_V2", "v09,V0_9"})
    void detectsTheGeneration(String folder, Generation gen) throws Exception {
        try (NodePeer peer = peer(folder)) {
            assertThat(SocketIoClient.detectGeneration(peer.url())).isEqualTo(gen);
        }
    }
}
