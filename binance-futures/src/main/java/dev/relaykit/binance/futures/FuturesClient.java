package dev.relaykit.binance.futures;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.binance.BinanceKey;
import dev.relaykit.binance.futures.book.FuturesOrderBook;
import dev.relaykit.binance.futures.model.FuturesExchangeInfo;
import dev.relaykit.binance.futures.stream.FuturesMarketStreams;
import dev.relaykit.binance.futures.userdata.FuturesUserDataListener;
import dev.relaykit.binance.futures.userdata.FuturesUserDataStream;
import dev.relaykit.binance.futures.wsapi.FuturesWsApi;
import dev.relaykit.binance.internal.BinanceContext;
import dev.relaykit.binance.internal.BinanceErrors;
import dev.relaykit.core.limit.RateLimit;
import dev.relaykit.core.limit.RateLimiter;
import dev.relaykit.core.net.HttpClients;
import dev.relaykit.core.rest.RestRequest;
import dev.relaykit.core.rest.RetryPolicy;
import dev.relaykit.core.time.ServerClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;

/**
 * What {@link UsdmFutures} and {@link CoinmFutures} share: the same shape on {@code /fapi} and {@code /dapi}.
 * Market data ({@link #market()}), trading ({@link #trading()}), account and positions ({@link #account()}), raw
 * calls ({@link #call(RestRequest)}); sync and async forms of every typed call. Streaming entry points on the same
 * environment, key and budgets: market streams ({@link #streams()}), user data with the listen-key lifecycle
 * ({@link #userData(FuturesUserDataListener)}), the WebSocket API ({@link #wsApi()}) and a local order book
 * ({@link #orderBook(String)}).
 *
 * <p>What {@link #close()} closes: the REST context, the {@link #wsApi()} connection and the market-stream
 * connections the client made for its own order books ({@link #orderBook(String)}). What you build from
 * {@link #streams()}, {@link #streamsBuilder()} and {@link #userData(FuturesUserDataListener)} is yours: close it
 * (before the client, so a user data stream can still close its listen key).
 *
 * <p>Built on the Binance context of the {@code binance} module (signing with HMAC, Ed25519 or RSA keys,
 * {@code recvWindow}, the server clock, weight and order-count budgets corrected from {@code X-MBX-USED-WEIGHT-1M}
 * and {@code X-MBX-ORDER-COUNT-*}, 429 / 418 handling): the same rules as spot, with futures' own budgets. Orders
 * are never retried; other idempotent requests follow the retry policy.
 *
 * <pre>{@code
 * try (UsdmFutures usdm = UsdmFutures.builder()
 *         .environment(FuturesEnvironment.USDM_TESTNET)
 *         .key(BinanceKey.hmac(apiKey, secretKey))
 *         .build()) {
 *     usdm.syncTime();
 *     MarkPrice btc = usdm.market().markPrice("BTCUSDT");
 *     JsonNode raw = usdm.call(RestRequest.get("/fapi/v1/adlQuantile").signed().weight(5).build());
 * }
 * }</pre>
 */
