package dev.relaykit.core;

/**
 * The root of every exception RelayKit throws.
 *
 * <p>Catch this to handle any RelayKit failure; catch a subtype to tell apart what went wrong:
 * {@link ApiException} (the service answered with an error), {@link RateLimitedException} (a local
 * budget or the service says "slow down"), {@link TransportException} (the connection failed) and
 * {@link DecodeException} (a response or message could not be read).
 *
 * <p>Messages never contain secrets (API keys, signatures, tokens, listen keys).
 */
public class RelayKitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, for a person to read
     */
    public RelayKitException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong, for a person to read
     * @param cause the underlying failure
     */
    public RelayKitException(String message, Throwable cause) {
        super(message, cause);
    }
}
