package dev.relaykit.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.RelayKitException;

/**
 * The server refused a namespace connection (Socket.IO {@code CONNECT_ERROR} / revision 4 {@code ERROR}), e.g. a
 * middleware rejected the auth payload. {@link #serverMessage()} is the server's message.
 */
public class SocketIoConnectException extends RelayKitException {
    private static final long serialVersionUID = 1L;
    private final String namespace;
    private final String serverMessage;
    private final transient JsonNode data;

    /**
     * @param namespace the namespace
     * @param serverMessage the server's message
     * @param data the error's extra data, or null
     */
    public SocketIoConnectException(String namespace, String serverMessage, JsonNode data) {
        super("namespace " + namespace + " refused the connection: " + serverMessage);
        this.namespace = namespace;
        this.serverMessage = serverMessage;
        this.data = data;
    }

    /** @return the namespace that refused */
    public String namespace() {
        return namespace;
    }

    /** @return the server's message, e.g. {@code "not authorized"} */
    public String serverMessage() {
        return serverMessage;
    }

    /** @return the error's {@code data} field (revision 5), or null */
    public JsonNode data() {
        return data;
    }
}
