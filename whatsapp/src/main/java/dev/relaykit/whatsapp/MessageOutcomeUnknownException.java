package dev.relaykit.whatsapp;

import dev.relaykit.core.TransportException;

/**
 * A send failed in a way that leaves open whether WhatsApp accepted the message: the connection
 * dropped or timed out after the request was written, or a gateway answered 5xx without Meta's
 * error object. The client never resends such a message by itself, since that could deliver it
 * twice. Check the {@code statuses} webhook (or ask the user) before sending it again.
 */
public class MessageOutcomeUnknownException extends TransportException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the recipient's request
     * @param cause the underlying failure
     */
    public MessageOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
