package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A message (core.telegram.org/bots/api#message), as the send methods return it and updates carry
 * it: the fields most bots read, and the whole object in {@link #raw()} for everything else (photos,
 * entities, service messages, fields added after this release).
 *
 * <pre>{@code
 * BotMessage sent = bot.messages().sendMessage(chatId, "hello", SendOptions.create());
 * bot.messages().editMessageText(sent.chat().id(), sent.messageId(), "hello again", SendOptions.create());
 * JsonNode photos = sent.raw().path("photo");
 * }</pre>
 *
 * @param messageId the message's id, unique in its chat
 * @param chat the chat it belongs to
 * @param from its sender, or {@code null} (channel posts, anonymous administrators)
 * @param date when it was sent, or {@code null} for an inaccessible message
 * @param text the text of a text message, or {@code null}
 * @param caption the caption of a media message, or {@code null}
 * @param messageThreadId the forum topic it belongs to, or {@code null}
 * @param raw the whole object as Telegram sent it
 */
public record BotMessage(long messageId, BotChat chat, BotUser from, Instant date, String text, String caption,
                         Long messageThreadId, JsonNode raw) {
    /**
     * @param messageId the id
     * @param chat the chat
     * @param from the sender
     * @param date the date
     * @param text the text
     * @param caption the caption
     * @param messageThreadId the topic
     * @param raw the object
     */
    public BotMessage {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(raw, "raw");
    }

    /**
     * Reads a Message (or MaybeInaccessibleMessage) object; fields this SDK does not know stay in {@code raw}.
     *
     * <pre>{@code
     * BotMessage m = BotMessage.of(bot.call("sendDice", Map.of("chat_id", chatId)));
     * int value = m.raw().path("dice").path("value").asInt();
     * }</pre>
     *
     * @param json the object
     * @return the message
     */
    public static BotMessage of(JsonNode json) {
        return new BotMessage(json.path("message_id").asLong(), BotChat.of(json.path("chat")),
                Nodes.user(json.path("from")), Nodes.time(json, "date"), Nodes.text(json, "text"),
                Nodes.text(json, "caption"), Nodes.longOrNull(json, "message_thread_id"), json);
    }

    /** @return ids only; never the text, which is a user's message */
    @Override
    public String toString() {
        return "BotMessage[messageId=" + messageId + ", chatId=" + chat.id() + "]";
    }
}
