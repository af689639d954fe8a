package dev.relaykit.core.ws;

import dev.relaykit.testsupport.Loopback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.core.TransportException;
import dev.relaykit.testsupport.ScriptedWsServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link WsSession}'s failover over several endpoints, per-connect credentials and TCP keep-alive,
 * against the scripted server over loopback.
 */
class WsSessionFailoverTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ReconnectPolicy FAST = ReconnectPolicy.exponential(Duration.ofMillis(50), Duration.ofMillis(100)).withUnlimitedAttempts();

    private ScriptedWsServer server;
    private final List<WsSession> sessions = new ArrayList<>();
    private final List<AutoCloseable> extra = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server = ScriptedWsServer.start();
    }

    @AfterEach
    void stopAll() throws Exception {
        sessions.forEach(WsSession::close);
        server.close();
        for (AutoCloseable c : extra) {
            c.close();
        }
    }

    private WsSession track(WsSession s) {
        sessions.add(s);
        return s;
    }

    private static String endpointOf(int port) {
        return "ws://127.0.0.1:" + port;
    }

    @Test
    void aDeadFirstEndpointIsSkippedAndTheSessionConnectsToTheSecondAndSaysSo() throws Exception {
        int dead = Loopback.refusedPort();
        Recorder rec = new Recorder();
        WsSession s = track(WsSession.builder(List.of("ws://127.0.0.1:" + dead + "/ws", server.uri().toString()))
                .name("failover").listener(rec).build());
        assertThat(s.currentEndpoint()).isEqualTo(endpointOf(dead));

        s.connect().get(10, TimeUnit.SECONDS); // the first endpoint's refusal does not fail connect()
        server.awaitClient(WAIT);

        assertThat(s.currentEndpoint()).isEqualTo(endpointOf(server.port()));
        assertThat(s.toString()).contains(endpointOf(server.port()));
        rec.awaitState(ConnectionState.OPEN, 1, WAIT);
        List<StateChange> states = List.copyOf(rec.states);
        // CONNECTING on the dead one, CONNECTING on the live one (caused by the refusal), OPEN on the live one
        assertThat(states).extracting(StateChange::to, StateChange::endpoint).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ConnectionState.CONNECTING, endpointOf(dead)),
                org.assertj.core.groups.Tuple.tuple(ConnectionState.CONNECTING, endpointOf(server.port())),
                org.assertj.core.groups.Tuple.tuple(ConnectionState.OPEN, endpointOf(server.port())));
        assertThat(states.get(1).cause()).hasRootCauseInstanceOf(ConnectException.class);
    }

    @Test
    void connectFailsOnlyWhenEveryEndpointFailedOnceAndNamesHowMany() throws Exception {
        int dead1 = Loopback.refusedPort();
        int dead2 = Loopback.refusedPort();
        Recorder rec = new Recorder();
        WsSession s = track(WsSession.builder(List.of("ws://127.0.0.1:" + dead1 + "/ws", "ws://127.0.0.1:" + dead2 + "/ws"))
                .name("alldead").listener(rec).build());

        assertThatThrownBy(() -> s.connect().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(TransportException.class)
                .hasMessageContaining("any of its 2 endpoints")
                .hasMessageContaining(endpointOf(dead2))
                .hasRootCauseInstanceOf(ConnectException.class);
        rec.awaitState(ConnectionState.FAILED, 1, WAIT);
        assertThat(rec.states).filteredOn(c -> c.to() == ConnectionState.CONNECTING)
                .extracting(StateChange::endpoint).containsExactly(endpointOf(dead1), endpointOf(dead2));
        assertThat(s.state()).isEqualTo(ConnectionState.FAILED);
    }

    @Test
    void aReconnectThatFailsOnTheFirstEndpointMovesOnToTheSecond() throws Exception {
        ScriptedWsServer second = ScriptedWsServer.start();
        extra.add(second);
        Recorder rec = new Recorder();
        WsSession s = track(WsSession.builder(List.of(server.uri().toString(), second.uri().toString()))
                .name("moveon").reconnect(FAST).listener(rec).build());
        s.connect().get(10, TimeUnit.SECONDS);
        server.awaitClient(WAIT);
        assertThat(s.currentEndpoint()).isEqualTo(endpointOf(server.port()));

        server.close(); // the first endpoint goes away for good: the retry there is refused, the next attempt goes on

        second.awaitClient(WAIT);
        rec.awaitState(ConnectionState.OPEN, 2, WAIT);
        assertThat(s.currentEndpoint()).isEqualTo(endpointOf(second.port()));
        assertThat(rec.states).filteredOn(c -> c.to() == ConnectionState.OPEN).last()
                .satisfies(c -> {
                    assertThat(c.endpoint()).isEqualTo(endpointOf(second.port()));
                    assertThat(c.isReconnect()).isTrue();
                });
    }

    @Test
    void anEndpointSupplierIsAskedBeforeEveryAttempt() throws Exception {
        int dead = Loopback.refusedPort();
        AtomicInteger asked = new AtomicInteger();
        Iterator<String> rotation = List.of("ws://127.0.0.1:" + dead + "/ws", server.uri().toString()).iterator();
        WsSession s = track(WsSession.builder(() -> {
                    asked.incrementAndGet();
                    return rotation.next();
                })
                .name("supplied").reconnect(FAST).retryInitialConnect(true).build());
        assertThat(s.currentEndpoint()).isEqualTo("(supplied endpoint)");

        s.connect().get(10, TimeUnit.SECONDS);
        assertThat(asked).hasValue(2);
        assertThat(s.currentEndpoint()).isEqualTo(endpointOf(server.port()));
    }

    @Test
    void headersAndQueryParametersFromSuppliersAreFreshOnEveryReconnect() throws Exception {
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger queried = new AtomicInteger();
        WsSession s = track(WsSession.builder(server.uri().toString())
                .name("token").reconnect(FAST)
                .headers(() -> Map.of("Authorization", "Bearer tok-" + issued.incrementAndGet()))
                .queryParams(() -> Map.of("token", "q-" + queried.incrementAndGet()))
                .build());
        s.connect().get(10, TimeUnit.SECONDS);
        server.awaitClient(WAIT).drop();

        Recorder.await(() -> server.handshakes().size() >= 2 && s.state() == ConnectionState.OPEN, WAIT,
                "a second handshake, saw " + server.handshakes().size());
        List<ScriptedWsServer.Handshake> hs = server.handshakes();
        assertThat(hs.get(0).headers()).containsEntry("authorization", "Bearer tok-1");
        assertThat(hs.get(0).path()).endsWith("token=q-1");
        assertThat(hs.get(1).headers()).containsEntry("authorization", "Bearer tok-2");
        assertThat(hs.get(1).path()).endsWith("token=q-2");
        assertThat(issued).hasValue(2);
        assertThat(queried).hasValue(2);
    }

    @Test
    void credentialValuesNeverShowInToStringStateChangesErrorsOrTheConnectFailure() throws Exception {
        String headerSecret = "hdr-sekrit-7f3a";
        String querySecret = "qry-sekrit-91bc";
        // the server refuses the handshakes: every failure message is produced while the secrets are in use
        server.refuseConnectionsFor(Duration.ofMinutes(1));
        int dead = Loopback.refusedPort();
        Recorder rec = new Recorder();
        WsSession s = track(WsSession.builder(List.of("ws://127.0.0.1:" + dead + "/ws?static=" + querySecret,
                        server.uri().toString()))
                .name("secrets").listener(rec)
                .header("X-Api-Key", headerSecret)
                .headers(() -> Map.of("Authorization", "Bearer " + headerSecret))
                .queryParams(() -> Map.of("token", querySecret))
                .build());
        Throwable failure = null;
        try {
            s.connect().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            failure = e.getCause();
        }
        assertThat(failure).isInstanceOf(TransportException.class);
        rec.awaitState(ConnectionState.FAILED, 1, WAIT);
        assertThat(server.handshakes()).isEmpty();

        List<String> texts = new ArrayList<>();
        texts.add(s.toString());
        texts.add(s.currentEndpoint());
        texts.add(stackTrace(failure));
        rec.states.forEach(c -> texts.add(c.toString() + (c.cause() == null ? "" : stackTrace(c.cause()))));
        rec.errors.forEach(e -> texts.add(e.toString() + e.message()));
        assertThat(rec.errors).isNotEmpty();
        assertThat(texts).allSatisfy(t -> assertThat(t).doesNotContain(headerSecret).doesNotContain(querySecret));
    }

    @Test
    void aHeaderValueOkHttpRejectsFailsTheAttemptWithoutQuotingTheValue() throws Exception {
        String secret = "sekrit-token-5512";
        Recorder rec = new Recorder();
        WsSession s = track(WsSession.builder(server.uri().toString()).name("badheader").listener(rec)
                .headers(() -> Map.of("X-Token", secret + "\n")) // OkHttp's own message would quote it
                .build());
        assertThatThrownBy(() -> s.connect().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(TransportException.class)
                .hasMessageContaining("X-Token")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain(secret));
        rec.awaitState(ConnectionState.FAILED, 1, WAIT);
        assertThat(rec.errors).allSatisfy(e -> assertThat(e.message()).doesNotContain(secret));
        assertThat(server.handshakes()).isEmpty();
    }

    @Test
    void socketsHaveTcpKeepAliveOnByDefault() throws Exception {
        CapturingSocketFactory sockets = new CapturingSocketFactory();
        WsSession s = track(WsSession.builder(server.uri().toString()).name("keepalive")
                .customize(b -> b.socketFactory(sockets)).build());
        s.connect().get(10, TimeUnit.SECONDS);
        server.awaitClient(WAIT);
        assertThat(sockets.created).isNotEmpty();
        for (Socket socket : sockets.created) {
            assertThat(socket.getKeepAlive()).as("SO_KEEPALIVE on " + socket).isTrue();
        }

        CapturingSocketFactory plain = new CapturingSocketFactory();
        WsSession off = track(WsSession.builder(server.uri().toString()).name("nokeepalive").tcpKeepAlive(false)
                .customize(b -> b.socketFactory(plain)).build());
        off.connect().get(10, TimeUnit.SECONDS);
        assertThat(plain.created).isNotEmpty();
        assertThat(plain.created.get(0).getKeepAlive()).isFalse();
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    /** The default factory, remembering every socket it made. */
    private static final class CapturingSocketFactory extends SocketFactory {
        final List<Socket> created = new CopyOnWriteArrayList<>();

        private Socket keep(Socket s) {
            created.add(s);
            return s;
        }

        @Override
        public Socket createSocket() throws IOException {
            return keep(SocketFactory.getDefault().createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return keep(SocketFactory.getDefault().createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return keep(SocketFactory.getDefault().createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return keep(SocketFactory.getDefault().createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return keep(SocketFactory.getDefault().createSocket(address, port, localAddress, localPort));
        }
    }
}
