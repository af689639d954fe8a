package dev.relaykit.pusher;

/**
 * The connection's state, named as pusher-js names them.
 *
 * <pre class="not-java">
 * INITIALIZED -> CONNECTING -> CONNECTED -> UNAVAILABLE -> CONNECTING -> CONNECTED ...
 *                                         \-> FAILED        (refused by 4001-4099, or reconnects exhausted)
 * any -> DISCONNECTED                                       (close() was called)
 * </pre>
 */
public enum PusherConnectionState {
    /** Built; {@link PusherClient#connect()} not called yet. */
    INITIALIZED,
    /** Opening the WebSocket, or open and waiting for {@code pusher:connection_established}. */
    CONNECTING,
    /** {@code pusher:connection_established} arrived: a socket id is known, channels subscribe. */
    CONNECTED,
    /** The connection was lost; the client reconnects by its policy. */
    UNAVAILABLE,
    /** The server refused the connection (4001-4099) or the reconnect policy gave up. Final. */
    FAILED,
    /** {@link PusherClient#close()} was called. Final. */
    DISCONNECTED
}
