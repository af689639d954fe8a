package dev.relaykit.core.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.core.net.ProxyConfig;
import dev.relaykit.core.net.TlsConfig;
import dev.relaykit.testsupport.HttpProxyServer;
import dev.relaykit.testsupport.ScriptedWsServer;
import dev.relaykit.testsupport.Socks5ProxyServer;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.CertificatePinner;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wss://} sessions against a {@link ScriptedWsServer} whose certificate comes from a private
 * CA made for the test: default trust, a trusted PEM CA, mutual TLS (PEM and PKCS#12), pinning, and
 * TLS through proxies.
 */
class TlsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final char[] P12_PASSWORD = "p12-pass".toCharArray();

    private static HeldCertificate ca;
    private static HeldCertificate serverCertificate;
    private static HeldCertificate clientCertificate;
    @TempDir
    static Path dir;
    private static Path caPem;
    private static Path clientCertPem;
    private static Path clientKeyPem;
    private static Path clientP12;

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeAll
    static void makeCertificates() throws Exception {
        ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("RelayKit Test CA").build();
        serverCertificate = new HeldCertificate.Builder().signedBy(ca).commonName("127.0.0.1")
                .addSubjectAlternativeName("127.0.0.1").addSubjectAlternativeName("localhost").build();
        clientCertificate = new HeldCertificate.Builder().signedBy(ca).commonName("bot-client").build(); // EC key

        caPem = Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());
        clientCertPem = Files.writeString(dir.resolve("client.crt"), clientCertificate.certificatePem());
        clientKeyPem = Files.writeString(dir.resolve("client.key"), clientCertificate.privateKeyPkcs8Pem());
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        p12.load(null, null);
        p12.setKeyEntry("client", clientCertificate.keyPair().getPrivate(), P12_PASSWORD,
                new Certificate[] {clientCertificate.certificate(), ca.certificate()});
        clientP12 = dir.resolve("client.p12");
        try (OutputStream out = Files.newOutputStream(clientP12)) {
            p12.store(out, P12_PASSWORD);
        }
    }

    @AfterEach
    void stopAll() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    private <T extends AutoCloseable> T track(T c) {
        closeables.add(c);
        return c;
    }

    private ScriptedWsServer tlsServer(boolean requireClientCertificate) {
        HandshakeCertificates serverTls = new HandshakeCertificates.Builder()
                .heldCertificate(serverCertificate, ca.certificate())
                .addTrustedCertificate(ca.certificate()) // to verify client certificates
                .build();
        ScriptedWsServer server = track(ScriptedWsServer.builder()
                .tls(serverTls.sslContext(), requireClientCertificate).start());
        server.onText((client, text) -> client.send("echo:" + text));
        return server;
    }

    private WsSession.Builder session(ScriptedWsServer server, Recorder rec) {
        return WsSession.builder(server.uri().toString()).name("tls").reconnect(ReconnectPolicy.none())
                .listener(rec);
    }

    private static TlsConfig trustingTheTestCa() {
        return TlsConfig.defaults().trustPemCertificates(caPem);
    }

    private void connectsAndEchoes(WsSession s, Recorder rec) throws Exception {
        track(s);
        s.connect().get(10, TimeUnit.SECONDS);
        s.send("hello").get(5, TimeUnit.SECONDS);
        rec.awaitTexts(1, WAIT);
        assertThat(rec.texts).containsExactly("echo:hello");
    }

    private SessionError failsToConnect(WsSession s, Recorder rec) throws Exception {
        track(s);
        assertThatThrownBy(() -> s.connect().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        rec.awaitState(ConnectionState.FAILED, 1, WAIT);
        assertThat(rec.count(ConnectionState.OPEN)).isZero();
        return rec.awaitError(SessionError.Kind.TRANSPORT, WAIT);
    }

    @Test
    void defaultTrustRejectsAServerFromAPrivateCa() throws Exception {
        ScriptedWsServer server = tlsServer(false);
        Recorder rec = new Recorder();
        SessionError e = failsToConnect(session(server, rec).build(), rec);
        assertThat(e.message()).containsIgnoringCase("certification path");
        assertThat(e.message()).contains("PKIX");
        assertThat(server.connectionCount()).isZero();
    }

    @Test
    void trustingTheCaFromAPemFileConnects() throws Exception {
        ScriptedWsServer server = tlsServer(false);
        Recorder rec = new Recorder();
        connectsAndEchoes(session(server, rec).tls(trustingTheTestCa()).build(), rec);
    }

    @Test
    void addingTheCaToTheSystemTrustAlsoConnects() throws Exception {
        ScriptedWsServer server = tlsServer(false);
        Recorder rec = new Recorder();
        connectsAndEchoes(session(server, rec)
                .tls(TlsConfig.defaults().alsoTrustPemCertificates(ca.certificatePem())).build(), rec);
    }

    @Test
    void serverRequiringAClientCertificateRefusesAClientWithoutOne() throws Exception {
        ScriptedWsServer server = tlsServer(true);
        Recorder rec = new Recorder();
        failsToConnect(session(server, rec).tls(trustingTheTestCa()).build(), rec);
        assertThat(server.connectionCount()).isZero();
    }

    @Test
    void serverRequiringAClientCertificateAcceptsOneFromPemFiles() throws Exception {
        ScriptedWsServer server = tlsServer(true);
        Recorder rec = new Recorder();
        connectsAndEchoes(session(server, rec)
                .tls(trustingTheTestCa().clientCertificatePem(clientCertPem, clientKeyPem)).build(), rec);
        assertThat(server.connectionCount()).isEqualTo(1);
    }

    @Test
    void serverRequiringAClientCertificateAcceptsOneFromAPkcs12File() throws Exception {
        ScriptedWsServer server = tlsServer(true);
        Recorder rec = new Recorder();
        connectsAndEchoes(session(server, rec)
                .tls(trustingTheTestCa().clientCertificatePkcs12(clientP12, P12_PASSWORD)).build(), rec);
    }

    @Test
    void aMatchingPinConnectsAndAWrongPinFails() throws Exception {
        ScriptedWsServer server = tlsServer(false);
        Recorder ok = new Recorder();
        connectsAndEchoes(session(server, ok)
                .tls(trustingTheTestCa().pin("127.0.0.1", CertificatePinner.pin(serverCertificate.certificate())))
                .build(), ok);

        HeldCertificate other = new HeldCertificate.Builder().commonName("someone else").build();
        Recorder wrong = new Recorder();
        SessionError e = failsToConnect(session(server, wrong)
                .tls(trustingTheTestCa().pin("127.0.0.1", CertificatePinner.pin(other.certificate()))).build(), wrong);
        assertThat(e.message()).contains("Certificate pinning failure");
        assertThat(server.connectionCount()).isEqualTo(1); // only the pinned-right session got through
    }

    @Test
    void wssThroughAnHttpProxyTunnelsWithConnect() throws Exception {
        ScriptedWsServer server = tlsServer(true);
        HttpProxyServer proxy = track(HttpProxyServer.startRequiringCredentials("bot", "s3cret"));
        Recorder rec = new Recorder();
        connectsAndEchoes(session(server, rec)
                .proxy(ProxyConfig.http(proxy.host(), proxy.port()).withCredentials("bot", "s3cret"))
                .tls(trustingTheTestCa().clientCertificatePem(clientCertPem, clientKeyPem))
                .build(), rec);
        // OkHttp offers the credentials up front on CONNECT
        assertThat(proxy.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("CONNECT");
            assertThat(r.target()).isEqualTo("127.0.0.1:" + server.port());
            assertThat(r.credentialsPresented()).isTrue();
            assertThat(r.accepted()).isTrue();
        });
    }

    @Test
    void wssThroughSocks5VerifiesTheServerByItsHostName() throws Exception {
        ScriptedWsServer server = tlsServer(false);
        Socks5ProxyServer proxy = track(Socks5ProxyServer.startRequiringCredentials("bot", "s3cret"));
        Recorder rec = new Recorder();
        connectsAndEchoes(WsSession.builder("wss://localhost:" + server.port() + "/").name("tls-socks")
                .reconnect(ReconnectPolicy.none()).listener(rec)
                .proxy(ProxyConfig.socks5(proxy.host(), proxy.port()).withCredentials("bot", "s3cret"))
                .tls(trustingTheTestCa())
                .build(), rec);
        assertThat(proxy.connects()).singleElement()
                .satisfies(c -> assertThat(c.addressType()).isEqualTo(Socks5ProxyServer.AddressType.DOMAIN));
    }
}
