package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A chat member (core.telegram.org/bots/api#chatmember): who, with which status, and the whole
 * object (rights of an administrator, permissions of a restricted member) in {@link #raw()}.
 *
 * <pre>{@code
 * ChatMember m = bot.chats().getChatMember(chatId, 987654321L);
 * if (m.isAdministrator() && m.raw().path("can_delete_messages").asBoolean()) {
 *     System.out.println(m.user().firstName() + " can delete messages");
 * }
 * }</pre>
 *
 * @param status {@code "creator"}, {@code "administrator"}, {@code "member"}, {@code "restricted"},
 *     {@code "left"} or {@code "kicked"}
 * @param user the member
 * @param untilDate when a restriction or ban ends, or {@code null} for forever or none
 * @param raw the whole object
 */
public record ChatMember(String status, BotUser user, Instant untilDate, JsonNode raw) {
    /**
     * @param status the status
     * @param user the user
     * @param untilDate the end of a restriction or ban
     * @param raw the object
     */
    public ChatMember {
        Objects.requireNonNull(raw, "raw");
    }

    /**
     * <pre>{@code
     * ChatMember m = ChatMember.of(update.payload().path("new_chat_member"));
     * }</pre>
     *
     * @param json a ChatMember object of any status
     * @return the member
     */
    public static ChatMember of(JsonNode json) {
        return new ChatMember(Nodes.text(json, "status"), Nodes.user(json.path("user")),
                Nodes.time(json, "until_date"), json);
    }

    /** @return whether the status is {@code creator} or {@code administrator} */
    public boolean isAdministrator() {
        return "creator".equals(status) || "administrator".equals(status);
    }

    /**
     * @return whether the user is in the chat: an owner, administrator or member, or a restricted
     *     member whose {@code is_member} is true
     */
    public boolean isMember() {
        return isAdministrator() || "member".equals(status)
                || ("restricted".equals(status) && raw.path("is_member").asBoolean(false));
    }

    /** @return the permissions of a restricted member (its {@code can_...} fields) */
    public ChatPermissions permissions() {
        return ChatPermissions.of(raw);
    }

    /** @return status and user id */
    @Override
    public String toString() {
        return "ChatMember[status=" + status + ", userId=" + (user == null ? null : user.id()) + "]";
    }
}
