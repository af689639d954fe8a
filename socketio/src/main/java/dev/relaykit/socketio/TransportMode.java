package dev.relaykit.socketio;

/** How a {@link SocketIoClient} reaches the server. */
public enum TransportMode {
    /** WebSocket only (default): one WebSocket per connection, no HTTP round trips. */
    WEBSOCKET,
    /** HTTP long-polling only (for proxies that block WebSocket). */
    POLLING,
    /** HTTP long-polling first, then upgrade to WebSocket when the server offers it (what browsers do). */
    POLLING_THEN_WEBSOCKET
}
