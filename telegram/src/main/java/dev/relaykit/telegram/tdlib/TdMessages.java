package dev.relaykit.telegram.tdlib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sending and changing messages: {@code sendMessage} with text (Markdown or HTML turned into entities
 * by TDLib's {@code parseTextEntities}, locally through {@code td_execute}), documents and photos;
 * {@code editMessageText}, {@code deleteMessages}, {@code forwardMessages}.
 *
 * <p>A message TDLib returns from a send is still {@code "pending"} with a temporary id; TDLib reports
 * the outcome later as {@code updateMessageSendSucceeded} / {@code updateMessageSendFailed}
 * ({@link TdListener#onUpdate}).
 *
 * <pre>{@code
 * TdMessages m = client.messages();
 * Message sent = m.sendText(chatId, "<b>Build</b> passed", ParseMode.HTML);
 * m.editText(chatId, serverId, "Build *failed*", ParseMode.MARKDOWN_V2);
 * m.delete(chatId, List.of(serverId), true);
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
        return calls.await(sendAsync(chatId, textContent(FormattedText.plain(text))));
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
        return sendAsync(chatId, textContent(f));
    }

    /**
     * @param chatId the chat
     * @param text text with its entities
     * @return the message, still pending
     */
    public CompletableFuture<Message> sendTextAsync(long chatId, FormattedText text) {
        return sendAsync(chatId, textContent(text));
    }

    /**
     * @param chatId the chat
     * @param document the file
     * @param caption a caption, or {@code null}
     * @return the message, still pending (the upload runs in TDLib)
     */
    public Message sendDocument(long chatId, InputFile document, FormattedText caption) {
        ObjectNode c = content("inputMessageDocument", caption);
        c.set("document", document.toTd());
        return calls.await(sendAsync(chatId, c));
    }

    /**
     * @param chatId the chat
     * @param photo the picture
     * @param caption a caption, or {@code null}
     * @return the message, still pending
     */
    public Message sendPhoto(long chatId, InputFile photo, FormattedText caption) {
        ObjectNode c = content("inputMessagePhoto", caption);
        c.set("photo", photo.toTd());
        return calls.await(sendAsync(chatId, c));
    }

    /**
     * Sends any {@code InputMessageContent} ({@code sendMessage}).
     *
     * @param chatId the chat
     * @param inputMessageContent TDLib's content object ({@code inputMessageVideo}, {@code inputMessageAudio}, ...)
     * @return the message, still pending
     */
    public CompletableFuture<Message> sendAsync(long chatId, ObjectNode inputMessageContent) {
        ObjectNode f = TdClient.function("sendMessage").put("chat_id", chatId);
        f.set("input_message_content", inputMessageContent);
        return calls.call(f).thenApply(Message::of);
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
        f.set("input_message_content", textContent(t));
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

    private static ObjectNode textContent(FormattedText text) {
        ObjectNode c = TdClient.function("inputMessageText");
        c.set("text", text.toTd());
        return c;
    }

    private static ObjectNode content(String type, FormattedText caption) {
        ObjectNode c = TdClient.function(type);
        if (caption != null) {
            c.set("caption", caption.toTd());
        }
        return c;
    }
}
