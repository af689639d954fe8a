package dev.relaykit.core.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.ApiException;
import dev.relaykit.core.DecodeException;
import dev.relaykit.core.RateLimitedException;
import dev.relaykit.core.RelayKitException;
import dev.relaykit.core.TransportException;
import dev.relaykit.core.internal.SharedTimer;
import dev.relaykit.core.internal.TimerScope;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.limit.RateLimiter;
import dev.relaykit.core.net.HttpClients;
import dev.relaykit.core.secret.Redactor;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link RestRequest}s against one service over OkHttp: signs them, keeps to the rate limits,
 * retries what is safe to retry, decodes the answer with the shared JSON mapper and turns failures
 * into typed exceptions.
 *
 * <pre>{@code
 * record ServerTime(long serverTime) { }
 * RestClient rest = RestClient.builder()
 *         .service("binance")
 *         .baseUrl("https://api.binance.com")
 *         .signer(QuerySignatureSigner.builder(PayloadSigner.hmacSha256Hex(secret)).apiKey(Secret.of(apiKey)).build())
 *         .rateLimiter(RateLimiter.builder().limit(RateLimit.weight(6000, Duration.ofMinutes(1))).build())
 *         .build();
 * ServerTime t = rest.execute(RestRequest.get("/api/v3/time").build(), ServerTime.class);
 * CompletableFuture<JsonNode> account = rest.executeAsync(RestRequest.get("/api/v3/account").signed().build());
 * }</pre>
 *
 * <p><b>Each attempt</b> takes room from the {@link RateLimiter} (waiting or failing fast, as it is
 * configured), is signed afresh by the {@link RequestSigner} (new timestamp, new signature), is sent,
 * and feeds the server's rate-limit headers back into the limiter. A 429 holds the limiter until
 * the server's {@code Retry-After}; a 418 (an IP ban) {@linkplain RateLimiter#ban(Instant) bans}
 * it until then.
 *
 * <p><b>A request is never sent later than its caller could expect.</b> It goes at once, or after
 * waiting at most the limiter's {@link RateLimiter#maxWait() maxWait} in
 * {@link RateLimiter.Mode#WAIT WAIT} mode, or not at all (a {@link RateLimitedException}). During a
 * 418 ban every call fails at once, in every mode, with the ban's end as
 * {@link RateLimitedException#retryAt()}; nothing asked for during a ban is sent when it ends. A
 * 429's {@code Retry-After} is waited out (for an idempotent request's retry) only in WAIT mode and
 * only if it ends within {@code maxWait} and the {@link RetryPolicy#maxRetryAfter()}; otherwise the
 * 429 is thrown at once.
 *
 * <p><b>Retries</b> follow the {@link RetryPolicy} through resilience4j's {@link Retry}, with an
 * interval function that honours {@code Retry-After}; only {@link RestRequest#idempotent()
 * idempotent} requests are retried, except for answers the {@link Builder#retryRejected(Predicate)
 * rejection rule} accepts: by those the service says it refused the request without acting on it, so
 * they are retried for any request. A connection failure is never retried for a request that is not
 * idempotent (it may have reached the service). OkHttp's own silent retry on connection failure is
 * switched off on the client this class uses, so that policy is the only one.
 *
 * <p><b>Streaming</b>: {@link #executeStreaming(RestRequest, BodyReader)} hands a 2xx body to the
 * caller as an {@link InputStream}, for downloads that must not be held in memory.
 *
 * <p><b>Errors</b>: {@link ApiException} (the service answered an error, parsed by the
 * {@link ErrorParser}), {@link RateLimitedException} (429/418, or a local budget:
 * {@link RateLimitedException#isLocal()}), {@link TransportException} (I/O: the request may or may
 * not have reached the service), {@link DecodeException} (a 2xx body that cannot be read as the
 * asked type). Async forms complete exceptionally with the same exceptions.
 *
 * <p><b>Logging</b>: one SLF4J debug line per attempt (service, method, path and query, status,
 * duration). Signatures, API keys, tokens and listen keys are redacted from log lines, exception
 * messages and {@code toString()}: by name (see {@link Redactor}), by the signer's
 * {@link RequestSigner#sensitiveNames()}, and by value, whatever a response body echoes.
 *
 * <p>Thread-safe. Async retries and budget waits wait on the SDK's one shared timer thread (no
 * thread of the client's own); when they are due, the attempt (signing, sending) runs on OkHttp's
 * dispatcher threads, never on the timer. The shared OkHttp connection pool and dispatcher are left
 * to OkHttp.
 */
public final class RestClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RestClient.class);
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final MediaType FORM_TYPE = MediaType.get("application/x-www-form-urlencoded");

    private final String service;
    private final String baseUrl;
    private final OkHttpClient http;
    private final Map<String, String> defaultHeaders;
    private final RequestSigner signer;
    private final RateLimiter limiter;
    private final RetryPolicy retryPolicy;
    private final ErrorParser errorParser;
    private final Predicate<? super RelayKitException> retryRejected;
    private final Redactor redactor;
    private final Retry retry;
    private final TimerScope timer; // this client's delayed attempts on the shared timer, handed off to OkHttp's threads
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Clock wallClock = Clock.systemUTC();

    private RestClient(Builder b) {
        this.service = b.service;
        this.baseUrl = b.baseUrl;
        this.http = b.http.newBuilder().retryOnConnectionFailure(false).build();
        this.defaultHeaders = Map.copyOf(b.defaultHeaders);
        this.signer = b.signer;
        this.limiter = b.limiter;
        this.retryPolicy = b.retryPolicy;
        this.errorParser = b.errorParser;
        this.retryRejected = b.retryRejected;
        Redactor r = Redactor.standard();
        if (signer != null) {
            r = r.withNames(signer.sensitiveNames());
        }
        List<String> secretHeaderValues = new ArrayList<>();
        for (Map.Entry<String, String> h : defaultHeaders.entrySet()) {
            if (r.isSensitive(h.getKey())) {
                secretHeaderValues.add(h.getValue());
            }
        }
        for (dev.relaykit.core.secret.Secret s : b.redactedValues) {
            secretHeaderValues.add(s.reveal());
        }
        this.redactor = r.withValues(secretHeaderValues);
        this.retry = Retry.of("relaykit-" + service, retryConfig(retryPolicy));
        // a retry or budget wait scheduled in the moment the client closes runs at once and fails its call:
        // resilience4j would drop a rejected retry without completing the caller's future
        this.timer = SharedTimer.scope(null, http.dispatcher().executorService(), Runnable::run);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- public calls

    /**
     * Sends a request and decodes the 2xx body into a class.
     *
     * @param request the request
     * @param type the class to decode into
     * @param <T> the result type
     * @return the decoded body
     * @throws ApiException if the service answered an error
     * @throws RateLimitedException if a local budget or the service refused it
     * @throws TransportException if the connection failed
     * @throws DecodeException if the body is not valid JSON for the type
     */
    public <T> T execute(RestRequest request, Class<T> type) {
        return call(request, decoder(Json.mapper().constructType(type)));
    }

    /**
     * Sends a request and decodes the 2xx body into a generic type.
     *
     * @param request the request
     * @param type the type to decode into ({@code new TypeReference<List<Trade>>() {}})
     * @param <T> the result type
     * @return the decoded body
     * @throws RelayKitException as {@link #execute(RestRequest, Class)}
     */
    public <T> T execute(RestRequest request, TypeReference<T> type) {
        return call(request, decoder(Json.mapper().getTypeFactory().constructType(type)));
    }

    /**
     * Sends a request and returns the 2xx body as a JSON tree, for raw access to any field.
     *
     * @param request the request
     * @return the body's JSON tree
     * @throws RelayKitException as {@link #execute(RestRequest, Class)}
     */
    public JsonNode execute(RestRequest request) {
        return execute(request, JsonNode.class);
    }

    /**
     * Sends a request and returns the 2xx answer undecoded, with its headers.
     *
     * @param request the request
     * @return status, headers and body
     * @throws RelayKitException as {@link #execute(RestRequest, Class)}, except {@link DecodeException}
     */
    public RestResponse exchange(RestRequest request) {
        return call(request, (response, attempt) -> response);
    }

    /**
     * Async form of {@link #execute(RestRequest, Class)}: never blocks the calling thread (OkHttp's
     * {@code enqueue}; waits for budgets and retries run on a timer).
     *
     * @param request the request
     * @param type the class to decode into
     * @param <T> the result type
     * @return a future completed with the decoded body, or exceptionally with the same exceptions
     *     the sync form throws
     */
    public <T> CompletableFuture<T> executeAsync(RestRequest request, Class<T> type) {
        return callAsync(request, decoder(Json.mapper().constructType(type)));
    }

    /**
     * Async form of {@link #execute(RestRequest, TypeReference)}.
     *
     * @param request the request
     * @param type the type to decode into
     * @param <T> the result type
     * @return a future completed with the decoded body
     */
    public <T> CompletableFuture<T> executeAsync(RestRequest request, TypeReference<T> type) {
        return callAsync(request, decoder(Json.mapper().getTypeFactory().constructType(type)));
    }

    /**
     * Async form of {@link #execute(RestRequest)}.
     *
     * @param request the request
     * @return a future completed with the body's JSON tree
     */
    public CompletableFuture<JsonNode> executeAsync(RestRequest request) {
        return executeAsync(request, JsonNode.class);
    }

    /**
     * Async form of {@link #exchange(RestRequest)}.
     *
     * @param request the request
     * @return a future completed with status, headers and body
     */
    public CompletableFuture<RestResponse> exchangeAsync(RestRequest request) {
        return callAsync(request, (response, attempt) -> response);
    }

    /**
     * Reads a 2xx answer's body from a stream, for downloads. Called on the thread that received
     * the answer; the stream is closed when it returns.
     *
     * @param <T> what the reader makes of the body
     */
    @FunctionalInterface
    public interface BodyReader<T> {
        /**
         * @param head status and headers of the answer; its {@link RestResponse#body()} is empty
         * @param body the body, streamed from the connection
         * @return the result of the call
         * @throws IOException if reading (or writing where the reader copies to) fails
         */
        T read(RestResponse head, InputStream body) throws IOException;
    }

    /**
     * Sends a request and hands the 2xx body to {@code reader} as a stream, without holding it in
     * memory. Errors are as for {@link #execute(RestRequest, Class)}: a non-2xx answer is read and
     * parsed by the error parser. An idempotent request is retried as usual until the reader is
     * called, never after: once the reader has the stream, an I/O failure is thrown as a
     * {@link TransportException} (the reader may already have written part of the body somewhere).
     *
     * @param request the request
     * @param reader reads the body
     * @param <T> the result type
     * @return what the reader returned
     * @throws RelayKitException as {@link #execute(RestRequest, Class)}
     */
    public <T> T executeStreaming(RestRequest request, BodyReader<T> reader) {
        return call(request, new Streaming<>(Objects.requireNonNull(reader, "reader")));
    }

    /**
     * Async form of {@link #executeStreaming(RestRequest, BodyReader)}; the reader runs on an OkHttp
     * dispatcher thread.
     *
     * @param request the request
     * @param reader reads the body
     * @param <T> the result type
     * @return a future completed with what the reader returned
     */
    public <T> CompletableFuture<T> executeStreamingAsync(RestRequest request, BodyReader<T> reader) {
        return callAsync(request, new Streaming<>(Objects.requireNonNull(reader, "reader")));
    }

    /** @return the service name used in messages */
    public String service() {
        return service;
    }

    /** @return the rate limiter, or {@code null} when the client has none */
    public RateLimiter rateLimiter() {
        return limiter;
    }

    /**
     * Stops the client: later calls fail with {@link IllegalStateException}, and so does a call in
     * progress at its next step. An async call waiting for a retry or a budget fails at once: its
     * timer task is cancelled and run here, where it finds the client closed. The client leaves no
     * task on the shared timer. Idempotent.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            for (Runnable waiting : timer.shutdownNow()) {
                waiting.run(); // fails its call with "closed" now rather than leave its future unanswered
            }
        }
    }

    /** @return service and base URL (redacted), never credentials */
    @Override
    public String toString() {
        return "RestClient[service=" + service + ", baseUrl=" + redactor.redact(baseUrl)
                + ", signer=" + (signer == null ? "none" : signer.getClass().getSimpleName())
                + ", rateLimiter=" + limiter + ", retry=" + retryPolicy + "]";
    }

    // ---------------------------------------------------------------- pipeline

    /** Decodes a 2xx response; gets the attempt, whose redactor scrubs its error messages. */
    private interface Decoder<T> {
        T decode(RestResponse response, Prepared attempt);
    }

    /** A decoder that streams the 2xx body to a {@link BodyReader} instead of reading it as text. */
    private record Streaming<T>(BodyReader<T> reader) implements Decoder<T> {
        @Override
        public T decode(RestResponse response, Prepared attempt) {
            throw new IllegalStateException("a streaming decoder reads the body itself");
        }
    }

    /** One attempt's failure, carrying the exception for the caller and whether to retry. */
    private static final class AttemptFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient RelayKitException error;
        final boolean retryable;
        final transient Instant retryAt;

        AttemptFailure(RelayKitException error, boolean retryable, Instant retryAt) {
            super(null, null, false, false);
            this.error = error;
            this.retryable = retryable;
            this.retryAt = retryAt;
        }
    }

    /**
     * A request signed and ready to send. What is needed to put it into text safely (a redactor that
     * also knows this request's secret values, and the redacted target) is built on first use: most
     * attempts emit no text at all. One attempt uses it from one thread at a time.
     */
    private final class Prepared {
        final RestRequest request;
        final Request httpRequest;
        private final String query;
        private Redactor attemptRedactor;
        private String target;

        Prepared(RestRequest request, Request httpRequest, String query) {
            this.request = request;
            this.httpRequest = httpRequest;
            this.query = query;
        }

        /** Scrubs text with the client's redactor plus the secret values this request carries. */
        String redact(String text) {
            if (attemptRedactor == null) {
                attemptRedactor = requestRedactor(request);
            }
            return attemptRedactor.redact(text);
        }

        /** @return path and query (the whole URL for an absolute one), redacted */
        String target() {
            if (target == null) {
                target = redact(request.isAbsoluteUrl() ? httpRequest.url().toString()
                        : request.path() + (query.isEmpty() ? "" : "?" + query));
            }
            return target;
        }
    }

    private <T> Decoder<T> decoder(JavaType type) {
        return (response, attempt) -> {
            String name = type.getRawClass().getSimpleName();
            if (response.body().isBlank()) {
                throw new DecodeException(service + ": empty body where " + name + " was expected");
            }
            try {
                return Json.mapper().readValue(response.body(), type);
            } catch (JsonProcessingException e) {
                // The parser's exception is not attached: its message can quote the body.
                throw new DecodeException(attempt.redact(service + ": cannot decode " + name + ": " + Json.describe(e)));
            }
        };
    }

    private boolean retries(RestRequest request) {
        return retryPolicy.maxAttempts() > 1 && (request.idempotent() || retryRejected != null);
    }

    private <T> T call(RestRequest request, Decoder<T> decoder) {
        Objects.requireNonNull(request, "request");
        checkOpen();
        try {
            if (retries(request)) {
                return retry.executeCheckedSupplier(() -> attempt(request, decoder));
            }
            return attempt(request, decoder);
        } catch (AttemptFailure f) {
            throw f.error;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new RelayKitException(service + ": unexpected failure: " + t.getClass().getName(), t);
        }
    }

    private <T> T attempt(RestRequest request, Decoder<T> decoder) {
        checkOpen();
        if (limiter != null) {
            try {
                limiter.acquire(request.weight());
            } catch (RelayKitException e) {
                throw new AttemptFailure(e, false, null);
            }
        }
        Prepared p = prepare(request);
        long start = System.nanoTime();
        Response response;
        try {
            response = http.newCall(p.httpRequest).execute();
        } catch (IOException e) {
            throw transportFailure(p, e, start);
        }
        return handle(p, response, start, decoder);
    }

    private <T> CompletableFuture<T> callAsync(RestRequest request, Decoder<T> decoder) {
        Objects.requireNonNull(request, "request");
        checkOpen();
        CompletionStage<T> stage = retries(request)
                ? Retry.decorateCompletionStage(retry, timer, () -> attemptAsync(request, decoder)).get()
                : attemptAsync(request, decoder);
        CompletableFuture<T> out = new CompletableFuture<>();
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                out.complete(value);
            } else {
                out.completeExceptionally(unwrap(failure));
            }
        });
        return out;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = unwrapFailure(t);
        return e instanceof AttemptFailure f ? f.error : e;
    }

    private <T> CompletableFuture<T> attemptAsync(RestRequest request, Decoder<T> decoder) {
        CompletableFuture<T> f = new CompletableFuture<>();
        acquireThen(request, 0, f, () -> sendAsync(request, decoder, f));
        return f;
    }

    private void acquireThen(RestRequest request, long waited, CompletableFuture<?> f, Runnable send) {
        try {
            checkOpen();
            long wait = limiter == null ? 0 : limiter.reserve(request.weight(), waited);
            if (wait == 0) {
                send.run();
            } else {
                timer.schedule(() -> acquireThen(request, waited + wait, f, send), wait, TimeUnit.MILLISECONDS);
            }
        } catch (RelayKitException e) {
            f.completeExceptionally(new AttemptFailure(e, false, null));
        } catch (RuntimeException e) {
            f.completeExceptionally(e);
        }
    }

    private <T> void sendAsync(RestRequest request, Decoder<T> decoder, CompletableFuture<T> f) {
        Prepared p;
        try {
            p = prepare(request);
        } catch (RuntimeException e) {
            f.completeExceptionally(e);
            return;
        }
        long start = System.nanoTime();
        http.newCall(p.httpRequest).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                f.completeExceptionally(transportFailure(p, e, start));
            }

            @Override
            public void onResponse(Call call, Response response) {
                try {
                    f.complete(handle(p, response, start, decoder));
                } catch (RuntimeException e) {
                    f.completeExceptionally(e);
                }
            }
        });
    }

    private Prepared prepare(RestRequest request) {
        RestRequest r = request;
        if (request.security() != RestRequest.Security.NONE) {
            if (signer == null) {
                throw new IllegalStateException(service + ": " + request.method() + " " + request.path()
                        + " needs authentication (" + request.security() + ") but the client has no signer");
            }
            r = signer.sign(request);
        }
        String query = r.queryString();
        HttpUrl url;
        if (r.isAbsoluteUrl()) {
            // queryString() already holds the URL's own query first: the wire query is what was signed
            url = HttpUrl.get(r.path()).newBuilder()
                    .encodedQuery(query.isEmpty() ? null : query)
                    .build();
        } else {
            url = HttpUrl.get(baseUrl + r.path()).newBuilder()
                    .encodedQuery(query.isEmpty() ? null : query)
                    .build();
        }
        Request.Builder rb = new Request.Builder().url(url);
        defaultHeaders.forEach(rb::header);
        r.headers().forEach(rb::header);
        rb.method(r.method(), body(r));
        return new Prepared(r, rb.build(), query);
    }

    /** The client's redactor, plus the values the signed request carries under sensitive names. */
    private Redactor requestRedactor(RestRequest r) {
        List<String> secrets = new ArrayList<>();
        for (RestRequest.Param p : r.queryParams()) {
            if (redactor.isSensitive(p.name())) {
                secrets.add(p.value());
            }
        }
        for (RestRequest.Param p : r.urlQueryParams()) {
            if (redactor.isSensitive(p.name())) {
                secrets.add(p.value());
            }
        }
        for (RestRequest.Param p : r.formParams()) {
            if (redactor.isSensitive(p.name())) {
                secrets.add(p.value());
            }
        }
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            if (redactor.isSensitive(h.getKey())) {
                secrets.add(h.getValue());
            }
        }
        return secrets.isEmpty() ? redactor : redactor.withValues(secrets);
    }

    private static RequestBody body(RestRequest r) {
        if (r.hasMultipartBody()) {
            MultipartBody.Builder mb = new MultipartBody.Builder().setType(MultipartBody.FORM);
            for (RestRequest.Part part : r.parts()) {
                if (part.file() == null) {
                    mb.addFormDataPart(part.name(), part.value());
                } else {
                    mb.addFormDataPart(part.name(), part.filename(),
                            RequestBody.create(part.file().toFile(), MediaType.get(part.contentType())));
                }
            }
            return mb.build();
        }
        if (r.hasFormBody()) {
            return RequestBody.create(r.bodyString(), FORM_TYPE);
        }
        if (r.jsonBody() != null) {
            return RequestBody.create(r.jsonBody(), JSON_TYPE);
        }
        return switch (r.method()) {
            case "POST", "PUT", "PATCH" -> RequestBody.create(new byte[0], null);
            default -> null;
        };
    }

    private <T> T handle(Prepared p, Response response, long start, Decoder<T> decoder) {
        try (Response res = response) {
            int status = res.code();
            if (log.isDebugEnabled()) {
                log.debug("{} {} {} -> {} in {} ms", service, p.request.method(), p.target(), status, elapsedMillis(start));
            }
            if (limiter != null) {
                limiter.updateFromHeaders(res::header);
            }
            if (status >= 200 && status < 300 && decoder instanceof Streaming<T> streaming) {
                RestResponse head = new RestResponse(status, res.headers().toMultimap(), "");
                ResponseBody rb = res.body();
                try (InputStream in = rb == null ? InputStream.nullInputStream() : rb.byteStream()) {
                    return streaming.reader().read(head, in);
                } catch (IOException e) {
                    // the reader had the stream: what it wrote cannot be taken back, so no retry
                    throw new AttemptFailure(transportFailure(p, e, start).error, false, null);
                }
            }
            String body;
            try {
                ResponseBody rb = res.body();
                body = rb == null ? "" : rb.string();
            } catch (IOException e) {
                throw transportFailure(p, e, start);
            }
            if (status >= 200 && status < 300) {
                RestResponse rr = new RestResponse(status, res.headers().toMultimap(), body);
                try {
                    return decoder.decode(rr, p);
                } catch (RelayKitException e) {
                    throw new AttemptFailure(e, false, null);
                }
            }
            Instant retryAt = RetryAfter.parse(res.header("Retry-After"), wallClock);
            RelayKitException error = errorParser.parse(service, status, p.redact(body), retryAt);
            if (error == null) {
                error = new ApiException(service, status, null, null);
            }
            if (retryAt == null && error instanceof RateLimitedException limited) {
                retryAt = limited.retryAt(); // the service's parser may read it from the body
            }
            if ((status == 429 || status == 418) && limiter != null) {
                long holdMillis = retryAt == null ? 1000 : Math.max(0, retryAt.toEpochMilli() - wallClock.millis());
                Instant until = Instant.ofEpochMilli(limiter.clock().millis() + holdMillis);
                if (status == 418) {
                    limiter.ban(until); // an IP ban: every call fails at once until it ends, in every mode
                } else {
                    limiter.holdUntil(until);
                }
            }
            boolean rejected = retryRejected != null && retryRejected.test(error);
            boolean retryable = status != 418
                    && (rejected || (p.request.idempotent() && (status >= 500 || status == 429)));
            if (retryable && retryAt != null) {
                Duration wait = Duration.between(wallClock.instant(), retryAt);
                // a retry after Retry-After is a wait: it keeps to the limiter's rule (FAIL_FAST never
                // waits, WAIT never longer than maxWait) as well as to the retry policy's own bound
                boolean limiterAllows = limiter == null
                        || (limiter.mode() == RateLimiter.Mode.WAIT && wait.compareTo(limiter.maxWait()) <= 0);
                if (!limiterAllows || wait.compareTo(retryPolicy.maxRetryAfter()) > 0) {
                    retryable = false;
                }
            }
            throw new AttemptFailure(error, retryable, retryAt);
        }
    }

    private AttemptFailure transportFailure(Prepared p, IOException e, long start) {
        String what = p.redact(e.toString());
        if (log.isDebugEnabled()) {
            log.debug("{} {} {} -> failed in {} ms: {}", service, p.request.method(), p.target(), elapsedMillis(start), what);
        }
        String message = service + ": " + p.request.method() + " " + p.target() + " failed: " + what;
        // a request that is not idempotent may have reached the service: never sent again
        return new AttemptFailure(new TransportException(message, e), p.request.idempotent(), null);
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException(service + " REST client is closed");
        }
    }

    private RetryConfig retryConfig(RetryPolicy policy) {
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(
                policy.initialBackoff(), 2.0, 0.25, policy.maxBackoff());
        IntervalBiFunction<Object> interval = (attempt, outcome) -> {
            if (outcome.isLeft() && unwrapFailure(outcome.getLeft()) instanceof AttemptFailure f && f.retryAt != null) {
                return Math.max(1L, f.retryAt.toEpochMilli() - wallClock.millis());
            }
            return Math.max(1L, backoff.apply(attempt));
        };
        return RetryConfig.<Object>custom()
                .maxAttempts(policy.maxAttempts())
                .intervalBiFunction(interval)
                .retryOnException(t -> unwrapFailure(t) instanceof AttemptFailure f && f.retryable)
                .build();
    }

    private static Throwable unwrapFailure(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** Builds a {@link RestClient}. */
    public static final class Builder {
        private String service = "rest";
        private String baseUrl;
        private OkHttpClient http = HttpClients.shared();
        private final Map<String, String> defaultHeaders = new LinkedHashMap<>();
        private RequestSigner signer;
        private RateLimiter limiter;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private ErrorParser errorParser = ErrorParser.standard();
        private Predicate<? super RelayKitException> retryRejected;
        private final List<dev.relaykit.core.secret.Secret> redactedValues = new ArrayList<>();

        private Builder() {
        }

        /**
         * Names a secret that is part of the base URL or paths rather than of a header or a
         * sensitive parameter (the Telegram Bot API's token in {@code /bot<token>/method}): its value
         * is masked in log lines, exception messages and {@code toString()} like any other secret.
         *
         * <pre>{@code
         * Secret token = Secret.of(System.getenv("TELEGRAM_BOT_TOKEN"));
         * RestClient rest = RestClient.builder()
         *         .baseUrl("https://api.telegram.org/bot" + token.reveal())
         *         .redactValue(token)
         *         .build();
         * }</pre>
         *
         * @param secret a value to mask wherever it appears
         * @return this builder
         */
        public Builder redactValue(dev.relaykit.core.secret.Secret secret) {
            redactedValues.add(Objects.requireNonNull(secret, "secret"));
            return this;
        }

        /**
         * @param service the service's name for messages and logs ({@code "binance"}); default {@code "rest"}
         * @return this builder
         */
        public Builder service(String service) {
            this.service = Objects.requireNonNull(service, "service");
            return this;
        }

        /**
         * @param baseUrl scheme, host and optional path prefix ({@code https://api.binance.com});
         *     request paths are appended to it
         * @return this builder
         * @throws IllegalArgumentException if it is not an http or https URL
         */
        public Builder baseUrl(String baseUrl) {
            String b = Objects.requireNonNull(baseUrl, "baseUrl");
            while (b.endsWith("/")) {
                b = b.substring(0, b.length() - 1);
            }
            if (HttpUrl.parse(b) == null) {
                throw new IllegalArgumentException("not an http(s) URL: " + Redactor.standard().redact(b));
            }
            this.baseUrl = b;
            return this;
        }

        /**
         * @param client the OkHttp client to derive from (its pool and dispatcher are shared);
         *     default {@link HttpClients#shared()}
         * @return this builder
         */
        public Builder httpClient(OkHttpClient client) {
            this.http = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * @param name a header sent with every request ({@code User-Agent})
         * @param value its value; redacted from logs if the name is sensitive
         * @return this builder
         */
        public Builder defaultHeader(String name, String value) {
            defaultHeaders.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @param signer authenticates requests that are not {@link RestRequest.Security#NONE}
         * @return this builder
         */
        public Builder signer(RequestSigner signer) {
            this.signer = signer;
            return this;
        }

        /**
         * @param limiter the budgets to keep to; share one among clients that spend the same
         *     server budget. Default: none
         * @return this builder
         */
        public Builder rateLimiter(RateLimiter limiter) {
            this.limiter = limiter;
            return this;
        }

        /**
         * @param policy when to retry idempotent requests; default {@link RetryPolicy#defaults()}
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param parser turns error responses into exceptions; default {@link ErrorParser#standard()}
         * @return this builder
         */
        public Builder errorParser(ErrorParser parser) {
            this.errorParser = Objects.requireNonNull(parser, "parser");
            return this;
        }

        /**
         * Names the error answers by which the service says it refused a request without acting on
         * it, and that a later attempt can get through (a throughput limit, "temporarily
         * unavailable"). Such answers are retried under the {@link RetryPolicy} for every request,
         * idempotent or not; nothing else changes (a connection failure is still never retried for
         * a request that is not idempotent). Default: none.
         *
         * @param rule tests the exception the {@link ErrorParser} made of the answer
         * @return this builder
         */
        public Builder retryRejected(Predicate<? super RelayKitException> rule) {
            this.retryRejected = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /**
         * @return the client
         * @throws IllegalStateException if no base URL was given
         */
        public RestClient build() {
            if (baseUrl == null) {
                throw new IllegalStateException("baseUrl is required");
            }
            return new RestClient(this);
        }
    }
}
