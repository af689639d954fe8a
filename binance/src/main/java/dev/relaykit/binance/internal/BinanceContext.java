package dev.relaykit.binance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.binance.BinanceEnvironment;
import dev.relaykit.binance.BinanceKey;
import dev.relaykit.binance.ExchangeInfoCache;
import dev.relaykit.core.limit.RateLimit;
import dev.relaykit.core.limit.RateLimiter;
import dev.relaykit.core.net.HttpClients;
import dev.relaykit.core.rest.ErrorParser;
import dev.relaykit.core.rest.RestClient;
import dev.relaykit.core.rest.RestRequest;
import dev.relaykit.core.rest.RestResponse;
import dev.relaykit.core.rest.RetryPolicy;
import dev.relaykit.core.sign.QuerySignatureSigner;
import dev.relaykit.core.time.ServerClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Not API: what the parts of a Binance client share (environment, key, clock, rate limiters,
 * order rules, the signed REST client) and the one way they run REST calls. It may change in any
 * release; do not use it from outside RelayKit.
 *
 * <p>The endpoint groups, the market streams, the WebSocket API client and the order book take
 * this context, never the facade that made them, so nothing calls back into a facade and a
 * second facade (futures, with its own base URLs and limits) builds its own context and reuses
 * the same parts:
 *
 * <pre>{@code
 * BinanceContext futures = BinanceContext.builder(new BinanceEnvironment("usdm", "https://fapi.binance.com",
 *                 "wss://fstream.binance.com", "wss://ws-fapi.binance.com/ws-fapi/v1"))
 *         .key(BinanceKey.hmac(apiKey, secretKey))
 *         .weightLimit(RateLimit.weight(2400, Duration.ofMinutes(1)).withServerHeader("X-MBX-USED-WEIGHT-1M"))
 *         .orderLimit(RateLimit.requests(300, Duration.ofSeconds(10)).withServerHeader("X-MBX-ORDER-COUNT-10S"))
 *         .build();
 * }</pre>
 *
 * <p>A signed request without a key fails before anything is sent. An order is charged to the
 * order-count budget before the weight budget, is refused at once during an IP ban, and is never
 * retried. Thread-safe; {@link #close()} releases the REST client.
 */
public final class BinanceContext implements AutoCloseable {
    /** The longest {@code recvWindow} Binance accepts. */
    public static final Duration MAX_RECV_WINDOW = Duration.ofMillis(60_000);

    /**
     * Not API: a client that hands its context to the parts built on it (streams, WebSocket API).
     * {@code dev.relaykit.binance.BinanceSpot} is one.
     */
    public interface Source {
        /** @return the context its parts share */
        BinanceContext context();
    }

    private final BinanceEnvironment environment;
    private final BinanceKey key;
    private final ServerClock clock;
    private final RestClient rest;
    private final RateLimiter orderLimiter;
    private final ExchangeInfoCache orderRules;

    private BinanceContext(Builder b) {
        this.environment = b.environment;
        this.key = b.key;
        this.orderRules = b.orderRules;
        this.clock = ServerClock.create();
        if (b.weightLimit == null) {
            throw new IllegalStateException("a Binance context needs weightLimit(..)");
        }
        RestClient.Builder rb = RestClient.builder()
                .service(b.service)
                .baseUrl(environment.restBaseUrl())
                .httpClient(b.httpClient)
                .retryPolicy(b.retryPolicy)
                .rateLimiter(RateLimiter.builder().limit(b.weightLimit).mode(b.limitMode).maxWait(b.limitMaxWait).build());
        if (b.errorParser != null) {
            rb.errorParser(b.errorParser);
        }
        if (key != null) {
            rb.signer(QuerySignatureSigner.builder(key.signer())
                    .apiKey(key.apiKey())
                    .apiKeyHeader("X-MBX-APIKEY")
                    .clock(clock)
                    .recvWindow(b.recvWindow)
                    .build());
        }
        this.rest = rb.build();
        RateLimiter.Builder ob = RateLimiter.builder().mode(b.limitMode).maxWait(b.limitMaxWait);
        b.orderLimits.forEach(ob::limit);
        this.orderLimiter = ob.build();
    }

    /**
     * @param environment where the client talks (its REST, stream and WebSocket API addresses)
     * @return a builder: no key, recvWindow 5000 ms, wait mode with at most one minute's wait
     */
    public static Builder builder(BinanceEnvironment environment) {
        return new Builder(environment);
    }

    /** @return the environment */
    public BinanceEnvironment environment() {
        return environment;
    }

    /** @return the key, or {@code null} for a market-data-only client */
    public BinanceKey key() {
        return key;
    }

    /** @return the clock signed timestamps are taken from */
    public ServerClock clock() {
        return clock;
    }

    /** @return the request-weight limiter every REST and WebSocket API request is charged to */
    public RateLimiter weightLimiter() {
        return rest.rateLimiter();
    }

    /** @return the order-count limiter order placements are charged to */
    public RateLimiter orderLimiter() {
        return orderLimiter;
    }

    /** @return the exchange information new orders are checked against before sending, or {@code null} */
    public ExchangeInfoCache orderRules() {
        return orderRules;
    }

    // ------------------------------------------------------------------ REST execution

    /**
     * Runs a typed call: an order through the order budget, anything else as a plain request.
     *
     * @param call the call
     * @param <T> its result type
     * @return the decoded answer
     */
    public <T> T send(Call<T> call) {
        return call.decoder().apply(call.order() ? placeOrder(call.request()) : execute(call.request()));
    }

    /**
     * @param call the call
     * @param <T> its result type
     * @return completes with the decoded answer, or exceptionally with what {@link #send} throws
     */
    public <T> CompletableFuture<T> sendAsync(Call<T> call) {
        return (call.order() ? placeOrderAsync(call.request(), 0) : executeAsync(call.request()))
                .thenApply(call.decoder());
    }

    /**
     * @param request any request
     * @return the answer's JSON
     */
    public JsonNode execute(RestRequest request) {
        return rest.execute(requireKey(request));
    }

    /**
     * @param request any request
     * @param type the answer's type
     * @param <T> the answer's type
     * @return the decoded answer
     */
    public <T> T execute(RestRequest request, Class<T> type) {
        return rest.execute(requireKey(request), type);
    }

    /**
     * @param request any request
     * @return completes with the answer's JSON; a missing key fails it without sending
     */
    public CompletableFuture<JsonNode> executeAsync(RestRequest request) {
        try {
            return rest.executeAsync(requireKey(request));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Charges the order-count budget, then the weight budget, and updates both from the answer. */
    private JsonNode placeOrder(RestRequest request) {
        requireKey(request);
        // an IP ban (418) refuses at once, before the order budget is charged or waited for
        rest.rateLimiter().checkNotBanned();
        orderLimiter.acquire(1);
        RestResponse response = rest.exchange(request);
        orderLimiter.updateFromHeaders(response::header);
        return response.json();
    }

    /** As {@link #placeOrder}, waiting for order budget on a timer, never on the caller's thread. */
    private CompletableFuture<JsonNode> placeOrderAsync(RestRequest request, long waited) {
        try {
            requireKey(request);
            rest.rateLimiter().checkNotBanned();
            long wait = orderLimiter.reserve(1, waited);
            if (wait > 0) {
                return CompletableFuture.supplyAsync(() -> null,
                                CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS))
                        .thenCompose(ignored -> placeOrderAsync(request, waited + wait));
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return rest.exchangeAsync(request).thenApply(response -> {
            orderLimiter.updateFromHeaders(response::header);
            return response.json();
        });
    }

    /**
     * @param request a request
     * @return the request
     * @throws IllegalStateException if it needs a key and there is none (nothing is sent)
     */
    public RestRequest requireKey(RestRequest request) {
        if (request.security() != RestRequest.Security.NONE && key == null) {
            throw new IllegalStateException(request.method() + " " + request.path()
                    + " needs an API key; build the client with .key(BinanceKey.hmac(apiKey, secretKey)) "
                    + "(or ed25519/rsa)");
        }
        return request;
    }

    /** Releases the REST client; calls in flight fail. */
    @Override
    public void close() {
        rest.close();
    }

    @Override
    public String toString() {
        return "BinanceContext[" + environment.name() + ", " + (key == null ? "no key" : key) + "]";
    }

    /** Configures a {@link BinanceContext}; a facade sets every part from its own builder. */
    public static final class Builder {
        private final BinanceEnvironment environment;
        private String service = "binance";
        private BinanceKey key;
        private Duration recvWindow = Duration.ofMillis(5000);
        private okhttp3.OkHttpClient httpClient = HttpClients.shared();
        private RateLimiter.Mode limitMode = RateLimiter.Mode.WAIT;
        private Duration limitMaxWait = Duration.ofMinutes(1);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private ErrorParser errorParser;
        private ExchangeInfoCache orderRules;
        private RateLimit weightLimit;
        private final List<RateLimit> orderLimits = new ArrayList<>();

        private Builder(BinanceEnvironment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
        }

        /**
         * @param service the name errors and logs carry (default {@code binance})
         * @return this
         */
        public Builder service(String service) {
            this.service = Objects.requireNonNull(service, "service");
            return this;
        }

        /**
         * @param key the API key and signer, or {@code null} for public endpoints only
         * @return this
         */
        public Builder key(BinanceKey key) {
            this.key = key;
            return this;
        }

        /**
         * @param recvWindow sent with every signed REST request
         * @return this
         */
        public Builder recvWindow(Duration recvWindow) {
            this.recvWindow = Objects.requireNonNull(recvWindow, "recvWindow");
            return this;
        }

        /**
         * @param client the OkHttp client REST calls derive from
         * @return this
         */
        public Builder httpClient(okhttp3.OkHttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * @param mode wait for budget or fail fast, for both limiters
         * @param maxWait the longest a call waits for budget
         * @return this
         */
        public Builder rateLimits(RateLimiter.Mode mode, Duration maxWait) {
            this.limitMode = Objects.requireNonNull(mode, "mode");
            this.limitMaxWait = Objects.requireNonNull(maxWait, "maxWait");
            return this;
        }

        /**
         * @param policy retries of idempotent requests
         * @return this
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param parser turns the service's error answers into exceptions
         * @return this
         */
        public Builder errorParser(ErrorParser parser) {
            this.errorParser = Objects.requireNonNull(parser, "parser");
            return this;
        }

        /**
         * @param cache the exchange information new orders are checked against, or {@code null}
         * @return this
         */
        public Builder orderRules(ExchangeInfoCache cache) {
            this.orderRules = cache;
            return this;
        }

        /**
         * @param limit the request-weight budget (with the header the server reports usage in)
         * @return this
         */
        public Builder weightLimit(RateLimit limit) {
            this.weightLimit = Objects.requireNonNull(limit, "limit");
            return this;
        }

        /**
         * @param limit one order-count budget (with its header); call once per window
         * @return this
         */
        public Builder orderLimit(RateLimit limit) {
            this.orderLimits.add(Objects.requireNonNull(limit, "limit"));
            return this;
        }

        /** @return the context */
        public BinanceContext build() {
            return new BinanceContext(this);
        }
    }
}
