package dev.relaykit.binance.futures.wsapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.binance.BinanceKey;
import dev.relaykit.binance.internal.Call;
import dev.relaykit.binance.wsapi.WsApiClient;
import dev.relaykit.binance.futures.FuturesClient;
import dev.relaykit.binance.futures.FuturesProduct;
import dev.relaykit.binance.futures.model.AlgoCancel;
import dev.relaykit.binance.futures.model.AlgoOrder;
import dev.relaykit.binance.futures.model.FuturesAccountInfo;
import dev.relaykit.binance.futures.model.FuturesBalance;
import dev.relaykit.binance.futures.model.FuturesBookTicker;
import dev.relaykit.binance.futures.model.FuturesOrder;
import dev.relaykit.binance.futures.model.FuturesOrderBookDepth;
import dev.relaykit.binance.futures.model.FuturesPriceTicker;
import dev.relaykit.binance.futures.model.PositionRisk;
import dev.relaykit.core.RelayKitException;
import dev.relaykit.core.DecodeException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The futures WebSocket API (USD-M {@code wss://ws-fapi.binance.com/ws-fapi/v1}, COIN-M
 * {@code wss://ws-dapi.binance.com/ws-dapi/v1}): requests and typed answers over one connection, on the
 * spot module's {@link WsApiClient} (ids matched on sdk-core's {@code WsRpc}, timeouts, in-flight
 * requests failed on a drop, signatures over the sorted parameters, answers' rate limits fed into the
 * same budgets as REST, Binance's errors as {@code BinanceApiException}).
 *
 * <pre>{@code
 * try (FuturesWsApi ws = FuturesWsApi.builder(futures).build()) {
 *     FuturesOrder order = ws.orderPlace(Map.of("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
 *             "timeInForce", "GTC", "quantity", "0.001", "price", "50000"));
 *     ws.orderCancel("BTCUSDT", order.orderId());
 *     FuturesBookTicker top = ws.tickerBook("BTCUSDT");
 *     JsonNode anything = ws.request("account.commission", Map.of("symbol", "BTCUSDT"), true);   // raw
 * }
 * }</pre>
 *
 * <p><b>Typed answers, one decoder.</b> The WebSocket API's results have the shapes of the REST answers
 * (Binance's pages show the same fields), so they decode into the REST half's records with the REST
 * half's decoder: {@code order.*} into {@link FuturesOrder}, {@code algoOrder.place} into
 * {@link AlgoOrder}, {@code account.balance} into {@link FuturesBalance}, {@code account.status} into
 * {@link FuturesAccountInfo}, {@code account.position} into {@link PositionRisk}, {@code depth} into
 * {@link FuturesOrderBookDepth}, the tickers into {@link FuturesBookTicker} / {@link FuturesPriceTicker}.
 * Unknown fields never fail a decode; {@link #request} and {@link #requestAsync} reach any other method
 * (and the raw JSON of these).
 *
 * <p><b>Session logon.</b> Binance's USD-M "WebSocket API General Info" page
 * (https://developers.binance.com/docs/derivatives/usds-margined-futures/websocket-api-general-info,
 * "Authenticate after connection" / "Log in with API key") documents {@code session.logon},
 * {@code session.status} and {@code session.logout}, for Ed25519 keys only. So on USD-M, with an Ed25519
 * key, this client logs every connection on first (as spot's {@link WsApiClient} does, with the same
 * code) and later requests carry only a {@code timestamp}; other keys sign every request. The COIN-M
 * page (https://developers.binance.com/docs/derivatives/coin-margined-futures/websocket-api-general-info)
 * documents no session methods: there {@link Builder#logon(boolean) logon(true)} is refused at
 * {@link Builder#build()} and every signed request carries its own signature. Thread-safe;
 * {@link #close()} closes the connection.
 */
public final class FuturesWsApi implements AutoCloseable {
    /** The COIN-M WebSocket API page, named in the error when a COIN-M logon is asked for. */
    static final String COINM_PAGE =
            "https://developers.binance.com/docs/derivatives/coin-margined-futures/websocket-api-general-info";

    private static final Function<JsonNode, FuturesOrder> ORDER = Call.as(FuturesOrder.class);
    private static final Function<JsonNode, AlgoOrder> ALGO = Call.as(AlgoOrder.class);
    private static final Function<JsonNode, AlgoCancel> ALGO_CANCEL = Call.as(AlgoCancel.class);
    private static final Function<JsonNode, List<FuturesBalance>> BALANCES = Call.listOf(FuturesBalance.class);
    private static final Function<JsonNode, FuturesAccountInfo> ACCOUNT = Call.as(FuturesAccountInfo.class);
    private static final Function<JsonNode, List<PositionRisk>> POSITIONS = Call.listOf(PositionRisk.class);
    private static final Function<JsonNode, FuturesOrderBookDepth> DEPTH = Call.as(FuturesOrderBookDepth.class);
    private static final Function<JsonNode, FuturesBookTicker> BOOK = Call.as(FuturesBookTicker.class);
    private static final Function<JsonNode, FuturesPriceTicker> PRICE = Call.as(FuturesPriceTicker.class);

    private final FuturesProduct product;
    private final WsApiClient client;

    private FuturesWsApi(Builder b, boolean logon) {
        this.product = b.product;
        WsApiClient.Builder wb = WsApiClient.builder(b.client).logon(logon).requestTimeout(b.timeout);
        b.configure.accept(wb);
        this.client = wb.build();
    }

    /**
     * @param client the futures client: its environment's WebSocket API URL, product, key and budgets
     * @return a builder (USD-M: session logon for Ed25519 keys; COIN-M: none; 10 s request timeout)
     */
    public static Builder builder(FuturesClient client) {
        return new Builder(Objects.requireNonNull(client, "client"));
    }

    // ------------------------------------------------------------------ raw

    /**
     * Any request, for methods this class has no shortcut for, or for the raw JSON of those it has.
     *
     * @param method e.g. {@code "account.commission"}
     * @param params the parameters
     * @param signed whether the method is signed (TRADE / USER_DATA)
     * @return the {@code result}
     */
    public JsonNode request(String method, Map<String, ?> params, boolean signed) {
        return client.request(method, params, signed);
    }

    /**
     * @param method the method
     * @param params the parameters
     * @param signed whether signed
     * @return completes with the {@code result}
     */
    public CompletableFuture<JsonNode> requestAsync(String method, Map<String, ?> params, boolean signed) {
        return client.requestAsync(method, params, signed);
    }

    /**
     * Connects ahead of the first request (requests connect by themselves).
     *
     * @return completes when the connection is open and, on USD-M with an Ed25519 key, logged on
     */
    public CompletableFuture<Void> connect() {
        return client.connect();
    }

    /** @return {@code true} while the connection is logged on ({@code session.logon}) with an Ed25519 key */
    public boolean isAuthenticated() {
        return client.isAuthenticated();
    }

    // ------------------------------------------------------------------ orders

    /**
     * {@code order.place}: a new order (conditional types go to {@link #algoOrderPlace} on USD-M).
     *
     * @param params symbol, side, type and what the type needs
     * @return the order
     */
    public FuturesOrder orderPlace(Map<String, ?> params) {
        return join(orderPlaceAsync(params));
    }

    /**
     * @param params see {@link #orderPlace(Map)}
     * @return completes with the order
     */
    public CompletableFuture<FuturesOrder> orderPlaceAsync(Map<String, ?> params) {
        return call("order.place", params, true, ORDER);
    }

    /**
     * {@code order.modify}: a new price and quantity for a LIMIT order.
     *
     * @param params symbol, orderId or origClientOrderId, side, quantity, price
     * @return the order
     */
    public FuturesOrder orderModify(Map<String, ?> params) {
        return join(orderModifyAsync(params));
    }

    /**
     * @param params see {@link #orderModify(Map)}
     * @return completes with the order
     */
    public CompletableFuture<FuturesOrder> orderModifyAsync(Map<String, ?> params) {
        return call("order.modify", params, true, ORDER);
    }

    /**
     * {@code order.cancel}.
     *
     * @param symbol the symbol
     * @param orderId the order id
     * @return the canceled order
     */
    public FuturesOrder orderCancel(String symbol, long orderId) {
        return join(orderCancelAsync(symbol, orderId));
    }

    /**
     * @param symbol the symbol
     * @param orderId the order id
     * @return completes with the canceled order
     */
    public CompletableFuture<FuturesOrder> orderCancelAsync(String symbol, long orderId) {
        return call("order.cancel", Map.of("symbol", symbol, "orderId", orderId), true, ORDER);
    }

    /**
     * {@code order.status}.
     *
     * @param symbol the symbol
     * @param orderId the order id
     * @return the order
     */
    public FuturesOrder orderStatus(String symbol, long orderId) {
        return join(orderStatusAsync(symbol, orderId));
    }

    /**
     * @param symbol the symbol
     * @param orderId the order id
     * @return completes with the order
     */
    public CompletableFuture<FuturesOrder> orderStatusAsync(String symbol, long orderId) {
        return call("order.status", Map.of("symbol", symbol, "orderId", orderId), true, ORDER);
    }

    /**
     * {@code algoOrder.place} (USD-M): a conditional order (STOP, STOP_MARKET, TAKE_PROFIT,
     * TAKE_PROFIT_MARKET, TRAILING_STOP_MARKET) through the algo service; {@code algoType=CONDITIONAL}
     * is added when absent.
     *
     * @param params symbol, side, type, triggerPrice, ...
     * @return the algo order
     * @throws UnsupportedOperationException on COIN-M, which has no algo-order service
     */
    public AlgoOrder algoOrderPlace(Map<String, ?> params) {
        return join(algoOrderPlaceAsync(params));
    }

    /**
     * @param params see {@link #algoOrderPlace(Map)}
     * @return completes with the algo order
     */
    public CompletableFuture<AlgoOrder> algoOrderPlaceAsync(Map<String, ?> params) {
        usdmOnly("algoOrder.place");
        Map<String, Object> p = new LinkedHashMap<>(params);
        p.putIfAbsent("algoType", "CONDITIONAL");
        return call("algoOrder.place", p, true, ALGO);
    }

    /**
     * {@code algoOrder.cancel} (USD-M).
     *
     * @param algoId the algo order's id
     * @return Binance's confirmation
     */
    public AlgoCancel algoOrderCancel(long algoId) {
        return join(algoOrderCancelAsync(algoId));
    }

    /**
     * @param algoId the algo order's id
     * @return completes with Binance's confirmation
     */
    public CompletableFuture<AlgoCancel> algoOrderCancelAsync(long algoId) {
        usdmOnly("algoOrder.cancel");
        return call("algoOrder.cancel", Map.of("algoId", algoId), true, ALGO_CANCEL);
    }

    // ------------------------------------------------------------------ account

    /** @return {@code account.balance}: the wallet's assets */
    public List<FuturesBalance> accountBalance() {
        return join(accountBalanceAsync());
    }

    /** @return async {@link #accountBalance()} */
    public CompletableFuture<List<FuturesBalance>> accountBalanceAsync() {
        return call("account.balance", Map.of(), true, BALANCES);
    }

    /** @return {@code v2/account.balance} (USD-M) */
    public List<FuturesBalance> accountBalanceV2() {
        return join(accountBalanceV2Async());
    }

    /** @return async {@link #accountBalanceV2()} */
    public CompletableFuture<List<FuturesBalance>> accountBalanceV2Async() {
        return call("v2/account.balance", Map.of(), true, BALANCES);
    }

    /** @return {@code account.status}: totals, assets and positions */
    public FuturesAccountInfo accountStatus() {
        return join(accountStatusAsync());
    }

    /** @return async {@link #accountStatus()} */
    public CompletableFuture<FuturesAccountInfo> accountStatusAsync() {
        return call("account.status", Map.of(), true, ACCOUNT);
    }

    /** @return {@code v2/account.status} (USD-M: only symbols with a position or open orders) */
    public FuturesAccountInfo accountStatusV2() {
        return join(accountStatusV2Async());
    }

    /** @return async {@link #accountStatusV2()} */
    public CompletableFuture<FuturesAccountInfo> accountStatusV2Async() {
        return call("v2/account.status", Map.of(), true, ACCOUNT);
    }

    /**
     * @param symbol a symbol, or {@code null} for every position
     * @return {@code account.position}
     */
    public List<PositionRisk> accountPosition(String symbol) {
        return join(accountPositionAsync(symbol));
    }

    /**
     * @param symbol a symbol, or {@code null}
     * @return async {@link #accountPosition(String)}
     */
    public CompletableFuture<List<PositionRisk>> accountPositionAsync(String symbol) {
        return call("account.position", symbol == null ? Map.of() : Map.of("symbol", symbol), true, POSITIONS);
    }

    /**
     * @param symbol a symbol, or {@code null} for every position
     * @return {@code v2/account.position} (USD-M)
     */
    public List<PositionRisk> accountPositionV2(String symbol) {
        return join(accountPositionV2Async(symbol));
    }

    /**
     * @param symbol a symbol, or {@code null}
     * @return async {@link #accountPositionV2(String)}
     */
    public CompletableFuture<List<PositionRisk>> accountPositionV2Async(String symbol) {
        return call("v2/account.position", symbol == null ? Map.of() : Map.of("symbol", symbol), true, POSITIONS);
    }

    // ------------------------------------------------------------------ market data

    /**
     * {@code depth}: an order book snapshot.
     *
     * @param symbol the symbol
     * @param limit 5, 10, 20, 50, 100, 500 or 1000
     * @return the book
     */
    public FuturesOrderBookDepth depth(String symbol, int limit) {
        return join(depthAsync(symbol, limit));
    }

    /**
     * @param symbol the symbol
     * @param limit the levels
     * @return async {@link #depth(String, int)}
     */
    public CompletableFuture<FuturesOrderBookDepth> depthAsync(String symbol, int limit) {
        return call("depth", Map.of("symbol", symbol, "limit", limit), false, DEPTH);
    }

    /**
     * @param symbol the symbol
     * @return {@code ticker.book}: best bid and ask
     */
    public FuturesBookTicker tickerBook(String symbol) {
        return join(tickerBookAsync(symbol));
    }

    /**
     * @param symbol the symbol
     * @return async {@link #tickerBook(String)}
     */
    public CompletableFuture<FuturesBookTicker> tickerBookAsync(String symbol) {
        return call("ticker.book", Map.of("symbol", Objects.requireNonNull(symbol, "symbol")), false, BOOK);
    }

    /**
     * @param symbol the symbol
     * @return {@code ticker.price}: the latest price
     */
    public FuturesPriceTicker tickerPrice(String symbol) {
        return join(tickerPriceAsync(symbol));
    }

    /**
     * @param symbol the symbol
     * @return async {@link #tickerPrice(String)}
     */
    public CompletableFuture<FuturesPriceTicker> tickerPriceAsync(String symbol) {
        return call("ticker.price", Map.of("symbol", Objects.requireNonNull(symbol, "symbol")), false, PRICE);
    }

    // ------------------------------------------------------------------ user data stream keys

    /** @return {@code userDataStream.start}: the listen key (the account's live key, extended, if it has one) */
    public String userDataStreamStart() {
        return join(userDataStreamStartAsync());
    }

    /** @return async {@link #userDataStreamStart()} */
    public CompletableFuture<String> userDataStreamStartAsync() {
        return call("userDataStream.start", Map.of(), true, FuturesWsApi::listenKey);
    }

    /** @return {@code userDataStream.ping}: the listen key that was extended by 60 minutes */
    public String userDataStreamPing() {
        return join(userDataStreamPingAsync());
    }

    /** @return async {@link #userDataStreamPing()} */
    public CompletableFuture<String> userDataStreamPingAsync() {
        return call("userDataStream.ping", Map.of(), true, FuturesWsApi::listenKey);
    }

    /** {@code userDataStream.stop}: closes the account's user data stream. */
    public void userDataStreamStop() {
        join(userDataStreamStopAsync());
    }

    /** @return async {@link #userDataStreamStop()} */
    public CompletableFuture<Void> userDataStreamStopAsync() {
        return call("userDataStream.stop", Map.of(), true, r -> null);
    }

    private static String listenKey(JsonNode result) {
        JsonNode key = result.get("listenKey");
        if (key == null || !key.isTextual()) {
            throw new DecodeException("no listenKey in the answer: " + result, null);
        }
        return key.asText();
    }

    // ------------------------------------------------------------------ plumbing

    /** A request whose result the REST half's decoder turns into {@code T}; the decode runs on the answer's thread. */
    private <T> CompletableFuture<T> call(String method, Map<String, ?> params, boolean signed,
                                          Function<JsonNode, T> decode) {
        Objects.requireNonNull(params, "params");
        return client.requestAsync(method, params, signed).thenApply(decode);
    }

    private void usdmOnly(String method) {
        if (product != FuturesProduct.USD_M) {
            throw new UnsupportedOperationException(method + " is USD-M only: COIN-M has no algo-order service; "
                    + "place conditional orders with order.place there");
        }
    }

    /** Waits like {@link WsApiClient}'s sync forms: a RuntimeException as it is, anything else wrapped. */
    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException | CancellationException e) {
            Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error err) {
                throw err;
            }
            throw new RelayKitException(String.valueOf(t.getMessage()), t);
        }
    }

    /** Closes the connection; requests in flight fail. */
    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "FuturesWsApi[" + product + ", " + client + "]";
    }

    /** Configures a {@link FuturesWsApi}. */
    public static final class Builder {
        private final FuturesClient client;
        private final FuturesProduct product;
        private Boolean logon; // null: the product's default
        private Duration timeout = Duration.ofSeconds(10);
        private Consumer<WsApiClient.Builder> configure = b -> { };

        private Builder(FuturesClient client) {
            this.client = client;
            this.product = client.product();
        }

        /**
         * Whether to log the connection on with {@code session.logon} (Ed25519 keys only; other keys sign every
         * request whatever this says). Default: on for USD-M, whose WebSocket API page documents it; COIN-M's
         * page documents no session methods, so asking for it there fails at {@link #build()}.
         *
         * @param enabled log the session on
         * @return this
         */
        public Builder logon(boolean enabled) {
            this.logon = enabled;
            return this;
        }

        /**
         * @param timeout how long to wait for an answer (default 10 s)
         * @return this
         */
        public Builder requestTimeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * @param configure adjusts the underlying client (reconnect policy, ping interval, proxy)
         * @return this
         */
        public Builder configure(Consumer<WsApiClient.Builder> configure) {
            this.configure = Objects.requireNonNull(configure, "configure");
            return this;
        }

        /**
         * @return the client; it connects with the first request
         * @throws IllegalArgumentException if {@code logon(true)} was asked for on COIN-M
         */
        public FuturesWsApi build() {
            boolean on;
            if (product == FuturesProduct.COIN_M) {
                if (Boolean.TRUE.equals(logon)) {
                    throw new IllegalArgumentException("session.logon is not available on the COIN-M WebSocket API: "
                            + "its page (" + COINM_PAGE + ") documents no session methods, so every signed request "
                            + "carries its own signature; build without logon(true)");
                }
                on = false;
            } else {
                on = logon == null || logon;
            }
            boolean ed25519 = client.context().key() != null && client.context().key().type() == BinanceKey.Type.ED25519;
            return new FuturesWsApi(this, on && ed25519);
        }
    }
}
