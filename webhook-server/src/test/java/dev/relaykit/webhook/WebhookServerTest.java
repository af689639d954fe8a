package dev.relaykit.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.core.secret.Secret;
import dev.relaykit.testkit.WhatsAppWebhookSender;
import dev.relaykit.testkit.WhatsAppWebhookSender.Payload;
import dev.relaykit.whatsapp.webhook.WebhookError;
import dev.relaykit.whatsapp.webhook.WebhookHandler;
import dev.relaykit.whatsapp.webhook.event.MessageContent;
import dev.relaykit.whatsapp.webhook.event.MessageEvent;
import dev.relaykit.whatsapp.webhook.event.WebhookEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server over real HTTP(S) on 127.0.0.1, serving the real WhatsApp receiver, driven by testkit's webhook sender. */
class WebhookServerTest {
    static final Secret SECRET = Secret.of("test-app-secret");

    final BlockingQueue<WebhookEvent> delivered = new LinkedBlockingQueue<>();
    final List<WebhookError> errors = new CopyOnWriteArrayList<>();
    final List<AutoCloseable> toClose = new ArrayList<>();
    final OkHttpClient http = new OkHttpClient();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    WebhookHandler handler(int maxBodyBytes) {
        return WebhookHandler.builder().appSecret(SECRET).verifyToken(Secret.of("vt"))
                .listener(delivered::add).onError(errors::add).maxBodyBytes(maxBodyBytes).build();
    }

    WebhookServer start(WebhookServer.Builder b) {
        WebhookServer s = b.host("127.0.0.1").port(0).start();
        toClose.add(s);
        return s;
    }

    WhatsAppWebhookSender sender(WebhookServer server) {
        WhatsAppWebhookSender s = new WhatsAppWebhookSender(server.uri().toString(), SECRET);
        toClose.add(s);
        return s;
    }

    MessageEvent next() throws InterruptedException {
        WebhookEvent e = delivered.poll(10, TimeUnit.SECONDS);
        assertThat(e).as("an event within 10 s").isNotNull();
        return (MessageEvent) e;
    }

    @Test
    void acceptsAGoodDeliveryAndDeliversEachMessageOnceWhenPostedTwice() throws Exception {
        WebhookServer server = start(WebhookServer.builder().route("/webhook", handler(WebhookHandler.DEFAULT_MAX_BODY_BYTES)));
        WhatsAppWebhookSender meta = sender(server);
        assertThat(server.port()).isPositive();
        assertThat(server.uri().toString()).isEqualTo("http://127.0.0.1:" + server.port() + "/webhook");

        Payload first = Payload.text("491701234567", "hello bot").messageId("wamid.first");
        try (Response r = http.newCall(new Request.Builder().url(server.uri().toString())
                .header("X-Hub-Signature-256", WhatsAppWebhookSender.signatureHeader(
                        first.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8), SECRET))
                .post(RequestBody.create(first.toJson(), MediaType.get("application/json"))).build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.body().string()).isEmpty();
        }
        assertThat(meta.send(first)).isEqualTo(200);
        assertThat(meta.send(Payload.text("491701234567", "again").messageId("wamid.second"))).isEqualTo(200);

