package dev.relaykit.core.ws;

import dev.relaykit.core.TransportException;

/**
 * A {@link WsRpc} request got no answer within its timeout. If it was sent, whether the server
 * acted on it is unknown (the answer may still come; it is then reported as unmatched).
 */
public class RequestTimeoutException extends TransportException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message which request and how long it waited
     */
    public RequestTimeoutException(String message) {
        super(message);
    }
}
