package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;

/**
 * One incoming update (core.telegram.org/bots/api#update): its {@code update_id} and the one
 * optional field it carries, whatever that is. The kind is read from the JSON, not from a list
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

    /** @return update id and kind; never the payload, which holds users' messages */
    @Override
    public String toString() {
        return "Update[updateId=" + updateId + ", kind=" + kind + "]";
    }
}
