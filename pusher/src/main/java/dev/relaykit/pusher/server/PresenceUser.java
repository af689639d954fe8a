package dev.relaykit.pusher.server;

/**
 * One user subscribed to a presence channel, as the HTTP API's users query lists them.
 *
 * <pre>{@code
 * for (PresenceUser u : pusher.presenceUsers("presence-lobby")) {
 *     System.out.println(u.id());
 * }
 * }</pre>
 *
 * @param id the {@code user_id} the backend gave the user when it authorized the channel
 */
public record PresenceUser(String id) {
}
