package dev.relaykit.pusher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.DecodeException;
import dev.relaykit.core.json.Json;

/**
 * One event as a listener receives it. {@link #data()} is the event's data as text (for an encrypted
 * channel, the decrypted plaintext); {@link #json()} reads it as JSON.
 *
 * <pre>{@code
 * PusherChannel channel = PusherClient.builder("app-key").cluster("eu").build().channel("private-orders");
 * channel.bind("order-filled", e -> System.out.println(e.json().get("qty").decimalValue()));
 * }</pre>
 *
 * @param channel the channel, or {@code null} for connection-level events
 * @param event the event name
 * @param data the data as text, or {@code null} when the event had none
 * @param userId on a presence channel's client event, the sender's user id; otherwise {@code null}
 */
public record PusherEvent(String channel, String event, String data, String userId) {

    /**
     * @return the data parsed as JSON ({@code null} data gives a JSON null)
     * @throws DecodeException if the data is not JSON
     */
    public JsonNode json() {
        if (data == null) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }
        try {
            return Json.mapper().readTree(data);
        } catch (JsonProcessingException e) {
            throw new DecodeException("event " + event + " data is not JSON", e);
        }
    }
}
