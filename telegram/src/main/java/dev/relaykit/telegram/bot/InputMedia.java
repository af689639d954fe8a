package dev.relaykit.telegram.bot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One item of a media group (core.telegram.org/bots/api#inputmedia): a photo, video, document or
 * audio by file id, URL or upload. Uploads go as parts of the {@code sendMediaGroup} request, each
 * named in the item's {@code media} as {@code attach://<name>}, as the Bot API documents.
 *
 * <pre>{@code
 * List<BotMessage> album = bot.messages().sendMediaGroup(chatId, List.of(
 *         InputMedia.photo(InputFile.upload(Path.of("a.jpg"), "image/jpeg")).caption("first"),
 *         InputMedia.photo(InputFile.fileId("AgACAgIAAxkBAAIB"))), SendOptions.create());
 * }</pre>
 *
 * <p>Immutable; {@link #caption} and {@link #with} return a copy.
 */
public final class InputMedia {
    private final Map<String, Object> fields;

    private InputMedia(Map<String, Object> fields) {
        this.fields = fields;
    }

    private static InputMedia of(String type, InputFile media) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("media", Objects.requireNonNull(media, "media"));
        return new InputMedia(m);
    }

    /**
     * @param photo the photo
     * @return an InputMediaPhoto
     */
    public static InputMedia photo(InputFile photo) {
        return of("photo", photo);
    }

    /**
     * @param video the video
     * @return an InputMediaVideo
     */
    public static InputMedia video(InputFile video) {
        return of("video", video);
    }

    /**
     * @param document the file
     * @return an InputMediaDocument (a group of documents holds documents only)
     */
    public static InputMedia document(InputFile document) {
        return of("document", document);
    }

    /**
     * @param audio the audio file
     * @return an InputMediaAudio (a group of audio files holds audio files only)
     */
    public static InputMedia audio(InputFile audio) {
        return of("audio", audio);
    }

    /**
     * @param caption the item's caption (0-1024 characters)
     * @return a copy with it
     */
    public InputMedia caption(String caption) {
        return with("caption", caption);
    }

    /**
     * @param name any field of the item ({@code parse_mode}, {@code has_spoiler}, {@code thumbnail}
     *     as an {@link InputFile}, ...)
     * @param value its value
     * @return a copy with it
     */
    public InputMedia with(String name, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(fields);
        m.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new InputMedia(m);
    }

    Map<String, Object> fields() {
        return fields;
    }

    /** @return the item's type and file */
    @Override
    public String toString() {
        return "InputMedia[" + fields.get("type") + " " + fields.get("media") + "]";
    }
}
