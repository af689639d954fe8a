package dev.relaykit.socketio;

/**
 * Why a namespace was disconnected: the typed form of the reason a {@code disconnect} event carries
 * ({@link SocketEvent#disconnectReason()}), the same for every generation and transport. The event's first argument
 * stays socket.io's own wording ({@link #wireName()}), its second, when there is one, the detail (e.g. the I/O error).
 *
 * <pre>{@code
 * SocketIoClient io = SocketIoClient.builder("http://127.0.0.1:3000").build();
 * SocketIoSocket chat = io.socket("/chat");
 * chat.on("disconnect", e -> {
 *     if (e.disconnectReason() == DisconnectReason.SERVER_DISCONNECT) {
 *         chat.connect(); // the server will not take the namespace back by itself
 *     }
 * });
 * chat.connect();
 * }</pre>
 */
public enum DisconnectReason {
    /** The server disconnected the namespace ({@code socket.disconnect()}); it is not rejoined until {@code connect()}. */
    SERVER_DISCONNECT("io server disconnect"),
    /** This client left the namespace ({@link SocketIoSocket#disconnect()}). */
    CLIENT_DISCONNECT("io client disconnect"),
    /** The connection was closed (by the server, or it went away); the client reconnects by its policy. */
    TRANSPORT_CLOSE("transport close"),
    /** The connection failed (an I/O error, a refused HTTP request); the client reconnects by its policy. */
    TRANSPORT_ERROR("transport error"),
    /** The server's heartbeat stopped within the agreed timeout; the client reconnects by its policy. */
    PING_TIMEOUT("ping timeout");

    private final String wireName;

    DisconnectReason(String wireName) {
        this.wireName = wireName;
    }

    /** @return socket.io's own wording, e.g. {@code "io server disconnect"} (the JS client's reason strings) */
    public String wireName() {
        return wireName;
    }
}
