package dev.relaykit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.testkit.WhatsAppWebhookSender.Payload;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WhatsAppWebhookSenderTest {
    static final Secret SECRET = Secret.of("test-app-secret");

    record Received(String method, String contentType, String signature, String body) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    HttpServer receiver;
    WhatsAppWebhookSender sender;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", ex -> {
            received.add(new Received(ex.getRequestMethod(), ex.getRequestHeaders().getFirst("Content-Type"),
                    ex.getRequestHeaders().getFirst("X-Hub-Signature-256"),
                    new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            ex.sendResponseHeaders(received.size() == 1 ? 200 : 401, -1);
            ex.close();
        });
        receiver.start();
        sender = new WhatsAppWebhookSender("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", SECRET);
    }

    @AfterEach
    void stop() {
        sender.close();
        receiver.stop(0);
    }

    @Test
    void signsTheExactBodyAsOpensslDoes() {
        // printf '%s' 'hello' | openssl dgst -sha256 -hmac 'test-app-secret'
        // SHA2-256(stdin)= bbcf2f8c43da7c2509dfa64ad5c712cebef4838195e049d8964fc04cb7fe6a1a
        assertThat(WhatsAppWebhookSender.signatureHeader("hello".getBytes(StandardCharsets.UTF_8), SECRET))
                .isEqualTo("sha256=bbcf2f8c43da7c2509dfa64ad5c712cebef4838195e049d8964fc04cb7fe6a1a");
        assertThat(sender.send("hello")).isEqualTo(200);
        assertThat(received).singleElement().isEqualTo(new Received("POST", "application/json",
                "sha256=bbcf2f8c43da7c2509dfa64ad5c712cebef4838195e049d8964fc04cb7fe6a1a", "hello"));
    }

    @Test
    void wronglySignedUnsignedAndCustomHeadersReturnTheReceiversStatus() {
        sender.send("hello");
        assertThat(sender.sendWronglySigned("hello")).isEqualTo(401);
        assertThat(sender.sendUnsigned("hello")).isEqualTo(401);
        assertThat(sender.sendWithSignatureHeader("hello", "sha1=abc")).isEqualTo(401);

        assertThat(received.get(1).signature()).startsWith("sha256=").hasSize(71)
                .isNotEqualTo(received.get(0).signature());
        assertThat(received.get(2).signature()).isNull();
        assertThat(received.get(3).signature()).isEqualTo("sha1=abc");
    }

    @Test
    void payloadsStartFromMetasExamplesWithTheValuesYouSet() {
        JsonNode text = Json.tree(Payload.text("491701234567", "hi there").messageId("wamid.t1")
                .profileName("Ana").phoneNumberId("555").timestamp(Instant.ofEpochSecond(1700000000)).toJson());
        JsonNode value = text.path("entry").path(0).path("changes").path(0).path("value");
        assertThat(value.path("metadata").path("phone_number_id").asText()).isEqualTo("555");
        assertThat(value.path("contacts").path(0).path("wa_id").asText()).isEqualTo("491701234567");
        assertThat(value.path("contacts").path(0).path("profile").path("name").asText()).isEqualTo("Ana");
        JsonNode m = value.path("messages").path(0);
        assertThat(m.path("from").asText()).isEqualTo("491701234567");
        assertThat(m.path("id").asText()).isEqualTo("wamid.t1");
        assertThat(m.path("timestamp").asText()).isEqualTo("1700000000");
        assertThat(m.path("text").path("body").asText()).isEqualTo("hi there");

        JsonNode status = Json.tree(Payload.status("wamid.out", "delivered").recipientId("4915").toJson())
                .path("entry").path(0).path("changes").path(0).path("value").path("statuses").path(0);
        assertThat(status.path("id").asText()).isEqualTo("wamid.out");
        assertThat(status.path("status").asText()).isEqualTo("delivered");
        assertThat(status.path("recipient_id").asText()).isEqualTo("4915");

        Payload original = Payload.fixture("message-image");
        Payload changed = original.copy().messageId("wamid.other");
        assertThat(original.toJson()).contains("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=")
                .doesNotContain("wamid.other");
        assertThat(changed.toJson()).contains("wamid.other");
    }

    @Test
    void misuseIsNamed() {
        assertThatThrownBy(() -> Payload.fixture("message-carrier-pigeon"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("message-carrier-pigeon");
        assertThatThrownBy(() -> Payload.fixture("message-image").text("x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'image'");
        assertThatThrownBy(() -> Payload.fixture("status-read").text("x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no messages");
        assertThatThrownBy(() -> new WhatsAppWebhookSender("ftp://x", SECRET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp://x");
    }
}
