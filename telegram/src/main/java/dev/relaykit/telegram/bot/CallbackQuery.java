package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A press of an inline keyboard button with callback data (core.telegram.org/bots/api#callbackquery).
 * Answer every one with {@link BotMessages#answerCallbackQuery}, or the user's client shows a
 * progress bar until it times out.
 *
 * <pre>{@code
 * update.callbackQuery().ifPresent(q -> {
 *     bot.messages().answerCallbackQuery(q.id(), "Voted " + q.data(), false);
 * });
 * }</pre>
 *
 * @param id the query's id, to answer it by
 * @param from who pressed the button
 * @param message the message the button was on, or {@code null} (a message sent through inline mode);
 *     for a message too old to read only its chat, id and a {@code null} date are known
 * @param inlineMessageId the id of a message sent through inline mode, or {@code null}
 * @param chatInstance a global id of the chat the message was in
 * @param data the button's {@code callback_data}, or {@code null} (a game button)
 * @param raw the whole object
 */
public record CallbackQuery(String id, BotUser from, BotMessage message, String inlineMessageId, String chatInstance,
                            String data, JsonNode raw) {
    /**
     * @param id the id
     * @param from the user
     * @param message the message
     * @param inlineMessageId the inline message id
     * @param chatInstance the chat instance
     * @param data the data
     * @param raw the object
     */
    public CallbackQuery {
        Objects.requireNonNull(raw, "raw");
    }

    /**
     * <pre>{@code
     * CallbackQuery q = CallbackQuery.of(update.payload());
     * }</pre>
     *
     * @param json a CallbackQuery object
     * @return the query
     */
    public static CallbackQuery of(JsonNode json) {
        JsonNode m = json.path("message");
        return new CallbackQuery(Nodes.text(json, "id"), Nodes.user(json.path("from")),
                m.isObject() ? BotMessage.of(m) : null, Nodes.text(json, "inline_message_id"),
                Nodes.text(json, "chat_instance"), Nodes.text(json, "data"), json);
    }

    /** @return the query's id */
    @Override
    public String toString() {
        return "CallbackQuery[id=" + id + "]";
    }
}
