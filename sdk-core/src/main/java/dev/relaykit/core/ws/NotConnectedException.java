package dev.relaykit.core.ws;

import dev.relaykit.core.RelayKitException;

/**
 * A message could not be sent because the session is not {@link ConnectionState#OPEN}, or the
 * connection was lost (or the session closed) before a queued message reached the socket.
 *
 * <p>Subscriptions are not affected: they are kept and sent again on the next connection.
 */
public class NotConnectedException extends RelayKitException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what could not be sent and why
     */
    public NotConnectedException(String message) {
        super(message);
    }
}
