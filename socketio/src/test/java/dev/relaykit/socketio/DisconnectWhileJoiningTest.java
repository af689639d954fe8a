package dev.relaykit.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.core.ws.ConnectionState;
import dev.relaykit.testkit.ScriptedWsServer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A namespace's {@code disconnect()} (or {@code disconnect()} then {@code connect()}) while its CONNECT is still
 * unanswered, as happens while namespaces rejoin after a reconnect: a socket.io 4.x server answers each namespace on
 * its own (later still with connection-state recovery). The server here answers only when the test says so.
 */
class DisconnectWhileJoiningTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static ScriptedWsServer server() {
        ScriptedWsServer server = ScriptedWsServer.start();
        server.onOpen(c -> c.send("0{\"sid\":\"s1\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000}"));
        server.onText((c, text) -> {
            if (text.equals("40")) {
                c.send("40{\"sid\":\"m1\"}"); // "/" at once; "/late" when the test answers
            }
        });
        return server;
    }

    private static SocketIoClient client(ScriptedWsServer server) {
        return SocketIoClient.builder("http://127.0.0.1:" + server.port()).generation(Generation.V3_V4).build();
    }

    @Test
    void aNamespaceLeftBeforeTheServerAnsweredItsConnectIsLeftOnTheServerToo() throws Exception {
        try (ScriptedWsServer server = server(); SocketIoClient client = client(server)) {
            client.socket("/").connect().get(10, TimeUnit.SECONDS); // keeps the connection open
            BlockingQueue<SocketEvent> events = new LinkedBlockingQueue<>();
            SocketIoSocket late = client.socket("/late").on("connect", events::add).on("disconnect", events::add);
            CompletableFuture<SocketIoSocket> joining = late.connect();
            assertThat(server.awaitMessages(2, WAIT)).containsExactly("40", "40/late,");

            late.disconnect(); // nothing to send yet: the server has not joined /late
            // the caller waiting on connect() hears at once, not after the 20 s connect timeout
            assertThatThrownBy(() -> joining.get(1, TimeUnit.SECONDS)).hasCauseInstanceOf(NamespaceDisconnectedException.class)
                    .hasMessageContaining("before the server answered its CONNECT");
            server.openClients().get(0).send("40/late,{\"sid\":\"l1\"}");

            // without this DISCONNECT the server would keep /late joined (its rooms, its events) for nobody
            assertThat(server.awaitMessages(1, WAIT)).containsExactly("41/late,");
            assertThat(late.isConnected()).isFalse();
            assertThat(events).isEmpty(); // it never connected, so no connect and no disconnect to report
            assertThatThrownBy(() -> late.emit("x")).isInstanceOf(NamespaceDisconnectedException.class);
            assertThat(client.state()).isEqualTo(ConnectionState.OPEN); // "/" still wants the connection
        }
    }

    @Test
    void connectAgainBeforeTheAnswerSendsNoSecondConnectAndTheAnswerConnects() throws Exception {
        try (ScriptedWsServer server = server(); SocketIoClient client = client(server)) {
            client.socket("/").connect().get(10, TimeUnit.SECONDS);
            SocketIoSocket late = client.socket("/late");
            late.connect();
            assertThat(server.awaitMessages(2, WAIT)).containsExactly("40", "40/late,");

            late.disconnect();
            CompletableFuture<SocketIoSocket> again = late.connect();
            // a second CONNECT for a namespace it has joined makes a 4.x server close the whole connection
            assertThatThrownBy(() -> server.awaitMessages(1, Duration.ofMillis(500)))
                    .isInstanceOf(TimeoutException.class);

            server.openClients().get(0).send("40/late,{\"sid\":\"l1\"}");
            assertThat(again.get(10, TimeUnit.SECONDS).id()).isEqualTo("l1");
            late.emit("hello");
            assertThat(server.awaitMessages(1, WAIT)).containsExactly("42/late,[\"hello\"]");
            assertThat(server.messages()).containsExactly("40", "40/late,", "42/late,[\"hello\"]");
        }
    }
}
