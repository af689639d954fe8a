package dev.relaykit.telegram.tdlib;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A user pressed a callback button of a bot's message: TDLib's {@code updateNewCallbackQuery} (bots only).
 * Answer it with {@link TdMessages#answerCallbackQuery} (Telegram's app shows a spinner until then).
 *
 * <pre>{@code
 * TdListener buttons = new TdListener() {
 *     public void onCallbackQuery(TdClient c, CallbackQuery q) {
 *         c.messages().answerCallbackQuery(q.id(), "Voted " + q.dataText(), false, "", 0);
 *     }
 * };
 * }</pre>
 *
 * @param id the query's id, for the answer
 * @param senderUserId who pressed the button
 * @param chatId the chat of the message
 * @param messageId the message with the button
 * @param chatInstance an id that is the same for every query from the same chat
 * @param data the button's data ({@code callbackQueryPayloadData}, or the data of a
 *     {@code callbackQueryPayloadDataWithPassword}); empty for a game button
 * @param payloadType the payload's class name without {@code callbackQueryPayload}: {@code "Data"},
 *     {@code "DataWithPassword"}, {@code "Game"}
 * @param raw the update as TDLib sent it
 */
public record CallbackQuery(long id, long senderUserId, long chatId, long messageId, long chatInstance, byte[] data,
                            String payloadType, JsonNode raw) {

    /**
     * @param update TDLib's {@code updateNewCallbackQuery}
     * @return the query
     */
    public static CallbackQuery of(JsonNode update) {
        JsonNode payload = update.path("payload");
        String type = payload.path("@type").asText();
        String prefix = "callbackQueryPayload";
        // TDLib writes int64 as JSON strings and bytes as base64
        return new CallbackQuery(update.path("id").asLong(), update.path("sender_user_id").asLong(),
                update.path("chat_id").asLong(), update.path("message_id").asLong(),
                update.path("chat_instance").asLong(), Base64.getDecoder().decode(payload.path("data").asText("")),
                type.startsWith(prefix) ? type.substring(prefix.length()) : type, update);
    }

    /** @return the button's data as UTF-8 text (what {@link ReplyMarkup#callback(String, String)} sent) */
    public String dataText() {
        return new String(data, StandardCharsets.UTF_8);
    }
}
