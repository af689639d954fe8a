package dev.relaykit.pusher.server;

import dev.relaykit.core.RelayKitException;

/**
 * A webhook request that is not a genuine delivery for this app: the key is not the app's, the
 * signature does not match the body, or a correctly signed body is not a webhook. Nothing of its
 * body reaches a listener.
 *
 * <pre>{@code
 * try {
 *     Webhook hook = pusher.webhook(request.header("X-Pusher-Key"), signature, body);
 * } catch (InvalidWebhookException e) {
 *     if (e.reason() != InvalidWebhookException.Reason.MALFORMED) {
 *         System.err.println("forged webhook refused: " + e.getMessage());
 *     }
 * }
 * }</pre>
 */
public final class InvalidWebhookException extends RelayKitException {
    private static final long serialVersionUID = 1L;

    /** Why the request was refused. */
    public enum Reason {
        /** {@code X-Pusher-Key} is missing or is not this app's key. */
        WRONG_KEY,
        /** {@code X-Pusher-Signature} is missing, malformed, or not the body's HMAC with the app secret. */
        BAD_SIGNATURE,
        /** Correctly signed, but the body is not a webhook ({@code {"time_ms":..,"events":[..]}}). */
        MALFORMED
    }

    private final Reason reason;

    /**
     * @param reason why
     * @param message what was wrong; never a secret or the body
     */
    public InvalidWebhookException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** @return why the request was refused */
    public Reason reason() {
        return reason;
    }
}