public abstract sealed class FuturesClient implements AutoCloseable, BinanceContext.Source
        permits UsdmFutures, CoinmFutures {
    private final FuturesEnvironment environment;
    private final BinanceContext context;
    private final ContractRules rules;
    private final FuturesMarketData market;
    private final FuturesTrading trading;
    private final FuturesAccount account;
    private FuturesWsApi wsApi; // guarded by this; made on first wsApi()
    private FuturesMarketStreams bookStreams; // guarded by this; made on first orderBook(...)
    private boolean closed; // guarded by this

    FuturesClient(Builder<?, ?> b, FuturesProduct product) {
        if (b.environment.product() != product) {
            throw new IllegalArgumentException("environment " + b.environment.name() + " is " + b.environment.product()
                    + ", this client is " + product);
        }
        this.environment = b.environment;
        BinanceContext.Builder cb = BinanceContext.builder(environment.asBinanceEnvironment())
                .service(product == FuturesProduct.USD_M ? "binance-usdm" : "binance-coinm")
                .key(b.key)
                .recvWindow(b.recvWindow)
                .httpClient(b.httpClient)
                .rateLimits(b.limitMode, b.limitMaxWait)
                .retryPolicy(b.retryPolicy)
                .errorParser(BinanceErrors::parse)
                .weightLimit(RateLimit.weight(b.weightPerMinute, Duration.ofMinutes(1))
                        .withServerHeader("X-MBX-USED-WEIGHT-1M"))
                .orderLimit(RateLimit.requests(b.ordersPerMinute, Duration.ofMinutes(1))
                        .withServerHeader("X-MBX-ORDER-COUNT-1M"));
        if (b.ordersPer10Seconds > 0) {
            cb.orderLimit(RateLimit.requests(b.ordersPer10Seconds, Duration.ofSeconds(10))
                    .withServerHeader("X-MBX-ORDER-COUNT-10S"));
        }
        this.context = cb.build();
        this.rules = new ContractRules(product, b.contractRules);
        Endpoints endpoints = new Endpoints(context, product, rules);
        this.market = new FuturesMarketData(endpoints);
        this.trading = new FuturesTrading(endpoints);
        this.account = new FuturesAccount(endpoints);
    }

    /**
     * Not API: the parts this client shares with streams and the WebSocket API built on it. It may change in any
     * release.
     *
     * @return this client's context
     */
    @Override
    public BinanceContext context() {
        return context;
    }

    /** @return where this client talks (REST, streams, WebSocket API) */
    public FuturesEnvironment environment() {
        return environment;
    }

    /** @return the product, USD-M or COIN-M */
    public FuturesProduct product() {
        return environment.product();
    }

    /** @return the key, or {@code null} for a market-data-only client */
    public BinanceKey key() {
        return context.key();
    }

    /** @return the clock signed timestamps are taken from */
    public ServerClock clock() {
        return context.clock();
    }

    /** @return the request-weight limiter every REST call is charged to */
    public RateLimiter weightLimiter() {
        return context.weightLimiter();
    }

    /** @return the order-count limiter order placements are charged to */
    public RateLimiter orderLimiter() {
        return context.orderLimiter();
    }

    /** @return market data: exchange information, depth, trades, klines, mark price and funding, tickers, open interest */
    public FuturesMarketData market() {
        return market;
    }

    /** @return orders: place, test, batch, modify, cancel, query, open and all orders, auto-cancel countdown */
    public FuturesTrading trading() {
        return trading;
    }

    /** @return account and positions: balances, account, position risk, leverage, margin type, position mode, income */
    public FuturesAccount account() {
        return account;
    }

    /** {@code GET /fapi/v1/ping} (weight 1): tests connectivity. */
    public void ping() {
        call(RestRequest.get(environment.product().restPrefix() + "/v1/ping").weight(1).build());
    }

    /** @return Binance's clock: {@code GET /fapi/v1/time} (weight 1) */
    public Instant serverTime() {
        return Instant.ofEpochMilli(call(RestRequest.get(environment.product().restPrefix() + "/v1/time").weight(1)
                .build()).path("serverTime").asLong());
    }

    /**
     * Measures the offset to Binance's clock and applies it to every signed timestamp from now on; a -1021 error
     * says it is due again.
     *
     * @return the offset (positive when Binance's clock is ahead)
     */
    public Duration syncTime() {
        return context.clock().measure(() -> serverTime().toEpochMilli());
    }

    /**
     * Calls any endpoint and returns the JSON: a field or endpoint Binance added yesterday is in reach.
     *
     * <pre>{@code
     * JsonNode adl = usdm.call(RestRequest.get("/fapi/v1/adlQuantile").param("symbol", "BTCUSDT").signed().weight(5).build());
     * }</pre>
     *
     * @param request the request ({@code signed()} for TRADE / USER_DATA endpoints)
     * @return the answer's JSON
     * @throws IllegalStateException if it needs a key and the client has none (nothing is sent)
     * @throws dev.relaykit.binance.BinanceApiException for Binance's errors
     */
    public JsonNode call(RestRequest request) {
        return context.execute(request);
    }

    /**
     * @param request the request
     * @param type the answer's type
     * @param <T> the answer's type
     * @return the decoded answer
     */
    public <T> T call(RestRequest request, Class<T> type) {
        return context.execute(request, type);
    }

    /**
     * @param request the request
     * @return completes with the JSON, or exceptionally with what {@link #call(RestRequest)} throws
     */
    public CompletableFuture<JsonNode> callAsync(RestRequest request) {
        return context.executeAsync(request);
    }

    ContractRules rules() {
        return rules;
    }

    /** Releases the REST client; calls in flight fail. */

    // ------------------------------------------------------------------ streams, user data, WebSocket API, book

    /**
     * A new market-stream client on this environment's stream paths (USD-M: {@code /public} for book tickers and
     * depth, {@code /market} for the rest; COIN-M: one base), with every default. Each call returns a new client:
     * close it. {@link #streamsBuilder()} gives the options.
     *
     * <pre>{@code
     * try (FuturesMarketStreams streams = usdm.streams()) {
     *     streams.subscribe(FuturesStream.markPrice("BTCUSDT"), e -> System.out.println(e.fundingRate()));
     * }
     * }</pre>
     *
     * @return a new market-stream client (it connects when the first stream is subscribed)
     */
    public FuturesMarketStreams streams() {
        return streamsBuilder().build();
    }

    /**
     * @return a builder of a market-stream client on this environment's stream paths; the client it builds is yours
     *     to close
     */
    public FuturesMarketStreams.Builder streamsBuilder() {
        return FuturesMarketStreams.builder(this, environment.publicStreamBaseUrl(), environment.marketStreamBaseUrl());
    }

    /**
     * A user data stream on this client's key, with the listen-key lifecycle run for you: the key comes from
     * {@code POST <prefix>/v1/listenKey}, is kept alive, renewed on expiry or -1125. On split stream paths (USD-M
     * production) it connects to {@code /private/ws?listenKey=…&events=…}; on one base (COIN-M, the testnets) to
     * {@code /ws/<listenKey>}. The stream you build is yours: start and close it.
     *
     * <pre>{@code
     * try (FuturesUserDataStream user = usdm.userData(event -> System.out.println(event)).build()) {
     *     user.start().join();
     * }
     * }</pre>
     *
     * @param listener receives the typed events and gap notices
     * @return a builder with this environment's private base, listen-key path and URL form
     */
    public FuturesUserDataStream.Builder userData(FuturesUserDataListener listener) {
        return FuturesUserDataStream.builder(this, environment.privateStreamBaseUrl(),
                        environment.product().restPrefix() + "/v1/listenKey", listener)
                .urlForm(environment.splitStreamPaths() ? FuturesUserDataStream.UrlForm.QUERY
                        : FuturesUserDataStream.UrlForm.PATH);
    }

    /**
     * The WebSocket API client on this environment's endpoint ({@code ws-fapi} / {@code ws-dapi}), key, clock and
     * budgets. Made on first call, connected with its first request, closed by {@link #close()}. For other options
     * build your own with {@link FuturesWsApi#builder(FuturesClient) FuturesWsApi.builder(client)}.
     *
     * @return the WebSocket API client
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized FuturesWsApi wsApi() {
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
        if (wsApi == null) {
            wsApi = FuturesWsApi.builder(this).build();
        }
        return wsApi;
    }

    /**
     * A local order book of one symbol, kept by Binance's futures rule ({@code pu} = previous {@code u}), its
     * snapshots from {@code GET <prefix>/v1/depth}, its diff stream on market-stream connections this client owns
     * (shared by every book it makes, closed by {@link #close()}). Close the book to stop it earlier.
     *
     * <pre>{@code
     * try (FuturesOrderBook book = usdm.orderBook("BTCUSDT").build()) {
     *     book.synced().join();
     *     System.out.println(book.bestBid() + " / " + book.bestAsk());
     * }
     * }</pre>
     *
     * @param symbol e.g. {@code BTCUSDT} (COIN-M {@code BTCUSD_PERP})
     * @return a builder (100 ms diff stream, 1000-level snapshot)
     * @throws IllegalStateException after {@link #close()}
     */
    public FuturesOrderBook.Builder orderBook(String symbol) {
        FuturesMarketStreams streams;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException(this + " is closed");
            }
            if (bookStreams == null) {
                bookStreams = streams();
            }
            streams = bookStreams;
        }
        return FuturesOrderBook.builder(symbol, streams, environment.product().restPrefix() + "/v1/depth");
    }

    /**
     * Releases what the client holds: the {@link #wsApi()} connection, the order books' stream connections, then
     * the REST context; calls in flight fail. Streams and user data streams you built are not closed here.
     */
    @Override
    public void close() {
        FuturesWsApi ws;
        FuturesMarketStreams books;
        synchronized (this) {
            closed = true;
            ws = wsApi;
            books = bookStreams;
            wsApi = null;
            bookStreams = null;
        }
        if (ws != null) {
            ws.close();
        }
        if (books != null) {
            books.close();
        }
        context.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + environment.name() + ", " + (key() == null ? "no key" : key()) + "]";
    }

    /**
     * The options both futures clients take.
     *
     * @param <B> the concrete builder
     * @param <C> the client it builds
     */
    public abstract static sealed class Builder<B extends Builder<B, C>, C extends FuturesClient>
            permits UsdmFutures.Builder, CoinmFutures.Builder {
        private FuturesEnvironment environment;
        private BinanceKey key;
        private Duration recvWindow = Duration.ofMillis(5000);
        private OkHttpClient httpClient = HttpClients.shared();
        private RateLimiter.Mode limitMode = RateLimiter.Mode.WAIT;
        private Duration limitMaxWait = Duration.ofMinutes(1);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private FuturesExchangeInfo contractRules;
        private int weightPerMinute = 2400;
        private int ordersPerMinute = 1200;
        private int ordersPer10Seconds;

        Builder(FuturesEnvironment environment, int ordersPer10Seconds) {
            this.environment = environment;
            this.ordersPer10Seconds = ordersPer10Seconds;
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /**
         * @param environment production (default), testnet or custom, of this client's product
         * @return this
         */
        public B environment(FuturesEnvironment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return self();
        }

        /**
         * @param key the API key and signer; without one, only market data works
         * @return this
         */
        public B key(BinanceKey key) {
            this.key = Objects.requireNonNull(key, "key");
            return self();
        }

        /**
         * @param recvWindow how long a signed request stays valid (default 5000 ms, at most 60000 ms)
         * @return this
         */
        public B recvWindow(Duration recvWindow) {
            Objects.requireNonNull(recvWindow, "recvWindow");
            if (recvWindow.toMillis() < 1 || recvWindow.compareTo(BinanceContext.MAX_RECV_WINDOW) > 0) {
                throw new IllegalArgumentException("recvWindow must be between 1 ms and 60000 ms, was "
                        + recvWindow.toMillis() + " ms");
            }
            this.recvWindow = recvWindow;
            return self();
        }

        /**
         * @param client the OkHttp client to derive from (proxy, TLS)
         * @return this
         */
        public B httpClient(OkHttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return self();
        }

        /**
         * @param mode wait for budget (default) or fail fast
         * @param maxWait the longest a call waits for budget (default one minute)
         * @return this
         */
        public B rateLimits(RateLimiter.Mode mode, Duration maxWait) {
            this.limitMode = Objects.requireNonNull(mode, "mode");
            this.limitMaxWait = Objects.requireNonNull(maxWait, "maxWait");
            return self();
        }

        /**
         * @param policy retries of idempotent requests; orders are never retried
         * @return this
         */
        public B retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return self();
        }

        /**
         * Local budgets, when your account's limits differ from Binance's defaults (exchange information's
         * {@code rateLimits}: 2400 weight per minute, 1200 orders per minute, and on USD-M 300 per 10 seconds).
         *
         * @param weightPerMinute request weight per minute
         * @param ordersPerMinute orders per minute
         * @param ordersPer10Seconds orders per 10 seconds, 0 for none
         * @return this
         */
        public B limits(int weightPerMinute, int ordersPerMinute, int ordersPer10Seconds) {
            if (weightPerMinute < 1 || ordersPerMinute < 1 || ordersPer10Seconds < 0) {
                throw new IllegalArgumentException("limits must be positive");
            }
            this.weightPerMinute = weightPerMinute;
            this.ordersPerMinute = ordersPerMinute;
            this.ordersPer10Seconds = ordersPer10Seconds;
            return self();
        }

        /**
         * Checks every symbol and new order against this exchange information before sending: a symbol that is not
         * listed (a spot-only pair, say), a price off the tick size, a quantity off the step or below the minimum
         * notional fails with an {@link IllegalArgumentException} naming the rule, and nothing is sent.
         *
         * @param info the product's exchange information ({@code client.market().exchangeInfo()})
         * @return this
         */
        public B contractRules(FuturesExchangeInfo info) {
            this.contractRules = Objects.requireNonNull(info, "info");
            return self();
        }

        /** @return the client */
        public abstract C build();
    }
}
