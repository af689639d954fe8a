package dev.relaykit.socketio.protocol;

import dev.relaykit.core.DecodeException;

/**
 * An Engine.IO packet, Socket.IO packet or Socket.IO 0.9 frame is malformed. The message names what is wrong;
 * it is the only exception the codecs in this package throw for bad input.
 */
public class ProtocolException extends DecodeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is malformed
     */
    public ProtocolException(String message) {
        super(message);
    }

    /**
     * @param message what is malformed
     * @param cause the underlying parser failure
     */
    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
