package dev.relaykit.binance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.binance.internal.BinanceContext;
import dev.relaykit.binance.stream.MarketStreams;
import dev.relaykit.binance.wsapi.WsApiClient;
import dev.relaykit.core.limit.RateLimit;
import dev.relaykit.core.limit.RateLimiter;
import dev.relaykit.core.net.HttpClients;
import dev.relaykit.core.rest.RestRequest;
import dev.relaykit.core.rest.RetryPolicy;
import dev.relaykit.core.time.ServerClock;
import dev.relaykit.core.ws.ConnectionState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;

/**
 * The Binance spot client: REST today, streams and the WebSocket API on top of the same
 * environment and key.
 *
 * <pre>{@code
 * try (BinanceSpot binance = BinanceSpot.builder()
 *         .environment(BinanceEnvironment.TESTNET)
 *         .key(BinanceKey.hmac(apiKey, secretKey))
 *         .build()) {
 *     binance.syncTime();                        // timestamps follow Binance's clock from now on
 *     Instant t = binance.serverTime();
 *     JsonNode raw = binance.call(RestRequest.get("/api/v3/account").signed().weight(20).build());
 * }
 * }</pre>
 *
 * <p><b>Signing</b>: signed requests get {@code recvWindow} (default 5000 ms, at most 60000),
 * a {@code timestamp} from the client's {@link ServerClock} and a {@code signature} over the
 * percent-encoded query and body, with the key's HMAC, Ed25519 or RSA signer.
 *
 * <p><b>Rate limits</b>: request weight is tracked locally (6000 per minute, Binance's default
 * {@code REQUEST_WEIGHT} limit) and corrected from {@code X-MBX-USED-WEIGHT-1M}; order requests also
 * count against {@code X-MBX-ORDER-COUNT-10S} / {@code -1D}. The client waits before it would
 * exceed a budget (in {@link RateLimiter.Mode#WAIT WAIT} mode, the default, at most
 * {@link Builder#rateLimitMaxWait(Duration) rateLimitMaxWait}, one minute by default; in
 * {@code FAIL_FAST} mode not at all). After a 429 it sends nothing until {@code Retry-After}. After
 * a 418 (Binance banned the IP, for minutes to days) every call, REST or WebSocket API, order or
 * not, fails at once with a {@link dev.relaykit.core.RateLimitedException} whose
 * {@code retryAt()} is the ban's end, in every mode.
 *
 * <p><b>An order is never sent later than you could expect</b>: it goes at once, or after waiting
 * at most {@code rateLimitMaxWait} for an ordinary budget window, or not at all (the exception says
 * why and until when). An order asked for during a ban fails at once and is not sent when the ban
 * ends; nothing is queued behind a ban or a long {@code Retry-After}.
 *
 * <p><b>Errors</b>: Binance's own errors are {@link BinanceApiException} with Binance's numeric code.
 * A signed call without a key fails before anything is sent.
 *
 * <p>Thread-safe; {@link #close()} releases what the client holds.
 */
public final class BinanceSpot implements AutoCloseable, BinanceContext.Source {
    /** The longest {@code recvWindow} Binance accepts. */
    public static final Duration MAX_RECV_WINDOW = BinanceContext.MAX_RECV_WINDOW;

    private final BinanceContext context;
    private final MarketData market;
    private final Trading trading;
    private final Convert convert;
    private final Wallet wallet;
    private WsApiClient wsApi; // guarded by this; created on first use

    private BinanceSpot(Builder b) {
        this.context = BinanceContext.builder(b.environment)
                .key(b.key)
                .recvWindow(b.recvWindow)
                .httpClient(b.httpClient)
                .rateLimits(b.limitMode, b.limitMaxWait)
                .retryPolicy(b.retryPolicy)
                .errorParser(SpotErrors::parse)
                .orderRules(b.orderRules)
                .weightLimit(RateLimit.weight(b.weightPerMinute, Duration.ofMinutes(1))
                        .withServerHeader("X-MBX-USED-WEIGHT-1M"))
                .orderLimit(RateLimit.requests(b.ordersPer10s, Duration.ofSeconds(10))
                        .withServerHeader("X-MBX-ORDER-COUNT-10S"))
                .orderLimit(RateLimit.requests(b.ordersPerDay, Duration.ofDays(1))
                        .withServerHeader("X-MBX-ORDER-COUNT-1D"))
                .build();
        this.market = new MarketData(context);
        this.trading = new Trading(context);
        this.convert = new Convert(context);
        this.wallet = new Wallet(context);
    }

    /** @return a builder (production environment, no key, recvWindow 5000 ms) */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Not API: the parts this client shares with the streams and the WebSocket API built on it. It
     * may change in any release.
     *
     * @return this client's context
     */
    @Override
    public BinanceContext context() {
        return context;
    }

