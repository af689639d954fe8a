package dev.relaykit.testkit.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fake Bot API read with plain HTTP, checked against core.telegram.org/bots/api: getUpdates' offset rule
 * (#getupdates), the long-poll hold, 409 for a second poller, the {@code ok}/{@code error_code} envelope
 * ("Making requests"), form and multipart parameters, and what is recorded.
 */
class FakeTelegramBotApiTest {
    static final String TOKEN = "987654:FAKE-test_token";
    static final MediaType JSON = MediaType.get("application/json");

    FakeTelegramBotApi fake;
    OkHttpClient http;

    record Answer(int status, JsonNode body) {
    }

    @BeforeEach
    void start() {
        fake = FakeTelegramBotApi.start(TOKEN);
        http = new OkHttpClient.Builder().readTimeout(20, TimeUnit.SECONDS).build();
    }

    @AfterEach
    void stop() {
        fake.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    Answer call(String method, String json) throws IOException {
        return call("/bot" + TOKEN + "/" + method, RequestBody.create(json, JSON));
    }

    Answer call(String path, RequestBody body) throws IOException {
        try (Response r = http.newCall(new Request.Builder().url(fake.baseUrl() + path).post(body).build()).execute()) {
            return new Answer(r.code(), Json.tree(r.body().string()));
        }
    }

    /** A getUpdates with a 20 s timeout, started on another thread; returns once the fake has it. */
    CompletableFuture<Answer> heldPoll() {
        CompletableFuture<Answer> held = CompletableFuture.supplyAsync(() -> {
            try {
                return call("getUpdates", "{\"timeout\":20}");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        fake.awaitCalls("getUpdates", 1, java.time.Duration.ofSeconds(5));
        return held;
    }

    static List<Long> ids(Answer a) {
        List<Long> out = new ArrayList<>();
        a.body().path("result").forEach(u -> out.add(u.path("update_id").asLong()));
        return out;
    }

    @Test
    void getUpdatesReturnsUnconfirmedUpdatesUntilAnOffsetAboveThemConfirmsThem() throws Exception {
        long a = fake.injectMessage(42, "one");
        long b = fake.injectMessage(42, "two");
        long c = fake.injectCallbackQuery(42, "yes");

        Answer first = call("getUpdates", "{}");
        assertThat(first.body().path("ok").asBoolean()).isTrue();
        assertThat(ids(first)).containsExactly(a, b, c);
        assertThat(first.body().path("result").get(0).path("message").path("text").asText()).isEqualTo("one");
        assertThat(first.body().path("result").get(2).path("callback_query").path("data").asText()).isEqualTo("yes");
        // not confirmed: the same again
        assertThat(ids(call("getUpdates", "{}"))).containsExactly(a, b, c);
        // offset b confirms a only; limit caps the batch
        assertThat(ids(call("getUpdates", "{\"offset\":" + b + ",\"limit\":1}"))).containsExactly(b);
        assertThat(ids(call("getUpdates", "{}"))).containsExactly(b, c);
        assertThat(ids(call("getUpdates", "{\"offset\":" + (c + 1) + "}"))).isEmpty();
        assertThat(fake.pendingUpdateCount()).isZero();

        long d = fake.injectMessage(42, "three");
        long e = fake.injectMessage(42, "four");
        assertThat(ids(call("getUpdates", "{\"offset\":-1}"))).as("the last one; the rest forgotten").containsExactly(e);
        assertThat(ids(call("getUpdates", "{}"))).doesNotContain(d).containsExactly(e);
    }

    @Test
    void aPollWithATimeoutIsHeldUntilAnUpdateArrivesAndAnEmptyOneEndsAfterItsTimeout() throws Exception {
        CompletableFuture<Answer> held = heldPoll(); // the poll is open; check it has not answered
        Thread.sleep(200);
        assertThat(held).isNotDone();
        long id = fake.injectMessage(7, "wake up");
        Answer a = held.get(5, TimeUnit.SECONDS);
        assertThat(ids(a)).containsExactly(id);

        long start = System.nanoTime();
        Answer empty = call("getUpdates", "{\"offset\":" + (id + 1) + ",\"timeout\":1}");
        assertThat(ids(empty)).isEmpty();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(900);
    }

    @Test
    void aSecondGetUpdatesEndsTheHeldOneWith409() throws Exception {
        CompletableFuture<Answer> held = heldPoll();
        Answer second = call("getUpdates", "{\"timeout\":0}");
        assertThat(second.status()).isEqualTo(200);
        Answer first = held.get(5, TimeUnit.SECONDS);
        assertThat(first.status()).isEqualTo(409);
        assertThat(first.body().path("ok").asBoolean(true)).isFalse();
        assertThat(first.body().path("error_code").asInt()).isEqualTo(409);
        assertThat(first.body().path("description").asText()).startsWith("Conflict: terminated by other getUpdates request");
    }

    @Test
    void sendMessageIsRecordedAndAnsweredWithAMessage() throws Exception {
        Answer a = call("sendMessage", "{\"chat_id\":42,\"text\":\"hi *there*\",\"parse_mode\":\"MarkdownV2\","
                + "\"reply_markup\":{\"inline_keyboard\":[[{\"text\":\"Yes\",\"callback_data\":\"y\"}]]}}");

        assertThat(a.status()).isEqualTo(200);
        JsonNode m = a.body().path("result");
        assertThat(m.path("message_id").asLong()).isPositive();
        assertThat(m.path("from").path("id").asLong()).isEqualTo(987654L);
        assertThat(m.path("from").path("is_bot").asBoolean()).isTrue();
        assertThat(m.path("chat").path("id").asLong()).isEqualTo(42);
        assertThat(m.path("chat").path("type").asText()).isEqualTo("private");
        assertThat(m.path("text").asText()).isEqualTo("hi *there*");
        assertThat(m.path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data").asText()).isEqualTo("y");
        assertThat(fake.sentMessages()).singleElement().satisfies(s -> {
            assertThat(s.method()).isEqualTo("sendMessage");
            assertThat(s.chatId()).isEqualTo("42");
            assertThat(s.text()).isEqualTo("hi *there*");
            assertThat(s.messageId()).isEqualTo(m.path("message_id").asLong());
            assertThat(s.params().path("parse_mode").asText()).isEqualTo("MarkdownV2");
        });
    }

    @Test
    void formParametersAreReadAsTheBotApiReadsThem() throws Exception {
        RequestBody form = new okhttp3.FormBody.Builder().add("chat_id", "-100123").add("text", "form text")
                .add("reply_markup", "{\"inline_keyboard\":[]}").build();
        Answer a = call("/bot" + TOKEN + "/sendMessage", form);

        assertThat(a.body().path("result").path("chat").path("type").asText()).isEqualTo("supergroup");
        assertThat(fake.sentMessages()).singleElement().satisfies(s -> {
            assertThat(s.chatId()).isEqualTo("-100123");
            assertThat(s.params().path("reply_markup").isObject()).isTrue();
        });
    }

    @Test
    void aMultipartUploadIsRecordedWithItsFileNameAndSize(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.pdf");
        Files.write(file, new byte[1234]);
        RequestBody multipart = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("chat_id", "42")
                .addFormDataPart("caption", "the report ✓")
                .addFormDataPart("document", "report.pdf", RequestBody.create(file.toFile(), MediaType.get("application/pdf")))
                .build();
        Answer a = call("/bot" + TOKEN + "/sendDocument", multipart);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().path("result").path("document").path("file_name").asText()).isEqualTo("report.pdf");
        assertThat(a.body().path("result").path("document").path("file_size").asLong()).isEqualTo(1234);
        assertThat(fake.sentMessages()).singleElement().satisfies(s -> {
            assertThat(s.method()).isEqualTo("sendDocument");
            assertThat(s.text()).isEqualTo("the report ✓");
            assertThat(s.params().path("document").path("size").asLong()).isEqualTo(1234);
        });
    }

    @Test
    void errorsUseTheBotApiEnvelope() throws Exception {
        Answer wrongToken = call("/bot1:other/getMe", RequestBody.create("{}", JSON));
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(wrongToken.body().path("description").asText()).isEqualTo("Unauthorized");

        Answer unknown = call("noSuchMethod", "{}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("error_code").asInt()).isEqualTo(404);

        Answer noText = call("sendMessage", "{\"chat_id\":1}");
        assertThat(noText.status()).isEqualTo(400);
        assertThat(noText.body().path("description").asText()).isEqualTo("Bad Request: message text is empty");

        fake.rateLimitNext("sendMessage", 3).failNext("sendMessage", 403, "Forbidden: bot was blocked by the user");
        Answer limited = call("sendMessage", "{\"chat_id\":1,\"text\":\"x\"}");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body().path("parameters").path("retry_after").asInt()).isEqualTo(3);
        assertThat(call("sendMessage", "{\"chat_id\":1,\"text\":\"x\"}").body().path("error_code").asInt()).isEqualTo(403);
        assertThat(call("sendMessage", "{\"chat_id\":1,\"text\":\"x\"}").status()).isEqualTo(200);
        assertThat(fake.sentMessages()).hasSize(1);
        assertThat(fake.calls("sendMessage")).hasSize(4);

        fake.answer("getChatMemberCount", p -> 12);
        assertThat(call("getChatMemberCount", "{\"chat_id\":-100}").body().path("result").asInt()).isEqualTo(12);
    }

    @Test
    void aBurstOfRawUpdatesIsServedInOneAnswerAndMethodNamesAreReadInAnyCase() throws Exception {
        long first = fake.injectUpdates("edited_message", List.of("{\"message_id\":1,\"text\":\"a\"}",
                "{\"message_id\":2,\"text\":\"b\"}"));
        Answer a = call("getupdates", "{}"); // telegrambots sends lower case; Telegram accepts it
        assertThat(ids(a)).containsExactly(first, first + 1);
        assertThat(a.body().path("result").get(1).path("edited_message").path("text").asText()).isEqualTo("b");
        assertThat(fake.calls("getUpdates")).hasSize(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fake.injectUpdates("message", List.of("[1]")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void getMeAnswersTheBotsUser() throws Exception {
        JsonNode me = call("getMe", "{}").body().path("result");
        assertThat(me.path("id").asLong()).isEqualTo(987654L);
        assertThat(me.path("is_bot").asBoolean()).isTrue();
        assertThat(me.path("username").asText()).isEqualTo("relaykit_test_bot");
        assertThat(me.has("can_join_groups")).isTrue();
    }
}
