package dev.relaykit.samples.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Telegram echo bot, offline against the testkit's fake Bot API, by long polling and by webhook. */
class TelegramEchoBotTest {

    @Test
    void byLongPollingItGreetsEchoesAndAnswersAButtonInTheSameOrderEveryRun() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TelegramEchoBot.Report r = TelegramEchoBot.runPollingOffline(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().skip(1).toList();

        assertThat(r.polled()).containsExactly("Hello! Write anything and I will echo it, or pick one:", "hello",
                "how are you?", "You pressed: yes");
        assertThat(r.callbackAnswers()).isEqualTo(1);
        assertThat(lines).containsExactly(
                "-> user 5551234: /start",
                "bot sent: Hello! Write anything and I will echo it, or pick one: [Yes] [No]",
                "-> user 5551234: hello",
                "bot sent: hello",
                "-> user 5551234: how are you?",
                "bot sent: how are you?",
                "-> user 5551234 pressed: yes",
                "bot answered the callback query",
                "bot sent: You pressed: yes");
    }

    @Test
    void byWebhookItEchoesThePushedUpdatesAndAWrongSecretIsRefused() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TelegramEchoBot.Report r = TelegramEchoBot.runWebhookOffline(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(r.pushed()).containsExactly("hi by webhook", "second");
        assertThat(r.forgedStatus()).isEqualTo(401);
        assertThat(out.lines().skip(1).toList()).containsExactly(
                "-> user 5559876: hi by webhook",
                "bot sent: hi by webhook",
                "-> user 5559876: second",
                "bot sent: second",
                "-> a delivery with a wrong secret token: HTTP 401");
    }
}