        // same sender, so delivery is in order: a duplicate would have arrived before the second message
        MessageEvent one = next();
        MessageEvent two = next();
        assertThat(one.id()).isEqualTo("wamid.first");
        assertThat(((MessageContent.Text) one.content()).body()).isEqualTo("hello bot");
        assertThat(one.from()).isEqualTo("491701234567");
        assertThat(two.id()).isEqualTo("wamid.second");
        assertThat(delivered).isEmpty();
    }

    @Test
    void refusesForgedUnsignedAndMalformedSignaturesWith401() {
        WebhookServer server = start(WebhookServer.builder().route("/webhook", handler(WebhookHandler.DEFAULT_MAX_BODY_BYTES)));
        WhatsAppWebhookSender meta = sender(server);
        String body = Payload.fixture("message-order").toJson();
        String good = WhatsAppWebhookSender.signatureHeader(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), SECRET);

        assertThat(meta.sendWronglySigned(body)).isEqualTo(401);
        assertThat(meta.sendUnsigned(body)).isEqualTo(401);
        assertThat(meta.sendWithSignatureHeader(body, "sha1=" + good.substring(7))).isEqualTo(401);
        assertThat(meta.sendWithSignatureHeader(body, "sha256=nothex")).isEqualTo(401);
        assertThat(meta.sendWithSignatureHeader(body.replace("Love these!", "Love these?"), good)).isEqualTo(401);
        assertThat(meta.sendWithSignatureHeader(body, good)).isEqualTo(200);
        assertThat(errors).filteredOn(e -> e.kind() == WebhookError.Kind.INVALID_SIGNATURE).hasSize(5);
    }

    @Test
    void malformedJsonWithAGoodSignatureIs400() {
        WebhookServer server = start(WebhookServer.builder().route("/webhook", handler(WebhookHandler.DEFAULT_MAX_BODY_BYTES)));
        assertThat(sender(server).send("{\"object\": \"whatsapp_business_account\", \"entry\": [")).isEqualTo(400);
        assertThat(errors).singleElement().matches(e -> e.kind() == WebhookError.Kind.MALFORMED_PAYLOAD);
    }

    @Test
    void verificationOverHttp() throws IOException {
        WebhookServer server = start(WebhookServer.builder().route("/webhook", handler(WebhookHandler.DEFAULT_MAX_BODY_BYTES)));
        String base = server.uri().toString();
        try (Response ok = http.newCall(new Request.Builder()
                .url(base + "?hub.mode=subscribe&hub.verify_token=vt&hub.challenge=1158201444").build()).execute()) {
            assertThat(ok.code()).isEqualTo(200);
            assertThat(ok.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(ok.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(ok.body().string()).isEqualTo("1158201444");
        }
        try (Response bad = http.newCall(new Request.Builder()
                .url(base + "?hub.mode=subscribe&hub.verify_token=VT&hub.challenge=1158201444").build()).execute()) {
            assertThat(bad.code()).isEqualTo(403);
            assertThat(bad.body().string()).doesNotContain("1158201444");
        }
    }

    @Test
    void onlyTheConfiguredPathIsServed() throws IOException {
        WebhookServer server = start(WebhookServer.builder().route("/wa/hook", handler(WebhookHandler.DEFAULT_MAX_BODY_BYTES)));
        assertThat(server.uri().getPath()).isEqualTo("/wa/hook");
        String root = "http://127.0.0.1:" + server.port();
        for (String p : List.of("/", "/wa", "/wa/hook/x", "/wa/hooks")) {
            try (Response r = http.newCall(new Request.Builder().url(root + p).build()).execute()) {
                assertThat(r.code()).as(p).isEqualTo(404);
            }
        }
        assertThat(sender(server).send(Payload.fixture("message-sticker"))).isEqualTo(200);
    }

    @Test
    void oversizedBodiesAreRefusedWith413WithAndWithoutContentLength() throws Exception {
        WebhookServer server = start(WebhookServer.builder().route("/webhook", handler(1024)));
        String big = Payload.text("1", "x".repeat(3000)).toJson();

        assertThat(sender(server).send(big)).isEqualTo(413); // OkHttp declares Content-Length

        byte[] bytes = big.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        RequestBody chunked = new RequestBody() {
            @Override
            public MediaType contentType() {
                return MediaType.get("application/json");
            }

            @Override
            public long contentLength() {
                return -1; // unknown: sent with Transfer-Encoding: chunked
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.write(bytes);
            }
        };
        try (Response r = http.newCall(new Request.Builder().url(server.uri().toString())
                .header("X-Hub-Signature-256", WhatsAppWebhookSender.signatureHeader(bytes, SECRET))
                .post(chunked).build()).execute()) {
            assertThat(r.code()).isEqualTo(413);
        }
        assertThat(errors).hasSize(2).allMatch(e -> e.kind() == WebhookError.Kind.BODY_TOO_LARGE);
        // the server gathers a chunked body before the receiver runs, so the receiver sees its length
        assertThat(errors).allMatch(e -> e.message().contains("exceeds the limit of 1024 bytes"));
        assertThat(delivered).isEmpty();
    }

    @Test
    void servesHttpsFromAPkcs12KeyStore(@TempDir Path dir) throws Exception {
        HeldCertificate cert = new HeldCertificate.Builder().addSubjectAlternativeName("127.0.0.1").build();
        Path p12 = dir.resolve("webhook.p12");
        char[] password = "p12-password".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("webhook", cert.keyPair().getPrivate(), password, new Certificate[] {cert.certificate()});
        try (OutputStream out = Files.newOutputStream(p12)) {
            ks.store(out, password);
        }
        WebhookServer server = start(WebhookServer.builder().route("/webhook", handler(WebhookHandler.DEFAULT_MAX_BODY_BYTES))
                .tlsPkcs12(p12, Secret.of("p12-password")));
        assertThat(server.uri().getScheme()).isEqualTo("https");

        HandshakeCertificates trust = new HandshakeCertificates.Builder().addTrustedCertificate(cert.certificate()).build();
        OkHttpClient tlsClient = http.newBuilder().sslSocketFactory(trust.sslSocketFactory(), trust.trustManager()).build();
        WhatsAppWebhookSender meta = new WhatsAppWebhookSender(server.uri().toString(), SECRET, tlsClient);

        assertThat(meta.send(Payload.fixture("message-location").messageId("wamid.tls"))).isEqualTo(200);
        assertThat(next().id()).isEqualTo("wamid.tls");
        // a client that does not trust the certificate cannot deliver
        WhatsAppWebhookSender untrusting = sender(server);
        assertThatThrownBy(() -> untrusting.send(Payload.fixture("message-text")))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasCauseInstanceOf(javax.net.ssl.SSLHandshakeException.class);

        assertThatThrownBy(() -> WebhookServer.builder().route("/webhook", handler(10)).tlsPkcs12(p12, Secret.of("wrong")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("webhook.p12").hasMessageContaining("wrong password")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("p12-password"));
    }

    @Test
    void closeStopsListeningAndItsThreads() throws Exception {
        WebhookServer server = WebhookServer.builder().route("/webhook", handler(WebhookHandler.DEFAULT_MAX_BODY_BYTES))
                .host("127.0.0.1").port(0).start();
        WhatsAppWebhookSender meta = sender(server);
        assertThat(meta.send(Payload.fixture("message-document"))).isEqualTo(200);
        next();
        int port = server.port();

        server.close();

        for (Thread t : serverThreads()) {
            t.join(5000);
            assertThat(t.isAlive()).as(t.getName() + " still alive after close()").isFalse();
        }
        assertThat(serverThreads()).isEmpty();
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    /** Threads of the server (its pool and scheduler) or of the WhatsApp handler, or running Jetty code. */
    static List<Thread> serverThreads() {
        List<Thread> out = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            boolean jetty = java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().startsWith("org.eclipse.jetty."));
            if (t.isAlive() && (t.getName().startsWith("relaykit-webhook") || t.getName().startsWith("relaykit-wa-webhook-") || jetty)) {
                out.add(t);
            }
        }
        return out;
    }

    @Test
    void aBodyOverTheServersLimitIs413BeforeTheReceiverSeesItDeclaredOrChunked() throws Exception {
        WebhookServer server = start(WebhookServer.builder().route("/webhook", handler(WebhookHandler.DEFAULT_MAX_BODY_BYTES))
                .maxBodyBytes(2000));
        String big = Payload.text("1", "x".repeat(3000)).toJson();
        byte[] bytes = big.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(sender(server).send(big)).isEqualTo(413);

        RequestBody chunked = new RequestBody() {
            @Override
            public MediaType contentType() {
                return MediaType.get("application/json");
            }

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.write(bytes);
            }
        };
        try (Response r = http.newCall(new Request.Builder().url(server.uri().toString())
                .header("X-Hub-Signature-256", WhatsAppWebhookSender.signatureHeader(bytes, SECRET))
                .post(chunked).build()).execute()) {
            assertThat(r.code()).isEqualTo(413);
            assertThat(r.body().string()).contains("2000");
        }
        assertThat(errors).as("the receiver never saw them").isEmpty();
        assertThat(delivered).isEmpty();
        assertThat(sender(server).send(Payload.fixture("message-text"))).isEqualTo(200);
    }

    @Test
    void headersOverTheLimitAre431() throws IOException {
        WebhookServer server = start(WebhookServer.builder().route("/webhook", handler(WebhookHandler.DEFAULT_MAX_BODY_BYTES))
                .maxHeaderBytes(2048));
        try (Response r = http.newCall(new Request.Builder().url(server.uri().toString())
                .header("X-Padding", "p".repeat(3000)).build()).execute()) {
            assertThat(r.code()).isEqualTo(431);
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void oneServerServesSeveralReceiversEachOnItsOwnPath() {
        BlockingQueue<WebhookEvent> other = new LinkedBlockingQueue<>();
        WebhookHandler second = WebhookHandler.builder().appSecret(Secret.of("other-secret")).listener(other::add).build();
        WebhookServer server = start(WebhookServer.builder()
                .route("/whatsapp/a", handler(WebhookHandler.DEFAULT_MAX_BODY_BYTES))
                .route("/whatsapp/b", second));
        assertThat(server.paths()).containsExactlyInAnyOrder("/whatsapp/a", "/whatsapp/b");
        assertThatThrownBy(server::uri).isInstanceOf(IllegalStateException.class);

        WhatsAppWebhookSender toA = new WhatsAppWebhookSender(server.uri("/whatsapp/a").toString(), SECRET);
        WhatsAppWebhookSender toB = new WhatsAppWebhookSender(server.uri("/whatsapp/b").toString(), Secret.of("other-secret"));
        toClose.add(toA);
        toClose.add(toB);
        assertThat(toA.send(Payload.fixture("message-text"))).isEqualTo(200);
        assertThat(toB.send(Payload.fixture("message-text"))).isEqualTo(200);
        assertThat(toB.send(Payload.fixture("message-image"))).isEqualTo(200);
        WhatsAppWebhookSender aSecretToB = new WhatsAppWebhookSender(server.uri("/whatsapp/b").toString(), SECRET);
        toClose.add(aSecretToB);
        assertThat(aSecretToB.send(Payload.fixture("message-audio"))).as("b's secret is not a's").isEqualTo(401);
        assertThatThrownBy(() -> WebhookServer.builder().route("/x", second).route("/x", second))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/x");
        assertThatThrownBy(() -> WebhookServer.builder().start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("route");
    }
}
