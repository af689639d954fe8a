package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;

/**
 * One incoming update (core.telegram.org/bots/api#update): its {@code update_id} and the one
 * optional field it carries, whatever that is, with typed accessors for the common kinds
 * ({@link #message()}, {@link #callbackQuery()}, ...; empty for any other kind). The kind is read from the JSON, not from a list
 * compiled into this SDK, so a kind Telegram added after this release ({@code "business_message"},
 * {@code "purchased_paid_media"}, ...) arrives like any other, with its payload as a JSON tree.
 *
 * <pre class="java-members">{@code
 * void onUpdate(Update update) {
 *     if (update.kind().equals("message")) {
 *         long chatId = update.payload().path("chat").path("id").asLong();
 *         String text = update.payload().path("text").asText();
 *     }
 * }
 * }</pre>
 *
 * @param updateId the update's {@code update_id}; long polling confirms updates by it
 * @param kind the name of the field the update carries ({@code "message"}, {@code "callback_query"},
 *     ...), or {@code ""} if it carries none
 * @param payload that field's value ({@code MissingNode} if none)
 * @param raw the whole update object
 */
public record Update(long updateId, String kind, JsonNode payload, JsonNode raw) {

    /**
     * @param updateId the update id
     * @param kind the kind
     * @param payload the payload
     * @param raw the whole update
     */
    public Update {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(raw, "raw");
    }

    /**
     * Reads an update object as Telegram sends it.
     *
     * <pre>{@code
     * Update u = Update.of(Json.tree("{\"update_id\":7,\"message\":{\"text\":\"hi\"}}"));
     * assert u.kind().equals("message");
     * }</pre>
     *
     * @param json an Update object
     * @return the update
     * @throws IllegalArgumentException if it is not an object with a numeric {@code update_id}
     */
    public static Update of(JsonNode json) {
        if (json == null || !json.isObject() || !json.path("update_id").isIntegralNumber()) {
            throw new IllegalArgumentException("not a Bot API Update: no numeric update_id");
        }
        String kind = "";
        JsonNode payload = json.path("__none__");
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("update_id")) {
                kind = name;
                payload = json.get(name);
                break;
            }
        }
        return new Update(json.get("update_id").asLong(), kind, payload, json);
    }

    /**
     * @return the message's text for a {@code message}, {@code edited_message}, {@code channel_post}
     *     or {@code edited_channel_post} that has one
     */
    public Optional<String> text() {
        JsonNode t = payload.path("text");
        return t.isTextual() ? Optional.of(t.asText()) : Optional.empty();
    }

    /** @return {@code chat.id} of a message-like payload, if it has one */
    public Optional<Long> chatId() {
        JsonNode id = payload.path("chat").path("id");
        if (id.isIntegralNumber()) {
            return Optional.of(id.asLong());
        }
        id = payload.path("message").path("chat").path("id"); // callback_query.message
        return id.isIntegralNumber() ? Optional.of(id.asLong()) : Optional.empty();
    }

    private <T> Optional<T> typed(String name, java.util.function.Function<JsonNode, T> reader) {
        return kind.equals(name) && payload.isObject() ? Optional.of(reader.apply(payload)) : Optional.empty();
    }

    /**
     * <pre>{@code
     * update.message().ifPresent(m -> bot.messages().sendMessage(m.chat().id(), "got it", SendOptions.create().replyTo(m.messageId())));
     * }</pre>
     *
     * @return the {@code message} of a {@code message} update
     */
    public Optional<BotMessage> message() {
        return typed("message", BotMessage::of);
    }

    /** @return the new version of a message of an {@code edited_message} update */
    public Optional<BotMessage> editedMessage() {
        return typed("edited_message", BotMessage::of);
    }

    /** @return the post of a {@code channel_post} update */
    public Optional<BotMessage> channelPost() {
        return typed("channel_post", BotMessage::of);
    }

    /**
     * <pre>{@code
     * update.callbackQuery().ifPresent(q -> bot.messages().answerCallbackQuery(q.id(), null, false));
     * }</pre>
     *
     * @return the query of a {@code callback_query} update
     */
    public Optional<CallbackQuery> callbackQuery() {
        return typed("callback_query", CallbackQuery::of);
    }

    /** @return the query of an {@code inline_query} update */
    public Optional<InlineQuery> inlineQuery() {
        return typed("inline_query", InlineQuery::of);
    }

    /** @return the query of a {@code pre_checkout_query} update */
    public Optional<PreCheckoutQuery> preCheckoutQuery() {
        return typed("pre_checkout_query", PreCheckoutQuery::of);
    }

    /** @return the query of a {@code shipping_query} update */
    public Optional<ShippingQuery> shippingQuery() {
        return typed("shipping_query", ShippingQuery::of);
    }

    /** @return the change of the bot's own status of a {@code my_chat_member} update */
    public Optional<ChatMemberUpdated> myChatMember() {
        return typed("my_chat_member", ChatMemberUpdated::of);
    }

    /** @return the change of a member's status of a {@code chat_member} update */
    public Optional<ChatMemberUpdated> chatMember() {
        return typed("chat_member", ChatMemberUpdated::of);
    }

    /** @return update id and kind; never the payload, which holds users' messages */
    @Override
    public String toString() {
        return "Update[updateId=" + updateId + ", kind=" + kind + "]";
    }
}
