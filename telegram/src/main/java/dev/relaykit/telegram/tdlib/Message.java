package dev.relaykit.telegram.tdlib;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A message: TDLib's {@code message}, with its content typed for text, photo, video and document
 * (their caption as {@link #text()}); other contents are in {@link #raw()}.
 *
 * <pre>{@code
 * Message sent = client.messages().sendText(chatId, "*hello*", ParseMode.MARKDOWN_V2);
 * System.out.println(sent.id() + " " + sent.contentType() + " " + sent.text().text());
 * }</pre>
 *
 * @param id the message's id (a temporary one while {@link #sending()} is {@code "pending"})
 * @param chatId its chat
 * @param senderUserId the user who sent it, or 0 when a chat sent it
 * @param senderChatId the chat that sent it (channels, anonymous admins), or 0
 * @param date when it was sent
 * @param contentType the content's class name without {@code message}: {@code "Text"}, {@code "Photo"},
 *     {@code "Video"}, {@code "Document"}, {@code "Audio"}, ...
 * @param text the text, or the caption of a photo/video/document/audio; {@code null} for other contents
 * @param fileId the TDLib file id of a photo's largest size, a video, document or audio; 0 otherwise
 * @param sending {@code "pending"}, {@code "failed"}, or {@code null} once sent
 * @param raw the object as TDLib sent it
 */
public record Message(long id, long chatId, long senderUserId, long senderChatId, Instant date, String contentType,
                      FormattedText text, int fileId, String sending, JsonNode raw) {

    /**
     * @param m TDLib's {@code message}
     * @return the message
     */
    public static Message of(JsonNode m) {
        JsonNode sender = m.path("sender_id");
        boolean byUser = "messageSenderUser".equals(sender.path("@type").asText());
        JsonNode content = m.path("content");
        String type = content.path("@type").asText();
        String kind = type.startsWith("message") ? type.substring(7) : type;
        FormattedText text = null;
        int fileId = 0;
        switch (type) {
            case "messageText":
                text = FormattedText.of(content.path("text"));
                break;
            case "messagePhoto": {
                text = FormattedText.of(content.path("caption"));
                JsonNode sizes = content.path("photo").path("sizes");
                fileId = sizes.size() == 0 ? 0 : sizes.get(sizes.size() - 1).path("photo").path("id").asInt();
                break;
            }
            case "messageVideo":
                text = FormattedText.of(content.path("caption"));
                fileId = content.path("video").path("video").path("id").asInt();
                break;
            case "messageDocument":
                text = FormattedText.of(content.path("caption"));
                fileId = content.path("document").path("document").path("id").asInt();
                break;
            case "messageAudio":
                text = FormattedText.of(content.path("caption"));
                fileId = content.path("audio").path("audio").path("id").asInt();
                break;
            default:
                break;
        }
        String state = m.path("sending_state").path("@type").asText("");
        String sending = state.equals("messageSendingStatePending") ? "pending"
                : state.equals("messageSendingStateFailed") ? "failed" : null;
        return new Message(m.path("id").asLong(), m.path("chat_id").asLong(),
                byUser ? sender.path("user_id").asLong() : 0, byUser ? 0 : sender.path("chat_id").asLong(),
                Instant.ofEpochSecond(m.path("date").asLong()), kind, text, fileId, sending, m);
    }
}
