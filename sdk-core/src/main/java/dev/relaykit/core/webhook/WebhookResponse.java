package dev.relaykit.core.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link WebhookReceiver} answers: a status, headers and a body. Write all three to your
 * HTTP response as they are.
 *
 * <p>{@link #text(int, String)} responses carry {@code Content-Type: text/plain; charset=utf-8} and
 * {@code X-Content-Type-Options: nosniff}: a body that echoes what the caller sent (a verification
 * challenge) is then never taken for HTML by a browser.
 *
 * <pre>{@code
 * WebhookResponse echo = WebhookResponse.text(200, "1158201444");               // a verification challenge
 * WebhookResponse busy = WebhookResponse.empty(503).withHeader("Retry-After", "5");
 * }</pre>
 *
 * <p>Immutable.
 */
public final class WebhookResponse {
    /** The content type of {@link #text(int, String)} responses. */
    public static final String TEXT_PLAIN = "text/plain; charset=utf-8";
    private static final byte[] NONE = new byte[0];

    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;

    private WebhookResponse(int status, Map<String, String> headers, byte[] body) {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status must be a three-digit HTTP status, got " + status);
        }
        this.status = status;
        this.headers = Collections.unmodifiableMap(headers);
        this.body = body;
    }

    /**
     * A plain-text response.
     *
     * @param status the HTTP status
     * @param body the body, sent as UTF-8
     * @return the response, with {@code Content-Type: text/plain; charset=utf-8} and
     *     {@code X-Content-Type-Options: nosniff}
     */
    public static WebhookResponse text(int status, String body) {
        Objects.requireNonNull(body, "body");
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", TEXT_PLAIN);
        h.put("X-Content-Type-Options", "nosniff");
        return new WebhookResponse(status, h, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A response with no body and no headers (the usual acknowledgement of a delivery).
     *
     * @param status the HTTP status
     * @return the response
     */
    public static WebhookResponse empty(int status) {
        return new WebhookResponse(status, new LinkedHashMap<>(), NONE);
    }

    /**
     * A response with any body and headers.
     *
     * @param status the HTTP status
     * @param headers the headers, in the order to send them (copied)
     * @param body the body (copied)
     * @return the response
     */
    public static WebhookResponse of(int status, Map<String, String> headers, byte[] body) {
        return new WebhookResponse(status, new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")),
                Objects.requireNonNull(body, "body").clone());
    }

    /**
     * @param name the header name
     * @param value the value; replaces an earlier value of the same name (case-insensitively)
     * @return a copy of this response with the header set
     */
    public WebhookResponse withHeader(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        h.put(name, value);
        return new WebhookResponse(status, h, body);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the headers to send, in order; unmodifiable */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * @param name the header name, matched case-insensitively
     * @return its value, or {@code null}
     */
    public String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** @return the {@code Content-Type} header, or {@code null} for a response without one */
    public String contentType() {
        return header("Content-Type");
    }

    /** @return the body decoded as UTF-8 (empty for no body) */
    public String body() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** @return the body bytes, ready to write (a copy) */
    public byte[] bodyBytes() {
        return body.clone();
    }

    /** @return the body length in bytes */
    public int bodyLength() {
        return body.length;
    }

    /**
     * Writes the body without copying it, for servers.
     *
     * @return the body as a read-only buffer
     */
    public ByteBuffer bodyBuffer() {
        return ByteBuffer.wrap(body).asReadOnlyBuffer();
    }

    @Override
    public String toString() {
        return "WebhookResponse[" + status + ", " + body.length + " bytes]";
    }
}
