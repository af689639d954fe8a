package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A change of a member's status (core.telegram.org/bots/api#chatmemberupdated): the bot's own in
 * {@code my_chat_member} updates (added to a group, blocked by a user), anyone's in
 * {@code chat_member} updates (which the bot receives only when it lists them in
 * {@code allowed_updates} and is an administrator).
 *
 * <pre>{@code
 * update.myChatMember().ifPresent(change -> {
 *     if ("kicked".equals(change.newChatMember().status())) {
 *         System.out.println("blocked by " + change.chat().id());
 *     }
 * });
 * }</pre>
 *
 * @param chat the chat
 * @param from who made the change
 * @param date when
 * @param oldChatMember the member before
 * @param newChatMember the member after
 * @param raw the whole object ({@code invite_link}, {@code via_join_request}, ...)
 */
public record ChatMemberUpdated(BotChat chat, BotUser from, Instant date, ChatMember oldChatMember,
                                ChatMember newChatMember, JsonNode raw) {
    /**
     * @param chat the chat
     * @param from who
     * @param date when
     * @param oldChatMember before
     * @param newChatMember after
     * @param raw the object
     */
    public ChatMemberUpdated {
        Objects.requireNonNull(raw, "raw");
    }

    /**
     * <pre>{@code
     * ChatMemberUpdated c = ChatMemberUpdated.of(update.payload());
     * }</pre>
     *
     * @param json a ChatMemberUpdated object
     * @return the change
     */
    public static ChatMemberUpdated of(JsonNode json) {
        return new ChatMemberUpdated(BotChat.of(json.path("chat")), Nodes.user(json.path("from")),
                Nodes.time(json, "date"), ChatMember.of(json.path("old_chat_member")),
                ChatMember.of(json.path("new_chat_member")), json);
    }

    /** @return chat id and the status change */
    @Override
    public String toString() {
        return "ChatMemberUpdated[chatId=" + chat.id() + ", " + oldChatMember.status() + " -> "
                + newChatMember.status() + "]";
    }
}
