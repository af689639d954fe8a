package dev.relaykit.telegram.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.TransportException;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The requests the client sends match the Bot API's documented form; its errors are typed. */
class TelegramBotTest {
    static final String TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11";

    MockWebServer server;
    TelegramBot bot;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
        bot = TelegramBot.builder(Secret.of(TOKEN)).baseUrl(server.url("/").toString()).build();
    }

    @AfterEach
    void stop() throws Exception {
        bot.close();
        server.shutdown();
    }

    static MockResponse ok(String resultJson) {
        return new MockResponse().setHeader("Content-Type", "application/json")
                .setBody("{\"ok\":true,\"result\":" + resultJson + "}");
    }

    static MockResponse error(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    @Test
    void getMeIsAPostToBotTokenSlashMethodAndDecodesTheUser() throws Exception {
        // example result shape from core.telegram.org/bots/api#getme (a User object), plus a field this SDK does not know
        server.enqueue(ok("{\"id\":123456,\"is_bot\":true,\"first_name\":\"Relay\",\"username\":\"relay_bot\","
                + "\"can_join_groups\":true,\"has_main_web_app\":false,\"field_from_the_future\":{\"x\":1}}"));

        BotUser me = bot.getMe();

        assertThat(me).isEqualTo(new BotUser(123456, true, "Relay", null, "relay_bot", null));
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getPath()).isEqualTo("/bot" + TOKEN + "/getMe");
    }

    @Test
    void sendMessageSendsTheDocumentedJsonParameters() throws Exception {
        server.enqueue(ok("{\"message_id\":7,\"date\":1700000000,\"chat\":{\"id\":42,\"type\":\"private\"},\"text\":\"hi\"}"));

        JsonNode sent = bot.sendMessage(42L, "<b>hi</b>", Map.of(
                "parse_mode", "HTML",
                "reply_parameters", Map.of("message_id", 5),
                "link_preview_options", Map.of("is_disabled", true),
                "reply_markup", Map.of("inline_keyboard", List.of(List.of(Map.of("text", "Yes", "callback_data", "y"))))));

        assertThat(sent.path("message_id").asLong()).isEqualTo(7);
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r.getPath()).isEqualTo("/bot" + TOKEN + "/sendMessage");
        assertThat(r.getHeader("Content-Type")).startsWith("application/json");
        JsonNode body = Json.tree(r.getBody().readUtf8());
        assertThat(body.path("chat_id").asLong()).isEqualTo(42);
        assertThat(body.path("text").asText()).isEqualTo("<b>hi</b>");
        assertThat(body.path("parse_mode").asText()).isEqualTo("HTML");
        assertThat(body.path("reply_parameters").path("message_id").asInt()).isEqualTo(5);
        assertThat(body.path("link_preview_options").path("is_disabled").asBoolean()).isTrue();
        assertThat(body.path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data").asText())
                .isEqualTo("y");
    }

    @Test
    void aLocalFileIsUploadedAsMultipartAndAFileIdAsJson(@TempDir Path dir) throws Exception {
        Path photo = dir.resolve("chart.png");
        Files.write(photo, new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        server.enqueue(ok("{\"message_id\":8}"));
        server.enqueue(ok("{\"message_id\":9}"));

        bot.sendPhoto(42L, InputFile.upload(photo, "image/png"), Map.of("caption", "today",
                "reply_parameters", Map.of("message_id", 5)));
        bot.sendPhoto(42L, InputFile.fileId("AgACAgIAAxkBAAIB"), Map.of());

        RecordedRequest upload = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(upload.getPath()).isEqualTo("/bot" + TOKEN + "/sendPhoto");
        assertThat(upload.getHeader("Content-Type")).startsWith("multipart/form-data");
        String multipart = upload.getBody().readString(StandardCharsets.ISO_8859_1);
        assertThat(multipart).contains("name=\"chat_id\"", "\r\n\r\n42\r\n")
                .contains("name=\"caption\"", "\r\n\r\ntoday\r\n")
                .contains("name=\"reply_parameters\"", "{\"message_id\":5}")
                .contains("name=\"photo\"; filename=\"chart.png\"", "Content-Type: image/png", "\u0089PNG\u0001\u0002\u0003");
        RecordedRequest byId = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(byId.getHeader("Content-Type")).startsWith("application/json");
        assertThat(Json.tree(byId.getBody().readUtf8()).path("photo").asText()).isEqualTo("AgACAgIAAxkBAAIB");
    }

    @Test
    void errorsCarryErrorCodeDescriptionAndMigrateToChatId() {
        // the error shape of core.telegram.org/bots/api#making-requests and #responseparameters
        server.enqueue(error(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: group chat was upgraded"
                + " to a supergroup chat\",\"parameters\":{\"migrate_to_chat_id\":-1001234567890}}"));

        assertThatThrownBy(() -> bot.sendMessage(-4242L, "hi"))
                .isInstanceOfSatisfying(TelegramApiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(400);
                    assertThat(e.description()).contains("upgraded to a supergroup");
                    assertThat(e.migrateToChatId()).hasValue(-1001234567890L);
                });
    }

    @Test
    void a429IsWaitedOutForRetryAfterAndThenSentAgainEvenForASend() throws Exception {
        server.enqueue(error(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\","
                + "\"parameters\":{\"retry_after\":1}}"));
        server.enqueue(ok("{\"message_id\":10}"));

        long start = System.nanoTime();
        JsonNode sent = bot.sendMessage(42L, "hi");
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(sent.path("message_id").asInt()).isEqualTo(10);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(tookMillis).isGreaterThanOrEqualTo(900);
    }

    @Test
    void a429LongerThanMaxRetryAfterIsThrownAtOnceWithItsRetryAfter() throws Exception {
        server.enqueue(error(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 35\","
                + "\"parameters\":{\"retry_after\":35}}"));

        long start = System.nanoTime();
        assertThatThrownBy(() -> bot.sendMessage(42L, "hi"))
                .isInstanceOfSatisfying(TelegramRateLimitedException.class, e -> {
                    assertThat(e.retryAfterSeconds()).isEqualTo(35);
                    assertThat(e.errorCode()).isEqualTo(429);
                });
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aSendIsNeverRepeatedAfterA5xxButAGetIs() {
        server.enqueue(error(502, "Bad Gateway"));
        server.enqueue(error(502, "Bad Gateway"));
        server.enqueue(ok("{\"id\":1,\"is_bot\":true,\"first_name\":\"b\"}"));

        assertThatThrownBy(() -> bot.sendMessage(42L, "hi")).isInstanceOf(TelegramApiException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(bot.getMe().id()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void theTokenIsInNoExceptionMessageOrToString() throws Exception {
        assertThat(bot.toString()).doesNotContain(TOKEN).doesNotContain("ABC-DEF");
        server.enqueue(error(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized " + TOKEN + "\"}"));
        assertThatThrownBy(() -> bot.getMe()).satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN)
                .contains("401"));
        server.shutdown();
        assertThatThrownBy(() -> bot.sendMessage(1L, "x"))
                .isInstanceOf(TransportException.class)
                .satisfies(e -> assertThat(e.getMessage() + e.getCause()).doesNotContain(TOKEN));
    }

    @Test
    void updatesOfAKindThisSdkDoesNotKnowAreDeliveredAsSuch() {
        Update u = Update.of(Json.tree("{\"update_id\":5,\"kind_added_in_bot_api_99\":{\"chat\":{\"id\":3},\"z\":1}}"));
        assertThat(u.updateId()).isEqualTo(5);
        assertThat(u.kind()).isEqualTo("kind_added_in_bot_api_99");
        assertThat(u.payload().path("z").asInt()).isEqualTo(1);
        assertThat(u.chatId()).hasValue(3L);
    }

    @Test
    void pacingKeepsOneChatToOneMessagePerSecondWindowAndLeavesOtherChatsAlone() throws Exception {
        try (TelegramBot paced = TelegramBot.builder(Secret.of(TOKEN)).baseUrl(server.url("/").toString())
                .pacing(new Pacing(1, 20, 30, Duration.ofSeconds(5))).build()) {
            for (int i = 0; i < 4; i++) {
                server.enqueue(ok("{\"message_id\":" + i + "}"));
            }
            long start = System.nanoTime();
            paced.sendMessage(42L, "one");
            paced.sendMessage(43L, "another chat: not held");
            long otherChat = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            paced.sendMessage(42L, "two");
            paced.sendMessage(42L, "three");
            long third = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            // windows are whole clock seconds (sdk-core's RateLimiter): three sends to one chat span two boundaries
            assertThat(otherChat).isLessThan(800);
            assertThat(third).isGreaterThanOrEqualTo(1000);
        }
    }

    @Test
    void aChatActionIsNotPacedSoItNeverHoldsBackTheMessageItAnnounces() throws Exception {
        try (TelegramBot paced = TelegramBot.builder(Secret.of(TOKEN)).baseUrl(server.url("/").toString())
                .pacing(new Pacing(1, 20, 30, Duration.ofSeconds(5))).build()) {
            for (int i = 0; i < 5; i++) {
                server.enqueue(ok("true"));
            }
            long start = System.nanoTime();
            paced.messages().sendChatAction(42L, "typing");
            paced.call("sendMessage", Map.of("chat_id", 42L, "text", "one"));
            paced.messages().sendChatAction(42L, "typing");
            paced.call("sendMessage", Map.of("chat_id", 42L, "text", "two"));
            paced.messages().sendChatAction(42L, "typing");
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            // two messages to one chat cross at most one clock-second boundary; five paced sends would cross four
            assertThat(took).isLessThan(1_800);
            assertThat(server.getRequestCount()).isEqualTo(5);
        }
    }
}
