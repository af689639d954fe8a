package dev.relaykit.testkit.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.json.Json;
import java.time.Instant;
import java.util.Objects;

/**
 * Update objects as the Telegram Bot API sends them (core.telegram.org/bots/api#update, with the
 * {@code Message}, {@code User}, {@code Chat}, {@code MessageEntity} and {@code CallbackQuery} objects of the same
 * page): a private chat's text message, a command, a callback query. {@link FakeTelegramBotApi} queues them
 * for {@code getUpdates}; {@link TelegramWebhookSender} posts them to a webhook.
 *
 * <pre>{@code
 * String update = TelegramUpdates.message(1001, 42L, "hello bot");
 * // {"update_id":1001,"message":{"message_id":1,"from":{"id":42,...},"chat":{"id":42,"type":"private",...},"date":...,"text":"hello bot"}}
 * }</pre>
 *
 * <p>The user of a private chat has the chat's id as their user id, as in Telegram.
 */
public final class TelegramUpdates {
    private TelegramUpdates() {
    }

    /**
     * <pre>{@code
     * String start = TelegramUpdates.message(1, 42L, "/start"); // with a bot_command entity
     * }</pre>
     *
     * @param updateId the {@code update_id}
     * @param chatId the private chat (and user) id
     * @param text the text; a leading {@code /command} gets a {@code bot_command} entity, as Telegram adds
     * @return the Update, compact JSON
     */
    public static String message(long updateId, long chatId, String text) {
        return wrap(updateId, "message", messagePayload(updateId, chatId, text));
    }

    /**
     * <pre>{@code
     * String pressed = TelegramUpdates.callbackQuery(2, 42L, "yes");
     * }</pre>
     *
     * @param updateId the {@code update_id}
     * @param chatId the private chat (and user) id the button was pressed in
     * @param data the button's {@code callback_data}
     * @return the Update with a {@code callback_query}, compact JSON
     */
    public static String callbackQuery(long updateId, long chatId, String data) {
        return wrap(updateId, "callback_query", callbackPayload(updateId, chatId, data));
    }

    /**
     * Any kind of update, for kinds this class has no builder for ({@code "edited_message"},
     * {@code "inline_query"}, {@code "my_chat_member"}, or one Telegram added later).
     *
     * <pre>{@code
     * String update = TelegramUpdates.of(1002, "inline_query", Json.tree(
     *         "{\"id\":\"7\",\"from\":{\"id\":42,\"is_bot\":false,\"first_name\":\"Ada\"},\"query\":\"cats\",\"offset\":\"\"}"));
     * }</pre>
     *
     * @param updateId the {@code update_id}
     * @param kind the field name
     * @param payload its value
     * @return the Update, compact JSON
     */
    public static String of(long updateId, String kind, JsonNode payload) {
        return wrap(updateId, kind, payload);
    }

    static String wrap(long updateId, String kind, JsonNode payload) {
        Objects.requireNonNull(kind, "kind");
        ObjectNode u = Json.mapper().createObjectNode();
        u.put("update_id", updateId);
        u.set(kind, Objects.requireNonNull(payload, "payload"));
        return Json.write(u);
    }

    static ObjectNode user(long id) {
        ObjectNode u = Json.mapper().createObjectNode();
        u.put("id", id);
        u.put("is_bot", false);
        u.put("first_name", "Ada");
        u.put("last_name", "Lovelace");
        u.put("username", "ada_" + id);
        u.put("language_code", "en");
        return u;
    }

    static ObjectNode privateChat(long id) {
        ObjectNode c = Json.mapper().createObjectNode();
        c.put("id", id);
        c.put("first_name", "Ada");
        c.put("last_name", "Lovelace");
        c.put("username", "ada_" + id);
        c.put("type", "private");
        return c;
    }

    static ObjectNode messagePayload(long messageId, long chatId, String text) {
        Objects.requireNonNull(text, "text");
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("message_id", messageId);
        m.set("from", user(chatId));
        m.set("chat", privateChat(chatId));
        m.put("date", Instant.now().getEpochSecond());
        m.put("text", text);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ');
            ObjectNode entity = m.putArray("entities").addObject();
            entity.put("offset", 0);
            entity.put("length", end < 0 ? text.length() : end);
            entity.put("type", "bot_command");
        }
        return m;
    }

    static ObjectNode callbackPayload(long id, long chatId, String data) {
        Objects.requireNonNull(data, "data");
        ObjectNode q = Json.mapper().createObjectNode();
        q.put("id", Long.toString(4_382_000_000_000_000_000L + id));
        q.set("from", user(chatId));
        ObjectNode message = messagePayload(id, chatId, "Pick one");
        message.set("from", FakeTelegramBotApi.botUser(FakeTelegramBotApi.DEFAULT_BOT_ID)); // the bot's own message
        q.set("message", message);
        q.put("chat_instance", Long.toString(-7_000_000_000_000_000L - chatId));
        q.put("data", data);
        return q;
    }
}
