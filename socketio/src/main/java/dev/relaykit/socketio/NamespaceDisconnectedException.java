package dev.relaykit.socketio;

import dev.relaykit.core.ws.NotConnectedException;

/**
 * An emit on a namespace that was disconnected on purpose, by the server ({@code socket.disconnect()}) or by this
 * client ({@link SocketIoSocket#disconnect()}): nothing would ever send it, so it fails at once instead of waiting in
 * the buffer. Call {@link SocketIoSocket#connect()} to rejoin the namespace first.
 */
public class NamespaceDisconnectedException extends NotConnectedException {
    private static final long serialVersionUID = 1L;
    private final String namespace;
    private final DisconnectReason reason;

    /**
     * @param namespace the namespace
     * @param reason {@link DisconnectReason#SERVER_DISCONNECT} or {@link DisconnectReason#CLIENT_DISCONNECT}
     * @param what what was not sent, e.g. {@code "'echo' not sent"}
     */
    public NamespaceDisconnectedException(String namespace, DisconnectReason reason, String what) {
        super("namespace " + namespace + " was disconnected by the "
                + (reason == DisconnectReason.SERVER_DISCONNECT ? "server" : "client") + " (" + reason.wireName()
                + "); call connect() on it to rejoin; " + what);
        this.namespace = namespace;
        this.reason = reason;
    }

    /** @return the namespace */
    public String namespace() {
        return namespace;
    }

    /** @return who disconnected it */
    public DisconnectReason reason() {
        return reason;
    }
}
