package dev.relaykit.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.core.ws.ConnectionState;
import dev.relaykit.core.ws.ReconnectPolicy;
import dev.relaykit.socketio.peer.NodePeer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 11 item 3: the server disconnects every namespace ({@code socket.disconnect(true)}; 0.9: its default
 * namespace, which takes the connection with it). Every generation then behaves like socket.io's JS client: each
 * namespace reports {@code io server disconnect}, nothing reconnects by itself, no idle connection is held open,
 * emits fail at once, and {@code connect()} rejoins.
 */
class ServerDisconnectTest {

    @ParameterizedTest(name = "{0} {1}")
    // not 0.9 over xhr-polling: there its server ends the session without the "0::" frame unless a poll happens to be
    // open at that moment, so the client cannot tell it from a lost session (it rejoins, "transport close")
    @CsvSource({"V4,WEBSOCKET", "V3,WEBSOCKET", "V2,WEBSOCKET", "V1,WEBSOCKET", "V09,WEBSOCKET",
        "V4,POLLING", "V2,POLLING", "V1,POLLING_THEN_WEBSOCKET"})
    void serverDisconnectOfEveryNamespaceLeavesThemDownUntilConnectAndClosesTheConnection(
            dev.relaykit.socketio.peer.Generation server, TransportMode mode) throws Exception {
        try (NodePeer peer = NodePeer.start(server);
             SocketIoClient client = SocketIoClient.builder(peer.url()).transport(mode)
                     .reconnect(ReconnectPolicy.linear(Duration.ofMillis(100), Duration.ZERO, Duration.ofMillis(100)))
                     .ackTimeout(Duration.ofSeconds(30)).build()) {
            AtomicInteger handshakes = new AtomicInteger();
            // an Engine.IO OPEN packet, or 0.9's connect frame for the whole connection
            client.onRawPacket(p -> {
                if (p.startsWith("0{") || p.equals("1::")) {
                    handshakes.incrementAndGet();
                }
            });
            BlockingQueue<SocketEvent> main = new LinkedBlockingQueue<>();
            BlockingQueue<SocketEvent> chat = new LinkedBlockingQueue<>();
            SocketIoSocket m = client.socket("/").onAny(main::add).on("disconnect", main::add);
            SocketIoSocket c = client.socket("/chat").onAny(chat::add).on("disconnect", chat::add);
            m.connect().get(10, TimeUnit.SECONDS);
            c.connect().get(10, TimeUnit.SECONDS);
            Events.next(chat, "welcome");
            // pending when the server disconnects: it will never be answered, so it must not wait 30 s
            CompletableFuture<?> pending = c.emitWithAck("echo", "echo never acks");

            c.emit("disconnect-all");
            for (BlockingQueue<SocketEvent> q : List.of(main, chat)) {
                SocketEvent d = Events.next(q, "disconnect");
                assertThat(d.disconnectReason()).isEqualTo(DisconnectReason.SERVER_DISCONNECT);
                assertThat(d.arg(0).asText()).isEqualTo("io server disconnect");
            }
            assertThatThrownBy(() -> pending.get(2, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(NamespaceDisconnectedException.class);

            // no connection held open for nobody, and none opened again
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (client.state() != ConnectionState.NEW && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(client.state()).isEqualTo(ConnectionState.NEW);
            Thread.sleep(1500);
            assertThat(handshakes.get()).as("handshakes").isEqualTo(1);
            assertThat(client.state()).isEqualTo(ConnectionState.NEW);
            assertThat(m.isConnected()).isFalse();
            assertThat(c.isConnected()).isFalse();

            // emits fail at once, naming why
            assertThatThrownBy(() -> c.emit("echo", "lost"))
                    .isInstanceOfSatisfying(NamespaceDisconnectedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(DisconnectReason.SERVER_DISCONNECT);
                        assertThat(e.namespace()).isEqualTo("/chat");
                    })
                    .hasMessageContaining("disconnected by the server").hasMessageContaining("call connect()");
            long start = System.nanoTime();
            assertThatThrownBy(() -> m.emitWithAck("ack", 1).get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(NamespaceDisconnectedException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
            assertThat(c.volatileEmit("echo", "dropped")).isFalse();

            // connect() rejoins on a new connection; the other namespace stays down
            c.connect().get(10, TimeUnit.SECONDS);
            assertThat(Events.next(chat, "welcome").arg(0).get("nsp").asText()).isEqualTo("/chat");
            assertThat(c.emitWithAck("ack", "back").get(10, TimeUnit.SECONDS).get(0).asText()).isEqualTo("back");
            assertThat(handshakes.get()).isEqualTo(2);
            assertThat(m.isConnected()).isFalse();
            assertThatThrownBy(() -> m.emit("echo", "still down")).isInstanceOf(NamespaceDisconnectedException.class);

            // leaving the last namespace by hand closes the connection too
            c.disconnect();
            assertThat(client.state()).isEqualTo(ConnectionState.NEW);
            assertThatThrownBy(() -> c.emit("echo", "left"))
                    .isInstanceOfSatisfying(NamespaceDisconnectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(DisconnectReason.CLIENT_DISCONNECT));
        }
    }
}
