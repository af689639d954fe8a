package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A chat (core.telegram.org/bots/api#chat), or the ChatFullInfo {@code getChat} returns: the fields
 * most bots read, and the whole object in {@link #raw()} for the rest.
 *
 * <pre>{@code
 * BotChat chat = bot.chats().getChat(chatId);
 * String name = chat.title() != null ? chat.title() : chat.firstName();
 * String bio = chat.raw().path("bio").asText(null); // a ChatFullInfo field
 * }</pre>
 *
 * @param id the chat's id (negative for groups, supergroups and channels)
 * @param type {@code "private"}, {@code "group"}, {@code "supergroup"} or {@code "channel"}
 * @param title the title of a group or channel, or {@code null}
 * @param username the username without {@code @}, or {@code null}
 * @param firstName a private chat's first name, or {@code null}
 * @param lastName a private chat's last name, or {@code null}
 * @param raw the whole object as Telegram sent it
 */
public record BotChat(long id, String type, String title, String username, String firstName, String lastName,
                      JsonNode raw) {
    /**
     * @param id the id
     * @param type the type
     * @param title the title
     * @param username the username
     * @param firstName the first name
     * @param lastName the last name
     * @param raw the object
     */
    public BotChat {
        Objects.requireNonNull(raw, "raw");
    }

    /**
     * Reads a Chat or ChatFullInfo object; fields this SDK does not know stay in {@code raw}.
     *
     * <pre>{@code
     * BotChat chat = BotChat.of(update.payload().path("chat"));
     * }</pre>
     *
     * @param json the object
     * @return the chat
     */
    public static BotChat of(JsonNode json) {
        return new BotChat(json.path("id").asLong(), Nodes.text(json, "type"), Nodes.text(json, "title"),
                Nodes.text(json, "username"), Nodes.text(json, "first_name"), Nodes.text(json, "last_name"), json);
    }

    /** @return id and type; never names, which identify people */
    @Override
    public String toString() {
        return "BotChat[id=" + id + ", type=" + type + "]";
    }
}
