package dev.relaykit.samples.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
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
        // every delivery is followed by what the bot did with it, in the same order on every run
        assertThat(out.lines().skip(1).toList()).containsExactly(
                "-> hello: HTTP 200",
                "<- 16505551234: hello",
                "bot sent text: hello",
                "-> menu: HTTP 200",
                "<- 16505551234: menu",
                "bot sent interactive: 3 rows",
                "-> forged signature: HTTP 401",
                "webhook invalid signature: delivery refused: the signature does not match the body (a different app"
                        + " secret, or a changed body)",
                "read receipts sent: 2");
    }

    @RepeatedTest(5)
    void theOutputComesInTheSameOrderOnEveryRun() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EchoBot.runOffline(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().skip(1).toList();
        assertThat(lines).hasSize(9);
        assertThat(lines.get(0)).isEqualTo("-> hello: HTTP 200");
        assertThat(lines.get(1)).isEqualTo("<- 16505551234: hello");
        assertThat(lines.get(3)).isEqualTo("-> menu: HTTP 200");
        assertThat(lines.get(4)).isEqualTo("<- 16505551234: menu");
    }
}
