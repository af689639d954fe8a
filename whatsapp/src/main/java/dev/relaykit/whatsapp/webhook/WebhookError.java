package dev.relaykit.whatsapp.webhook;

import dev.relaykit.whatsapp.webhook.event.WebhookEvent;

/**
 * Something went wrong receiving webhooks, reported to {@link WebhookHandler.Builder#onError}. The
 * message names the problem; it never contains the app secret, the verify token or a signature.
 *
 * @param kind what went wrong
 * @param message a description for a person to read
 * @param cause the underlying exception, or {@code null}
 * @param event the event concerned ({@link Kind#MARK_AS_READ_FAILED}), or {@code null}
 */
public record WebhookError(Kind kind, String message, Throwable cause, WebhookEvent event) {

    /** What went wrong. */
    public enum Kind {
        /** A verification request (GET) had the wrong mode or token, or no challenge; answered 403. */
        VERIFICATION_FAILED,
        /** A POST had no, a malformed or a wrong {@code X-Hub-Signature-256}; answered 401, body not parsed. */
        INVALID_SIGNATURE,
        /** A POST body was larger than the limit; answered 413. */
        BODY_TOO_LARGE,
        /** A correctly signed body was not a JSON object; answered 400. */
        MALFORMED_PAYLOAD,
        /** Too many events were waiting, or the executor refused them; answered 503 so Meta retries. */
        OVERLOADED,
        /** The {@link ReadMarker} threw or its stage failed. */
        MARK_AS_READ_FAILED
    }
}
