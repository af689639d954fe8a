package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A Telegram user or bot (core.telegram.org/bots/api#user), as {@code getMe} and messages give it.
 * Fields Telegram adds later are ignored here; read them from the raw JSON when needed.
 *
 * <pre>{@code
 * BotUser me = bot.getMe();
 * System.out.println("running as @" + me.username() + " (" + me.id() + ")");
 * }</pre>
 *
 * @param id the user's id
 * @param isBot whether it is a bot
 * @param firstName first name
 * @param lastName last name, or {@code null}
 * @param username username without the {@code @}, or {@code null}
 * @param languageCode the IETF language tag of the user's client, or {@code null}
 */
public record BotUser(
        @JsonProperty("id") long id,
        @JsonProperty("is_bot") boolean isBot,
        @JsonProperty("first_name") String firstName,
        @JsonProperty("last_name") String lastName,
        @JsonProperty("username") String username,
        @JsonProperty("language_code") String languageCode) {
}
