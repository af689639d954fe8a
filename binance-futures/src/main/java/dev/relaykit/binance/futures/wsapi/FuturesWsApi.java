package dev.relaykit.binance.futures.wsapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.binance.internal.BinanceContext;
import dev.relaykit.binance.model.OrderBookDepth;
import dev.relaykit.binance.wsapi.WsApiClient;
import dev.relaykit.core.json.Json;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The futures WebSocket API (USD-M {@code wss://ws-fapi.binance.com/ws-fapi/v1}, COIN-M
 * {@code wss://ws-dapi.binance.com/ws-dapi/v1}): requests and answers over one connection, on the
 * spot module's {@link WsApiClient} (ids matched on sdk-core's {@code WsRpc}, timeouts, in-flight
 * requests failed on a drop, signatures over the sorted parameters, answers' rate limits fed into the
 * same budgets as REST, Binance's errors as {@code BinanceApiException}).
 *
 * <pre>{@code
 * try (FuturesWsApi ws = FuturesWsApi.builder(futures).build()) {
 *     JsonNode order = ws.orderPlace(Map.of("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
 *             "timeInForce", "GTC", "quantity", "0.001", "price", "50000"));
 *     ws.orderCancel("BTCUSDT", order.path("orderId").asLong());
 *     JsonNode book = ws.tickerBook("BTCUSDT");
 * }
 * }</pre>
 *
 * <p>Answers are JSON here: the typed futures models belong to the REST half and can decode them.
 * Every signed request carries its own {@code apiKey}, {@code timestamp} and {@code signature}; the
 * futures WebSocket API pages I could read do not document {@code session.logon}, so it is off by
 * default ({@link Builder#logon(boolean)} turns it on for Ed25519 keys). Thread-safe;
 * {@link #close()} closes the connection.
 */
public final class FuturesWsApi implements AutoCloseable {
    private final WsApiClient client;

    private FuturesWsApi(Builder b) {
        WsApiClient.Builder wb = WsApiClient.builder(() -> b.context).logon(b.logon).requestTimeout(b.timeout);
        b.configure.accept(wb);
        this.client = wb.build();
    }

    /**
     * @param client the futures client: its environment's WebSocket API URL, key and budgets
     * @return a builder (no session logon, 10 s request timeout)
     */
    public static Builder builder(BinanceContext.Source client) {
        return new Builder(Objects.requireNonNull(client, "client").context());
    }

    /**
     * Any request, for methods this class has no shortcut for (their {@code v2} forms, new ones).
     *
     * @param method e.g. {@code "v2/account.status"}
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
     * {@code order.place}: a new order (conditional types go to {@link #algoOrderPlace} on USD-M).
     *
     * @param params symbol, side, type and what the type needs
     * @return the order
     */
    public JsonNode orderPlace(Map<String, ?> params) {
        return request("order.place", params, true);
    }

    /**
     * {@code order.modify}: a new price or quantity for a LIMIT order.
     *
     * @param params symbol, orderId or origClientOrderId, side, quantity, price
     * @return the order
     */
    public JsonNode orderModify(Map<String, ?> params) {
        return request("order.modify", params, true);
    }

    /**
     * {@code order.cancel}.
     *
     * @param symbol the symbol
     * @param orderId the order id
     * @return the canceled order
     */
    public JsonNode orderCancel(String symbol, long orderId) {
        return request("order.cancel", Map.of("symbol", symbol, "orderId", orderId), true);
    }

    /**
     * {@code order.status}.
     *
     * @param symbol the symbol
     * @param orderId the order id
     * @return the order
     */
    public JsonNode orderStatus(String symbol, long orderId) {
        return request("order.status", Map.of("symbol", symbol, "orderId", orderId), true);
    }

    /**
     * {@code algoOrder.place} (USD-M): a conditional order (STOP, STOP_MARKET, TAKE_PROFIT,
     * TAKE_PROFIT_MARKET, TRAILING_STOP_MARKET) through the algo service.
     *
     * @param params algoType=CONDITIONAL, symbol, side, type, triggerPrice, ...
     * @return the algo order
     */
    public JsonNode algoOrderPlace(Map<String, ?> params) {
        Map<String, Object> p = new LinkedHashMap<>(params);
        p.putIfAbsent("algoType", "CONDITIONAL");
        return request("algoOrder.place", p, true);
    }

    /**
     * {@code algoOrder.cancel} (USD-M).
     *
     * @param algoId the algo order's id
     * @return the answer
     */
    public JsonNode algoOrderCancel(long algoId) {
        return request("algoOrder.cancel", Map.of("algoId", algoId), true);
    }

    /** @return {@code account.balance} */
    public JsonNode accountBalance() {
        return request("account.balance", Map.of(), true);
    }

    /** @return {@code account.status} */
    public JsonNode accountStatus() {
        return request("account.status", Map.of(), true);
    }

    /**
     * @param symbol a symbol, or {@code null} for every position
     * @return {@code account.position}
     */
    public JsonNode accountPosition(String symbol) {
        return request("account.position", symbol == null ? Map.of() : Map.of("symbol", symbol), true);
    }

    /**
     * @param symbol the symbol
     * @return {@code ticker.book}: best bid and ask
     */
    public JsonNode tickerBook(String symbol) {
        return request("ticker.book", Map.of("symbol", symbol), false);
    }

    /**
     * @param symbol the symbol
     * @return {@code ticker.price}
     */
    public JsonNode tickerPrice(String symbol) {
        return request("ticker.price", Map.of("symbol", symbol), false);
    }

    /**
     * {@code depth}: an order book snapshot (a {@code FuturesOrderBook} can take its snapshots from here).
     *
     * @param symbol the symbol
     * @param limit 5, 10, 20, 50, 100, 500 or 1000
     * @return the book
     */
    public OrderBookDepth depth(String symbol, int limit) {
        return Json.mapper().convertValue(request("depth", Map.of("symbol", symbol, "limit", limit), false),
                OrderBookDepth.class);
    }

    /** Closes the connection; requests in flight fail. */
    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "FuturesWsApi[" + client + "]";
    }

    /** Configures a {@link FuturesWsApi}. */
    public static final class Builder {
        private final BinanceContext context;
        private boolean logon;
        private Duration timeout = Duration.ofSeconds(10);
        private Consumer<WsApiClient.Builder> configure = b -> { };

        private Builder(BinanceContext context) {
            this.context = context;
        }

        /**
         * @param enabled log the session on with an Ed25519 key ({@code session.logon}); off by default
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

        /** @return the client; it connects with the first request */
        public FuturesWsApi build() {
            return new FuturesWsApi(this);
        }
    }
}
