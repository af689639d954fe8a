package dev.relaykit.telegram.bot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file to send (core.telegram.org/bots/api#sending-files): a {@code file_id} of a file already on
 * Telegram's servers, an HTTP URL Telegram downloads itself, or a local file uploaded with
 * {@code multipart/form-data}.
 *
 * <pre>{@code
 * bot.sendPhoto(chatId, InputFile.fileId("AgACAgIAAxkBAAIB..."), Map.of());
 * bot.sendPhoto(chatId, InputFile.url("https://example.com/cat.jpg"), Map.of("caption", "a cat"));
 * bot.sendDocument(chatId, InputFile.upload(Path.of("report.pdf")), Map.of());
 * }</pre>
 */
public final class InputFile {
    private final String reference; // a file_id or URL; null for an upload
    private final Path path;
    private final String contentType;

    private InputFile(String reference, Path path, String contentType) {
        this.reference = reference;
        this.path = path;
        this.contentType = contentType;
    }

    /**
     * @param fileId a {@code file_id} Telegram gave for a file it holds
     * @return the file
     */
    public static InputFile fileId(String fileId) {
        return new InputFile(Objects.requireNonNull(fileId, "fileId"), null, null);
    }

    /**
     * @param url an HTTP URL Telegram fetches the file from
     * @return the file
     */
    public static InputFile url(String url) {
        return new InputFile(Objects.requireNonNull(url, "url"), null, null);
    }

    /**
     * A local file, uploaded as a part of a {@code multipart/form-data} request, streamed from disk.
     *
     * @param file the file
     * @return the file
     * @throws IllegalArgumentException if it is not a readable regular file
     */
    public static InputFile upload(Path file) {
        return upload(file, "application/octet-stream");
    }

    /**
     * @param file the file
     * @param contentType its media type ({@code image/jpeg})
     * @return the file, uploaded with that type
     * @throws IllegalArgumentException if it is not a readable regular file
     */
    public static InputFile upload(Path file, String contentType) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("not a readable file: " + file);
        }
        return new InputFile(null, file, Objects.requireNonNull(contentType, "contentType"));
    }

    /** @return whether the request must be multipart */
    public boolean isUpload() {
        return path != null;
    }

    String reference() {
        return reference;
    }

    Path path() {
        return path;
    }

    String contentType() {
        return contentType;
    }

    /** @return what kind of file this is and, for an upload, its name */
    @Override
    public String toString() {
        return path != null ? "InputFile[upload " + path.getFileName() + "]" : "InputFile[" + reference + "]";
    }
}
