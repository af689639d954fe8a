package dev.relaykit.core.ws;

import dev.relaykit.core.TransportException;

/**
 * A message could not be sent because the session is not {@link ConnectionState#OPEN}, or the
 * connection was lost (or the session closed) before a queued message reached the socket.
 *
 * <p>Subscriptions are not affected: they are kept and sent again on the next connection.
 *
 * <p>A {@link TransportException}: the connection is what failed. The subtype
 * {@link ConnectionLostException} says a request may have reached the server before the connection
 * was lost (its outcome is unknown); this type on its own means the message was not sent.
 */
public class NotConnectedException extends TransportException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what could not be sent and why
     */
    public NotConnectedException(String message) {
        super(message);
    }

    /**
     * @param message what could not be sent or answered, and why
     * @param cause the failure that ended the connection, or {@code null}
     */
    public NotConnectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
