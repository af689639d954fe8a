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
     * Every update TDLib sent, typed or not, as raw JSON (the {@code Update} classes of {@code td_api.tl}):
     * nothing TDLib adds is ever out of reach.
     *
     * @param client the client
     * @param update the update, with its {@code "@type"}
     */
    default void onUpdate(TdClient client, JsonNode update) {
    }
}
