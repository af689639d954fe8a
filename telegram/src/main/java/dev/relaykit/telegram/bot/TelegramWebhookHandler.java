package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.RelayKitException;
import dev.relaykit.core.internal.SharedTimer;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.webhook.WebhookBody;
import dev.relaykit.core.webhook.WebhookReceiver;
import dev.relaykit.core.webhook.WebhookRequest;
import dev.relaykit.core.webhook.WebhookResponse;
import dev.relaykit.core.ws.SerialExecutor;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Bot API updates by webhook (core.telegram.org/bots/api#setwebhook), independent of any web
 * framework. It is a {@link WebhookReceiver}, so the SDK's embedded server (module
 * {@code webhook-server}) runs it as it is, and so does a servlet or a Spring controller (the glue is
 * in {@link WebhookReceiver}'s documentation).
 *
 * <pre>{@code
 * Secret secret = Secret.of(System.getenv("TELEGRAM_WEBHOOK_SECRET"));
 * TelegramWebhookHandler handler = TelegramWebhookHandler.builder(secret)
 *         .listener(update -> System.out.println(update.text().orElse("")))
 *         .build();
 * bot.setWebhook("https://bot.example.com/telegram", secret, Map.of());
 * // on the embedded server: WebhookServer.builder().route("/telegram", handler).port(8443).start();
 * }</pre>
 *
 * <p><b>What it answers</b>: {@code POST} only (else 405). The
 * {@code X-Telegram-Bot-Api-Secret-Token} header is compared with the secret in constant time;
 * missing or wrong: 401, and the body is not read. A body over {@link Builder#maxBodyBytes(int)}
 * (default 1 MiB): 413. A body that is not an Update object: 400. Otherwise the update is queued
 * and the answer is 200 at once, before the listener runs; with {@link Builder#maxPending(int)}
 * updates already waiting: 503, so that Telegram delivers it again later.
 *
 * <p><b>Delivery</b>: one at a time, in the order the requests arrived, on the executor (default:
 * the SDK's shared worker pool, through a serial executor: no thread of its own). Telegram sends
 * a bot's updates in order unless {@code max_connections} above 1 lets several be in flight. A
 * listener that throws is logged and the next update follows.
 */
public final class TelegramWebhookHandler implements WebhookReceiver {
    /** The header Telegram sends the {@code secret_token} of {@code setWebhook} in. */
    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookHandler.class);

    private final WebhookVerifier verifier;
    private final UpdateListener listener;
    private final Executor executor;
    private final int maxBodyBytes;
    private final int maxPending;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile boolean closed;

    private TelegramWebhookHandler(Builder b) {
        this.verifier = new WebhookVerifier(b.secret);
        this.listener = Objects.requireNonNull(b.listener, "listener");
        this.executor = new SerialExecutor(b.executor != null ? b.executor : SharedTimer.workers());
        this.maxBodyBytes = b.maxBodyBytes;
        this.maxPending = b.maxPending;
    }

    /**
     * @param secretToken the {@code secret_token} given to {@code setWebhook}
     * @return a new builder
     */
    public static Builder builder(Secret secretToken) {
        return new Builder(secretToken);
    }

    /**
     * Checks, reads and queues one delivery.
     *
     * <pre>{@code
     * TelegramWebhookHandler telegram = TelegramWebhookHandler.builder(Secret.of("s3cret"))
 *         .listener(update -> System.out.println(update)).build();
 * WebhookResponse r = telegram.handle(WebhookRequest.of("POST", "/telegram", name -> null,
     *         name -> name.equalsIgnoreCase(TelegramWebhookHandler.SECRET_HEADER) ? "s3cret" : null,
     *         new ByteArrayInputStream("{\"update_id\":1,\"message\":{}}".getBytes(java.nio.charset.StandardCharsets.UTF_8)), -1));
     * }</pre>
     *
     * @param request the HTTP request
     * @return the answer to write back
     */
    @Override
    public WebhookResponse handle(WebhookRequest request) {
        if (!"POST".equalsIgnoreCase(request.method())) {
            return WebhookResponse.text(405, "POST only");
        }
        if (!verifier.matches(request.header(SECRET_HEADER))) {
            return WebhookResponse.text(401, "wrong or missing " + SECRET_HEADER);
        }
        if (closed) {
            return WebhookResponse.text(503, "shutting down");
        }
        byte[] body;
        try {
            body = WebhookBody.read(request, maxBodyBytes);
        } catch (WebhookBody.Refused refused) {
            return refused.response();
        }
        Update update;
        try {
            JsonNode json = Json.tree(new String(body, StandardCharsets.UTF_8));
            update = Update.of(json);
        } catch (RelayKitException | IllegalArgumentException e) {
            return WebhookResponse.text(400, "not a Bot API Update");
        }
        if (pending.incrementAndGet() > maxPending) {
            pending.decrementAndGet();
            return WebhookResponse.text(503, "too many updates waiting");
        }
        try {
            executor.execute(() -> deliver(update));
        } catch (RuntimeException refused) {
            pending.decrementAndGet();
            return WebhookResponse.text(503, "could not queue the update");
        }
        return WebhookResponse.empty(200);
    }

    private void deliver(Update update) {
        try {
            listener.onUpdate(update);
        } catch (Exception | LinkageError e) {
            log.error("telegram update listener failed on update {} ({})", update.updateId(), update.kind(), e);
        } finally {
            pending.decrementAndGet();
        }
    }

    /** @return updates queued and not yet handled */
    public int pending() {
        return pending.get();
    }

    /** Refuses later deliveries with 503 (Telegram delivers them again); queued ones still run. */
    @Override
    public void close() {
        closed = true;
    }

    /** Builds a {@link TelegramWebhookHandler}. */
    public static final class Builder {
        private final Secret secret;
        private UpdateListener listener;
        private Executor executor;
        private int maxBodyBytes = 1 << 20;
        private int maxPending = 10_000;

        private Builder(Secret secret) {
            this.secret = Objects.requireNonNull(secret, "secretToken");
            if (secret.isEmpty()) {
                throw new IllegalArgumentException("the webhook secret token is empty");
            }
        }

        /**
         * @param listener receives the updates, one at a time, in arrival order
         * @return this builder
         */
        public Builder listener(UpdateListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * @param executor where the listener runs (one task at a time); default the SDK's shared workers
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * @param max the largest body accepted; default 1 MiB
         * @return this builder
         */
        public Builder maxBodyBytes(int max) {
            if (max < 1 || max == Integer.MAX_VALUE) {
                throw new IllegalArgumentException("maxBodyBytes out of range: " + max);
            }
            this.maxBodyBytes = max;
            return this;
        }

        /**
         * @param max updates waiting for the listener before deliveries are answered 503; default 10,000
         * @return this builder
         */
        public Builder maxPending(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxPending must be at least 1");
            }
            this.maxPending = max;
            return this;
        }

        /**
         * @return the handler
         * @throws NullPointerException if no listener was given
         */
        public TelegramWebhookHandler build() {
            return new TelegramWebhookHandler(this);
        }
    }
}
