package dev.relaykit.whatsapp.webhook;

import dev.relaykit.core.DecodeException;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.webhook.WebhookBody;
import dev.relaykit.core.webhook.WebhookReceiver;
import dev.relaykit.core.webhook.WebhookRequest;
import dev.relaykit.core.webhook.WebhookResponse;
import dev.relaykit.whatsapp.webhook.event.MessageContent;
import dev.relaykit.whatsapp.webhook.event.MessageEvent;
import dev.relaykit.whatsapp.webhook.event.StatusEvent;
import dev.relaykit.whatsapp.webhook.event.WebhookEvent;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives WhatsApp Cloud API webhooks, independent of any web framework: give it the request's
 * method, query parameters, headers and body, and write back the {@link WebhookResponse} it returns.
 * It is a {@link WebhookReceiver}, so RelayKit's embedded server (the {@code webhook-server} module,
 * on Jetty) runs it as it is; the same handler fits a servlet or a Spring controller.
 *
 * <pre>{@code
 * WebhookHandler handler = WebhookHandler.builder()
 *     .appSecret(Secret.of(System.getenv("WHATSAPP_APP_SECRET")))
 *     .verifyToken(Secret.of(System.getenv("WHATSAPP_VERIFY_TOKEN")))
 *     .listener(event -> {
 *         if (event instanceof MessageEvent m && m.content() instanceof MessageContent.Text t) {
 *             client.sendAsync(Message.text(m.sender(), "You said: " + t.body()));
 *         }
 *     })
 *     .onFailure((event, error) -> System.err.println("listener failed for " + event + ": " + error))
 *     .build();
 * }</pre>
 *
 * <p><b>On the embedded server</b> (module {@code webhook-server}):
 * <pre>{@code
 * try (WebhookServer server = WebhookServer.builder()
 *         .route("/webhook", handler)           // the server closes the handler when it stops
 *         .host("0.0.0.0").port(8080)
 *         .start()) {
 *     new CountDownLatch(1).await();        // serve until the process is stopped
 * }
 * }</pre>
 *
 * <p><b>In a servlet</b> (no servlet dependency here; this is all the glue there is):
 * <pre class="java-file">{@code
 * import dev.relaykit.whatsapp.webhook.WebhookHandler;
 * import dev.relaykit.core.webhook.WebhookResponse;
 * import jakarta.servlet.http.HttpServlet;
 * import jakarta.servlet.http.HttpServletRequest;
 * import jakarta.servlet.http.HttpServletResponse;
 * import java.io.IOException;
 *
 * public class WhatsAppWebhookServlet extends HttpServlet {
 *     private final WebhookHandler handler;
 *
 *     public WhatsAppWebhookServlet(WebhookHandler handler) {
 *         this.handler = handler;
 *     }
 *
 *     @Override
 *     protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
 *         WebhookResponse r = handler.handle(req.getMethod(), req::getParameter, req::getHeader,
 *                 req.getInputStream(), req.getContentLengthLong());
 *         resp.setStatus(r.status());
 *         r.headers().forEach(resp::setHeader);   // Content-Type, X-Content-Type-Options
 *         resp.getOutputStream().write(r.bodyBytes());
 *     }
 * }
 * }</pre>
 *
 * <p><b>In Spring MVC</b>, pass the raw request, not a {@code @RequestBody String} (the signature is
 * over the exact bytes Meta sent):
 * <pre class="java-file">{@code
 * import dev.relaykit.whatsapp.webhook.WebhookHandler;
 * import dev.relaykit.core.webhook.WebhookResponse;
 * import jakarta.servlet.http.HttpServletRequest;
 * import java.io.IOException;
 * import org.springframework.http.ResponseEntity;
 * import org.springframework.web.bind.annotation.RequestMapping;
 * import org.springframework.web.bind.annotation.RequestMethod;
 * import org.springframework.web.bind.annotation.RestController;
 *
 * @RestController
 * public class WhatsAppWebhookController {
 *     private final WebhookHandler handler;
 *
 *     public WhatsAppWebhookController(WebhookHandler handler) {   // your @Bean
 *         this.handler = handler;
 *     }
 *
 *     @RequestMapping(path = "/webhook", method = {RequestMethod.GET, RequestMethod.POST})
 *     public ResponseEntity<String> webhook(HttpServletRequest req) throws IOException {
 *         WebhookResponse r = handler.handle(req.getMethod(), req::getParameter, req::getHeader,
 *                 req.getInputStream(), req.getContentLengthLong());
 *         ResponseEntity.BodyBuilder answer = ResponseEntity.status(r.status());
 *         r.headers().forEach(answer::header);   // Content-Type, X-Content-Type-Options
 *         return answer.body(r.body());
 *     }
 * }
 * }</pre>
 *
 * <p><b>What it answers</b>:
 * <ul>
 *   <li>{@code GET} with {@code hub.mode=subscribe}, the right {@code hub.verify_token} and a
 *       {@code hub.challenge} of at most {@value #MAX_CHALLENGE_LENGTH} characters: 200 with the
 *       challenge as {@code text/plain; charset=utf-8} and {@code X-Content-Type-Options: nosniff}
 *       (Meta's challenge is a short number; the cap and the header keep this echo from serving
 *       anyone's page). A longer challenge: 400. Anything else: 403. Refused challenges are never
 *       echoed.</li>
 *   <li>{@code POST}: the body is read up to {@link Builder#maxBodyBytes(int) the limit} (default
 *       1 MiB; counted while reading, not only from {@code Content-Length}); larger: 413. Then
 *       {@code X-Hub-Signature-256: sha256=<hex>}, the HMAC-SHA256 of the raw body with the app
 *       secret, is compared in constant time; missing, malformed or wrong: <b>401</b>, and the body
 *       is never parsed. A correctly signed body that is not a JSON object, or with a message or
 *       status whose {@code id} is not a non-empty JSON string (Meta always sends a string
 *       {@code wamid.…}; any other id could not be de-duplicated): 400, and none of its events is
 *       delivered. Otherwise the events
 *       are queued for the listener and the answer is 200 (empty body) at once, before the listener
 *       runs.</li>
 *   <li>If too many events are waiting ({@link Builder#maxPendingEvents(int)}) or the executor
 *       refuses them: 503, so that Meta delivers again later; nothing is lost.</li>
 *   <li>Any other method: 405.</li>
 * </ul>
 *
 * <p><b>Delivery</b>: events run on the {@link Builder#executor(Executor) executor} (default: a pool
 * of 4 threads), one at a time and in order per sender (per recipient for statuses). Meta delivers
 * at least once; a message with an ID already delivered, and a status with an ID and status already
 * delivered, within the {@link Builder#deduplication(int, Duration) window} (default the last
 * 100,000 within 24 hours, in memory) is acknowledged and not delivered again. An
 * {@link dev.relaykit.whatsapp.webhook.event.UnknownEvent} is always delivered. A listener that
 * throws hands the event and the exception to {@link Builder#onFailure(BiConsumer)}.
 *
 * <p>Thread-safe. {@link #close()} stops accepting deliveries (503), waits for queued events and
 * stops the default executor.
 */
public final class WebhookHandler implements WebhookReceiver {
    /** The signature header Meta sends with every POST. */
    public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    /** The default body limit: 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    /** The longest {@code hub.challenge} echoed; a longer one is answered 400. */
    public static final int MAX_CHALLENGE_LENGTH = 256;

    private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);
    private static final WebhookResponse ACCEPTED = WebhookResponse.empty(200);

    private final WebhookVerifier verifier;
    private final WebhookListener listener;
    private final BiConsumer<WebhookEvent, Throwable> onFailure;
    private final Consumer<WebhookError> onError;
    private final ReadMarker readMarker;
    private final int maxBodyBytes;
    private final RecentIds recent;
    private final Dispatcher dispatcher;
    private final ExecutorService ownExecutor;
    private final Duration drainTimeout;
    private volatile boolean closed;

    private WebhookHandler(Builder b) {
        this.verifier = new WebhookVerifier(b.appSecret, b.verifyToken);
        this.listener = b.listener;
        this.onFailure = b.onFailure;
        this.onError = b.onError;
        this.readMarker = b.readMarker;
        this.maxBodyBytes = b.maxBodyBytes;
        this.recent = new RecentIds(b.dedupCapacity, b.dedupWindow.toNanos(), b.nanoClock);
        this.ownExecutor = b.executor == null ? defaultExecutor(b.threads) : null;
        this.dispatcher = new Dispatcher(b.executor == null ? ownExecutor : b.executor, b.maxPending);
        this.drainTimeout = b.drainTimeout;
    }

    /** @return a new builder */
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
        String m = request.method() == null ? "" : request.method().toUpperCase(Locale.ROOT);
        if (m.equals("GET")) {
            return verify(request::queryParameter);
        }
        if (m.equals("POST")) {
            return receive(request::header, request.body(), request.contentLength());
        }
        return WebhookResponse.text(405, "method not allowed; use GET (verification) or POST (events)");
    }

    /**
     * Answers one webhook request given as lookups, the shape servlet and Spring requests offer.
     *
     * @param method the HTTP method, {@code GET} or {@code POST}
     * @param queryParameter looks up a decoded query parameter by name ({@code hub.mode},
     *     {@code hub.verify_token}, {@code hub.challenge}); returns {@code null} when absent
     * @param header looks up a request header by name, case-insensitively (called with
     *     {@value #SIGNATURE_HEADER}); returns {@code null} when absent
     * @param body the raw request body; read only for {@code POST}, at most the limit plus one byte;
     *     not closed
     * @param contentLength the declared {@code Content-Length}, or {@code -1} if unknown (chunked)
     * @return the response to send; never {@code null}
     */
    public WebhookResponse handle(String method, Function<String, String> queryParameter,
            Function<String, String> header, InputStream body, long contentLength) {
        return handle(WebhookRequest.of(method == null ? "" : method, "", queryParameter, header, body,
                contentLength));
    }

    private WebhookResponse verify(Function<String, String> query) {
        return verifier.answerSubscription(query, why -> report(WebhookError.Kind.VERIFICATION_FAILED,
                "verification request refused: " + why, null, null));
    }

    private WebhookResponse receive(Function<String, String> header, InputStream in, long contentLength) {
        if (closed) {
            return WebhookResponse.text(503, "shutting down; deliver again later");
        }
        byte[] body;
        try {
            body = WebhookBody.read(in, contentLength, maxBodyBytes); // the builder keeps maxBodyBytes below Integer.MAX_VALUE
        } catch (WebhookBody.Refused refused) {
            if (refused.tooLarge()) {
                report(WebhookError.Kind.BODY_TOO_LARGE, "delivery refused: " + refused.getMessage(), null, null);
            }
            return refused.response();
        }
        String problem = verifier.signatureProblem(header.apply(SIGNATURE_HEADER), body);
        if (problem != null) {
            report(WebhookError.Kind.INVALID_SIGNATURE, "delivery refused: " + problem, null, null);
            return WebhookResponse.text(401, "invalid signature");
        }
        List<WebhookEvent> events;
        try {
            events = WebhookEvents.parse(body);
        } catch (DecodeException e) {
            report(WebhookError.Kind.MALFORMED_PAYLOAD, "correctly signed delivery of " + body.length
                    + " bytes is not a webhook payload: " + e.getMessage(), e, null);
            return WebhookResponse.text(400, "malformed JSON");
        }
        String badId = WebhookEventKeys.idProblem(events);
        if (badId != null) {
            report(WebhookError.Kind.MALFORMED_PAYLOAD, "correctly signed delivery refused: " + badId
                    + "; nothing in it was delivered", null, null);
            return WebhookResponse.text(400, "malformed payload: every message and status needs a string id");
        }
        int refused = 0;
        for (WebhookEvent event : events) {
            String key = WebhookEventKeys.deduplicationKey(event);
            if (key != null && !recent.claim(key)) {
                continue; // delivered before: acknowledge, do not deliver again
            }
            try {
                dispatcher.submit(WebhookEventKeys.orderKey(event), () -> deliver(event));
            } catch (RejectedExecutionException e) {
                if (key != null) {
                    recent.release(key);
                }
                refused++;
            }
        }
        if (refused > 0) {
            report(WebhookError.Kind.OVERLOADED, refused + " of " + events.size()
                    + " events could not be queued (" + dispatcher.pending() + " waiting); answered 503 so Meta "
                    + "delivers them again", null, null);
            return WebhookResponse.text(503, "busy; deliver again later");
        }
        return ACCEPTED; // no body: Meta reads only the status
    }


    private void deliver(WebhookEvent event) {
        if (readMarker != null && event instanceof MessageEvent m
                && !(m.content() instanceof MessageContent.SystemChange)) {
            markAsRead(m);
        }
        try {
            listener.onEvent(event);
        } catch (Throwable t) {
            try {
                onFailure.accept(event, t);
            } catch (RuntimeException e) {
                LOG.error("the failure callback threw for {}", describe(event), e);
            }
            if (t instanceof VirtualMachineError vme) {
                throw vme;
            }
        }
    }

    private void markAsRead(MessageEvent m) {
        String what = "marking message " + m.id() + " as read failed";
        try {
            CompletionStage<?> stage = readMarker.markAsRead(m.phoneNumberId(), m.id());
            if (stage != null) {
                stage.whenComplete((ok, e) -> {
                    if (e != null) {
                        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                        report(WebhookError.Kind.MARK_AS_READ_FAILED, what + ": " + cause, cause, m);
                    }
                });
            }
        } catch (RuntimeException e) {
            report(WebhookError.Kind.MARK_AS_READ_FAILED, what + ": " + e, e, m);
        }
    }

    private void report(WebhookError.Kind kind, String message, Throwable cause, WebhookEvent event) {
        try {
            onError.accept(new WebhookError(kind, message, cause, event));
        } catch (RuntimeException e) {
            LOG.error("the error callback threw while reporting: {}", message, e);
        }
    }

    private static String describe(WebhookEvent event) {
        if (event instanceof MessageEvent m) {
            return "message " + m.id() + " (" + m.content().type() + ")";
        }
        if (event instanceof StatusEvent s) {
            return "status " + s.statusValue() + " of message " + s.id();
        }
        return "an unknown event";
    }

    /**
     * Stops accepting deliveries (they are answered 503, so Meta delivers them again later), waits
     * up to the {@link Builder#drainTimeout(Duration) drain timeout} for queued events to reach the
     * listener, and stops the default executor. A user-supplied executor is left running.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        try {
            while (dispatcher.pending() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            if (ownExecutor != null) {
                ownExecutor.shutdown();
                ownExecutor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (ownExecutor != null) {
                ownExecutor.shutdownNow();
            }
        }
        if (dispatcher.pending() > 0) {
            LOG.warn("WhatsApp webhook handler closed with {} events not delivered", dispatcher.pending());
        }
    }

    private static ExecutorService defaultExecutor(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "relaykit-wa-webhook-" + n.incrementAndGet());
            t.setDaemon(false);
            return t;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        pool.allowCoreThreadTimeOut(true); // idle handlers hold no threads
        return pool;
    }

    /** Configures a {@link WebhookHandler}. Only the app secret and the listener are required. */
    public static final class Builder {
        private Secret appSecret;
        private Secret verifyToken;
        private WebhookListener listener;
        private BiConsumer<WebhookEvent, Throwable> onFailure = (event, error) ->
                LOG.error("WhatsApp webhook listener threw for {}", describe(event), error);
        private Consumer<WebhookError> onError = error ->
                LOG.warn("WhatsApp webhook: {}: {}", error.kind(), error.message(), error.cause());
        private ReadMarker readMarker;
        private Executor executor;
        private int threads = 4;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private int maxPending = 10_000;
        private int dedupCapacity = 100_000;
        private Duration dedupWindow = Duration.ofHours(24);
        private Duration drainTimeout = Duration.ofSeconds(10);
        private LongSupplier nanoClock = System::nanoTime;

        private Builder() {
        }

        /**
         * The app secret (App Dashboard, App settings, Basic) that signs every delivery. Required.
         *
         * @param appSecret the app secret, not empty
         * @return this builder
         */
        public Builder appSecret(Secret appSecret) {
            Objects.requireNonNull(appSecret, "appSecret");
            if (appSecret.isEmpty()) {
                throw new IllegalArgumentException("appSecret is empty");
            }
            this.appSecret = appSecret;
            return this;
        }

        /**
         * The verify token you entered with the callback URL in the App Dashboard. Without one every
         * verification request is refused (403).
         *
         * @param verifyToken the verify token, not empty
         * @return this builder
         */
        public Builder verifyToken(Secret verifyToken) {
            Objects.requireNonNull(verifyToken, "verifyToken");
            if (verifyToken.isEmpty()) {
                throw new IllegalArgumentException("verifyToken is empty");
            }
            this.verifyToken = verifyToken;
            return this;
        }

        /**
         * Receives the events. Required.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(WebhookListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Called with the event and the exception when the listener throws (default: log at ERROR
         * with the message ID, not its content). The event is not retried.
         *
         * @param onFailure the callback
         * @return this builder
         */
        public Builder onFailure(BiConsumer<WebhookEvent, Throwable> onFailure) {
            this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
            return this;
        }

        /**
         * Called for refused requests, malformed payloads, overload and mark-as-read failures
         * (default: log at WARN). Called on the HTTP thread for request problems, so keep it quick.
         *
         * @param onError the callback
         * @return this builder
         */
        public Builder onError(Consumer<WebhookError> onError) {
            this.onError = Objects.requireNonNull(onError, "onError");
            return this;
        }

        /**
         * Marks every incoming message as read as it is handed to the listener (not system
         * messages). Failures go to {@link #onError(Consumer)}.
         *
         * <pre>{@code
         * WebhookHandler handler = WebhookHandler.builder()
         *     .appSecret(Secret.of(System.getenv("WHATSAPP_APP_SECRET")))
         *     .listener(event -> System.out.println(event))
         *     .markAsRead((phoneNumberId, messageId) -> client.markReadAsync(phoneNumberId, messageId))
         *     .build();
         * }</pre>
         *
         * @param readMarker the mark-as-read operation
         * @return this builder
         */
        public Builder markAsRead(ReadMarker readMarker) {
            this.readMarker = Objects.requireNonNull(readMarker, "readMarker");
            return this;
        }

        /**
         * Runs the listener on this executor instead of the default pool; {@link #close()} leaves it
         * running. Events of one sender still run one at a time, in order.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * The size of the default listener pool (default 4); ignored with {@link #executor(Executor)}.
         *
         * @param threads at least 1
         * @return this builder
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * The largest body accepted (default 1 MiB); larger deliveries are answered 413.
         *
         * @param maxBodyBytes at least 1
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
         * How many events may wait for the listener at once (default 10,000); beyond that deliveries
         * are answered 503 and Meta delivers them again later.
         *
         * @param maxPendingEvents at least 1
         * @return this builder
         */
        public Builder maxPendingEvents(int maxPendingEvents) {
            if (maxPendingEvents < 1) {
                throw new IllegalArgumentException("maxPendingEvents must be at least 1, got " + maxPendingEvents);
            }
            this.maxPending = maxPendingEvents;
            return this;
        }

        /**
         * How duplicates are recognised: the last {@code capacity} message IDs and status (ID,
         * status) pairs seen within {@code window} are remembered, in memory (default 100,000 and
         * 24 hours). A capacity of 0 turns deduplication off.
         *
         * @param capacity how many IDs to remember, at least 0
         * @param window how long to remember them, positive
         * @return this builder
         */
        public Builder deduplication(int capacity, Duration window) {
            if (capacity < 0) {
                throw new IllegalArgumentException("deduplication capacity must not be negative, got " + capacity);
            }
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("deduplication window must be positive, got " + window);
            }
            this.dedupCapacity = capacity;
            this.dedupWindow = window;
            return this;
        }

        /**
         * How long {@link WebhookHandler#close()} waits for queued events (default 10 seconds).
         *
         * @param drainTimeout not negative
         * @return this builder
         */
        public Builder drainTimeout(Duration drainTimeout) {
            Objects.requireNonNull(drainTimeout, "drainTimeout");
            if (drainTimeout.isNegative()) {
                throw new IllegalArgumentException("drainTimeout must not be negative, got " + drainTimeout);
            }
            this.drainTimeout = drainTimeout;
            return this;
        }

        /** For tests: the clock the deduplication window is measured with. */
        Builder nanoClock(LongSupplier nanoClock) {
            this.nanoClock = nanoClock;
            return this;
        }

        /**
         * @return the handler
         * @throws IllegalStateException if the app secret or the listener is missing
         */
        public WebhookHandler build() {
            if (appSecret == null) {
                throw new IllegalStateException("appSecret is required: every delivery is verified with it");
            }
            if (listener == null) {
                throw new IllegalStateException("listener is required");
            }
            return new WebhookHandler(this);
        }
    }
}
