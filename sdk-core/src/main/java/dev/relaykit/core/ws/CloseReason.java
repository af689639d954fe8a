package dev.relaykit.core.ws;

/**
 * The WebSocket close code and reason of a connection that ended.
 *
 * @param code the close code (RFC 6455 section 7.4, e.g. 1000 normal, 1001 going away, 1008 policy)
 * @param reason the reason text, possibly empty
 * @param byPeer {@code true} when the server closed the connection
 */
public record CloseReason(int code, String reason, boolean byPeer) {
}
