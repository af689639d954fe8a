package dev.relaykit.pusher.server;

import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.webhook.WebhookBody;
import dev.relaykit.core.webhook.WebhookReceiver;
import dev.relaykit.core.webhook.WebhookRequest;
import dev.relaykit.core.webhook.WebhookResponse;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Pusher Channels webhooks, independent of any web framework. It is a
 * {@link WebhookReceiver}, so the SDK's one embedded webhook server (module {@code webhook-server},
 * on Jetty: timeouts, bounded bodies and threads) runs it as it is, and the same handler fits a
 * servlet or a Spring controller (see {@link WebhookReceiver} for the glue).
 *
 * <pre>{@code
 * PusherWebhookHandler handler = PusherWebhookHandler.builder()
 *         .key("278d425bdf160c739803")
 *         .secret(Secret.of(System.getenv("PUSHER_SECRET")))
 *         .listener(hook -> hook.events().forEach(e -> System.out.println(e)))
 *         .build();
 * }</pre>
 *
 * <p><b>On the embedded server</b> (module {@code webhook-server}):
 * <pre>{@code
 * try (WebhookServer server = WebhookServer.builder()
 *         .route("/pusher/webhooks", handler)      // the server closes the handler when it stops
 *         .host("0.0.0.0").port(8080)
 *         .start()) {
 *     new CountDownLatch(1).await();            // serve until the process is stopped
 * }
 * }</pre>
 *
 * <p><b>What it answers</b>:
 * <ul>
 *   <li>{@code POST}: the body is read up to the {@linkplain Builder#maxBodyBytes(int) limit}
 *       (default 1 MiB), larger: 413. Then {@code X-Pusher-Key} must be the app key and
 *       {@code X-Pusher-Signature} the hex HMAC-SHA256 of the exact body with the app secret, both
 *       compared in constant time; otherwise <b>401</b>, and the body is never parsed. A signed
 *       body that is not {@code {"time_ms":..,"events":[..]}}: 400. Otherwise the listener runs
 *       with the delivery and the answer is 200; if the listener throws, 500, and Pusher delivers
 *       again.</li>
 *   <li>Any other method: 405.</li>
 * </ul>
 *
 * <p>Thread-safe, holds no thread of its own.
 */
public final class PusherWebhookHandler implements WebhookReceiver {
    /** The header naming the app key that signed the delivery. */
    public static final String KEY_HEADER = "X-Pusher-Key";
    /** The header holding the hex HMAC-SHA256 of the body. */
    public static final String SIGNATURE_HEADER = "X-Pusher-Signature";
    /** The default body limit: 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

    private static final Logger LOG = LoggerFactory.getLogger(PusherWebhookHandler.class);

    private final WebhookVerifier verifier;
    private final PusherWebhookListener listener;
    private final int maxBodyBytes;

    private PusherWebhookHandler(Builder b) {
        this.verifier = new WebhookVerifier(b.key, b.secret);
        this.listener = b.listener;
        this.maxBodyBytes = b.maxBodyBytes;
    }

    /** @return a new builder; key, secret and listener are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Answers one webhook request (the path is not looked at: route by path before calling this).
     *
     * @param request the request
     * @return the response to send; never {@code null}
     */
    @Override
    public WebhookResponse handle(WebhookRequest request) {
        String method = request.method() == null ? "" : request.method().toUpperCase(Locale.ROOT);
        if (!method.equals("POST")) {
            return WebhookResponse.text(405, "method not allowed; Pusher delivers webhooks with POST")
                    .withHeader("Allow", "POST");
        }
        byte[] body;
        try {
            body = WebhookBody.read(request, maxBodyBytes);
        } catch (WebhookBody.Refused refused) {
            return refused.response();
        }
        PusherWebhook webhook;
        try {
            webhook = verifier.verify(request.header(KEY_HEADER), request.header(SIGNATURE_HEADER), body);
        } catch (InvalidWebhookException e) {
            LOG.warn("Pusher webhook refused: {}", e.getMessage());
            return e.reason() == InvalidWebhookException.Reason.MALFORMED
                    ? WebhookResponse.text(400, "malformed webhook")
                    : WebhookResponse.text(401, "invalid key or signature");
        }
        try {
            listener.onWebhook(webhook);
        } catch (Exception e) {
            LOG.error("Pusher webhook listener threw for a delivery of {} events; answering 500 so Pusher delivers it again",
                    webhook.events().size(), e);
            return WebhookResponse.text(500, "listener failed; deliver again");
        }
        return WebhookResponse.empty(200);
    }


    /** @return the body limit; never the key or the secret */
    @Override
    public String toString() {
        return "PusherWebhookHandler[maxBodyBytes=" + maxBodyBytes + "]";
    }

    /** Configures a {@link PusherWebhookHandler}. */
    public static final class Builder {
        private String key;
        private Secret secret;
        private PusherWebhookListener listener;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

        private Builder() {
        }

        /**
         * @param key the app key Pusher names in {@code X-Pusher-Key}; required
         * @return this builder
         */
        public Builder key(String key) {
            this.key = Limits.nonEmpty(key, "key");
            return this;
        }

        /**
         * @param secret the app secret that signs deliveries; required
         * @return this builder
         */
        public Builder secret(Secret secret) {
            this.secret = Limits.secret(secret);
            return this;
        }

        /**
         * @param listener receives each verified delivery; required
         * @return this builder
         */
        public Builder listener(PusherWebhookListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * @param maxBodyBytes the largest body accepted (default 1 MiB); larger deliveries are answered 413
         * @return this builder
         */
        public Builder maxBodyBytes(int maxBodyBytes) {
            if (maxBodyBytes < 1 || maxBodyBytes == Integer.MAX_VALUE) {
                throw new IllegalArgumentException("maxBodyBytes must be between 1 and " + (Integer.MAX_VALUE - 1)
                        + ", got " + maxBodyBytes);
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * @return the handler
         * @throws IllegalStateException if the key, the secret or the listener is missing
         */
        public PusherWebhookHandler build() {
            if (key == null || secret == null) {
                throw new IllegalStateException("key and secret are required: every delivery is verified with them");
            }
            if (listener == null) {
                throw new IllegalStateException("listener is required");
            }
            return new PusherWebhookHandler(this);
        }
    }
}
