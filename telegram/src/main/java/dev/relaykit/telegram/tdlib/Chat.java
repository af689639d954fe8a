package dev.relaykit.telegram.tdlib;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A chat: TDLib's {@code chat}.
 *
 * <pre>{@code
 * for (Chat chat : client.chats().list(20)) {
 *     System.out.println(chat.id() + " " + chat.kind() + " " + chat.title());
 * }
 * }</pre>
 *
 * @param id the chat's id (negative for groups and channels)
 * @param kind the type's class name without {@code chatType}: {@code "Private"}, {@code "BasicGroup"},
 *     {@code "Supergroup"}, {@code "Secret"}
 * @param title the title
 * @param channel whether it is a channel (a supergroup with {@code is_channel})
 * @param unreadCount unread messages
 * @param raw the object as TDLib sent it
 */
public record Chat(long id, String kind, String title, boolean channel, int unreadCount, JsonNode raw) {

    /**
     * @param c TDLib's {@code chat}
     * @return the chat
     */
    public static Chat of(JsonNode c) {
        String type = c.path("type").path("@type").asText();
        return new Chat(c.path("id").asLong(), type.startsWith("chatType") ? type.substring(8) : type,
                c.path("title").asText(""), c.path("type").path("is_channel").asBoolean(),
                c.path("unread_count").asInt(), c);
    }
}
