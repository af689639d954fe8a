package dev.relaykit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * The servers that moved to test-support are still there for testkit users under the testkit's names, with the
 * testkit's types coming back from every factory and fluent call (a user's {@code ScriptedWsServer s =
 * ScriptedWsServer.builder().port(p).start()} compiles and runs as before).
 */
class TestSupportNamesTest {

    @Test
    void scriptedWsServerFactoriesAndFluentCallsReturnTheTestkitType() throws Exception {
        int port = ScriptedWsServer.freePort();
        try (ScriptedWsServer server = ScriptedWsServer.builder().compression(false).subprotocols("v1").port(port)
                .start().onOpen(c -> c.send("hi")).onText((c, t) -> c.send("echo:" + t))) {
            assertThat(server).isInstanceOf(dev.relaykit.testkit.ScriptedWsServer.class);
            assertThat(server.port()).isEqualTo(port);
            assertThat(server.uri().toString()).isEqualTo("ws://127.0.0.1:" + port + "/");
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.getOutputStream().write(("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                ScriptedWsServer.Client client = server.awaitClient(Duration.ofSeconds(5));
                assertThat(client.number()).isEqualTo(1);
                assertThat(server.handshakes()).extracting(ScriptedWsServer.Handshake::path).containsExactly("/");
            }
        }
        try (ScriptedWsServer plain = ScriptedWsServer.start()) {
            assertThat(plain.connectionCount()).isZero();
        }
    }

    @Test
    void theProxiesStartUnderTheTestkitNames() {
        try (HttpProxyServer http = HttpProxyServer.startRequiringCredentials("bot", "s3cret");
             Socks5ProxyServer socks = Socks5ProxyServer.start()) {
            assertThat(http).isInstanceOf(dev.relaykit.testsupport.HttpProxyServer.class);
            assertThat(http.toString()).isEqualTo("HttpProxyServer[" + http.host() + ":" + http.port() + ", auth]");
            assertThat(socks.connects()).isEmpty();
            assertThat(socks.rejectedCredentials()).isZero();
        }
        try (HttpProxyServer open = HttpProxyServer.start();
             Socks5ProxyServer closed = Socks5ProxyServer.startRequiringCredentials("bot", "s3cret")) {
            assertThat(open.requests()).isEmpty();
            assertThat(closed.port()).isPositive();
        }
    }

    @Test
    void loopbackForwards() {
        int port = Loopback.refusedPort();
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(ConnectException.class);
        assertThat(Loopback.causedBy(new CompletionException(new IOException(new ConnectException("refused"))),
                ConnectException.class)).isTrue();
        assertThat(Loopback.causedBy(new IOException("other"), ConnectException.class)).isFalse();
    }
}
