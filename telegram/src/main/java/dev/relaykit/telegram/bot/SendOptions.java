package dev.relaykit.telegram.bot;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The optional parameters of a Bot API method, by their documented names, with typed setters for
 * the ones most bots use. It is a {@code Map}, so it goes wherever a method takes
 * {@code Map<String, ?> options} (and into {@link TelegramBot#call(String, Map)}); a parameter
 * without a setter here, or one Telegram added after this release, is one {@link #param} away.
 *
 * <pre>{@code
 * bot.messages().sendMessage(chatId, "<b>Pick one</b>", SendOptions.create()
 *         .parseMode(SendOptions.HTML)
 *         .replyTo(42)
 *         .disableLinkPreview()
 *         .replyMarkup(ReplyMarkup.inlineKeyboard(List.of(Button.callback("Yes", "yes"), Button.callback("No", "no"))))
 *         .param("message_effect_id", "5104841245755180586"));
 * }</pre>
 *
 * <p>A builder, not thread-safe; the methods copy it when they send, so one may be reused.
 */
public final class SendOptions extends AbstractMap<String, Object> {
    /** {@code parse_mode} value for HTML (core.telegram.org/bots/api#html-style). */
    public static final String HTML = "HTML";
    /** {@code parse_mode} value for MarkdownV2 (core.telegram.org/bots/api#markdownv2-style). */
    public static final String MARKDOWN_V2 = "MarkdownV2";

    private final Map<String, Object> params = new LinkedHashMap<>();

    private SendOptions() {
    }

    /**
     * <pre>{@code
     * SendOptions silent = SendOptions.create().disableNotification();
     * }</pre>
     *
     * @return empty options
     */
    public static SendOptions create() {
        return new SendOptions();
    }

    /**
     * Sets any parameter by its documented name; {@code null} removes it.
     *
     * <pre>{@code
     * SendOptions o = SendOptions.create().param("allow_paid_broadcast", true);
     * }</pre>
     *
     * @param name the parameter's name ({@code "business_connection_id"})
     * @param value its value: a string, number, boolean, map, list, record, {@link InputFile}, ...
     * @return these options
     */
    public SendOptions param(String name, Object value) {
        Objects.requireNonNull(name, "name");
        if (value == null) {
            params.remove(name);
        } else {
            params.put(name, value);
        }
        return this;
    }

    /**
     * @param mode {@code parse_mode}: {@link #HTML}, {@link #MARKDOWN_V2} or {@code "Markdown"}
     * @return these options
     */
    public SendOptions parseMode(String mode) {
        return param("parse_mode", mode);
    }

    /**
     * @param entities {@code entities}: MessageEntity objects (maps with {@code type}, {@code offset},
     *     {@code length}, ...), instead of a parse mode
     * @return these options
     */
    public SendOptions entities(List<?> entities) {
        return param("entities", entities);
    }

    /**
     * @param caption {@code caption} of a photo, video, document, ... (0-1024 characters)
     * @return these options
     */
    public SendOptions caption(String caption) {
        return param("caption", caption);
    }

    /**
     * @param entities {@code caption_entities}, instead of a parse mode for the caption
     * @return these options
     */
    public SendOptions captionEntities(List<?> entities) {
        return param("caption_entities", entities);
    }

    /**
     * Replies to a message of the same chat: {@code reply_parameters: {"message_id": id}} (the
     * ReplyParameters object that replaced {@code reply_to_message_id} in Bot API 7.0).
     *
     * @param messageId the message replied to
     * @return these options
     */
    public SendOptions replyTo(long messageId) {
        return param("reply_parameters", Map.of("message_id", messageId));
    }

    /**
     * @param replyParameters the whole ReplyParameters object ({@code message_id}, {@code chat_id},
     *     {@code allow_sending_without_reply}, {@code quote}, ...)
     * @return these options
     */
    public SendOptions replyParameters(Map<String, ?> replyParameters) {
        return param("reply_parameters", replyParameters);
    }

    /**
     * No link preview: {@code link_preview_options: {"is_disabled": true}} (the LinkPreviewOptions
     * object that replaced {@code disable_web_page_preview} in Bot API 7.0).
     *
     * @return these options
     */
    public SendOptions disableLinkPreview() {
        return param("link_preview_options", Map.of("is_disabled", true));
    }

    /**
     * @param options the whole LinkPreviewOptions object ({@code url}, {@code prefer_small_media},
     *     {@code show_above_text}, ...)
     * @return these options
     */
    public SendOptions linkPreviewOptions(Map<String, ?> options) {
        return param("link_preview_options", options);
    }

    /**
     * @param markup {@code reply_markup}: an inline keyboard, a reply keyboard, its removal or a
     *     force-reply
     * @return these options
     */
    public SendOptions replyMarkup(ReplyMarkup markup) {
        return param("reply_markup", markup);
    }

    /**
     * {@code disable_notification}: the message arrives without sound.
     *
     * @return these options
     */
    public SendOptions disableNotification() {
        return param("disable_notification", true);
    }

    /**
     * {@code protect_content}: the message cannot be forwarded or saved.
     *
     * @return these options
     */
    public SendOptions protectContent() {
        return param("protect_content", true);
    }

    /**
     * @param threadId {@code message_thread_id}: the forum topic (supergroups) the message goes to
     * @return these options
     */
    public SendOptions messageThreadId(long threadId) {
        return param("message_thread_id", threadId);
    }

    /** @return the parameters set, in the order they were set */
    @Override
    public Set<Entry<String, Object>> entrySet() {
        return params.entrySet();
    }

    /**
     * As {@link #param}: a {@code null} value removes the parameter.
     *
     * @param key the parameter's name
     * @param value its value
     * @return the value it had
     */
    @Override
    public Object put(String key, Object value) {
        Object old = params.get(key);
        param(key, value);
        return old;
    }
}
