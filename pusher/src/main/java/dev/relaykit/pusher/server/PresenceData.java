package dev.relaykit.pusher.server;

import java.util.Objects;

/**
 * Who a connection is on a presence channel: the {@code channel_data} a backend signs when it
 * authorizes a {@code presence-} channel. Every member of the channel sees the id and the info.
 *
 * <pre>{@code
 * String body = pusher.authorizeChannel(socketId, "presence-lobby",
 *         new PresenceData("42", Map.of("name", "Ada")));
 * }</pre>
 *
 * @param userId the user's id, unique per user (several connections of one user count once)
 * @param userInfo anything the shared JSON mapper writes as JSON (a map, a record, a
 *     {@code JsonNode}), or {@code null} for none
 */
public record PresenceData(String userId, Object userInfo) {

    /**
     * @param userId the user's id, not empty
     * @param userInfo extra public information about the user, or {@code null}
     */
    public PresenceData {
        Objects.requireNonNull(userId, "userId");
        if (userId.isEmpty()) {
            throw new IllegalArgumentException("presence user id is empty");
        }
    }

    /**
     * @param userId the user's id, not empty
     * @return presence data without user info
     */
    public static PresenceData of(String userId) {
        return new PresenceData(userId, null);
    }
}
