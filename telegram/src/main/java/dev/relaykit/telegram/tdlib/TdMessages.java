package dev.relaykit.telegram.tdlib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.secret.Secret;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sending and changing messages: {@code sendMessage} with text (Markdown or HTML turned into entities
 * by TDLib's {@code parseTextEntities}, locally through {@code td_execute}), photos, videos, documents,
 * audio and invoices, with an optional {@link ReplyMarkup} (inline or reply keyboard);
 * {@code editMessageText}, {@code deleteMessages}, {@code forwardMessages}; answers to callback queries;
 * sponsored messages.
 *
 * <p>One mechanism sends them all: a content built by {@link #text}, {@link #photo}, {@link #video},
 * {@link #document}, {@link #audio}, {@link #invoice} (TDLib's {@code InputMessageContent}, JSON a caller
 * may still add fields to) goes out through {@link #send(long, ObjectNode, ReplyMarkup)}.
 *
 * <p>A message TDLib returns from a send is still {@code "pending"} with a temporary id; TDLib reports
 * the outcome later as {@link TdListener#onMessageSendSucceeded} / {@link TdListener#onMessageSendFailed},
 * and an upload's progress as {@link TdListener#onFile}.
 *
 * <pre>{@code
 * TdMessages m = client.messages();
 * Message sent = m.sendText(chatId, "<b>Build</b> passed", ParseMode.HTML);
 * m.editText(chatId, serverId, "Build *failed*", ParseMode.MARKDOWN_V2);
 * m.delete(chatId, List.of(serverId), true);
 * m.sendVideo(chatId, InputFile.local(Path.of("demo.mp4")), FormattedText.plain("Release demo"));
 * m.send(chatId, TdMessages.text(FormattedText.plain("Deploy?")),
 *         ReplyMarkup.inlineKeyboard(List.of(List.of(ReplyMarkup.callback("Yes", "deploy")))));
 * }</pre>
 */
public final class TdMessages {
    private final TdCalls calls;

    TdMessages(TdCalls calls) {
        this.calls = calls;
    }

    static List<Message> messages(JsonNode answer) {
        List<Message> list = new ArrayList<>();
        for (JsonNode m : answer.path("messages")) {
            if (!m.isNull()) {
                list.add(Message.of(m));
            }
        }
        return List.copyOf(list);
    }

    /**
     * @param chatId the chat
     * @param text plain text
     * @return the message, still pending
     */
    public Message sendText(long chatId, String text) {
        return calls.await(sendAsync(chatId, text(FormattedText.plain(text))));
    }

    /**
     * Sends marked-up text: TDLib parses it ({@code parseTextEntities}) into text and entities first.
     *
     * @param chatId the chat
     * @param text the marked-up text
     * @param mode its markup
     * @return the message, still pending
     * @throws TdException if the markup is invalid (nothing is sent)
     */
    public Message sendText(long chatId, String text, ParseMode mode) {
        return calls.await(sendTextAsync(chatId, text, mode));
    }

    /**
     * @param chatId the chat
     * @param text the marked-up text
     * @param mode its markup
     * @return the message, still pending; fails with a {@link TdException} for invalid markup
     */
    public CompletableFuture<Message> sendTextAsync(long chatId, String text, ParseMode mode) {
        FormattedText f;
        try {
            f = TdExecute.parseTextEntities(calls.td(), text, mode);
        } catch (TdException e) {
            return CompletableFuture.failedFuture(e);
        }
        return sendAsync(chatId, text(f));
    }

    /**
     * @param chatId the chat
     * @param text text with its entities
     * @return the message, still pending
     */
    public CompletableFuture<Message> sendTextAsync(long chatId, FormattedText text) {
        return sendAsync(chatId, text(text));
    }

    /**
     * @param chatId the chat
     * @param document the file
     * @param caption a caption, or {@code null}
     * @return the message, still pending (the upload runs in TDLib)
     */
    public Message sendDocument(long chatId, InputFile document, FormattedText caption) {
        return send(chatId, document(document, caption), null);
    }

    /**
     * @param chatId the chat
     * @param photo the picture
     * @param caption a caption, or {@code null}
     * @return the message, still pending
     */
    public Message sendPhoto(long chatId, InputFile photo, FormattedText caption) {
        return send(chatId, photo(photo, caption), null);
    }

    /**
     * @param chatId the chat
     * @param video the video, a local file or a remote one ({@link InputFile#remote})
     * @param caption a caption, or {@code null}
     * @return the message, still pending (the upload's progress comes as {@link TdListener#onFile})
     */
    public Message sendVideo(long chatId, InputFile video, FormattedText caption) {
        return send(chatId, video(video, caption), null);
    }

    /**
     * @param chatId the chat
     * @param audio the audio file (shown in the music player), local or remote
     * @param caption a caption, or {@code null}
     * @return the message, still pending
     */
    public Message sendAudio(long chatId, InputFile audio, FormattedText caption) {
        return send(chatId, audio(audio, caption), null);
    }

    /**
     * Sends any content with an optional keyboard ({@code sendMessage}).
     *
     * @param chatId the chat
     * @param inputMessageContent {@link #text}, {@link #video}, ... or any TDLib {@code InputMessageContent}
     * @param replyMarkup buttons under the message, or {@code null} (bots only)
     * @return the message, still pending
     */
    public Message send(long chatId, ObjectNode inputMessageContent, ReplyMarkup replyMarkup) {
        return calls.await(sendAsync(chatId, inputMessageContent, replyMarkup));
    }

    /**
     * Sends any {@code InputMessageContent} ({@code sendMessage}).
     *
     * @param chatId the chat
     * @param inputMessageContent TDLib's content object ({@link #video}, {@link #audio}, ...)
     * @return the message, still pending
     */
    public CompletableFuture<Message> sendAsync(long chatId, ObjectNode inputMessageContent) {
        return sendAsync(chatId, inputMessageContent, null);
    }

    /**
     * Sends any content with an optional keyboard ({@code sendMessage}).
     *
     * @param chatId the chat
     * @param inputMessageContent TDLib's content object
     * @param replyMarkup buttons under the message, or {@code null}
     * @return the message, still pending
     */
    public CompletableFuture<Message> sendAsync(long chatId, ObjectNode inputMessageContent, ReplyMarkup replyMarkup) {
        ObjectNode f = TdClient.function("sendMessage").put("chat_id", chatId);
        if (replyMarkup != null) {
            f.set("reply_markup", replyMarkup.toTd());
        }
        f.set("input_message_content", inputMessageContent.deepCopy());
        return calls.call(f).thenApply(Message::of);
    }

    /**
     * Answers a callback query ({@code answerCallbackQuery}; bots only). Returns a future, so it can be
     * called from {@link TdListener#onCallbackQuery}.
     *
     * <pre>{@code
     * client.messages().answerCallbackQuery(query.id(), "Saved", false, "", 0);
     * }</pre>
     *
     * @param queryId {@link CallbackQuery#id()}
     * @param text a notification to show, or {@code ""}
     * @param showAlert show it as an alert the user closes, not a passing toast
     * @param url a URL the app opens (a game's), or {@code ""}
     * @param cacheTimeSeconds how long the app may reuse this answer for the same button
     * @return completes when Telegram took the answer
     */
    public CompletableFuture<Void> answerCallbackQuery(long queryId, String text, boolean showAlert, String url,
                                                       int cacheTimeSeconds) {
        return calls.call(TdClient.function("answerCallbackQuery").put("callback_query_id", queryId)
                .put("text", text).put("show_alert", showAlert).put("url", url).put("cache_time", cacheTimeSeconds))
                .thenApply(a -> null);
    }

    // ------------------------------------------------------------------ sponsored messages

    /**
     * The sponsored messages to show in a channel or bot chat ({@code getChatSponsoredMessages}).
     *
     * <pre>{@code
     * SponsoredMessage.Page ads = client.messages().sponsored(chatId);
     * for (SponsoredMessage ad : ads.messages()) {
     *     System.out.println(ad.title() + ": " + ad.text().text());
     *     client.messages().viewSponsored(chatId, ad.messageId());    // once its whole text is on screen
     * }
     * }</pre>
     *
     * @param chatId the chat
     * @return the messages and how many ordinary messages go between two of them
     */
    public SponsoredMessage.Page sponsored(long chatId) {
        return calls.await(calls.call(TdClient.function("getChatSponsoredMessages").put("chat_id", chatId))
                .thenApply(SponsoredMessage.Page::of));
    }

    /**
     * Reports that a sponsored message was seen: TDLib 1.8.67 has no {@code viewSponsoredMessage}; its
     * {@code viewMessages} takes sponsored message ids, and wants them only once the whole text is shown.
     *
     * @param chatId the chat
     * @param messageId {@link SponsoredMessage#messageId()}
     */
    public void viewSponsored(long chatId, long messageId) {
        ObjectNode f = TdClient.function("viewMessages").put("chat_id", chatId).put("force_read", false);
        f.putArray("message_ids").add(messageId);
        calls.await(calls.call(f));
    }

    /**
     * Reports a click on a sponsored message: its button, name, photo or a mention in it
     * ({@code clickChatSponsoredMessage}); the app then opens {@link SponsoredMessage#sponsorUrl()}.
     *
     * @param chatId the chat
     * @param messageId {@link SponsoredMessage#messageId()}
     * @param mediaClick the click was on its media
     */
    public void clickSponsored(long chatId, long messageId, boolean mediaClick) {
        calls.await(calls.call(TdClient.function("clickChatSponsoredMessage").put("chat_id", chatId)
                .put("message_id", messageId).put("is_media_click", mediaClick).put("from_fullscreen", false)));
    }

    /**
     * Replaces a text message's text ({@code editMessageText}).
     *
     * @param chatId the chat
     * @param messageId the message
     * @param text the marked-up text
     * @param mode its markup
     * @return the edited message
     */
    public Message editText(long chatId, long messageId, String text, ParseMode mode) {
        FormattedText t = TdExecute.parseTextEntities(calls.td(), text, mode);
        ObjectNode f = TdClient.function("editMessageText").put("chat_id", chatId).put("message_id", messageId);
        f.set("input_message_content", text(t));
        return calls.await(calls.call(f).thenApply(Message::of));
    }

    /**
     * Deletes messages ({@code deleteMessages}).
     *
     * @param chatId the chat
     * @param messageIds the messages
     * @param revoke delete them for everyone, where allowed
     */
    public void delete(long chatId, List<Long> messageIds, boolean revoke) {
        ObjectNode f = TdClient.function("deleteMessages").put("chat_id", chatId).put("revoke", revoke);
        ArrayNode ids = f.putArray("message_ids");
        messageIds.forEach(ids::add);
        calls.await(calls.call(f));
    }

    /**
     * Forwards messages ({@code forwardMessages}).
     *
     * @param toChatId where to
     * @param fromChatId where from
     * @param messageIds the messages, in order
     * @param sendCopy send copies without the "forwarded from" header
     * @return the new messages, still pending (an element may be missing if TDLib could not forward it)
     */
    public List<Message> forward(long toChatId, long fromChatId, List<Long> messageIds, boolean sendCopy) {
        ObjectNode f = TdClient.function("forwardMessages").put("chat_id", toChatId).put("from_chat_id", fromChatId)
                .put("send_copy", sendCopy).put("remove_caption", false);
        ArrayNode ids = f.putArray("message_ids");
        messageIds.forEach(ids::add);
        return calls.await(calls.call(f).thenApply(TdMessages::messages));
    }

    // ------------------------------------------------------------------ contents (InputMessageContent)

    /**
     * @param text text with its entities ({@link FormattedText#plain}, or {@link TdExecute#parseTextEntities})
     * @return {@code inputMessageText}
     */
    public static ObjectNode text(FormattedText text) {
        ObjectNode c = TdClient.function("inputMessageText");
        c.set("text", text.toTd());
        return c;
    }

    /**
     * @param photo the picture
     * @param caption a caption, or {@code null}
     * @return {@code inputMessagePhoto} (its file in an {@code inputPhoto}, as TDLib 1.8.67 wants)
     */
    public static ObjectNode photo(InputFile photo, FormattedText caption) {
        return media("inputMessagePhoto", "photo", "inputPhoto", photo, caption);
    }

    /**
     * @param video the video; TDLib reads its duration and size from the file
     * @param caption a caption, or {@code null}
     * @return {@code inputMessageVideo} with an {@code inputVideo} that supports streaming
     */
    public static ObjectNode video(InputFile video, FormattedText caption) {
        ObjectNode c = media("inputMessageVideo", "video", "inputVideo", video, caption);
        ((ObjectNode) c.get("video")).put("supports_streaming", true);
        return c;
    }

    /**
     * @param document the file
     * @param caption a caption, or {@code null}
     * @return {@code inputMessageDocument} (its file in an {@code inputDocument})
     */
    public static ObjectNode document(InputFile document, FormattedText caption) {
        return media("inputMessageDocument", "document", "inputDocument", document, caption);
    }

    /**
     * @param audio the audio file; TDLib reads title, performer and duration from its tags
     * @param caption a caption, or {@code null}
     * @return {@code inputMessageAudio} (its file in an {@code inputAudio})
     */
    public static ObjectNode audio(InputFile audio, FormattedText caption) {
        return media("inputMessageAudio", "audio", "inputAudio", audio, caption);
    }

    /**
     * An invoice (bots only): {@code inputMessageInvoice}. For Telegram Stars the currency is {@code "XTR"}
     * and the provider token empty. Other {@code invoice} flags ({@code need_email_address}, ...) can be set
     * on the returned JSON: {@code content.with("invoice").put("need_email_address", true)}.
     *
     * <pre>{@code
     * var invoice = TdMessages.invoice("Pro plan", "One month of Pro", "XTR",
     *         List.of(new TdMessages.Price("Pro, 1 month", 250)), "order-1042".getBytes(StandardCharsets.UTF_8),
     *         Secret.of(""));
     * client.messages().send(chatId, invoice, null);
     * }</pre>
     *
     * @param title the product's name, 1-32 characters
     * @param description its description, 0-255 characters
     * @param currency ISO 4217 code, or {@code "XTR"} for Telegram Stars
     * @param prices the price parts, in the currency's smallest units
     * @param payload what the bot gets back with the payment, 1-128 bytes (never shown to the user)
     * @param providerToken the payment provider's token from @BotFather; empty for Telegram Stars
     * @return {@code inputMessageInvoice}
     */
    public static ObjectNode invoice(String title, String description, String currency, List<Price> prices,
                                     byte[] payload, Secret providerToken) {
        ObjectNode c = TdClient.function("inputMessageInvoice").put("title", title).put("description", description)
                .put("photo_url", "").put("photo_size", 0).put("photo_width", 0).put("photo_height", 0)
                .put("payload", Base64.getEncoder().encodeToString(payload))
                .put("provider_token", providerToken.reveal()).put("provider_data", "").put("start_parameter", "");
        ObjectNode i = c.putObject("invoice").put("@type", "invoice").put("currency", currency);
        ArrayNode parts = i.putArray("price_parts");
        for (Price p : prices) {
            parts.addObject().put("@type", "labeledPricePart").put("label", p.label()).put("amount", p.amount());
        }
        i.put("is_test", false);
        return c;
    }

    /**
     * One line of an invoice: TDLib's {@code labeledPricePart}.
     *
     * <pre>{@code
     * TdMessages.Price price = new TdMessages.Price("Pro, 1 month", 499);      // 4.99 in USD
     * }</pre>
     *
     * @param label what it is
     * @param amount the price in the currency's smallest units (cents; whole stars for XTR)
     */
    public record Price(String label, long amount) {
    }

    private static ObjectNode media(String type, String field, String inputType, InputFile file, FormattedText caption) {
        ObjectNode c = TdClient.function(type);
        c.putObject(field).put("@type", inputType).set(field, file.toTd());
        if (caption != null) {
            c.set("caption", caption.toTd());
        }
        return c;
    }
}
