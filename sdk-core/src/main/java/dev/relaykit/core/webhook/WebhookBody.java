package dev.relaykit.core.webhook;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a webhook request's body up to a size limit, the one way every receiver does: a declared
 * {@code Content-Length} over the limit is refused before anything is read, then at most one byte
 * more than the limit is read, so a chunked body that turns out too large is refused too without
 * ever being held whole.
 *
 * <pre class="java-members">{@code
 * WebhookResponse handle(WebhookRequest request) {
 *     byte[] body;
 *     try {
 *         body = WebhookBody.read(request, 1 << 20);
 *     } catch (WebhookBody.Refused refused) {
 *         return refused.response();   // 413 (too large) or 400 (unreadable)
 *     }
 *     return WebhookResponse.text(200, "got " + body.length + " bytes");
 * }
 * }</pre>
 */
public final class WebhookBody {
    private WebhookBody() {
    }

    /**
     * Why a body was not read: too large, or the stream failed. {@link #response()} is the answer
     * to send; {@link #getMessage()} says what was too large, for a log or an error listener.
     */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient WebhookResponse response;
        private final boolean tooLarge;

        private Refused(String message, WebhookResponse response, boolean tooLarge, IOException cause) {
            super(message, cause);
            this.response = response;
            this.tooLarge = tooLarge;
        }

        /** @return 413 with the limit, or 400 when the body could not be read */
        public WebhookResponse response() {
            return response;
        }

        /** @return {@code true} if the body was over the limit; {@code false} if reading it failed */
        public boolean tooLarge() {
            return tooLarge;
        }
    }

    /**
     * Reads {@code request}'s body, at most {@code maxBytes}.
     *
     * <pre>{@code
     * byte[] body = WebhookBody.read(request, 1 << 20);
     * }</pre>
     *
     * @param request the request
     * @param maxBytes the largest body accepted, 1 to {@code Integer.MAX_VALUE - 1}
     * @return the whole body
     * @throws Refused if it is larger, or cannot be read
     */
    public static byte[] read(WebhookRequest request, int maxBytes) throws Refused {
        return read(request.body(), request.contentLength(), maxBytes);
    }

    /**
     * Reads a body from a stream, at most {@code maxBytes}; for receivers that take a framework's stream directly.
     *
     * <pre>{@code
     * byte[] body = WebhookBody.read(request.body(), request.contentLength(), 1 << 20);
     * }</pre>
     *
     * @param in the body
     * @param contentLength the declared length, or -1 if unknown
     * @param maxBytes the largest body accepted, 1 to {@code Integer.MAX_VALUE - 1}
     * @return the whole body
     * @throws Refused if it is larger, or cannot be read
     */
    public static byte[] read(InputStream in, long contentLength, int maxBytes) throws Refused {
        if (maxBytes < 1 || maxBytes == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxBytes must be between 1 and " + (Integer.MAX_VALUE - 1) + ", got " + maxBytes);
        }
        if (contentLength > maxBytes) {
            throw tooLarge("Content-Length " + contentLength, maxBytes);
        }
        byte[] body;
        try {
            body = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new Refused("the request body could not be read: " + e.getMessage(),
                    WebhookResponse.text(400, "could not read the request body"), false, e);
        }
        if (body.length > maxBytes) {
            throw tooLarge("the body", maxBytes);
        }
        return body;
    }

    private static Refused tooLarge(String what, int maxBytes) {
        return new Refused(what + " exceeds the limit of " + maxBytes + " bytes",
                WebhookResponse.text(413, "body too large; the limit is " + maxBytes + " bytes"), true, null);
    }
}
