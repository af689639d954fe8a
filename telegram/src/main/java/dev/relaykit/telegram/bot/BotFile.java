package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A file ready to download (core.telegram.org/bots/api#file), as {@code getFile} returns it.
 * Telegram keeps the download link valid for at least an hour; {@link BotFiles#download} fetches it.
 *
 * <pre>{@code
 * BotFile file = bot.files().getFile("BQACAgIAAxkBAAIC");
 * System.out.println(file.filePath() + ", " + file.fileSize() + " bytes");
 * }</pre>
 *
 * @param fileId the id to download or resend the file by
 * @param fileUniqueId the id that is the same for every bot and over time; it cannot download
 * @param fileSize its size in bytes, or {@code null} if unknown
 * @param filePath the path to download it from ({@code https://api.telegram.org/file/bot<token>/<file_path>}),
 *     or {@code null}
 * @param raw the whole object
 */
public record BotFile(String fileId, String fileUniqueId, Long fileSize, String filePath, JsonNode raw) {
    /**
     * @param fileId the id
     * @param fileUniqueId the unique id
     * @param fileSize the size
     * @param filePath the path
     * @param raw the object
     */
    public BotFile {
        Objects.requireNonNull(raw, "raw");
    }

    /**
     * <pre>{@code
     * BotFile f = BotFile.of(bot.call("getFile", Map.of("file_id", "AgACAgIAAxkBAAIB")));
     * }</pre>
     *
     * @param json a File object
     * @return the file
     */
    public static BotFile of(JsonNode json) {
        return new BotFile(Nodes.text(json, "file_id"), Nodes.text(json, "file_unique_id"),
                Nodes.longOrNull(json, "file_size"), Nodes.text(json, "file_path"), json);
    }
}
