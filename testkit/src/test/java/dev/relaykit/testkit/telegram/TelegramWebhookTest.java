package dev.relaykit.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.secret.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook side (core.telegram.org/bots/api#setwebhook): the sender's header and retries, and the fake
 * pushing updates to a webhook in order, 409 for getUpdates meanwhile, and getWebhookInfo's error report.
 * A plain JDK server plays the bot's receiver.
 */
class TelegramWebhookTest {
    static final String TOKEN = "555:WEBHOOK-token";

    record Delivery(String secretHeader, String contentType, JsonNode body) {
    }

    HttpServer receiver;
    final BlockingQueue<Delivery> received = new LinkedBlockingQueue<>();
    /** Statuses the receiver answers, in turn; 200 when it runs dry. */
    final BlockingQueue<Integer> statuses = new LinkedBlockingQueue<>();
    final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        receiver.createContext("/hook", ex -> {
            requests.incrementAndGet();
            byte[] body = ex.getRequestBody().readAllBytes();
            Integer status = statuses.poll();
            int code = status == null ? 200 : status;
            if (code == 200) {
                received.add(new Delivery(ex.getRequestHeaders().getFirst(TelegramWebhookSender.SECRET_HEADER),
                        ex.getRequestHeaders().getFirst("Content-Type"), Json.tree(new String(body, StandardCharsets.UTF_8))));
            }
            ex.sendResponseHeaders(code, -1);
            ex.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @Test
    void theSenderPostsWithTheSecretHeaderAndRepeatsUntil2xx() throws Exception {
        statuses.add(500);
        statuses.add(503);
        try (TelegramWebhookSender telegram = new TelegramWebhookSender(hookUrl(), Secret.of("hook_Secret-1"))) {
            TelegramWebhookSender.Delivery d = telegram.deliver(TelegramUpdates.message(77, 42, "hi"));

            assertThat(d.delivered()).isTrue();
            assertThat(d.attempts()).isEqualTo(3);
            Delivery got = received.poll(5, TimeUnit.SECONDS);
            assertThat(got.secretHeader()).isEqualTo("hook_Secret-1");
            assertThat(got.contentType()).startsWith("application/json");
            assertThat(got.body().path("update_id").asLong()).isEqualTo(77);
            assertThat(got.body().path("message").path("chat").path("id").asLong()).isEqualTo(42);
            assertThat(got.body().path("message").path("text").asText()).isEqualTo("hi");
        }
    }

    @Test
    void theSenderGivesUpAfterMaxAttemptsAndSendsWrongOrNoSecretsOnRequest() throws Exception {
        for (int i = 0; i < 3; i++) {
            statuses.add(401);
        }
        try (TelegramWebhookSender telegram = new TelegramWebhookSender(hookUrl(), Secret.of("s"), new OkHttpClient(), 3,
                Duration.ofMillis(5))) {
            TelegramWebhookSender.Delivery d = telegram.deliver(TelegramUpdates.message(1, 1, "x"));
            assertThat(d.delivered()).isFalse();
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.lastStatus()).isEqualTo(401);
            assertThat(requests.get()).isEqualTo(3);

            assertThat(telegram.sendWithSecretHeader(TelegramUpdates.callbackQuery(2, 1, "d"), "forged")).isEqualTo(200);
            assertThat(received.poll(5, TimeUnit.SECONDS).secretHeader()).isEqualTo("forged");
            assertThat(telegram.sendWithSecretHeader(TelegramUpdates.message(3, 1, "x"), null)).isEqualTo(200);
            assertThat(received.poll(5, TimeUnit.SECONDS).secretHeader()).isNull();
        }
    }

    @Test
    void withAWebhookSetTheFakePushesUpdatesInOrderAndGetUpdatesIs409() throws Exception {
        OkHttpClient http = new OkHttpClient();
        try (FakeTelegramBotApi fake = FakeTelegramBotApi.start(TOKEN)) {
            long queuedBefore = fake.injectMessage(1, "before");
            assertThat(post(http, fake, "setWebhook", "{\"url\":\"" + hookUrl() + "\",\"secret_token\":\"abc_DEF-1\"}")
                    .path("result").asBoolean()).isTrue();
            long a = fake.injectMessage(1, "a");
            statuses.add(500); // the next delivery fails once: repeated, order kept
            long b = fake.injectCallbackQuery(1, "b");

            long[] expected = {queuedBefore, a, b};
            for (long id : expected) {
                Delivery d = received.poll(10, TimeUnit.SECONDS);
                assertThat(d).isNotNull();
                assertThat(d.body().path("update_id").asLong()).isEqualTo(id);
                assertThat(d.secretHeader()).isEqualTo("abc_DEF-1");
            }
            JsonNode conflict = post(http, fake, "getUpdates", "{}");
            assertThat(conflict.path("error_code").asInt()).isEqualTo(409);
            assertThat(conflict.path("description").asText()).contains("webhook is active");

            JsonNode info = post(http, fake, "getWebhookInfo", "{}").path("result");
            assertThat(info.path("url").asText()).isEqualTo(hookUrl());
            assertThat(info.path("pending_update_count").asInt()).isZero();

            // a receiver that keeps refusing: given up on, reported as Telegram reports it
            for (int i = 0; i < 5; i++) {
                statuses.add(401);
            }
            fake.injectMessage(1, "refused");
            long after = fake.injectMessage(1, "after"); // delivered once the refused one was given up on
            assertThat(received.poll(10, TimeUnit.SECONDS).body().path("update_id").asLong()).isEqualTo(after);
            JsonNode later = post(http, fake, "getWebhookInfo", "{}").path("result");
            assertThat(later.path("last_error_message").asText()).isEqualTo("Wrong response from the webhook: 401");
            assertThat(later.path("last_error_date").asLong()).isPositive();

            assertThat(post(http, fake, "deleteWebhook", "{}").path("result").asBoolean()).isTrue();
            long c = fake.injectMessage(1, "polled");
            JsonNode polled = post(http, fake, "getUpdates", "{}").path("result");
            assertThat(polled).hasSize(1);
            assertThat(polled.get(0).path("update_id").asLong()).isEqualTo(c);
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    static JsonNode post(OkHttpClient http, FakeTelegramBotApi fake, String method, String json) throws IOException {
        Request r = new Request.Builder().url(fake.baseUrl() + "/bot" + TOKEN + "/" + method)
                .post(RequestBody.create(json, MediaType.get("application/json"))).build();
        try (Response resp = http.newCall(r).execute()) {
            return Json.tree(resp.body().string());
        }
    }
}
