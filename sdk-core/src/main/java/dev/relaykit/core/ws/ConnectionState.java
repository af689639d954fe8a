package dev.relaykit.core.ws;

/**
 * The life of a connection that reconnects by itself: a {@link WsSession}'s, and that of the
 * clients built on the same model (the Socket.IO client's {@code SocketIoClient.state()} documents
 * what each state means for it).
 *
 * <pre class="not-java">
 * NEW -> CONNECTING -> OPEN -> RECONNECTING -> CONNECTING -> OPEN -> ...
 *                                          \-> FAILED   (reconnect attempts exhausted)
 * any state -> CLOSED                                   (close() was called)
 * </pre>
 *
 * {@link #CLOSED} and {@link #FAILED} are final: a connection is started once; build a new one to
 * start again. The constants below say what each state means for a {@link WsSession}.
 */
public enum ConnectionState {
    /** Built; {@link WsSession#connect()} not called yet. */
    NEW,
    /** Opening a connection (the WebSocket handshake is under way). */
    CONNECTING,
    /** Connected: messages flow, subscriptions have been (re)sent. */
    OPEN,
    /** The connection was lost; waiting for the reconnect policy's delay before the next attempt. */
    RECONNECTING,
    /** {@link WsSession#close()} was called. Final. */
    CLOSED,
    /** The reconnect policy gave up (or allows no reconnects). Final. */
    FAILED;

    /** @return {@code true} for {@link #CLOSED} and {@link #FAILED} */
    public boolean isTerminal() {
        return this == CLOSED || this == FAILED;
    }
}
