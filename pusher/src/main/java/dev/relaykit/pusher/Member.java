package dev.relaykit.pusher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A member of a presence channel: the {@code user_id} and {@code user_info} the backend put in the
 * member's channel data.
 *
 * <pre>{@code
 * PresenceChannel presence = PusherClient.builder("app-key").cluster("eu").build().presenceChannel("presence-room");
 * for (Member m : presence.members()) System.out.println(m.id() + " " + m.info().path("name").asText());
 * }</pre>
 *
 * @param id the user id (as text, whether the backend sent a string or a number)
 * @param info the user info, or a JSON null when there is none
 */
public record Member(String id, JsonNode info) {
}
