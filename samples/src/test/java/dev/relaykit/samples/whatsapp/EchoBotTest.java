package dev.relaykit.samples.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The echo bot, offline: signed deliveries in, replies out through the fake Graph API. */
class EchoBotTest {

    @Test
    void echoesTextAnswersMenuWithAListAndRefusesAForgedDelivery() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<JsonNode> sent = EchoBot.runOffline(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(sent).hasSize(2);
        JsonNode echo = sent.stream().filter(m -> m.path("type").asText().equals("text")).findFirst().orElseThrow();
        assertThat(echo.path("to").asText()).isEqualTo("16505551234");
        assertThat(echo.path("text").path("body").asText()).isEqualTo("hello");
        assertThat(echo.path("context").path("message_id").asText()).startsWith("wamid.");
        JsonNode menu = sent.stream().filter(m -> m.path("type").asText().equals("interactive")).findFirst()
                .orElseThrow();
        assertThat(menu.path("interactive").path("type").asText()).isEqualTo("list");
        assertThat(menu.path("interactive").path("action").path("sections").get(0).path("rows"))
                .extracting(r -> r.path("id").asText()).containsExactly("prices", "hours", "human");
        assertThat(out).contains("forged signature: HTTP 401").doesNotContain("forged\n");
        assertThat(out).contains("read receipts sent: 2");
    }
}