    /** @return the environment this client talks to */
    public BinanceEnvironment environment() {
        return context.environment();
    }

    /** @return the key, or {@code null} for a market-data-only client */
    public BinanceKey key() {
        return context.key();
    }

    /** @return the clock signed timestamps are taken from (offset measured by {@link #syncTime()}) */
    public ServerClock clock() {
        return context.clock();
    }

    /** @return the request-weight limiter shared by every REST call of this client */
    public RateLimiter weightLimiter() {
        return context.weightLimiter();
    }

    /** @return the exchange information orders are checked against before sending, or {@code null} */
    public ExchangeInfoCache orderRules() {
        return context.orderRules();
    }

    /** @return the order-count limiter (10 s and 1 day windows) charged by order placements */
    public RateLimiter orderLimiter() {
        return context.orderLimiter();
    }

    /** @return typed market data and exchange information ({@code GET /api/v3/depth}, klines, tickers, ...) */
    public MarketData market() {
        return market;
    }

    /** @return orders, order lists, account information and trade history ({@code /api/v3}, signed) */
    public Trading trading() {
        return trading;
    }

    /** @return Binance Convert: quotes, conversions, limit orders and history ({@code /sapi/v1/convert}, signed) */
    public Convert convert() {
        return convert;
    }

    /** @return the wallet: coins, deposits, withdrawals, transfers, dust, fees ({@code /sapi/v1}, signed) */
    public Wallet wallet() {
        return wallet;
    }

    /**
     * The WebSocket API client on this client's environment, key, clock and rate limiters: requests
     * and answers over one connection, and the user data stream. Created on first call, connected on
     * first use (or {@code wsApi().connect()}), closed by {@link #close()}. If its connection failed
     * for good (its first connect failed, or reconnecting gave up), the next call makes a new one. For other options build
     * one with {@link WsApiClient#builder(BinanceContext.Source) WsApiClient.builder(binance)}.
     *
     * @return the WebSocket API client
     */
    public synchronized WsApiClient wsApi() {
        if (wsApi != null && wsApi.state() == ConnectionState.FAILED) {
            wsApi.close(); // its connection failed for good (a first connect refused, or the policy gave up)
            wsApi = null;
        }
        if (wsApi == null) {
            wsApi = WsApiClient.builder(this).build();
        }
        return wsApi;
    }

    /**
     * Opens a market-stream client on this environment's stream endpoint, with every default; use
     * {@code MarketStreams.builder(binance)} for options. Each call returns a new client: close it.
     *
     * @return a new market-stream client (it connects when the first stream is subscribed)
     */
    public MarketStreams streams() {
        return MarketStreams.builder(this).build();
    }

    // ------------------------------------------------------------------ general endpoints

    /** {@code GET /api/v3/ping} (weight 1): tests connectivity. */
    public void ping() {
        call(RestRequest.get("/api/v3/ping").weight(1).build());
    }

    /** @return Binance's clock: {@code GET /api/v3/time} (weight 1) */
    public Instant serverTime() {
        return Instant.ofEpochMilli(call(RestRequest.get("/api/v3/time").weight(1).build())
                .path("serverTime").asLong());
    }

    /**
     * Measures the offset between this machine's clock and Binance's and applies it to every signed
     * timestamp from now on. Call it at start and now and then (clocks drift); a -1021 "timestamp
     * outside recvWindow" error is the sign it is due.
     *
     * @return the offset (positive when Binance's clock is ahead)
     */
    public Duration syncTime() {
        return context.clock().measure(() -> serverTime().toEpochMilli());
    }

    // ------------------------------------------------------------------ raw access

    /**
     * Calls any endpoint and returns the JSON tree: anything Binance adds tomorrow is in reach.
     *
     * <pre>{@code
     * binance.call(RestRequest.get("/api/v3/avgPrice").param("symbol", "BTCUSDT").weight(2).build());
     * binance.call(RestRequest.get("/api/v3/account").signed().weight(20).build());
     * }</pre>
     *
     * @param request the request; {@code signed()} for TRADE/USER_DATA endpoints,
     *     {@code security(API_KEY)} for those that only need the key
     * @return the response's JSON
     * @throws IllegalStateException if the request needs a key and this client has none (nothing is sent)
     * @throws BinanceApiException for Binance's errors
     */
    public JsonNode call(RestRequest request) {
        return context.execute(request);
    }

    /**
     * Calls any endpoint and decodes the answer.
     *
     * @param request the request
     * @param type the response type
     * @param <T> the response type
     * @return the decoded response
     */
    public <T> T call(RestRequest request, Class<T> type) {
        return context.execute(request, type);
    }

