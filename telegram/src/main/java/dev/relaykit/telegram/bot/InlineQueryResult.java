package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One result of an answer to an inline query (core.telegram.org/bots/api#inlinequeryresult): an
 * article (a text message sent when the user picks it) typed here, any of the other twenty kinds by
 * its documented fields with {@link #raw}. Immutable; {@link #with} returns a copy.
 *
 * <pre>{@code
 * bot.messages().answerInlineQuery("2834293", List.of(
 *         InlineQueryResult.article("1", "Hello", "Hello, world").with("description", "says hello"),
 *         InlineQueryResult.raw(Map.of("type", "photo", "id", "2",
 *                 "photo_url", "https://example.com/a.jpg", "thumbnail_url", "https://example.com/a_t.jpg"))),
 *         Map.of("cache_time", 10));
 * }</pre>
 */
public final class InlineQueryResult {
    private final Map<String, Object> fields;

    private InlineQueryResult(Map<String, Object> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    /**
     * An InlineQueryResultArticle whose content is a text message
     * ({@code input_message_content: {"message_text": text}}).
     *
     * @param id the result's id, 1-64 bytes
     * @param title its title in the list
     * @param messageText the message sent when it is picked
     * @return the result
     * @throws IllegalArgumentException if the id is empty or longer than 64 bytes
     */
    public static InlineQueryResult article(String id, String title, String messageText) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "article");
        m.put("id", checkId(id));
        m.put("title", Objects.requireNonNull(title, "title"));
        m.put("input_message_content", Map.of("message_text", Objects.requireNonNull(messageText, "messageText")));
        return new InlineQueryResult(m);
    }

    /**
     * Any result by its documented fields.
     *
     * @param fields the fields, with {@code type} and {@code id}
     * @return the result
     * @throws IllegalArgumentException if {@code type} or {@code id} is missing
     */
    public static InlineQueryResult raw(Map<String, ?> fields) {
        if (!(fields.get("type") instanceof String) || !(fields.get("id") instanceof String id)) {
            throw new IllegalArgumentException("an inline query result needs a type and an id");
        }
        checkId(id);
        return new InlineQueryResult(new LinkedHashMap<>(fields));
    }

    private static String checkId(String id) {
        int bytes = Objects.requireNonNull(id, "id").getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 1 || bytes > 64) {
            throw new IllegalArgumentException("an inline query result id must be 1-64 bytes, this one is " + bytes);
        }
        return id;
    }

    /**
     * @param name any field ({@code description}, {@code reply_markup}, {@code thumbnail_url}, ...)
     * @param value its value
     * @return a copy with it
     */
    public InlineQueryResult with(String name, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(fields);
        m.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new InlineQueryResult(m);
    }

    /** @return the result's JSON fields, as sent */
    @JsonValue
    public Map<String, Object> fields() {
        return fields;
    }

    /** @return the result's type and id */
    @Override
    public String toString() {
        return "InlineQueryResult[" + fields.get("type") + " " + fields.get("id") + "]";
    }
}
