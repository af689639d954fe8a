package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sending, editing and deleting messages, and answering what users press or type
 * (core.telegram.org/bots/api#available-methods, #updating-messages, #inline-mode). Get it from
 * {@link TelegramBot#messages()}.
 *
 * <p>Every method takes the method's optional parameters as a map by their documented names:
 * {@link SendOptions} for the common ones, {@code Map.of(...)} or {@code SendOptions.param} for
 * any other. A chat id is a {@code Long} or a {@code "@channelusername"}. Errors are those of
 * {@link TelegramBot#call(String, Map)}.
 *
 * <pre>{@code
 * BotMessages messages = bot.messages();
 * BotMessage hello = messages.sendMessage(chatId, "hello", SendOptions.create().disableNotification());
 * messages.sendPhoto(chatId, InputFile.upload(Path.of("chart.png"), "image/png"), SendOptions.create().caption("today"));
 * messages.sendChatAction(chatId, "typing");
 * messages.deleteMessage(chatId, hello.messageId());
 * }</pre>
 */
public final class BotMessages {
    private final BotCalls calls;

    BotMessages(BotCalls calls) {
        this.calls = calls;
    }

    private BotMessage message(String method, Map<String, Object> params) {
        return BotMessage.of(calls.call(method, params));
    }

    /**
     * {@code sendMessage}.
     *
     * <pre>{@code
     * BotMessage m = bot.messages().sendMessage(chatId, "*bold*", SendOptions.create().parseMode(SendOptions.MARKDOWN_V2));
     * }</pre>
     *
     * @param chatId the chat
     * @param text 1-4096 characters after entities parsing
     * @param options optional parameters ({@code parse_mode}, {@code entities}, {@code reply_parameters},
     *     {@code link_preview_options}, {@code reply_markup}, {@code disable_notification},
     *     {@code protect_content}, {@code message_thread_id}, ...)
     * @return the sent message
     */
    public BotMessage sendMessage(Object chatId, String text, Map<String, ?> options) {
        return message("sendMessage", BotCalls.params(options, "chat_id", chatId, "text", text));
    }

    /**
     * {@code sendPhoto}: by file id, URL or upload (multipart).
     *
     * <pre>{@code
     * bot.messages().sendPhoto(chatId, InputFile.url("https://example.com/cat.jpg"), SendOptions.create().caption("a cat"));
     * }</pre>
     *
     * @param chatId the chat
     * @param photo the photo
     * @param options optional parameters ({@code caption}, {@code parse_mode}, {@code has_spoiler}, ...)
     * @return the sent message
     */
    public BotMessage sendPhoto(Object chatId, InputFile photo, Map<String, ?> options) {
        return message("sendPhoto", BotCalls.params(options, "chat_id", chatId, "photo", photo));
    }

    /**
     * {@code sendAudio}: an MP3 or M4A file shown in the music player.
     *
     * <pre>{@code
     * bot.messages().sendAudio(chatId, InputFile.upload(Path.of("song.mp3"), "audio/mpeg"), Map.of("title", "Song"));
     * }</pre>
     *
     * @param chatId the chat
     * @param audio the file
     * @param options optional parameters ({@code caption}, {@code duration}, {@code performer}, {@code title},
     *     {@code thumbnail} as an {@link InputFile}, ...)
     * @return the sent message
     */
    public BotMessage sendAudio(Object chatId, InputFile audio, Map<String, ?> options) {
        return message("sendAudio", BotCalls.params(options, "chat_id", chatId, "audio", audio));
    }

    /**
     * {@code sendDocument}: any file.
     *
     * <pre>{@code
     * bot.messages().sendDocument(chatId, InputFile.upload(Path.of("report.pdf"), "application/pdf"), Map.of());
     * }</pre>
     *
     * @param chatId the chat
     * @param document the file
     * @param options optional parameters ({@code caption}, {@code thumbnail}, ...)
     * @return the sent message
     */
    public BotMessage sendDocument(Object chatId, InputFile document, Map<String, ?> options) {
        return message("sendDocument", BotCalls.params(options, "chat_id", chatId, "document", document));
    }

    /**
     * {@code sendVideo}: an MPEG4 video.
     *
     * <pre>{@code
     * bot.messages().sendVideo(chatId, InputFile.upload(Path.of("clip.mp4"), "video/mp4"), Map.of("supports_streaming", true));
     * }</pre>
     *
     * @param chatId the chat
     * @param video the video
     * @param options optional parameters ({@code caption}, {@code duration}, {@code width}, {@code height},
     *     {@code thumbnail}, {@code supports_streaming}, ...)
     * @return the sent message
     */
    public BotMessage sendVideo(Object chatId, InputFile video, Map<String, ?> options) {
        return message("sendVideo", BotCalls.params(options, "chat_id", chatId, "video", video));
    }

    /**
     * {@code sendAnimation}: a GIF or a soundless H.264/MPEG-4 AVC video.
     *
     * <pre>{@code
     * bot.messages().sendAnimation(chatId, InputFile.url("https://example.com/party.gif"), Map.of());
     * }</pre>
     *
     * @param chatId the chat
     * @param animation the animation
     * @param options optional parameters
     * @return the sent message
     */
    public BotMessage sendAnimation(Object chatId, InputFile animation, Map<String, ?> options) {
        return message("sendAnimation", BotCalls.params(options, "chat_id", chatId, "animation", animation));
    }

    /**
     * {@code sendVoice}: an OGG/OPUS, MP3 or M4A voice message.
     *
     * <pre>{@code
     * bot.messages().sendVoice(chatId, InputFile.upload(Path.of("hello.ogg"), "audio/ogg"), Map.of());
     * }</pre>
     *
     * @param chatId the chat
     * @param voice the recording
     * @param options optional parameters ({@code caption}, {@code duration}, ...)
     * @return the sent message
     */
    public BotMessage sendVoice(Object chatId, InputFile voice, Map<String, ?> options) {
        return message("sendVoice", BotCalls.params(options, "chat_id", chatId, "voice", voice));
    }

    /**
     * {@code sendSticker}: a static WEBP, animated TGS or video WEBM sticker.
     *
     * <pre>{@code
     * bot.messages().sendSticker(chatId, InputFile.fileId("CAACAgIAAxkBAAIC"), Map.of());
     * }</pre>
     *
     * @param chatId the chat
     * @param sticker the sticker
     * @param options optional parameters ({@code emoji}, ...)
     * @return the sent message
     */
    public BotMessage sendSticker(Object chatId, InputFile sticker, Map<String, ?> options) {
        return message("sendSticker", BotCalls.params(options, "chat_id", chatId, "sticker", sticker));
    }

    /**
     * {@code sendMediaGroup}: 2-10 photos and videos as an album (or documents only, or audio files
     * only); uploads go as parts named in each item as {@code attach://<name>}.
     *
     * <pre>{@code
     * List<BotMessage> album = bot.messages().sendMediaGroup(chatId, List.of(
     *         InputMedia.photo(InputFile.upload(Path.of("1.jpg"), "image/jpeg")).caption("the view"),
     *         InputMedia.video(InputFile.upload(Path.of("2.mp4"), "video/mp4"))), Map.of());
     * }</pre>
     *
     * @param chatId the chat
     * @param media 2-10 items
     * @param options optional parameters ({@code disable_notification}, {@code reply_parameters}, ...)
     * @return the sent messages, one per item
     * @throws IllegalArgumentException if there are fewer than 2 or more than 10 items
     */
    public List<BotMessage> sendMediaGroup(Object chatId, List<InputMedia> media, Map<String, ?> options) {
        if (media.size() < 2 || media.size() > 10) {
            throw new IllegalArgumentException("a media group has 2-10 items, not " + media.size());
        }
        return messages(calls.call("sendMediaGroup", BotCalls.params(options, "chat_id", chatId, "media", media)));
    }

    private static List<BotMessage> messages(JsonNode array) {
        List<BotMessage> out = new ArrayList<>();
        array.forEach(m -> out.add(BotMessage.of(m)));
        return List.copyOf(out);
    }

    /**
     * {@code sendLocation}.
     *
     * <pre>{@code
     * bot.messages().sendLocation(chatId, 52.5200, 13.4050, Map.of("live_period", 900));
     * }</pre>
     *
     * @param chatId the chat
     * @param latitude the latitude
     * @param longitude the longitude
     * @param options optional parameters ({@code horizontal_accuracy}, {@code live_period}, {@code heading}, ...)
     * @return the sent message
     */
    public BotMessage sendLocation(Object chatId, double latitude, double longitude, Map<String, ?> options) {
        return message("sendLocation", BotCalls.params(options, "chat_id", chatId, "latitude", latitude,
                "longitude", longitude));
    }

    /**
     * {@code sendContact}.
     *
     * <pre>{@code
     * bot.messages().sendContact(chatId, "+15551234567", "Ada", Map.of("last_name", "Lovelace"));
     * }</pre>
     *
     * @param chatId the chat
     * @param phoneNumber the phone number
     * @param firstName the first name
     * @param options optional parameters ({@code last_name}, {@code vcard}, ...)
     * @return the sent message
     */
    public BotMessage sendContact(Object chatId, String phoneNumber, String firstName, Map<String, ?> options) {
        return message("sendContact", BotCalls.params(options, "chat_id", chatId, "phone_number", phoneNumber,
                "first_name", firstName));
    }

    /**
     * {@code sendPoll}: each option goes as an InputPollOption ({@code {"text": ...}}).
     *
     * <pre>{@code
     * bot.messages().sendPoll(chatId, "Lunch?", List.of("Pizza", "Salad"), Map.of("is_anonymous", false));
     * }</pre>
     *
     * @param chatId the chat
     * @param question 1-300 characters
     * @param options the answer options (2-12 in Bot API 10.x)
     * @param params optional parameters ({@code is_anonymous}, {@code type}, {@code allows_multiple_answers},
     *     {@code correct_option_ids} of a quiz, {@code open_period}, ...)
     * @return the sent message
     */
    public BotMessage sendPoll(Object chatId, String question, List<String> options, Map<String, ?> params) {
        List<Map<String, String>> inputOptions = new ArrayList<>();
        for (String o : options) {
            inputOptions.add(Map.of("text", Objects.requireNonNull(o, "option")));
        }
        return message("sendPoll", BotCalls.params(params, "chat_id", chatId, "question", question,
                "options", inputOptions));
    }

    /**
     * {@code sendDice}: an animated emoji with a random value.
     *
     * <pre>{@code
     * int value = bot.messages().sendDice(chatId, "🎲", Map.of()).raw().path("dice").path("value").asInt();
     * }</pre>
     *
     * @param chatId the chat
     * @param emoji the emoji it is based on ({@code "🎲"}, {@code "🎯"}, {@code "🏀"}, ...), or {@code null} for the die
     * @param options optional parameters
     * @return the sent message
     */
    public BotMessage sendDice(Object chatId, String emoji, Map<String, ?> options) {
        Map<String, Object> p = BotCalls.params(options, "chat_id", chatId);
        if (emoji != null) {
            p.put("emoji", emoji);
        }
        return message("sendDice", p);
    }

    /**
     * {@code sendChatAction}: "typing...", "sending photo..." for 5 seconds or until the next message.
     *
     * <pre>{@code
     * bot.messages().sendChatAction(chatId, "upload_document");
     * }</pre>
     *
     * @param chatId the chat
     * @param action {@code typing}, {@code upload_photo}, {@code record_video}, {@code upload_video},
     *     {@code record_voice}, {@code upload_voice}, {@code upload_document}, {@code choose_sticker},
     *     {@code find_location}, {@code record_video_note} or {@code upload_video_note}
     * @return {@code true}
     */
    public boolean sendChatAction(Object chatId, String action) {
        return calls.call("sendChatAction", BotCalls.params(Map.of(), "chat_id", chatId, "action", action)).asBoolean();
    }

    /**
     * {@code editMessageText} of a message the bot sent.
     *
     * <pre>{@code
     * bot.messages().editMessageText(chatId, 42, "updated", SendOptions.create().replyMarkup(ReplyMarkup.inlineKeyboard()));
     * }</pre>
     *
     * @param chatId the chat
     * @param messageId the message
     * @param text the new text
     * @param options optional parameters ({@code parse_mode}, {@code entities}, {@code link_preview_options},
     *     {@code reply_markup})
     * @return the edited message
     */
    public BotMessage editMessageText(Object chatId, long messageId, String text, Map<String, ?> options) {
        return message("editMessageText", BotCalls.params(options, "chat_id", chatId, "message_id", messageId,
                "text", text));
    }

    /**
     * {@code editMessageCaption}.
     *
     * <pre>{@code
     * bot.messages().editMessageCaption(chatId, 42, "new caption", Map.of());
     * }</pre>
     *
     * @param chatId the chat
     * @param messageId the message
     * @param caption the new caption (0-1024 characters)
     * @param options optional parameters ({@code parse_mode}, {@code caption_entities}, {@code reply_markup}, ...)
     * @return the edited message
     */
    public BotMessage editMessageCaption(Object chatId, long messageId, String caption, Map<String, ?> options) {
        return message("editMessageCaption", BotCalls.params(options, "chat_id", chatId, "message_id", messageId,
                "caption", caption));
    }

    /**
     * {@code editMessageReplyMarkup}: replaces the inline keyboard, or removes it.
     *
     * <pre>{@code
     * bot.messages().editMessageReplyMarkup(chatId, 42, null); // no keyboard any more
     * }</pre>
     *
     * @param chatId the chat
     * @param messageId the message
     * @param markup the new inline keyboard, or {@code null} to remove it
     * @return the edited message
     */
    public BotMessage editMessageReplyMarkup(Object chatId, long messageId, ReplyMarkup markup) {
        Map<String, Object> p = BotCalls.params(Map.of(), "chat_id", chatId, "message_id", messageId);
        if (markup != null) {
            p.put("reply_markup", markup);
        }
        return message("editMessageReplyMarkup", p);
    }

    /**
     * {@code deleteMessage}.
     *
     * <pre>{@code
     * bot.messages().deleteMessage(chatId, 42);
     * }</pre>
     *
     * @param chatId the chat
     * @param messageId the message (a bot deletes its own messages and, as an administrator, others')
     * @return {@code true}
     */
    public boolean deleteMessage(Object chatId, long messageId) {
        return calls.call("deleteMessage", BotCalls.params(Map.of(), "chat_id", chatId, "message_id", messageId))
                .asBoolean();
    }

    /**
     * {@code deleteMessages}: up to 100 at once; those that cannot be found are skipped.
     *
     * <pre>{@code
     * bot.messages().deleteMessages(chatId, List.of(41L, 42L, 43L));
     * }</pre>
     *
     * @param chatId the chat
     * @param messageIds 1-100 message ids
     * @return {@code true}
     * @throws IllegalArgumentException if there are none or more than 100
     */
    public boolean deleteMessages(Object chatId, List<Long> messageIds) {
        if (messageIds.isEmpty() || messageIds.size() > 100) {
            throw new IllegalArgumentException("deleteMessages takes 1-100 message ids, not " + messageIds.size());
        }
        return calls.call("deleteMessages", BotCalls.params(Map.of(), "chat_id", chatId,
                "message_ids", List.copyOf(messageIds))).asBoolean();
    }

    /**
     * {@code forwardMessage}: with its "Forwarded from" header.
     *
     * <pre>{@code
     * bot.messages().forwardMessage(chatId, -1001234567890L, 42, Map.of());
     * }</pre>
     *
     * @param chatId the chat to forward to
     * @param fromChatId the chat the message is in
     * @param messageId the message
     * @param options optional parameters ({@code disable_notification}, {@code protect_content}, ...)
     * @return the new message
     */
    public BotMessage forwardMessage(Object chatId, Object fromChatId, long messageId, Map<String, ?> options) {
        return message("forwardMessage", BotCalls.params(options, "chat_id", chatId, "from_chat_id", fromChatId,
                "message_id", messageId));
    }

    /**
     * {@code copyMessage}: a copy without the link to the original.
     *
     * <pre>{@code
     * long copyId = bot.messages().copyMessage(chatId, -1001234567890L, 42, SendOptions.create().caption("new caption"));
     * }</pre>
     *
     * @param chatId the chat to copy to
     * @param fromChatId the chat the message is in
     * @param messageId the message
     * @param options optional parameters ({@code caption}, {@code reply_markup}, ...)
     * @return the copy's message id (Telegram answers a MessageId, not the message)
     */
    public long copyMessage(Object chatId, Object fromChatId, long messageId, Map<String, ?> options) {
        return calls.call("copyMessage", BotCalls.params(options, "chat_id", chatId, "from_chat_id", fromChatId,
                "message_id", messageId)).path("message_id").asLong();
    }

    /**
     * {@code answerCallbackQuery}: stops the button's progress bar, with an optional notification.
     *
     * <pre>{@code
     * bot.messages().answerCallbackQuery("4382bfdwdsb323b2d9", "Saved", false);
     * }</pre>
     *
     * @param callbackQueryId the query's id
     * @param text a notification (0-200 characters), or {@code null} for none
     * @param showAlert whether the text is an alert the user must dismiss, rather than a toast
     * @return {@code true}
     */
    public boolean answerCallbackQuery(String callbackQueryId, String text, boolean showAlert) {
        Map<String, Object> p = BotCalls.params(Map.of(), "callback_query_id", callbackQueryId);
        if (text != null) {
            p.put("text", text);
        }
        if (showAlert) {
            p.put("show_alert", true);
        }
        return calls.call("answerCallbackQuery", p).asBoolean();
    }

    /**
     * {@code answerInlineQuery}: at most 50 results.
     *
     * <pre>{@code
     * bot.messages().answerInlineQuery("2834293", List.of(InlineQueryResult.article("1", "Hi", "Hi there")),
     *         Map.of("cache_time", 0, "is_personal", true));
     * }</pre>
     *
     * @param inlineQueryId the query's id
     * @param results the results
     * @param options optional parameters ({@code cache_time}, {@code is_personal}, {@code next_offset}, {@code button})
     * @return {@code true}
     * @throws IllegalArgumentException if there are more than 50 results
     */
    public boolean answerInlineQuery(String inlineQueryId, List<InlineQueryResult> results, Map<String, ?> options) {
        if (results.size() > 50) {
            throw new IllegalArgumentException("an inline query takes at most 50 results, not " + results.size());
        }
        return calls.call("answerInlineQuery", BotCalls.params(options, "inline_query_id", inlineQueryId,
                "results", List.copyOf(results))).asBoolean();
    }
}