    /**
     * Calls any endpoint asynchronously.
     *
     * @param request the request
     * @return completes with the JSON, or exceptionally with the same exceptions {@link #call(RestRequest)} throws
     */
    public CompletableFuture<JsonNode> callAsync(RestRequest request) {
        return context.executeAsync(request);
    }

    /** Releases the client's resources; calls in flight fail. */
    @Override
    public void close() {
        synchronized (this) {
            if (wsApi != null) {
                wsApi.close();
            }
        }
        context.close();
    }

    @Override
    public String toString() {
        return "BinanceSpot[" + environment().name() + ", " + (key() == null ? "no key" : key()) + "]";
    }

    /** Configures a {@link BinanceSpot}. */
    public static final class Builder {
        private BinanceEnvironment environment = BinanceEnvironment.PRODUCTION;
        private BinanceKey key;
        private Duration recvWindow = Duration.ofMillis(5000);
        private OkHttpClient httpClient = HttpClients.shared();
        private RateLimiter.Mode limitMode = RateLimiter.Mode.WAIT;
        private Duration limitMaxWait = Duration.ofMinutes(1);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private ExchangeInfoCache orderRules;
        private int weightPerMinute = 6000;
        private int ordersPer10s = 100;
        private int ordersPerDay = 200_000;

        private Builder() {
        }

        /**
         * @param environment production (default), US, testnet or custom
         * @return this
         */
        public Builder environment(BinanceEnvironment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /**
         * @param key the API key and signer; without one, only public endpoints work
         * @return this
         */
        public Builder key(BinanceKey key) {
            this.key = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * @param recvWindow how long after its timestamp a signed request stays valid (default 5000 ms)
         * @return this
         * @throws IllegalArgumentException if not between 1 ms and 60000 ms
         */
        public Builder recvWindow(Duration recvWindow) {
            Objects.requireNonNull(recvWindow, "recvWindow");
            if (recvWindow.toMillis() < 1 || recvWindow.compareTo(MAX_RECV_WINDOW) > 0) {
                throw new IllegalArgumentException("recvWindow must be between 1 ms and 60000 ms, was "
                        + recvWindow.toMillis() + " ms");
            }
            this.recvWindow = recvWindow;
            return this;
        }

        /**
         * @param client the OkHttp client to derive from (proxy, TLS: see {@code HttpClients.configure})
         * @return this
         */
        public Builder httpClient(OkHttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * @param mode wait for budget (default) or fail fast with a local {@code RateLimitedException}
         * @return this
         */
        public Builder rateLimitMode(RateLimiter.Mode mode) {
            this.limitMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * The longest a call waits for a local budget in {@link RateLimiter.Mode#WAIT WAIT} mode: a
         * call that would have to wait longer (including for a 429's {@code Retry-After}) fails at
         * once with a {@code RateLimitedException} instead of being sent late. A 418 ban is never
         * waited out, whatever this is.
         *
         * @param maxWait the longest wait; default 1 minute
         * @return this
         */
        public Builder rateLimitMaxWait(Duration maxWait) {
            Objects.requireNonNull(maxWait, "maxWait");
            if (maxWait.isNegative()) {
                throw new IllegalArgumentException("maxWait must not be negative: " + maxWait);
            }
            this.limitMaxWait = maxWait;
            return this;
        }

        /**
         * @param policy retries of idempotent requests (default {@link RetryPolicy#defaults()}); orders are never retried
         * @return this
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Local budgets, when your account's limits differ from Binance's defaults (see
         * {@code rateLimits} in exchange information).
         *
         * @param weightPerMinute request weight per minute (default 6000)
         * @param ordersPer10Seconds orders per 10 seconds (default 100)
         * @param ordersPerDay orders per day (default 200000)
         * @return this
         */
        public Builder limits(int weightPerMinute, int ordersPer10Seconds, int ordersPerDay) {
            if (weightPerMinute < 1 || ordersPer10Seconds < 1 || ordersPerDay < 1) {
                throw new IllegalArgumentException("limits must be positive");
            }
            this.weightPerMinute = weightPerMinute;
            this.ordersPer10s = ordersPer10Seconds;
            this.ordersPerDay = ordersPerDay;
            return this;
        }

        /**
         * Checks every new order (test orders and cancel-replace orders too, over REST and the
         * WebSocket API) against the symbol's filters before sending: an
         * unknown symbol, a quantity off the LOT_SIZE step, a price off the tick size or a notional
         * too small fails with an {@link IllegalArgumentException} naming the filter, and nothing is
         * sent. Keep the cache fresh with {@code cache.update(binance.market().exchangeInfo())}.
         *
         * @param cache the exchange information to check against
         * @return this
         */
        public Builder orderRules(ExchangeInfoCache cache) {
            this.orderRules = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /** @return the client */
        public BinanceSpot build() {
            return new BinanceSpot(this);
        }
    }
}
