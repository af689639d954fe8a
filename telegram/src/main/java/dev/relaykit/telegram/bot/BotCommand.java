package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A bot command shown in the client's menu (core.telegram.org/bots/api#botcommand).
 *
 * <pre>{@code
 * bot.setMyCommands(List.of(new BotCommand("start", "Start the bot"), new BotCommand("help", "Show help")), null, null);
 * }</pre>
 *
 * @param command 1-32 characters: lowercase English letters, digits and underscores, without the {@code /}
 * @param description 1-256 characters
 */
public record BotCommand(@JsonProperty("command") String command, @JsonProperty("description") String description) {
    /**
     * Checks the documented limits, so a bad command fails here and not as a 400 for the whole list.
     *
     * @param command the command
     * @param description its description
     * @throws IllegalArgumentException if either breaks its limits
     */
    public BotCommand {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(description, "description");
        if (!command.matches("[a-z0-9_]{1,32}")) {
            throw new IllegalArgumentException("a bot command is 1-32 lowercase letters, digits or underscores,"
                    + " without the slash: " + command);
        }
        if (description.isEmpty() || description.length() > 256) {
            throw new IllegalArgumentException("a command's description is 1-256 characters: /" + command);
        }
    }
}
