package dev.relaykit.telegram.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.core.secret.Secret;
import dev.relaykit.testkit.telegram.FakeTelegramBotApi;
import dev.relaykit.testkit.telegram.TelegramUpdates;
import dev.relaykit.testkit.telegram.TelegramWebhookSender;
import dev.relaykit.webhook.WebhookServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LongPolling, the webhook handler and 429 handling against the testkit's FakeTelegramBotApi and webhook sender. */
class BotAgainstTestkitFakeTest {
    static final String TOKEN = "424242:TESTKIT-fake_token";

    FakeTelegramBotApi telegram;
    TelegramBot bot;

    @BeforeEach
    void start() {
        telegram = FakeTelegramBotApi.start(TOKEN);
        bot = TelegramBot.builder(Secret.of(TOKEN)).baseUrl(telegram.baseUrl()).build();
    }

    @AfterEach
    void stop() {
        bot.close();
        telegram.close();
    }

    @Test
    void anEchoBotByLongPollingAnswersEveryMessageInOrderAndConfirmsThem() {
        try (LongPolling polling = bot.longPolling(u -> bot.sendMessage(u.chatId().orElseThrow(), "echo: " + u.text().orElse("")))
                .timeout(Duration.ofSeconds(20)).start()) {
            long last = 0;
            for (int i = 0; i < 50; i++) {
                last = telegram.injectMessage(100 + i % 3, "m" + i);
            }
            List<FakeTelegramBotApi.SentMessage> sent = telegram.awaitSentMessages(50, Duration.ofSeconds(20));
            for (int i = 0; i < 50; i++) {
                assertThat(sent.get(i).text()).isEqualTo("echo: m" + i);
                assertThat(sent.get(i).chatId()).isEqualTo(Long.toString(100 + i % 3));
            }
            // the next poll confirms the last one: nothing stays queued, nothing comes twice
            for (int k = 1; ; k++) {
                List<FakeTelegramBotApi.Call> polls = telegram.awaitCalls("getUpdates", k, Duration.ofSeconds(10));
                if (polls.get(k - 1).params().path("offset").asLong() == last + 1) {
                    break;
                }
            }
            assertThat(telegram.pendingUpdateCount()).isZero();
            assertThat(telegram.sentMessages()).hasSize(50);
        }
    }

    @Test
    void aRestartWithThePersistedOffsetNeitherLosesNorRepeatsAnUpdate() {
        OffsetStore store = OffsetStore.inMemory(0);
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        LongPolling first = bot.longPolling(u -> seen.add(u.text().orElse(""))).offsetStore(store)
                .timeout(Duration.ofSeconds(20)).start();
        telegram.injectMessage(1, "a");
        telegram.injectMessage(1, "b");
        awaitAll(seen, "a", "b");
        first.close();
        telegram.injectMessage(1, "c"); // arrives while no one polls

        try (LongPolling second = bot.longPolling(u -> seen.add(u.text().orElse(""))).offsetStore(store)
                .timeout(Duration.ofSeconds(20)).start()) {
            awaitAll(seen, "c");
            telegram.injectMessage(1, "d");
            awaitAll(seen, "d");
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void aSecondPollerStopsTheFirstWithAClear409() throws Exception {
        LongPolling first = bot.longPolling(u -> { }).timeout(Duration.ofSeconds(20)).start();
        telegram.awaitCalls("getUpdates", 1, Duration.ofSeconds(5));
        try (TelegramBot other = TelegramBot.builder(Secret.of(TOKEN)).baseUrl(telegram.baseUrl()).build();
             LongPolling second = other.longPolling(u -> { }).timeout(Duration.ofSeconds(20)).start()) {
            assertThatThrownBy(() -> first.stopped().get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TelegramConflictException.class)
                    .hasMessageContaining("terminated by other getUpdates request");
            assertThat(second.stopped()).isNotDone();
        }
    }

    @Test
    void a429IsWaitedOutForItsRetryAfterAndTheMessageGoesOnce() {
        telegram.rateLimitNext("sendMessage", 1);
        long start = System.nanoTime();

        bot.sendMessage(9L, "after the flood wait");

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(900);
        assertThat(telegram.calls("sendMessage")).hasSize(2);
        assertThat(telegram.sentMessages()).singleElement()
                .satisfies(m -> assertThat(m.text()).isEqualTo("after the flood wait"));
    }

    @Test
    void aTelegramErrorIsTypedWithItsCodeAndDescription() {
        telegram.failNext("sendMessage", 403, "Forbidden: bot was blocked by the user");
        assertThatThrownBy(() -> bot.sendMessage(9L, "x")).isInstanceOfSatisfying(TelegramApiException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(403);
            assertThat(e.description()).isEqualTo("Forbidden: bot was blocked by the user");
        });
    }

    @Test
    void theWebhookHandlerOnTheEmbeddedServerTakesTheFakesPushesAndTheSendersDeliveries() throws Exception {
        Secret secret = Secret.of("hook_secret-42");
        BlockingQueue<Update> received = new LinkedBlockingQueue<>();
        TelegramWebhookHandler handler = TelegramWebhookHandler.builder(secret).listener(received::add).build();
        try (WebhookServer server = WebhookServer.builder().route("/telegram", handler).host("127.0.0.1").port(0).start()) {
            String url = server.uri("/telegram").toString();
            assertThat(bot.setWebhook(url, secret, java.util.Map.of())).isTrue();
            long a = telegram.injectMessage(5, "pushed");
            long b = telegram.injectCallbackQuery(5, "pressed");
            Update first = received.poll(10, TimeUnit.SECONDS);
            Update second = received.poll(10, TimeUnit.SECONDS);
            assertThat(first.updateId()).isEqualTo(a);
            assertThat(first.text()).contains("pushed");
            assertThat(second.updateId()).isEqualTo(b);
            assertThat(second.kind()).isEqualTo("callback_query");
            assertThat(bot.getWebhookInfo().path("url").asText()).isEqualTo(url);
            // while the webhook is set, long polling is refused with a clear 409
            LongPolling polling = bot.longPolling(u -> { }).timeout(Duration.ofSeconds(1)).start();
            assertThatThrownBy(() -> polling.stopped().join()).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(TelegramConflictException.class);

            try (TelegramWebhookSender sender = new TelegramWebhookSender(url, secret)) {
                assertThat(sender.deliver(TelegramUpdates.message(900, 6, "direct")).delivered()).isTrue();
                assertThat(received.poll(10, TimeUnit.SECONDS).text()).contains("direct");
                assertThat(sender.sendWithSecretHeader(TelegramUpdates.message(901, 6, "forged"), "wrong")).isEqualTo(401);
                assertThat(sender.sendWithSecretHeader(TelegramUpdates.message(902, 6, "unsigned"), null)).isEqualTo(401);
            }
            assertThat(received.poll(300, TimeUnit.MILLISECONDS)).as("refused deliveries reach no listener").isNull();
        }
    }

    private static void awaitAll(BlockingQueue<String> seen, String... expected) {
        for (String e : expected) {
            try {
                assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo(e);
            } catch (InterruptedException ie) {
                throw new AssertionError(ie);
            }
        }
    }
}
