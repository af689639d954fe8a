package dev.relaykit.socketio;

/** Receives events of a namespace; runs on the client's dispatcher, never on the socket's reader thread. */
@FunctionalInterface
public interface EventListener {
    /**
     * @param event the event
     */
    void onEvent(SocketEvent event);
}
