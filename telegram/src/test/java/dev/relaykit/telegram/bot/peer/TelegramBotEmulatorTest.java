package dev.relaykit.telegram.bot.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.webhook.WebhookReceiver;
import dev.relaykit.core.webhook.WebhookRequest;
import dev.relaykit.core.webhook.WebhookResponse;
import dev.relaykit.telegram.bot.BotUser;
import dev.relaykit.telegram.bot.LongPolling;
import dev.relaykit.telegram.bot.TelegramApiException;
import dev.relaykit.telegram.bot.TelegramBot;
import dev.relaykit.telegram.bot.TelegramWebhookHandler;
import dev.relaykit.telegram.bot.Update;
import dev.relaykit.webhook.WebhookServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Bot API client against a real, independent peer: the npm package {@code telegram-test-api} 4.2.1
 * (installed by {@code src/test/node/botapi/install-peer.sh} from its lock file, started by launcher.js).
 *
 * <p>What the emulator covers, read from its source ({@code lib/telegramServer.js}, {@code lib/routes/}):
 * {@code getMe}, {@code sendMessage}, {@code getUpdates}, {@code answerCallbackQuery}, {@code editMessageText},
 * {@code editMessageReplyMarkup}, {@code deleteMessage}, {@code setWebhook}, {@code deleteWebhook}; users' text
 * messages, commands and callback queries injected through its client. What it does not cover, so the testkit's
 * {@code FakeTelegramBotApi} and the scripted tests in this module check it instead: {@code getUpdates} ignores
 * {@code offset}, {@code timeout} and {@code limit} (it answers at once, and marks what it returns as read, so an
 * unconfirmed update is never delivered again as Telegram would); its webhook delivery sends no
 * {@code X-Telegram-Bot-Api-Secret-Token} header and never retries; {@code setWebhook} answers {@code result: null}
 * where Telegram answers {@code true}; errors other than {@code deleteMessage}'s are HTTP 500 with
 * {@code {"message":...}}, not the Bot API's {@code ok:false} body; no uploads, no 429, no 409.
 */
@Timeout(60)
class TelegramBotEmulatorTest {
    static final String TOKEN = "123456:EMULATOR-token_1";
    static final long USER = 4242;

    BotApiEmulator emulator;
    TelegramBot bot;

    @BeforeEach
    void start() throws Exception {
        emulator = BotApiEmulator.start();
        bot = TelegramBot.builder(Secret.of(TOKEN)).baseUrl(emulator.baseUrl()).build();
    }

    @AfterEach
    void stop() throws Exception {
        if (bot != null) {
            bot.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void getMeReadsTheEmulatorsBotUser() {
        BotUser me = bot.getMe();

        assertThat(me.id()).isEqualTo(666);
        assertThat(me.username()).isEqualTo("TestNameBot");
    }

    @Test
    void aSentMessageReachesTheUsersChat() throws Exception {
        JsonNode sent = bot.sendMessage(USER, "hello from RelayKit", Map.of("parse_mode", "HTML"));

        assertThat(sent.path("message_id").asLong()).isPositive();
        assertThat(sent.path("chat").path("id").asLong()).isEqualTo(USER);
        JsonNode stored = emulator.botMessages(TOKEN, USER);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).path("message").path("text").asText()).isEqualTo("hello from RelayKit");
        assertThat(stored.get(0).path("message").path("parse_mode").asText()).isEqualTo("HTML");
    }

