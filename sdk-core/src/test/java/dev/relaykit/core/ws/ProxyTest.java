package dev.relaykit.core.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.relaykit.core.net.HttpClients;
import dev.relaykit.core.net.ProxyConfig;
import dev.relaykit.testsupport.HttpProxyServer;
import dev.relaykit.testsupport.ScriptedWsServer;
import dev.relaykit.testsupport.Socks5ProxyServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link WsSession}s and REST clients through the testkit's HTTP and SOCKS5 proxies, over loopback. */
class ProxyTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private ScriptedWsServer server;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server = ScriptedWsServer.start();
        server.onText((client, text) -> client.send("echo:" + text));
    }

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        server.close();
    }

    private <T extends AutoCloseable> T track(T c) {
        closeables.add(c);
        return c;
    }

    private WsSession session(String url, ProxyConfig proxy, Recorder rec) {
        return track(WsSession.builder(url).name("proxied").proxy(proxy).reconnect(ReconnectPolicy.none())
                .listener(rec).build());
    }

    private static void assertEchoes(WsSession s, Recorder rec) throws Exception {
        s.send("hello").get(5, TimeUnit.SECONDS);
        rec.awaitTexts(1, WAIT);
        assertThat(rec.texts).containsExactly("echo:hello");
    }

    private static SessionError failsToConnect(WsSession s, Recorder rec) throws Exception {
        assertThatThrownBy(() -> s.connect().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        rec.awaitState(ConnectionState.FAILED, 1, WAIT);
        assertThat(rec.count(ConnectionState.OPEN)).isZero();
        return rec.awaitError(SessionError.Kind.TRANSPORT, WAIT);
    }

    // ------------------------------------------------------------------ HTTP proxy

    @Test
    void wsThroughAnHttpProxyWithCredentialsExchangesMessagesAndTheProxySawTheAuthenticatedUpgrade()
            throws Exception {
        HttpProxyServer proxy = track(HttpProxyServer.startRequiringCredentials("bot", "s3cret"));
        Recorder rec = new Recorder();
        WsSession s = session(server.uri().toString(),
                ProxyConfig.http(proxy.host(), proxy.port()).withCredentials("bot", "s3cret"), rec);
        s.connect().get(10, TimeUnit.SECONDS);
        assertEchoes(s, rec);

        String target = "http://127.0.0.1:" + server.port() + "/";
        List<HttpProxyServer.Request> requests = proxy.requests();
        // OkHttp sends ws:// to an HTTP proxy as an absolute-form GET, first without credentials
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).credentialsPresented()).isFalse();
        assertThat(requests.get(0).accepted()).isFalse();
        HttpProxyServer.Request authed = requests.get(1);
        assertThat(authed.method()).isEqualTo("GET");
        assertThat(authed.target()).isEqualTo(target);
        assertThat(authed.credentialsPresented()).isTrue();
        assertThat(authed.accepted()).isTrue();
        assertThat(authed.headers()).containsEntry("upgrade", "websocket");
        // the proxy credential stops at the proxy
        assertThat(server.handshakes()).hasSize(1);
        assertThat(server.handshakes().get(0).headers()).doesNotContainKey("proxy-authorization");
    }

    @Test
    void wrongHttpProxyCredentialsFailTheHandshakeWith407AfterExactlyOneRetry() throws Exception {
        HttpProxyServer proxy = track(HttpProxyServer.startRequiringCredentials("bot", "s3cret"));
        Recorder rec = new Recorder();
        WsSession s = session(server.uri().toString(),
                ProxyConfig.http(proxy.host(), proxy.port()).withCredentials("bot", "wrong-password"), rec);
        SessionError e = failsToConnect(s, rec);

        assertThat(e.message()).contains("handshake failed").contains("407").doesNotContain("wrong-password");
        assertThat(server.connectionCount()).isZero();
        // one challenge, one attempt with the (wrong) credentials, then it gives up instead of looping
        List<HttpProxyServer.Request> requests = proxy.requests();
        assertThat(requests).extracting(HttpProxyServer.Request::credentialsPresented).containsExactly(false, true);
        assertThat(requests).noneMatch(HttpProxyServer.Request::accepted);
    }

    @Test
    void restClientConfiguredWithAnHttpProxyForwardsPlainRequestsAndClosingTheProxyEndsItsThreads()
            throws Exception {
        HttpServer origin = startOrigin();
        try {
            HttpProxyServer proxy = HttpProxyServer.startRequiringCredentials("bot", "s3cret");
            OkHttpClient client = HttpClients.configure(HttpClients.shared(),
                    ProxyConfig.http(proxy.host(), proxy.port()).withCredentials("bot", "s3cret"), null);
            String url = "http://127.0.0.1:" + origin.getAddress().getPort() + "/time?x=1";
            try (Response r = client.newCall(new Request.Builder().url(url).build()).execute()) {
                assertThat(r.code()).isEqualTo(200);
                assertThat(r.body().string()).isEqualTo("path=/time?x=1");
            }
            assertThat(proxy.requests()).last().satisfies(req -> {
                assertThat(req.target()).isEqualTo(url);
                assertThat(req.accepted()).isTrue();
            });
            client.connectionPool().evictAll();
            proxy.close();
            Recorder.await(() -> Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.isAlive() && t.getName().startsWith("testkit-http-proxy-" + proxy.port())),
                    WAIT, "proxy threads to end");
        } finally {
            origin.stop(0);
        }
    }

    // ------------------------------------------------------------------ SOCKS5 proxy

    @Test
    void wsThroughSocks5WithCredentialsWorksAndSendsHostNamesForTheProxyToResolve() throws Exception {
        Socks5ProxyServer proxy = track(Socks5ProxyServer.startRequiringCredentials("bot", "s3cret"));
        Recorder rec = new Recorder();
        WsSession s = session("ws://localhost:" + server.port() + "/",
                ProxyConfig.socks5(proxy.host(), proxy.port()).withCredentials("bot", "s3cret"), rec);
        s.connect().get(10, TimeUnit.SECONDS);
        assertEchoes(s, rec);

        assertThat(proxy.connects()).containsExactly(new Socks5ProxyServer.Connect(
                "localhost", server.port(), Socks5ProxyServer.AddressType.DOMAIN, "bot", 0));
        assertThat(proxy.rejectedCredentials()).isZero();
    }

    @Test
    void socks5SendsIpLiteralsAsAddresses() throws Exception {
        Socks5ProxyServer proxy = track(Socks5ProxyServer.start());
        Recorder rec = new Recorder();
        WsSession s = session(server.uri().toString(), ProxyConfig.socks5(proxy.host(), proxy.port()), rec);
        s.connect().get(10, TimeUnit.SECONDS);
        assertEchoes(s, rec);
        assertThat(proxy.connects()).containsExactly(new Socks5ProxyServer.Connect(
                "127.0.0.1", server.port(), Socks5ProxyServer.AddressType.IPV4, null, 0));
    }

    @Test
    void wrongSocks5CredentialsGiveAClearErrorWithoutThePassword() throws Exception {
        Socks5ProxyServer proxy = track(Socks5ProxyServer.startRequiringCredentials("bot", "s3cret"));
        Recorder rec = new Recorder();
        WsSession s = session(server.uri().toString(),
                ProxyConfig.socks5(proxy.host(), proxy.port()).withCredentials("bot", "wrong-password"), rec);
        SessionError e = failsToConnect(s, rec);

        assertThat(e.message())
                .contains("SOCKS5 proxy " + proxy.host() + ":" + proxy.port() + " rejected the credentials")
                .doesNotContain("wrong-password");
        assertThat(proxy.rejectedCredentials()).isEqualTo(1);
        assertThat(proxy.connects()).isEmpty();
        assertThat(server.connectionCount()).isZero();
    }

    @Test
    void socks5WithoutCredentialsWhereTheyAreRequiredSaysSo() throws Exception {
        Socks5ProxyServer proxy = track(Socks5ProxyServer.startRequiringCredentials("bot", "s3cret"));
        Recorder rec = new Recorder();
        WsSession s = session(server.uri().toString(), ProxyConfig.socks5(proxy.host(), proxy.port()), rec);
        assertThat(failsToConnect(s, rec).message()).contains("requires a user name and password");
    }

    @Test
    void socks5RefusedConnectNamesTheTargetAndTheReply() throws Exception {
        Socks5ProxyServer proxy = track(Socks5ProxyServer.start());
        int closedPort = ScriptedWsServer.freePort();
        Recorder rec = new Recorder();
        WsSession s = session("ws://127.0.0.1:" + closedPort + "/", ProxyConfig.socks5(proxy.host(), proxy.port()),
                rec);
        assertThat(failsToConnect(s, rec).message()).contains(
                "SOCKS5 proxy refused CONNECT to 127.0.0.1:" + closedPort + ": connection refused (reply 5)");
    }

    @Test
    void restClientConfiguredWithSocks5ReachesTheOrigin() throws Exception {
        HttpServer origin = startOrigin();
        try {
            Socks5ProxyServer proxy = track(Socks5ProxyServer.startRequiringCredentials("bot", "s3cret"));
            OkHttpClient client = HttpClients.configure(HttpClients.shared(),
                    ProxyConfig.socks5(proxy.host(), proxy.port()).withCredentials("bot", "s3cret"), null);
            String url = "http://localhost:" + origin.getAddress().getPort() + "/ping";
            try (Response r = client.newCall(new Request.Builder().url(url).build()).execute()) {
                assertThat(r.body().string()).isEqualTo("path=/ping");
            }
            assertThat(proxy.connects()).singleElement().satisfies(c -> {
                assertThat(c.host()).isEqualTo("localhost");
                assertThat(c.addressType()).isEqualTo(Socks5ProxyServer.AddressType.DOMAIN);
            });
            client.connectionPool().evictAll();
        } finally {
            origin.stop(0);
        }
    }

    /** A plain HTTP origin (the JDK's server) that answers with the path and query it received. */
    private static HttpServer startOrigin() throws Exception {
        HttpServer origin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        origin.createContext("/", exchange -> {
            byte[] body = ("path=" + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        origin.start();
        return origin;
    }
}
