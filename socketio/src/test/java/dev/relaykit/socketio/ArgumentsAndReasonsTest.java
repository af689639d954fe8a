package dev.relaykit.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaykit.core.ws.ReconnectPolicy;
import dev.relaykit.socketio.peer.NodePeer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue 11 item 5: bytes on every generation, numbers as Jackson's default, typed disconnect reasons, auth on 1.x/2.x. */
class ArgumentsAndReasonsTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(dev.relaykit.socketio.peer.Generation.class)
    void bytesAndNumbersReadTheSameOnEveryGeneration(dev.relaykit.socketio.peer.Generation server) throws Exception {
        ObjectMapper plainJackson = new ObjectMapper();
        try (NodePeer peer = NodePeer.start(server);
             SocketIoClient client = SocketIoClient.builder(peer.url()).build();
             SocketIoClient exact = SocketIoClient.builder(peer.url()).bigDecimals(true).build()) {
            BlockingQueue<SocketEvent> events = new LinkedBlockingQueue<>();
            SocketIoSocket s = client.socket("/").onAny(events::add);
            s.connect().get(10, TimeUnit.SECONDS);

            s.emit("binary-echo", new byte[] {1, 2, 3}, Map.of("inner", new byte[] {4}));
            SocketEvent bin = Events.next(events, "binary-echo");
            assertThat(bin.bytes(0)).containsExactly(1, 2, 3);
            assertThat(bin.bytes(bin.arg(1).get("inner"))).containsExactly(4);

            s.emit("echo", 1.5, 7, 10_000_000_000L, Map.of("p", 0.1), "text");
            SocketEvent echo = Events.next(events, "echo");
            JsonNode expected = plainJackson.readTree("[1.5, 7, 10000000000, {\"p\": 0.1}, \"text\"]");
            for (int i = 0; i < 5; i++) {
                assertThat(echo.arg(i)).as("argument %d", i).isEqualTo(expected.get(i));
            }
            assertThatThrownBy(() -> echo.bytes(1)).isInstanceOf(IllegalArgumentException.class);
            if (server != dev.relaykit.socketio.peer.Generation.V09) {
                // a string is a string: only 0.9, which has no binary, reads base64 text as bytes
                assertThatThrownBy(() -> echo.bytes(4)).isInstanceOf(IllegalArgumentException.class);
            }

            BlockingQueue<SocketEvent> exactEvents = new LinkedBlockingQueue<>();
            SocketIoSocket e = exact.socket("/").onAny(exactEvents::add);
            e.connect().get(10, TimeUnit.SECONDS);
            e.emit("echo", new BigDecimal("0.1"), new BigDecimal("2.675"));
            SocketEvent decimals = Events.next(exactEvents, "echo");
            assertThat(decimals.arg(0).isBigDecimal()).isTrue();
            assertThat(decimals.arg(0).decimalValue()).isEqualByComparingTo("0.1");
            // the text the server sent, exactly (as a double it would be 2.67499999999999982236431605997495353221893310546875)
            assertThat(decimals.arg(1).decimalValue()).isEqualByComparingTo("2.675");
            assertThat(decimals.arg(1).decimalValue().scale()).isEqualTo(3);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"V4,WEBSOCKET", "V2,WEBSOCKET", "V09,WEBSOCKET", "V4,POLLING", "V09,POLLING"})
    void disconnectReasonsAreTypedTheSameOnEveryGenerationAndTransport(dev.relaykit.socketio.peer.Generation server,
                                                                      TransportMode mode) throws Exception {
        try (NodePeer peer = NodePeer.start(server);
             SocketIoClient client = SocketIoClient.builder(peer.url()).transport(mode)
                     .reconnect(ReconnectPolicy.linear(Duration.ofMillis(100), Duration.ZERO, Duration.ofMillis(100)))
                     .build()) {
            // one queue per namespace: after a reconnect each namespace rejoins on its own, in no fixed order (a 4.x
            // server with connection-state recovery answers "/"'s CONNECT after /chat's, or after the next event)
            BlockingQueue<SocketEvent> chat = new LinkedBlockingQueue<>();
            BlockingQueue<SocketEvent> main = new LinkedBlockingQueue<>();
            SocketIoSocket c = client.socket("/chat").on("disconnect", chat::add).on("connect", chat::add);
            SocketIoSocket m = client.socket("/").on("disconnect", main::add).on("connect", main::add);
            m.connect().get(10, TimeUnit.SECONDS);
            c.connect().get(10, TimeUnit.SECONDS);
            Events.next(chat, "connect");
            Events.next(main, "connect");

            c.emit("crash-connection");
            for (BlockingQueue<SocketEvent> q : List.of(chat, main)) {
                SocketEvent crash = Events.next(q, "disconnect");
                assertThat(crash.disconnectReason()).isEqualTo(DisconnectReason.TRANSPORT_CLOSE);
                assertThat(crash.arg(0).asText()).isEqualTo(DisconnectReason.TRANSPORT_CLOSE.wireName());
            }
            // both rejoined: a namespace still rejoining is not connected, and disconnect() on it reports nothing
            Events.next(chat, "connect");
            Events.next(main, "connect");
            chat.clear();
            main.clear();

            c.emit("disconnect-me");
            SocketEvent byServer = Events.next(chat, "disconnect");
            assertThat(byServer.disconnectReason()).isEqualTo(DisconnectReason.SERVER_DISCONNECT);

            m.disconnect();
            SocketEvent byClient = Events.next(main, "disconnect");
            assertThat(byClient.disconnectReason()).isEqualTo(DisconnectReason.CLIENT_DISCONNECT);
            assertThat(byClient.arg(0).asText()).isEqualTo("io client disconnect");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TransportMode.class, names = {"WEBSOCKET", "POLLING"})
    void aServerThatGoesAwayIsATransportCloseOverWebSocketAndATransportErrorOverPolling(TransportMode mode)
            throws Exception {
        NodePeer peer = NodePeer.start(dev.relaykit.socketio.peer.Generation.V4);
        try (SocketIoClient client = SocketIoClient.builder(peer.url()).transport(mode)
                .reconnect(ReconnectPolicy.none()).build()) {
            BlockingQueue<SocketEvent> events = new LinkedBlockingQueue<>();
            SocketIoSocket s = client.socket("/").on("disconnect", events::add);
            s.connect().get(10, TimeUnit.SECONDS);
            peer.close();
            SocketEvent gone = Events.next(events, "disconnect");
            assertThat(gone.disconnectReason()).isEqualTo(mode == TransportMode.WEBSOCKET
                    ? DisconnectReason.TRANSPORT_CLOSE : DisconnectReason.TRANSPORT_ERROR);
            if (mode == TransportMode.POLLING) {
                assertThat(gone.args()).hasSize(2); // the detail: what the failed request said
            }
        } finally {
            peer.close();
        }
    }

    @Test
    void authWithAFixedGenerationThatHasNoAuthPayloadFailsAtBuild() {
        for (Generation g : List.of(Generation.V1_V2, Generation.V0_9)) {
            assertThatThrownBy(() -> SocketIoClient.builder("http://127.0.0.1:1").generation(g)
                    .auth(Map.of("token", "t")).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no CONNECT auth payload")
                    .hasMessageContaining(".query(\"token\", ...)")
                    .hasMessageNotContaining("\"t\"");
            try (SocketIoClient client = SocketIoClient.builder("http://127.0.0.1:1").generation(g).build()) {
                assertThatThrownBy(() -> client.socket("/secure", Map.of("token", "t")))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no CONNECT auth payload");
            }
        }
    }

    @Test
    void withAutoTheSameSettingsServeA2xServerThroughTheQuery() throws Exception {
        // AUTO with both auth (3.x/4.x) and the query (1.x/2.x): against 2.5.1 the query admits, auth is ignored
        // (a warning is logged), and the client does not fail
        try (NodePeer peer = NodePeer.start(dev.relaykit.socketio.peer.Generation.V2);
             SocketIoClient client = SocketIoClient.builder(peer.url()).auth(Map.of("token", "s3cret"))
                     .query("token", "s3cret").build()) {
            BlockingQueue<SocketEvent> events = new LinkedBlockingQueue<>();
            client.socket("/secure").onAny(events::add).connect().get(10, TimeUnit.SECONDS);
            assertThat(Events.next(events, "welcome").arg(0).get("nsp").asText()).isEqualTo("/secure");
            assertThat(client.generation()).isEqualTo(Generation.V1_V2);
        }
    }
}
