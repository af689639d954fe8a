package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A query typed after the bot's username in any chat (core.telegram.org/bots/api#inlinequery),
 * answered with {@link BotMessages#answerInlineQuery}.
 *
 * <pre>{@code
 * update.inlineQuery().ifPresent(q -> bot.messages().answerInlineQuery(q.id(),
 *         List.of(InlineQueryResult.article("1", "Echo", q.query())), Map.of()));
 * }</pre>
 *
 * @param id the query's id, to answer it by
 * @param from who typed it
 * @param query its text (up to 256 characters)
 * @param offset the offset of the results to return, as the bot set it in {@code next_offset}
 * @param chatType the type of the chat it was typed in, or {@code null}
 * @param raw the whole object
 */
public record InlineQuery(String id, BotUser from, String query, String offset, String chatType, JsonNode raw) {
    /**
     * @param id the id
     * @param from the user
     * @param query the text
     * @param offset the offset
     * @param chatType the chat type
     * @param raw the object
     */
    public InlineQuery {
        Objects.requireNonNull(raw, "raw");
    }

    /**
     * <pre>{@code
     * InlineQuery q = InlineQuery.of(update.payload());
     * }</pre>
     *
     * @param json an InlineQuery object
     * @return the query
     */
    public static InlineQuery of(JsonNode json) {
        return new InlineQuery(Nodes.text(json, "id"), Nodes.user(json.path("from")), Nodes.text(json, "query"),
                Nodes.text(json, "offset"), Nodes.text(json, "chat_type"), json);
    }

    /** @return the query's id; never its text */
    @Override
    public String toString() {
        return "InlineQuery[id=" + id + "]";
    }
}
