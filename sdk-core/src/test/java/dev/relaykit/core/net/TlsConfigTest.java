package dev.relaykit.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsConfigTest {
    private static final HeldCertificate CA =
            new HeldCertificate.Builder().certificateAuthority(0).commonName("Test CA").build();

    @TempDir
    Path dir;

    @Test
    void defaultsLeaveTheClientAlone() {
        OkHttpClient base = new OkHttpClient();
        OkHttpClient derived = TlsConfig.defaults().applyTo(base.newBuilder()).build();
        assertThat(derived.sslSocketFactory()).isSameAs(base.sslSocketFactory());
        assertThat(derived.certificatePinner()).isEqualTo(base.certificatePinner());
    }

    @Test
    void clientsDerivedFromOneConfigurationShareItsSocketFactoryAndPins() {
        TlsConfig tls = TlsConfig.defaults().trustPemCertificates(CA.certificatePem())
                .pin("api.example.com", "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        OkHttpClient base = new OkHttpClient();
        OkHttpClient one = tls.applyTo(base.newBuilder()).build();
        OkHttpClient two = tls.applyTo(base.newBuilder()).build();
        // OkHttp pools a connection only for the same socket factory instance
        assertThat(one.sslSocketFactory()).isSameAs(two.sslSocketFactory()).isNotSameAs(base.sslSocketFactory());
        assertThat(one.x509TrustManager()).isSameAs(two.x509TrustManager());
        assertThat(one.certificatePinner()).isEqualTo(two.certificatePinner());
    }

    @Test
    void trustPemCertificatesReplacesTheSystemTrustAndAlsoTrustAddsToIt() {
        X509Certificate[] system = new OkHttpClient().x509TrustManager().getAcceptedIssuers();
        assertThat(system).isNotEmpty();

        X509TrustManager only = trustManager(TlsConfig.defaults().trustPemCertificates(CA.certificatePem()));
        assertThat(only.getAcceptedIssuers()).containsExactly(CA.certificate());

        X509TrustManager both = trustManager(TlsConfig.defaults().alsoTrustPemCertificates(CA.certificatePem()));
        assertThat(both.getAcceptedIssuers()).hasSize(system.length + 1).contains(CA.certificate());
    }

    @Test
    void badPemFilesAreReportedWithTheirNameAndProblem() throws Exception {
        Path notPem = Files.writeString(dir.resolve("ca-bundle.pem"), "hello, I am not a certificate\n");
        assertThatThrownBy(() -> TlsConfig.defaults().trustPemCertificates(notPem))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(notPem.toString())
                .hasMessageContaining("no PEM certificate found");

        Path corrupt = Files.writeString(dir.resolve("corrupt.pem"),
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> TlsConfig.defaults().trustPemCertificates(corrupt))
                .hasMessageContaining(corrupt.toString())
                .hasMessageContaining("certificate 1 is malformed");

        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> TlsConfig.defaults().trustPemCertificates(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void privateKeysThatAreNotPkcs8AreExplained() throws Exception {
        HeldCertificate client = new HeldCertificate.Builder().signedBy(CA).rsa2048().build();
        Path cert = Files.writeString(dir.resolve("client.crt"), client.certificatePem());
        Path pkcs1 = Files.writeString(dir.resolve("client-rsa.key"),
                client.privateKeyPkcs1Pem());
        assertThatThrownBy(() -> TlsConfig.defaults().clientCertificatePem(cert, pkcs1))
                .hasMessageContaining(pkcs1.toString())
                .hasMessageContaining("PKCS#1 RSA key")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");

        Path pkcs8 = Files.writeString(dir.resolve("client.key"), client.privateKeyPkcs8Pem());
        TlsConfig ok = TlsConfig.defaults().clientCertificatePem(cert, pkcs8); // RSA parses
        assertThat(ok.toString()).contains("CN=").doesNotContain("PRIVATE");
    }

    @Test
    void wrongPkcs12PasswordIsReportedWithTheFileName() throws Exception {
        HeldCertificate client = new HeldCertificate.Builder().signedBy(CA).build();
        Path p12 = dir.resolve("client.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("c", client.keyPair().getPrivate(), "right".toCharArray(),
                new Certificate[] {client.certificate()});
        try (OutputStream out = Files.newOutputStream(p12)) {
            store.store(out, "right".toCharArray());
        }
        assertThatThrownBy(() -> TlsConfig.defaults().clientCertificatePkcs12(p12, "wrong".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(p12.toString())
                .hasMessageContaining("wrong password");
        assertThat(TlsConfig.defaults().clientCertificatePkcs12(p12, "right".toCharArray()).toString())
                .contains("clientCertificate=");
    }

    @Test
    void malformedPinsFailWhenConfigured() {
        assertThatThrownBy(() -> TlsConfig.defaults().pin("example.com", "md5/abc"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TlsConfig.defaults().pin("example.com"))
                .hasMessageContaining("at least one pin");
    }

    @Test
    void restClientWithMutualTlsReachesAServerThatDemandsIt() throws Exception {
        HeldCertificate serverCert = new HeldCertificate.Builder().signedBy(CA)
                .addSubjectAlternativeName("localhost").build();
        HeldCertificate client = new HeldCertificate.Builder().signedBy(CA).commonName("rest-bot").build();
        HandshakeCertificates serverTls = new HandshakeCertificates.Builder()
                .heldCertificate(serverCert, CA.certificate()).addTrustedCertificate(CA.certificate()).build();
        try (MockWebServer server = new MockWebServer()) {
            server.useHttps(serverTls.sslSocketFactory(), false);
            server.requireClientAuth();
            server.enqueue(new MockResponse().setBody("ok"));
            server.enqueue(new MockResponse().setBody("ok"));
            server.start();
            Request request = new Request.Builder().url(server.url("/api")).build();

            OkHttpClient noCert = HttpClients.configure(HttpClients.shared(), null,
                    TlsConfig.defaults().trustPemCertificates(CA.certificatePem()));
            assertThatThrownBy(() -> noCert.newCall(request).execute().close())
                    .isInstanceOf(java.io.IOException.class);

            OkHttpClient withCert = HttpClients.configure(HttpClients.shared(), null,
                    TlsConfig.defaults().trustPemCertificates(CA.certificatePem())
                            .clientCertificatePem(client.certificatePem(), client.privateKeyPkcs8Pem()));
            try (Response r = withCert.newCall(request).execute()) {
                assertThat(r.body().string()).isEqualTo("ok");
            }
            RecordedRequest recorded = server.takeRequest();
            assertThat(recorded.getHandshake().peerPrincipal().getName()).isEqualTo("CN=rest-bot");

            OkHttpClient systemTrust = HttpClients.configure(HttpClients.shared(), null, TlsConfig.defaults());
            assertThatThrownBy(() -> systemTrust.newCall(request).execute().close())
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    private static X509TrustManager trustManager(TlsConfig tls) {
        return tls.applyTo(new OkHttpClient.Builder()).build().x509TrustManager();
    }
}
