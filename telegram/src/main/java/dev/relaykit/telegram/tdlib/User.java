package dev.relaykit.telegram.tdlib;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Telegram user: TDLib's {@code user}.
 *
 * <pre>{@code
 * User me = client.chats().me();
 * System.out.println(me.firstName() + " @" + me.username() + (me.bot() ? " (bot)" : ""));
 * }</pre>
 *
 * @param id the user's id
 * @param firstName first name
 * @param lastName last name, or {@code ""}
 * @param username the first active username, or {@code ""}
 * @param phoneNumber the phone number if visible, or {@code ""}
 * @param bot whether the user is a bot ({@code userTypeBot})
 * @param raw the object as TDLib sent it
 */
public record User(long id, String firstName, String lastName, String username, String phoneNumber, boolean bot,
                   JsonNode raw) {

    /**
     * @param u TDLib's {@code user}
     * @return the user
     */
    public static User of(JsonNode u) {
        return new User(u.path("id").asLong(), u.path("first_name").asText(""), u.path("last_name").asText(""),
                u.path("usernames").path("active_usernames").path(0).asText(""), u.path("phone_number").asText(""),
                "userTypeBot".equals(u.path("type").path("@type").asText()), u);
    }
}
