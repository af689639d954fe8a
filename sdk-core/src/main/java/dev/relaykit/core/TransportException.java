package dev.relaykit.core;

/**
 * The connection to the service failed: DNS, TCP, TLS, a timeout, or a socket closed mid-request.
 *
 * <p>Distinct from {@link ApiException} (the service answered) and {@link DecodeException} (the
 * service answered something unreadable). A transport failure says nothing about whether a
 * non-idempotent request (an order) reached the service.
 */
public class TransportException extends RelayKitException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause the I/O failure
     */
    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @param message what failed
     */
    public TransportException(String message) {
        super(message);
    }
}
