package dev.relaykit.core.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.core.ApiException;
import dev.relaykit.core.TransportException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Multipart bodies, absolute URLs, streamed downloads and the rejection retry rule. */
class RestClientBodiesTest {
    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofSeconds(1));

    private MockWebServer server;
    private RestClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        client = RestClient.builder().service("svc").baseUrl(server.url("/").toString())
                .defaultHeader("Authorization", "Bearer tok-123456")
                .retryPolicy(FAST)
                .retryRejected(e -> e instanceof ApiException a && "busy".equals(a.code()))
                .build();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.shutdown();
    }

    @Test
    void multipartSendsTextAndFileParts(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("a.png"), new byte[] {1, 2, 3, 4});
        server.enqueue(new MockResponse().setBody("{\"id\":\"7\"}"));
        client.execute(RestRequest.post("/media")
                .part(RestRequest.Part.text("messaging_product", "whatsapp"))
                .part(RestRequest.Part.file("file", file, "a.png", "image/png"))
                .build());
        RecordedRequest r = server.takeRequest();
        assertThat(r.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
        String body = r.getBody().readString(StandardCharsets.ISO_8859_1);
        assertThat(body).contains("Content-Disposition: form-data; name=\"messaging_product\"", "whatsapp",
                "Content-Disposition: form-data; name=\"file\"; filename=\"a.png\"", "Content-Type: image/png",
                "\u0001\u0002\u0003\u0004");
    }

    @Test
    void multipartExcludesOtherBodiesAndGet() {
        assertThatThrownBy(() -> RestRequest.post("/x").jsonBody("a").part(RestRequest.Part.text("a", "b")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RestRequest.get("/x").part(RestRequest.Part.text("a", "b")).build())
                .isInstanceOf(IllegalStateException.class);
        assertThat(RestRequest.post("/x").part(RestRequest.Part.text("secret", "s3cr3t")).build().toString())
                .contains("multipart body [secret]").doesNotContain("s3cr3t");
    }

    @Test
    void absoluteUrlKeepsItsQueryAndGetsDefaultHeaders() throws Exception {
        server.enqueue(new MockResponse().setBody("{}"));
        String url = server.url("/elsewhere/file").toString() + "?ext=1&hash=x";
        client.execute(RestRequest.get(url).param("extra", "y").build());
        RecordedRequest r = server.takeRequest();
        assertThat(r.getPath()).isEqualTo("/elsewhere/file?ext=1&hash=x&extra=y");
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer tok-123456");
        assertThatThrownBy(() -> RestRequest.get("https://").build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void streamingHandsTheBodyOverAndRetriesOnlyBeforeIt() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(503).setBody("{\"code\":\"x\"}"));
        server.enqueue(new MockResponse().setBody("payload").setHeader("Content-Type", "text/plain"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String type = client.executeStreaming(RestRequest.get("/dl").build(), (head, in) -> {
            in.transferTo(out);
            return head.header("Content-Type");
        });
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("payload");
        assertThat(type).isEqualTo("text/plain");
        assertThat(server.getRequestCount()).isEqualTo(2);

        server.enqueue(new MockResponse().setBody("x".repeat(100_000)).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        assertThatThrownBy(() -> client.executeStreaming(RestRequest.get("/dl").build(), (head, in) -> in.readAllBytes()))
                .isInstanceOf(TransportException.class).hasMessageNotContaining("tok-123456");
        assertThat(server.getRequestCount()).isEqualTo(3);

        server.enqueue(new MockResponse().setResponseCode(404).setBody("{\"code\":\"nf\",\"message\":\"gone\"}"));
        assertThatThrownBy(() -> client.executeStreamingAsync(RestRequest.get("/dl").build(), (h, in) -> 1).join())
                .hasCauseInstanceOf(ApiException.class).hasMessageContaining("gone");
    }

    @Test
    void rejectionRuleRetriesAPostButAConnectionFailureNever() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"code\":\"busy\",\"message\":\"later\"}"));
        server.enqueue(new MockResponse().setBody("{\"ok\":true}"));
        assertThat(client.execute(RestRequest.post("/send").jsonBody("m").build()).path("ok").asBoolean()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2);

        server.enqueue(new MockResponse().setResponseCode(500).setBody("{\"code\":\"other\"}"));
        assertThatThrownBy(() -> client.execute(RestRequest.post("/send").jsonBody("m").build()))
                .isInstanceOf(ApiException.class);
        assertThat(server.getRequestCount()).isEqualTo(3);

        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(new MockResponse().setBody("{\"ok\":true}"));
        assertThatThrownBy(() -> client.execute(RestRequest.post("/send").jsonBody("m").build()))
                .isInstanceOf(TransportException.class);
        assertThat(server.getRequestCount()).isEqualTo(4);
        server.takeRequest(); // drain the queue's leftover answer with a GET that may retry
        assertThat(client.execute(RestRequest.get("/after").build()).path("ok").asBoolean()).isTrue();
    }
}
