package dev.relaykit.core;

/**
 * A response or message arrived but could not be decoded: malformed JSON, a type mismatch, an
 * oversized frame, or a binary frame where text was expected.
 */
public class DecodeException extends RelayKitException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what could not be decoded
     * @param cause the parser's failure, or {@code null}
     */
    public DecodeException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @param message what could not be decoded
     */
    public DecodeException(String message) {
        super(message);
    }
}
