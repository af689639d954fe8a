package dev.relaykit.whatsapp.webhook;

import java.nio.charset.StandardCharsets;

/**
 * What to answer a webhook request with: write the status, the {@code Content-Type} and the body
 * to your HTTP response as they are.
 *
 * @param status the HTTP status code
 * @param contentType the {@code Content-Type}, always {@code text/plain; charset=utf-8}
 * @param body the response body (for a verification request: the echoed {@code hub.challenge})
 */
public record WebhookResponse(int status, String contentType, String body) {
    static final String TEXT = "text/plain; charset=utf-8";

    static WebhookResponse text(int status, String body) {
        return new WebhookResponse(status, TEXT, body);
    }

    /** @return the body as UTF-8 bytes, ready to write */
    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
