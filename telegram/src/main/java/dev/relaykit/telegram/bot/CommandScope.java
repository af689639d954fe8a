package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which users see a list of bot commands (core.telegram.org/bots/api#botcommandscope).
 *
 * <pre>{@code
 * bot.setMyCommands(List.of(new BotCommand("ban", "Ban a user")), CommandScope.allChatAdministrators(), null);
 * bot.setMyCommands(List.of(new BotCommand("start", "Start")), CommandScope.chat(chatId), "de");
 * }</pre>
 */
public final class CommandScope {
    private final Map<String, Object> fields;

    private CommandScope(String type, Object chatId, Long userId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        if (chatId != null) {
            m.put("chat_id", chatId);
        }
        if (userId != null) {
            m.put("user_id", userId);
        }
        this.fields = Collections.unmodifiableMap(m);
    }

    /** @return {@code default}: every user with no narrower scope */
    public static CommandScope defaultScope() {
        return new CommandScope("default", null, null);
    }

    /** @return {@code all_private_chats} */
    public static CommandScope allPrivateChats() {
        return new CommandScope("all_private_chats", null, null);
    }

    /** @return {@code all_group_chats} */
    public static CommandScope allGroupChats() {
        return new CommandScope("all_group_chats", null, null);
    }

    /** @return {@code all_chat_administrators} */
    public static CommandScope allChatAdministrators() {
        return new CommandScope("all_chat_administrators", null, null);
    }

    /**
     * @param chatId a chat id or {@code "@supergroupusername"}
     * @return {@code chat}: every member of one chat
     */
    public static CommandScope chat(Object chatId) {
        return new CommandScope("chat", Objects.requireNonNull(chatId, "chatId"), null);
    }

    /**
     * @param chatId a chat id or {@code "@supergroupusername"}
     * @return {@code chat_administrators}: the administrators of one chat
     */
    public static CommandScope chatAdministrators(Object chatId) {
        return new CommandScope("chat_administrators", Objects.requireNonNull(chatId, "chatId"), null);
    }

    /**
     * @param chatId a chat id or {@code "@supergroupusername"}
     * @param userId the user
     * @return {@code chat_member}: one member of one chat
     */
    public static CommandScope chatMember(Object chatId, long userId) {
        return new CommandScope("chat_member", Objects.requireNonNull(chatId, "chatId"), userId);
    }

    /** @return the BotCommandScope object's fields, as sent */
    @JsonValue
    public Map<String, Object> fields() {
        return fields;
    }

    /** @return the scope's fields */
    @Override
    public String toString() {
        return "CommandScope" + fields;
    }
}