    @Test
    void longPollingReceivesInjectedMessagesCommandsAndCallbackQueriesInOrderAndTheBotAnswers() throws Exception {
        BlockingQueue<Update> received = new LinkedBlockingQueue<>();
        // the emulator answers getUpdates at once (no long-poll hold): a short timeout keeps the loop honest
        try (LongPolling polling = bot.longPolling(update -> {
            if (update.kind().equals("message")) {
                bot.sendMessage(update.chatId().orElseThrow(), "echo: " + update.text().orElse(""));
            } else if (update.kind().equals("callback_query")) {
                bot.call("answerCallbackQuery", Map.of("callback_query_id", update.payload().path("id").asText(),
                        "text", "got " + update.payload().path("data").asText()));
            }
            received.add(update); // after the answer went out
        }).timeout(Duration.ofSeconds(1)).start()) {
            emulator.userSends(TOKEN, USER, "first");
            emulator.userSends(TOKEN, USER, "second");
            emulator.userCommand(TOKEN, USER, "/start now");
            emulator.userPresses(TOKEN, USER, "yes");

            List<Update> got = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Update u = received.poll(10, TimeUnit.SECONDS);
                assertThat(u).as("update %d of 4", i + 1).isNotNull();
                got.add(u);
            }
            assertThat(got).extracting(Update::kind).containsExactly("message", "message", "message", "callback_query");
            assertThat(got).extracting(Update::updateId).isSorted().doesNotHaveDuplicates();
            assertThat(got.get(0).text()).contains("first");
            assertThat(got.get(1).text()).contains("second");
            assertThat(got.get(2).payload().path("entities").get(0).path("type").asText()).isEqualTo("bot_command");
            assertThat(got.get(3).payload().path("data").asText()).isEqualTo("yes");

            // the echo replies reached the user's chat, in order
            JsonNode stored = emulator.botMessages(TOKEN, USER);
            List<String> texts = new ArrayList<>();
            stored.forEach(m -> texts.add(m.path("message").path("text").asText()));
            assertThat(texts).containsExactly("echo: first", "echo: second", "echo: /start now");
            assertThat(received.poll(300, TimeUnit.MILLISECONDS)).as("nothing delivered twice").isNull();
        }
    }

    @Test
    void webhookModeTheEmulatorsDeliveryWithoutASecretIsRefusedAndItsUpdateBodyIsDecoded() throws Exception {
        Secret secret = Secret.of("emulator_webhook-secret");
        BlockingQueue<Update> received = new LinkedBlockingQueue<>();
        TelegramWebhookHandler handler = TelegramWebhookHandler.builder(secret).listener(received::add).build();
        AtomicBoolean vouch = new AtomicBoolean();
        BlockingQueue<String> headersSeen = new LinkedBlockingQueue<>();
        // the emulator never sends X-Telegram-Bot-Api-Secret-Token: first the handler answers it as it is (401);
        // then this wrapper vouches for it (adds the header) so the emulator's own update body is decoded
        WebhookReceiver front = new WebhookReceiver() {
            @Override
            public WebhookResponse handle(WebhookRequest r) {
                String given = r.header(TelegramWebhookHandler.SECRET_HEADER);
                headersSeen.add(given == null ? "<none>" : given);
                if (!vouch.get()) {
                    return handler.handle(r);
                }
                return handler.handle(WebhookRequest.of(r.method(), r.path(), r::queryParameter,
                        name -> name.equalsIgnoreCase(TelegramWebhookHandler.SECRET_HEADER) ? secret.reveal() : r.header(name),
                        r.body(), r.contentLength()));
            }

            @Override
            public void close() {
                handler.close();
            }
        };
        try (WebhookServer server = WebhookServer.builder().route("/telegram", front).host("127.0.0.1").port(0).start()) {
            bot.setWebhook(server.uri("/telegram").toString(), secret, Map.of()); // answers result:null, not true

            emulator.userSends(TOKEN, USER, "refused");
            assertThat(headersSeen.poll(10, TimeUnit.SECONDS)).isEqualTo("<none>");
            assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();

            vouch.set(true);
            emulator.userSends(TOKEN, USER, "delivered");
            Update u = received.poll(10, TimeUnit.SECONDS);
            assertThat(u).isNotNull();
            assertThat(u.kind()).isEqualTo("message");
            assertThat(u.text()).contains("delivered");
            assertThat(u.chatId()).contains(USER);

            // back to polling: deleteWebhook, and getUpdates answers again (the refused update was never stored)
            assertThat(bot.deleteWebhook(false)).isTrue();
            emulator.userSends(TOKEN, USER, "polled");
            JsonNode polled = bot.call("getUpdates", Map.of("timeout", 0));
            assertThat(polled).hasSize(1);
            assertThat(polled.get(0).path("message").path("text").asText()).isEqualTo("polled");
        }
        assertThat(emulator.unhandled()).anySatisfy(m -> assertThat(m).contains("401"));
    }

    @Test
    void aMethodTheEmulatorDoesNotKnowIsATypedErrorNotADecodeFailure() {
        assertThatThrownBy(() -> bot.call("sendDice", Map.of("chat_id", USER)))
                .isInstanceOfSatisfying(TelegramApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(500));
    }
}
