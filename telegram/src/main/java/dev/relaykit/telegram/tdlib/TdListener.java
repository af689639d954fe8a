package dev.relaykit.telegram.tdlib;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a {@link TdClient} tells its user. Every method runs on the client's dispatcher (one at a
 * time, in TDLib's order, never on the receive loop's thread); a listener that throws is logged and
 * the next one still runs. Do not wait for a request's answer inside a callback: the answer is
 * dispatched on the same thread after it (use the {@code ...Async} forms and chain instead).
 *
 * <pre>{@code
 * TdClient client = TdClient.builder(td).apiId(12345).apiHash("0123abcd...").databaseDirectory(dir)
 *     .listener(new TdListener() {
 *         public void onAuthorizationState(TdClient c, AuthorizationState s) {
 *             if (s instanceof AuthorizationState.WaitPhoneNumber) c.setPhoneNumber("+15550001111");
 *         }
 *         public void onUpdate(TdClient c, JsonNode update) {
 *             System.out.println(update.path("@type").asText());
 *         }
 *     })
 *     .build();
 * }</pre>
 */
public interface TdListener {

    /**
     * The authorization state changed; answer a {@code Wait...} state with the matching client method.
     *
     * @param client the client
     * @param state the new state
     */
    default void onAuthorizationState(TdClient client, AuthorizationState state) {
    }

    /**
     * The connection to Telegram changed.
     *
     * @param client the client
     * @param state the new state
     */
    default void onConnectionState(TdClient client, ConnectionState state) {
    }

    /**
     * {@code updateNewMessage}: a message arrived (or this account sent one from elsewhere).
     *
     * @param client the client
     * @param message the message (text, photo, video, document and audio typed; others in {@link Message#raw()})
     */
    default void onNewMessage(TdClient client, Message message) {
    }

    /**
     * {@code updateNewChat}: TDLib learned of a chat (from now on it can be used by id).
     *
     * @param client the client
     * @param chat the chat
     */
    default void onNewChat(TdClient client, Chat chat) {
    }

    /**
     * {@code updateMessageSendSucceeded}: a message sent from here reached Telegram; its id changed.
     *
     * @param client the client
     * @param message the message with its final id
     * @param oldMessageId the temporary id the send returned
     */
    default void onMessageSendSucceeded(TdClient client, Message message, long oldMessageId) {
    }

    /**
     * {@code updateMessageSendFailed}: a message sent from here did not reach Telegram.
     *
     * @param client the client
     * @param message the message, now {@code "failed"}
     * @param oldMessageId the temporary id the send returned
     * @param error TDLib's reason
     */
    default void onMessageSendFailed(TdClient client, Message message, long oldMessageId, TdException error) {
    }

    /**
     * {@code updateNewCallbackQuery}: a user pressed a callback button of this bot's message; answer it with
     * {@link TdMessages#answerCallbackQuery} (it returns a future, so it can be called here).
     *
     * @param client the client
     * @param query the query
     */
    default void onCallbackQuery(TdClient client, CallbackQuery query) {
    }

    /**
     * {@code updateFile}: a file's state changed: download or upload progress (a video being sent reports
     * its upload here), or a file completed. {@link TdFiles#download} reports its own file's progress too.
     *
     * @param client the client
     * @param file the file's new state ({@link TdFile#percent()}, {@link TdFile#uploadedSize()})
     */
    default void onFile(TdClient client, TdFile file) {
    }

    /**
     * Every update TDLib sent, typed or not, as raw JSON (the {@code Update} classes of {@code td_api.tl}):
     * nothing TDLib adds is ever out of reach.
     *
     * @param client the client
     * @param update the update, with its {@code "@type"}
     */
    default void onUpdate(TdClient client, JsonNode update) {
    }
}
