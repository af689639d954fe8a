package dev.relaykit.binance.wsapi;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.binance.BinanceApiException;
import dev.relaykit.binance.BinanceKey;
import dev.relaykit.binance.ExchangeInfoCache;
import dev.relaykit.binance.NewOrder;
import dev.relaykit.binance.internal.BinanceContext;
import dev.relaykit.binance.internal.Params;
import dev.relaykit.binance.model.CancelReplaceMode;
import dev.relaykit.binance.model.KlineInterval;
import dev.relaykit.binance.model.CancelReplaceResult;
import dev.relaykit.binance.model.Order;
import dev.relaykit.binance.model.OrderBookDepth;
import dev.relaykit.binance.model.OrderList;
import dev.relaykit.binance.userdata.EventStreamTerminated;
import dev.relaykit.binance.userdata.UserDataEvent;
import dev.relaykit.binance.userdata.UserDataEvents;
import dev.relaykit.binance.userdata.UserDataGap;
import dev.relaykit.binance.userdata.UserDataListener;
import dev.relaykit.binance.userdata.UserDataSubscription;
import dev.relaykit.core.DecodeException;
import dev.relaykit.core.RateLimitedException;
import dev.relaykit.core.RelayKitException;
import dev.relaykit.core.TransportException;
import dev.relaykit.core.internal.SharedTimer;
import dev.relaykit.core.internal.TimerScope;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.limit.RateLimit;
import dev.relaykit.core.limit.RateLimiter;
import dev.relaykit.core.ws.ConnectionState;
import dev.relaykit.core.ws.NotConnectedException;
import dev.relaykit.core.ws.OutgoingQueueFullException;
import dev.relaykit.core.ws.ReconnectPolicy;
import dev.relaykit.core.ws.SerialExecutor;
import dev.relaykit.core.ws.StateChange;
import dev.relaykit.core.ws.WsListener;
import dev.relaykit.core.ws.WsRpc;
import dev.relaykit.core.ws.WsSession;
import dev.relaykit.core.ws.WsSubscription;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance's spot WebSocket API: requests and answers over one connection, and the user data
 * stream on the same connection.
 *
 * <pre>{@code
 * WsApiClient ws = binance.wsApi();               // connects on first use (or call ws.connect().join())
 * Instant t = ws.serverTime();
 * Order placed = ws.placeOrder(NewOrder.limit("BTCUSDT", OrderSide.BUY,
 *         new BigDecimal("0.001"), new BigDecimal("50000")).timeInForce(TimeInForce.GTC).build());
 * CompletableFuture<OrderBookDepth> book = ws.depthAsync("BTCUSDT", 100);
 * UserDataSubscription sub = ws.subscribeUserData(event -> System.out.println(event));
 * JsonNode anything = ws.request("account.commission", Map.of("symbol", "BTCUSDT"), true);
 * }</pre>
 *
 * <p><b>Matching</b>: every request gets a unique id; the answer with that id completes its future.
 * Each request has a deadline ({@link Builder#requestTimeout}, default 10 s) after which it fails
 * with a {@link TransportException}. When the connection drops, requests sent on it and still waiting
 * fail at once with a {@link dev.relaykit.core.ws.ConnectionLostException} (a {@link TransportException}:
 * the outcome is unknown); nothing is ever resent automatically — for an order, check with
 * {@code order.status} or the user data stream. Requests and answers are matched by sdk-core's
 * {@link WsRpc}.
 *
 * <p><b>Errors</b>: Binance's errors ({@code {"status":400,"error":{"code":-2010,..}}}) are
 * {@link BinanceApiException}; 429 and 418 are {@link RateLimitedException}. Rate-limit information in
 * every answer ({@code rateLimits}) updates the same limiters the REST client uses
 * ({@link dev.relaykit.binance.BinanceSpot#weightLimiter()}, {@link dev.relaykit.binance.BinanceSpot#orderLimiter()}); a 429 holds them until
 * Binance's {@code retryAfter} (REST and WebSocket calls both wait, if that fits in the limiter's
 * maximum wait, else fail at once), and a 418 bans them until then: every call fails at once, and
 * no request asked for during a ban is sent when it ends.
 *
 * <p><b>Signing</b>: signed requests carry {@code apiKey}, {@code timestamp} (from
 * {@link dev.relaykit.binance.BinanceSpot#clock()}) and a {@code signature} over all parameters sorted by name. With an
 * Ed25519 key the client logs the session on ({@code session.logon}) after every connect, so that
 * later requests need only a {@code timestamp}.
 *
 * <p>Thread-safe. {@link #close()} closes the connection; {@link dev.relaykit.binance.BinanceSpot#close()} closes it too.
 */
public final class WsApiClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WsApiClient.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JavaType ORDERS = Json.mapper().getTypeFactory()
            .constructCollectionType(List.class, Order.class);

    /** How a request is authorised. */
    private enum Security {
        /** Public. */
        NONE,
        /** Signed (or covered by session.logon). */
        SIGNED,
        /** Signed, and charged to the order-count limits. */
        ORDER
    }

    private final BinanceContext context;
    private final BinanceKey key;
    private final Duration requestTimeout;
    private final Long recvWindowMillis;
    private final boolean logon;
    private final WsSession session;
    private final TimerScope timer; // budget waits and answer timeouts: the shared timer, run one at a time off it
    private final WsRpc<String, JsonNode> rpc; // ids, requests awaiting answers, their timeouts, failing them on a drop
    private final CompletableFuture<Void> firstLogon = new CompletableFuture<>();

    private CompletableFuture<Void> connected; // guarded by this
    private CompletableFuture<Void> usable; // open, logon attempted (refused or not); guarded by this
    private UserDataSub userData; // guarded by this
    private volatile boolean authenticated;
    private volatile boolean closed;

    private WsApiClient(Builder b) {
        this.context = b.context;
        this.key = context.key();
        this.requestTimeout = b.requestTimeout;
        this.recvWindowMillis = b.recvWindow == null ? null : b.recvWindow.toMillis();
        this.logon = b.logon && key != null && key.type() == BinanceKey.Type.ED25519;
        // due tasks sign and send requests or fail a caller's future: handed off the shared timer thread,
        // one at a time as on the thread of its own this client had before
        this.timer = SharedTimer.scope(null, new SerialExecutor(SharedTimer.workers()));
        WsSession.Builder sb = WsSession.builder(context.environment().wsApiUrl())
                .name("binance-wsapi")
                .reconnect(b.reconnect)
                .retryInitialConnect(b.retryInitialConnect)
                .heartbeat(b.pingInterval, b.pingInterval.dividedBy(2))
                .listener(new Listener());
        if (b.httpClient != null) {
            sb.httpClient(b.httpClient);
        }
        this.session = sb.build();
        this.rpc = WsRpc.<String, JsonNode>builder(WsApiClient::answerId, timer)
                .session(session)
                .timeout(requestTimeout)
                .timeoutError(r -> new TransportException(r.sent()
                        ? "no answer from the Binance WebSocket API to " + r.what() + " (request id " + r.key()
                        + ") within " + requestTimeout.toMillis() + " ms" + (isOrder(r.what())
                        ? "; the order may or may not have been placed: check order.status before retrying" : "")
                        : r.what() + " was not sent within " + requestTimeout.toMillis()
                        + " ms (not connected, or waiting for the rate limit)"))
                .lostMessage((r, why) -> "Binance WebSocket API: " + why + " before the answer to " + r.what() + " (request id " + r.key()
                        + ") arrived" + (isOrder(r.what()) ? ": the order may or may not have been placed. It was NOT"
                        + " resent; check with order.status or the user data stream before retrying"
                        : "; it was not resent"))
                .onUnmatched(m -> LOG.debug("Binance WebSocket API: answer to unknown or expired request id {}",
                        m.get("id")))
                .build();
        if (logon) {
            // first subscription: replayed first after every reconnect, built fresh each time
            session.subscribe(this::logonFrame, null);
        }
    }

    /**
     * @param client the client whose environment, key, clock and rate limiters to use: a
     *     {@link dev.relaykit.binance.BinanceSpot}
     * @return a builder (request timeout 10 s, default reconnect policy, session logon for Ed25519 keys)
     */
    public static Builder builder(BinanceContext.Source client) {
        return new Builder(Objects.requireNonNull(client, "client").context());
    }

    /**
     * Connects (and, with an Ed25519 key, logs the session on). Requests connect by themselves; call
     * this to connect ahead of the first one. Calling it again returns the same future.
     *
     * @return completes when the connection is open and, with an Ed25519 key, the logon succeeded;
     *     fails with the logon's {@link BinanceApiException} if Binance refused it, and with a
     *     {@link TransportException} carrying the cause as soon as the first connection attempt fails
     *     (unless {@link Builder#retryInitialConnect(boolean)} asked to keep trying); a client whose
     *     connection failed stays failed ({@link dev.relaykit.binance.BinanceSpot#wsApi()} then makes a new one)
     */
    public synchronized CompletableFuture<Void> connect() {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("WebSocket API client is closed"));
        }
        if (connected == null) {
            CompletableFuture<Void> open = session.connect();
            connected = logon ? open.thenCompose(v -> firstLogon) : open;
            // requests wait for the logon's outcome; if Binance refused it they carry their own signature
            usable = logon ? open.thenCompose(v -> firstLogon.handle((x, e) -> null)) : open;
        }
        return connected;
    }

    private synchronized CompletableFuture<Void> usable() {
        connect();
        return usable == null ? connected : usable;
    }

    /** @return the connection's state */
    public ConnectionState state() {
        return session.state();
    }

    /** @return {@code true} while the current connection is logged on with the Ed25519 key */
    public boolean isAuthenticated() {
        return authenticated;
    }

    // ------------------------------------------------------------------ raw access

    /**
     * Sends any request and returns its {@code result}: anything Binance adds is in reach.
     *
     * @param method the method, e.g. {@code "account.commission"}
     * @param params the parameters (String, number, BigDecimal, Boolean, enum, collection), or empty
     * @param signed {@code true} for TRADE / USER_DATA methods: adds timestamp, and apiKey plus
     *     signature unless the session is logged on
     * @return the result
     * @throws BinanceApiException for Binance's errors
     * @throws RateLimitedException for 429/418 or a spent local budget
     * @throws TransportException when not connected, on timeout, or when the connection drops first
     */
    public JsonNode request(String method, Map<String, ?> params, boolean signed) {
        return join(requestAsync(method, params, signed));
    }

    /**
     * Async form of {@link #request(String, Map, boolean)}.
     *
     * @param method the method
     * @param params the parameters
     * @param signed whether the method is signed
     * @return completes with the result
     */
    public CompletableFuture<JsonNode> requestAsync(String method, Map<String, ?> params, boolean signed) {
        Objects.requireNonNull(method, "method");
        Security s = !signed ? Security.NONE : isOrder(method) ? Security.ORDER : Security.SIGNED;
        return execute(method, params == null ? Map.of() : params, s, weightOf(method, params), Function.identity());
    }

    // ------------------------------------------------------------------ general

    /** {@code ping} (weight 1): tests request/response handling. */
    public void ping() {
        join(pingAsync());
    }

    /** @return async form of {@link #ping()} */
    public CompletableFuture<Void> pingAsync() {
        return execute("ping", Map.of(), Security.NONE, 1, r -> null);
    }

    /** @return Binance's clock: {@code time} (weight 1) */
    public Instant serverTime() {
        return join(serverTimeAsync());
    }

    /** @return async form of {@link #serverTime()} */
    public CompletableFuture<Instant> serverTimeAsync() {
        return execute("time", Map.of(), Security.NONE, 1, r -> Instant.ofEpochMilli(r.path("serverTime").asLong()));
    }

    /**
     * {@code exchangeInfo} (weight 20): trading rules and symbols.
     *
     * @param symbols the symbols to describe; none for all
     * @return the result
     */
    public JsonNode exchangeInfo(String... symbols) {
        return join(exchangeInfoAsync(symbols));
    }

    /**
     * @param symbols the symbols; none for all
     * @return async form of {@link #exchangeInfo(String...)}
     */
    public CompletableFuture<JsonNode> exchangeInfoAsync(String... symbols) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (symbols.length > 0) {
            for (String s : symbols) {
                requireSymbol(s);
            }
            p.put("symbols", java.util.List.of(symbols));
        }
        return execute("exchangeInfo", p, Security.NONE, 20, Function.identity());
    }

    // ------------------------------------------------------------------ market data

    /**
     * {@code depth}: the order book (weight 5 up to 100 levels, 25 to 500, 50 to 1000, 250 to 5000).
     *
     * @param symbol symbol
     * @param limit levels per side, 1 to 5000
     * @return the book
     */
    public OrderBookDepth depth(String symbol, int limit) {
        return join(depthAsync(symbol, limit));
    }

    /**
     * @param symbol symbol
     * @param limit levels per side, 1 to 5000
     * @return async form of {@link #depth(String, int)}
     */
    public CompletableFuture<OrderBookDepth> depthAsync(String symbol, int limit) {
        requireSymbol(symbol);
        Params.between("depth limit", limit, 1, 5000);
        return execute("depth", Map.of("symbol", symbol, "limit", limit), Security.NONE, Params.depthWeight(limit),
                r -> Json.read(r, OrderBookDepth.class));
    }

    /**
     * {@code trades.recent} (weight 25).
     *
     * @param symbol symbol
     * @param limit 1 to 1000
     * @return the trades (raw JSON array)
     */
    public JsonNode recentTrades(String symbol, int limit) {
        return join(recentTradesAsync(symbol, limit));
    }

    /**
     * @param symbol symbol
     * @param limit 1 to 1000
     * @return async form of {@link #recentTrades(String, int)}
     */
    public CompletableFuture<JsonNode> recentTradesAsync(String symbol, int limit) {
        requireSymbol(symbol);
        Params.between("trades limit", limit, 1, 1000);
        return execute("trades.recent", Map.of("symbol", symbol, "limit", limit), Security.NONE, 25,
                Function.identity());
    }

    /**
     * {@code klines} (weight 2).
     *
     * @param symbol symbol
     * @param interval interval
     * @param limit 1 to 1000
     * @return the klines (raw JSON array of arrays)
     */
    public JsonNode klines(String symbol, KlineInterval interval, int limit) {
        return join(klinesAsync(symbol, interval, limit));
    }

    /**
     * @param symbol symbol
     * @param interval interval
     * @param limit 1 to 1000
     * @return async form of {@link #klines(String, KlineInterval, int)}
     */
    public CompletableFuture<JsonNode> klinesAsync(String symbol, KlineInterval interval, int limit) {
        requireSymbol(symbol);
        if (interval == null) {
            throw new IllegalArgumentException("kline interval is missing");
        }
        Params.between("klines limit", limit, 1, 1000);
        return execute("klines", Map.of("symbol", symbol, "interval", interval.code(), "limit", limit),
                Security.NONE, 2, Function.identity());
    }

    /**
     * {@code avgPrice} (weight 2).
     *
     * @param symbol symbol
     * @return the result ({@code mins}, {@code price}, {@code closeTime})
     */
    public JsonNode avgPrice(String symbol) {
        return join(avgPriceAsync(symbol));
    }

    /**
     * @param symbol symbol
     * @return async form of {@link #avgPrice(String)}
     */
    public CompletableFuture<JsonNode> avgPriceAsync(String symbol) {
        requireSymbol(symbol);
        return execute("avgPrice", Map.of("symbol", symbol), Security.NONE, 2, Function.identity());
    }

    /**
     * {@code ticker.price} (weight 2 for one symbol, 4 for all).
     *
     * @param symbol symbol, or {@code null} for every symbol
     * @return the result
     */
    public JsonNode tickerPrice(String symbol) {
        return join(tickerPriceAsync(symbol));
    }

    /**
     * @param symbol symbol, or {@code null} for all
     * @return async form of {@link #tickerPrice(String)}
     */
    public CompletableFuture<JsonNode> tickerPriceAsync(String symbol) {
        return execute("ticker.price", symbolOrAll(symbol), Security.NONE, symbol == null ? 4 : 2, Function.identity());
    }

    /**
     * {@code ticker.book}: best bid and ask (weight 2 for one symbol, 4 for all).
     *
     * @param symbol symbol, or {@code null} for every symbol
     * @return the result
     */
    public JsonNode tickerBook(String symbol) {
        return join(tickerBookAsync(symbol));
    }

    /**
     * @param symbol symbol, or {@code null} for all
     * @return async form of {@link #tickerBook(String)}
     */
    public CompletableFuture<JsonNode> tickerBookAsync(String symbol) {
        return execute("ticker.book", symbolOrAll(symbol), Security.NONE, symbol == null ? 4 : 2, Function.identity());
    }

    // ------------------------------------------------------------------ trading

    /**
     * {@code order.place} (TRADE, weight 1, one order against the order-count limits). Never resent:
     * if the connection drops before the answer, the call fails and the outcome is unknown.
     *
     * @param order the order
     * @return the result (ACK, RESULT or FULL, by {@code newOrderRespType})
     * @throws IllegalArgumentException if it breaks {@link dev.relaykit.binance.BinanceSpot#orderRules()} (nothing is sent)
     */
    public Order placeOrder(NewOrder order) {
        return join(placeOrderAsync(order));
    }

    /**
     * @param order the order
     * @return async form of {@link #placeOrder(NewOrder)}
     */
    public CompletableFuture<Order> placeOrderAsync(NewOrder order) {
        checkRules(Objects.requireNonNull(order, "order"));
        return execute("order.place", order.params(), Security.ORDER, 1, r -> Json.read(r, Order.class));
    }

    /**
     * {@code order.test} (TRADE, weight 1): validates an order without placing it.
     *
     * @param order the order
     * @return the result ({@code {}})
     * @throws IllegalArgumentException if it breaks {@link dev.relaykit.binance.BinanceSpot#orderRules()} (nothing is sent)
     */
    public JsonNode testOrder(NewOrder order) {
        return join(testOrderAsync(order));
    }

    /**
     * @param order the order
     * @return async form of {@link #testOrder(NewOrder)}
     */
    public CompletableFuture<JsonNode> testOrderAsync(NewOrder order) {
        checkRules(Objects.requireNonNull(order, "order"));
        return execute("order.test", order.params(), Security.SIGNED, 1, Function.identity());
    }

    /**
     * {@code order.cancel} by order id (TRADE, weight 1).
     *
     * @param symbol symbol
     * @param orderId Binance's order id
     * @return the cancelled order (or order list)
     */
    public Order cancelOrder(String symbol, long orderId) {
        return join(cancelOrderAsync(symbol, orderId));
    }

    /**
     * @param symbol symbol
     * @param orderId order id
     * @return async form of {@link #cancelOrder(String, long)}
     */
    public CompletableFuture<Order> cancelOrderAsync(String symbol, long orderId) {
        requireSymbol(symbol);
        return execute("order.cancel", Map.of("symbol", symbol, "orderId", orderId), Security.SIGNED, 1,
                r -> Json.read(r, Order.class));
    }

    /**
     * {@code order.cancel} by your client order id (TRADE, weight 1).
     *
     * @param symbol symbol
     * @param origClientOrderId the order's client order id
     * @return the cancelled order (or order list)
     */
    public Order cancelOrderByClientId(String symbol, String origClientOrderId) {
        return join(cancelOrderByClientIdAsync(symbol, origClientOrderId));
    }

    /**
     * @param symbol symbol
     * @param origClientOrderId client order id
     * @return async form of {@link #cancelOrderByClientId(String, String)}
     */
    public CompletableFuture<Order> cancelOrderByClientIdAsync(String symbol, String origClientOrderId) {
        requireSymbol(symbol);
        Params.nonBlank("origClientOrderId", origClientOrderId);
        return execute("order.cancel", Map.of("symbol", symbol, "origClientOrderId", origClientOrderId),
                Security.SIGNED, 1, r -> Json.read(r, Order.class));
    }

    /**
     * {@code order.cancelReplace} (TRADE, weight 1, one order): cancels an order and places another.
     *
     * @param cancelOrderId the id of the order to cancel
     * @param mode what to do when the cancel fails
     * @param newOrder the order to place (its symbol is the symbol of both)
     * @return the result ({@code cancelResult}, {@code newOrderResult}, ...)
     * @throws IllegalArgumentException if the new order breaks {@link dev.relaykit.binance.BinanceSpot#orderRules()} (nothing is sent)
     */
    public CancelReplaceResult cancelReplace(long cancelOrderId, CancelReplaceMode mode, NewOrder newOrder) {
        return join(cancelReplaceAsync(cancelOrderId, mode, newOrder));
    }

    /**
     * @param cancelOrderId order to cancel
     * @param mode cancel-replace mode
     * @param newOrder the new order
     * @return async form of {@link #cancelReplace(long, CancelReplaceMode, NewOrder)}
     */
    public CompletableFuture<CancelReplaceResult> cancelReplaceAsync(long cancelOrderId, CancelReplaceMode mode, NewOrder newOrder) {
        Objects.requireNonNull(newOrder, "newOrder");
        if (mode == null) {
            throw new IllegalArgumentException("cancelReplaceMode is missing");
        }
        checkRules(newOrder);
        Map<String, Object> p = new LinkedHashMap<>(newOrder.params());
        p.put("cancelReplaceMode", mode);
        p.put("cancelOrderId", cancelOrderId);
        return execute("order.cancelReplace", p, Security.ORDER, 1, r -> Json.read(r, CancelReplaceResult.class));
    }

    /**
     * {@code order.status} (USER_DATA, weight 4).
     *
     * @param symbol symbol
     * @param orderId order id
     * @return the order
     */
    public Order orderStatus(String symbol, long orderId) {
        return join(orderStatusAsync(symbol, orderId));
    }

    /**
     * @param symbol symbol
     * @param orderId order id
     * @return async form of {@link #orderStatus(String, long)}
     */
    public CompletableFuture<Order> orderStatusAsync(String symbol, long orderId) {
        requireSymbol(symbol);
        return execute("order.status", Map.of("symbol", symbol, "orderId", orderId), Security.SIGNED, 4,
                r -> Json.read(r, Order.class));
    }

    /**
     * {@code openOrders.status} (USER_DATA, weight 6 for one symbol, 80 for all).
     *
     * @param symbol symbol, or {@code null} for every symbol
     * @return the open orders
     */
    public List<Order> openOrders(String symbol) {
        return join(openOrdersAsync(symbol));
    }

    /**
     * @param symbol symbol, or {@code null}
     * @return async form of {@link #openOrders(String)}
     */
    public CompletableFuture<List<Order>> openOrdersAsync(String symbol) {
        return execute("openOrders.status", symbolOrAll(symbol), Security.SIGNED, symbol == null ? 80 : 6,
                r -> Json.read(r, ORDERS));
    }

    /**
     * {@code orderList.place.oco} (TRADE, one order list). Parameters as Binance documents them
     * ({@code symbol}, {@code side}, {@code quantity}, {@code aboveType}, {@code belowType}, prices...).
     *
     * @param params the parameters
     * @return the order list
     */
    public OrderList placeOco(Map<String, ?> params) {
        return join(placeOrderListAsync("orderList.place.oco", params, "side", "quantity", "aboveType", "belowType"));
    }

    /**
     * @param params the parameters
     * @return async form of {@link #placeOco(Map)}
     */
    public CompletableFuture<OrderList> placeOcoAsync(Map<String, ?> params) {
        return placeOrderListAsync("orderList.place.oco", params, "side", "quantity", "aboveType", "belowType");
    }

    /**
     * {@code orderList.place.oto} (TRADE): a working order and a pending order placed when it fills.
     *
     * @param params the parameters ({@code workingType}, {@code workingSide}, {@code workingPrice},
     *     {@code workingQuantity}, {@code pendingType}, {@code pendingSide}, {@code pendingQuantity}, ...)
     * @return the order list
     */
    public OrderList placeOto(Map<String, ?> params) {
        return join(placeOtoAsync(params));
    }

    /**
     * @param params the parameters
     * @return async form of {@link #placeOto(Map)}
     */
    public CompletableFuture<OrderList> placeOtoAsync(Map<String, ?> params) {
        return placeOrderListAsync("orderList.place.oto", params, "workingType", "workingSide", "workingPrice",
                "workingQuantity", "pendingType", "pendingSide", "pendingQuantity");
    }

    /**
     * {@code orderList.place.otoco} (TRADE): a working order and an OCO pair placed when it fills.
     *
     * @param params the parameters ({@code workingType}, ..., {@code pendingAboveType}, ...)
     * @return the order list
     */
    public OrderList placeOtoco(Map<String, ?> params) {
        return join(placeOtocoAsync(params));
    }

    /**
     * @param params the parameters
     * @return async form of {@link #placeOtoco(Map)}
     */
    public CompletableFuture<OrderList> placeOtocoAsync(Map<String, ?> params) {
        return placeOrderListAsync("orderList.place.otoco", params, "workingType", "workingSide", "workingPrice",
                "workingQuantity", "pendingSide", "pendingQuantity", "pendingAboveType");
    }

    /**
     * {@code orderList.cancel} (TRADE, weight 1).
     *
     * @param symbol symbol
     * @param orderListId the order list id
     * @return the cancelled list
     */
    public OrderList cancelOrderList(String symbol, long orderListId) {
        return join(cancelOrderListAsync(symbol, orderListId));
    }

    /**
     * @param symbol symbol
     * @param orderListId order list id
     * @return async form of {@link #cancelOrderList(String, long)}
     */
    public CompletableFuture<OrderList> cancelOrderListAsync(String symbol, long orderListId) {
        requireSymbol(symbol);
        return execute("orderList.cancel", Map.of("symbol", symbol, "orderListId", orderListId), Security.SIGNED, 1,
                r -> Json.read(r, OrderList.class));
    }

    /**
     * {@code orderList.status} (USER_DATA, weight 4).
     *
     * @param orderListId the order list id
     * @return the order list
     */
    public OrderList orderListStatus(long orderListId) {
        return join(orderListStatusAsync(orderListId));
    }

    /**
     * @param orderListId order list id
     * @return async form of {@link #orderListStatus(long)}
     */
    public CompletableFuture<OrderList> orderListStatusAsync(long orderListId) {
        return execute("orderList.status", Map.of("orderListId", orderListId), Security.SIGNED, 4, r -> Json.read(r, OrderList.class));
    }

    /**
     * {@code account.status} (USER_DATA, weight 20): balances and permissions.
     *
     * @return the account
     */
    public JsonNode accountStatus() {
        return join(accountStatusAsync());
    }

    /** @return async form of {@link #accountStatus()} */
    public CompletableFuture<JsonNode> accountStatusAsync() {
        return execute("account.status", Map.of(), Security.SIGNED, 20, Function.identity());
    }

    /**
     * {@code session.status} (weight 2): whether and since when the connection is logged on.
     *
     * @return the status
     */
    public JsonNode sessionStatus() {
        return join(execute("session.status", Map.of(), Security.NONE, 2, Function.identity()));
    }

    private CompletableFuture<OrderList> placeOrderListAsync(String method, Map<String, ?> params, String... required) {
        Objects.requireNonNull(params, "params");
        requireSymbol(params.get("symbol") instanceof String s ? s : null);
        for (String r : required) {
            if (params.get(r) == null) {
                throw new IllegalArgumentException(method + " needs " + r);
            }
        }
        for (Map.Entry<String, ?> e : params.entrySet()) {
            if (e.getValue() instanceof BigDecimal d) {
                Params.positive(e.getKey(), d);
            }
        }
        return execute(method, params, Security.ORDER, 1, r -> Json.read(r, OrderList.class));
    }

    // ------------------------------------------------------------------ user data

    /**
     * Subscribes to the user data stream on this connection: with an Ed25519 key by
     * {@code userDataStream.subscribe} after the logon, otherwise by
     * {@code userDataStream.subscribe.signature}. After every reconnect it subscribes again and then
     * calls {@link UserDataListener#onGap} with the time without events.
     *
     * @param listener receives events, gaps and errors (on the client's dispatcher thread)
     * @return the subscription; close it to unsubscribe
     * @throws IllegalStateException without a key, or if a subscription is already open
     */
    public synchronized UserDataSubscription subscribeUserData(UserDataListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (key == null) {
            throw new IllegalStateException("the user data stream needs an API key; build BinanceSpot with .key(..)");
        }
        if (userData != null) {
            throw new IllegalStateException("a user data subscription is already open on this client; close it first");
        }
        if (closed) {
            throw new IllegalStateException("WebSocket API client is closed");
        }
        UserDataSub sub = new UserDataSub(listener);
        userData = sub;
        if (logon) {
            connect(); // the logon's success subscribes (see onLogon); if already logged on, subscribe now
            if (authenticated) {
                sub.subscribeAfterLogon();
            }
        } else {
            sub.wsSubscription = session.subscribe(sub::signatureFrame, sub::unsubscribeFrame);
            connect();
        }
        return sub;
    }

    // ------------------------------------------------------------------ core

    private <T> CompletableFuture<T> execute(String method, Map<String, ?> params, Security security, int weight,
                                             Function<JsonNode, T> decoder) {
        if (closed) {
            throw new IllegalStateException("WebSocket API client is closed");
        }
        if (security != Security.NONE && key == null) {
            throw new IllegalStateException(method + " needs an API key; build BinanceSpot with "
                    + ".key(BinanceKey.ed25519(apiKey, pem)) (or hmac/rsa)");
        }
        ObjectNode p = toParams(params);
        String id = Long.toString(rpc.nextId());
        // the timeout starts now: it covers connecting and waiting for the rate limit too
        CompletableFuture<JsonNode> answer = rpc.expect(id, method);
        usable().whenComplete((v, e) -> {
            if (e != null) {
                rpc.fail(id, new TransportException("could not connect to the Binance WebSocket API; "
                        + method + " was not sent", unwrap(e)));
            } else {
                acquireThen(security, weight, 0, id, answer, () -> transmit(id, method, p, security));
            }
        });
        return answer.thenApply(m -> result(method, m)).thenApply(decoder);
    }

    /** @return whether {@code method} places an order (charged to the order count; its outcome matters on a drop) */
    private static boolean isOrder(Object method) {
        String m = method.toString();
        return m.startsWith("order.place") || m.startsWith("orderList.place") || m.equals("order.cancelReplace")
                || m.startsWith("sor.order.place");
    }

    /** The key of an answer: its id; {@code null} for a message that is not one. */
    private static String answerId(JsonNode msg) {
        JsonNode id = msg.get("id");
        return id == null || id.isNull() ? null : id.asText();
    }

    /** An answer's {@code result}, or Binance's error as an exception. */
    private JsonNode result(String method, JsonNode msg) {
        int status = msg.path("status").asInt(0);
        if (status == 200) {
            return msg.path("result");
        }
        throw error(method, status, msg.path("error"));
    }

    /** Charges the local budgets (the REST client's limiters), waiting on the timer, never blocking. */
    private void acquireThen(Security security, int weight, long waited, String id, CompletableFuture<JsonNode> answer,
                             Runnable send) {
        if (answer.isDone()) {
            return;
        }
        try {
            // weight first (weight 0 = already charged), then the order count
            long wait = weight > 0 ? context.weightLimiter().reserve(weight, waited) : 0;
            int remaining = wait > 0 ? weight : 0;
            if (wait == 0 && security == Security.ORDER) {
                wait = context.orderLimiter().reserve(1, waited);
            }
            if (wait == 0) {
                // a ban that started while this request waited for another budget stops it here
                context.weightLimiter().checkNotBanned();
                context.orderLimiter().checkNotBanned();
                send.run();
            } else {
                long w = wait;
                timer.schedule(() -> acquireThen(security, remaining, waited + w, id, answer, send), w,
                        TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            rpc.fail(id, e);
        }
    }

    private void transmit(String id, String method, ObjectNode params, Security security) {
        if (security != Security.NONE) {
            sign(params, !authenticated);
        }
        String frame = frame(id, method, params);
        if (!rpc.markSent(id)) { // expired meanwhile
            return;
        }
        try {
            session.send(frame).whenComplete((v, e) -> {
                if (e != null) {
                    rpc.fail(id, notSent(method, e));
                }
            });
        } catch (NotConnectedException | OutgoingQueueFullException | IllegalStateException e) {
            rpc.fail(id, notSent(method, e));
        }
    }

    private static TransportException notSent(String method, Throwable cause) {
        return new TransportException("not connected to the Binance WebSocket API (" + cause.getMessage() + "); "
                + method + " was not sent", cause);
    }

    /** Adds timestamp (and recvWindow), and apiKey plus signature unless the session is logged on. */
    private void sign(ObjectNode params, boolean withSignature) {
        params.put("timestamp", context.clock().millis());
        if (recvWindowMillis != null) {
            params.put("recvWindow", recvWindowMillis);
        }
        if (withSignature) {
            params.put("apiKey", key.apiKey().reveal());
            params.put("signature", key.signer().sign(signaturePayload(params).getBytes(StandardCharsets.UTF_8)));
        }
    }

    /**
     * The payload Binance's WebSocket API signs: every parameter but {@code signature}, sorted by
     * name, as {@code name=value} joined with {@code &} (documentation, "Request security").
     */
    static String signaturePayload(ObjectNode params) {
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("signature")) {
                sorted.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
            }
        }
        StringBuilder sb = new StringBuilder();
        sorted.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(k).append('=').append(v));
        return sb.toString();
    }

    private static String frame(String id, String method, ObjectNode params) {
        ObjectNode f = NODES.objectNode();
        f.put("id", id);
        f.put("method", method);
        if (!params.isEmpty()) {
            f.set("params", params);
        }
        return f.toString();
    }

    /** The logon frame, built fresh (new timestamp) for every connection. Runs on the session's thread. */
    private String logonFrame() {
        authenticated = false;
        String id = Long.toString(rpc.nextId());
        ObjectNode p = NODES.objectNode();
        sign(p, true);
        register(id, "session.logon").whenComplete(this::onLogon);
        return frame(id, "session.logon", p);
    }

    /** Registers a frame the session sends by itself (logon, subscription) on the connection opening now. */
    private CompletableFuture<JsonNode> register(String id, String method) {
        CompletableFuture<JsonNode> f;
        try {
            f = rpc.expect(id, method);
        } catch (RuntimeException e) { // closing, or the in-flight limit: the frame goes out unanswered
            return CompletableFuture.failedFuture(e);
        }
        rpc.markSent(id);
        return f.thenApply(m -> result(method, m));
    }

    private void onLogon(JsonNode result, Throwable error) {
        if (error != null) {
            authenticated = false;
            RelayKitException e = asRelayKit(unwrap(error));
            LOG.warn("Binance WebSocket API: session.logon failed: {}", e.getMessage());
            firstLogon.completeExceptionally(e);
            UserDataSub sub;
            synchronized (this) {
                sub = userData;
            }
            if (sub != null) {
                sub.notifyError(e);
            }
            return;
        }
        authenticated = true;
        firstLogon.complete(null);
        UserDataSub sub;
        synchronized (this) {
            sub = userData;
        }
        if (sub != null) {
            sub.subscribeAfterLogon();
        }
    }

    // ------------------------------------------------------------------ incoming

    private void onText(String text) {
        JsonNode msg;
        try {
            msg = Json.tree(text);
        } catch (DecodeException e) {
            LOG.warn("Binance WebSocket API sent something that is not JSON: {}", e.getMessage());
            return;
        }
        if (msg.has("event")) {
            UserDataSub sub;
            synchronized (this) {
                sub = userData;
            }
            if (sub != null) {
                sub.onEvent(msg);
            }
            return;
        }
        applyRateLimits(msg.get("rateLimits"));
        if (answerId(msg) == null) {
            // e.g. the session's API key was revoked: {"id":null,"status":401,"error":{"code":-2015,..}}
            int status = msg.path("status").asInt(0);
            LOG.warn("Binance WebSocket API: {} {}", status, msg.path("error").path("msg").asText());
            if (status == 401) {
                authenticated = false;
            }
            return;
        }
        rpc.answer(msg);
    }

    private RelayKitException error(String method, int status, JsonNode error) {
        int code = error.path("code").asInt(0);
        String msg = error.path("msg").asText("");
        if (status == 429 || status == 418) {
            long retryAfter = error.path("data").path("retryAfter").asLong(0);
            Instant retryAt = retryAfter > 0 ? Instant.ofEpochMilli(retryAfter)
                    : Instant.ofEpochMilli((context.clock().millis() / 60_000 + 1) * 60_000); // next minute window
            if (status == 418) {
                // an IP ban: every call, REST or WebSocket, order or not, fails at once until it ends
                context.weightLimiter().ban(retryAt);
                context.orderLimiter().ban(retryAt);
            } else {
                RateLimiter limiter = code == -1015 ? context.orderLimiter() : context.weightLimiter();
                limiter.holdUntil(retryAt);
            }
            return new RateLimitedException("binance WebSocket API refused " + method + " with " + status + " ("
                    + code + " " + msg + ")", retryAt, status, false);
        }
        return new BinanceApiException(status, code, msg);
    }

    /** Applies {@code rateLimits} to the REST client's limiters: the server's count wins when higher. */
    private void applyRateLimits(JsonNode limits) {
        if (limits == null || !limits.isArray()) {
            return;
        }
        for (JsonNode l : limits) {
            String type = l.path("rateLimitType").asText();
            Duration window = window(l.path("interval").asText(), l.path("intervalNum").asInt(1));
            long count = l.path("count").asLong(-1);
            if (window == null || count < 0) {
                continue;
            }
            RateLimiter limiter = switch (type) {
                case "REQUEST_WEIGHT" -> context.weightLimiter();
                case "ORDERS" -> context.orderLimiter();
                default -> null;
            };
            if (limiter == null) {
                continue;
            }
            RateLimit.Kind kind = type.equals("ORDERS") ? RateLimit.Kind.REQUESTS : RateLimit.Kind.WEIGHT;
            for (RateLimit limit : limiter.limits()) {
                if (limit.kind() == kind && limit.window().equals(window)) {
                    limiter.observeServerUsage(limit, count);
                }
            }
        }
    }

    private static Duration window(String interval, int num) {
        return switch (interval) {
            case "SECOND" -> Duration.ofSeconds(num);
            case "MINUTE" -> Duration.ofMinutes(num);
            case "HOUR" -> Duration.ofHours(num);
            case "DAY" -> Duration.ofDays(num);
            default -> null;
        };
    }

    /** The connection is gone (the requests sent on it are failed by {@link #rpc}, never resent). */
    private void onConnectionLost(StateChange change) {
        authenticated = false;
        UserDataSub sub;
        synchronized (this) {
            sub = userData;
        }
        if (sub != null) {
            sub.connectionLost(change.at());
        }
    }

    private final class Listener implements WsListener {
        @Override
        public void onText(WsSession s, String text) {
            WsApiClient.this.onText(text);
        }

        @Override
        public void onStateChange(WsSession s, StateChange change) {
            if (change.from() == ConnectionState.OPEN) {
                onConnectionLost(change);
            }
            if (change.to() == ConnectionState.FAILED) {
                firstLogon.completeExceptionally(new TransportException("the Binance WebSocket API connection failed",
                        change.cause()));
            }
        }
    }

    // ------------------------------------------------------------------ user data subscription

    private final class UserDataSub implements UserDataSubscription {
        private final UserDataListener listener;
        private volatile long subscriptionId = -1;
        private volatile boolean closedSub;
        private boolean everSubscribed; // dispatcher
        private Instant gapStart; // dispatcher
        private WsSubscription wsSubscription;
        private final AtomicLong subscribedConnection = new AtomicLong(-1);

        UserDataSub(UserDataListener listener) {
            this.listener = listener;
        }

        /** Logon mode: after each successful logon. */
        void subscribeAfterLogon() {
            if (closedSub || !authenticated) {
                return;
            }
            long connection = session.stats().reconnects();
            if (subscribedConnection.getAndSet(connection) == connection) {
                return; // already subscribing on this connection
            }
            try {
                execute("userDataStream.subscribe", Map.of(), Security.NONE, 2, Function.identity())
                        .whenComplete(this::onSubscribed);
            } catch (IllegalStateException closedClient) {
                // closing
            }
        }

        /** Signature mode: the subscription frame, built fresh for every connection. */
        String signatureFrame() {
            String id = Long.toString(rpc.nextId());
            ObjectNode p = NODES.objectNode();
            sign(p, true);
            register(id, "userDataStream.subscribe.signature").whenComplete(this::onSubscribed);
            return frame(id, "userDataStream.subscribe.signature", p);
        }

        String unsubscribeFrame() {
            ObjectNode p = NODES.objectNode();
            if (subscriptionId >= 0) {
                p.put("subscriptionId", subscriptionId);
            }
            return frame(Long.toString(rpc.nextId()), "userDataStream.unsubscribe", p);
        }

        private void onSubscribed(JsonNode result, Throwable error) {
            if (closedSub) {
                return;
            }
            if (error != null) {
                notifyError(asRelayKit(unwrap(error)));
                return;
            }
            subscriptionId = result.path("subscriptionId").asLong(-1);
            everSubscribed = true;
            if (gapStart != null) {
                UserDataGap gap = new UserDataGap(gapStart, Instant.now());
                gapStart = null;
                try {
                    listener.onGap(gap);
                } catch (RuntimeException e) {
                    LOG.warn("user data listener threw in onGap", e);
                }
            }
        }

        void connectionLost(Instant at) {
            subscriptionId = -1;
            if (everSubscribed && gapStart == null && !closedSub) {
                gapStart = at;
            }
        }

        void onEvent(JsonNode msg) {
            if (closedSub) {
                return;
            }
            UserDataEvent event;
            try {
                event = UserDataEvents.decode(msg);
            } catch (DecodeException e) {
                notifyError(e);
                return;
            }
            if (event instanceof EventStreamTerminated) {
                subscriptionId = -1;
            }
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("user data listener threw in onEvent", e);
            }
        }

        void notifyError(RelayKitException e) {
            try {
                listener.onError(e);
            } catch (RuntimeException ex) {
                LOG.warn("user data listener threw in onError", ex);
            }
        }

        @Override
        public boolean isActive() {
            return !closedSub && subscriptionId >= 0;
        }

        @Override
        public long subscriptionId() {
            return subscriptionId;
        }

        @Override
        public void close() {
            if (closedSub) {
                return;
            }
            long id = subscriptionId;
            closedSub = true;
            synchronized (WsApiClient.this) {
                if (userData == this) {
                    userData = null;
                }
            }
            if (wsSubscription != null) {
                wsSubscription.close(); // sends the unsubscribe frame if connected
            } else if (id >= 0 && session.state() == ConnectionState.OPEN && !closed) {
                execute("userDataStream.unsubscribe", Map.of("subscriptionId", id), Security.NONE, 2,
                        Function.identity()).exceptionally(e -> null);
            }
            subscriptionId = -1;
        }

        @Override
        public String toString() {
            return "UserDataSubscription[" + (isActive() ? "active, id " + subscriptionId : "inactive") + "]";
        }
    }

    // ------------------------------------------------------------------ helpers

    /** With {@link dev.relaykit.binance.BinanceSpot.Builder#orderRules} set: refuses an order breaking its symbol's rules, unsent. */
    private void checkRules(NewOrder order) {
        ExchangeInfoCache rules = context.orderRules();
        if (rules != null) {
            rules.checkOrder(order);
        }
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException | CancellationException e) {
            throw asRelayKitOrRuntime(unwrap(e));
        }
    }

    private static RuntimeException asRelayKitOrRuntime(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new RelayKitException(String.valueOf(t.getMessage()), t);
    }

    private static RelayKitException asRelayKit(Throwable t) {
        return t instanceof RelayKitException r ? r : new RelayKitException(String.valueOf(t.getMessage()), t);
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static ObjectNode toParams(Map<String, ?> params) {
        ObjectNode node = NODES.objectNode();
        params.forEach((k, v) -> {
            if (v != null) {
                node.set(k, toJson(v));
            }
        });
        return node;
    }

    private static JsonNode toJson(Object v) {
        if (v instanceof JsonNode n) {
            return n;
        } else if (v instanceof BigDecimal d) {
            return NODES.textNode(d.toPlainString()); // DECIMAL parameters are JSON strings
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return NODES.numberNode(((Number) v).longValue());
        } else if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (v instanceof Enum<?> e) {
            return NODES.textNode(e.name());
        } else if (v instanceof Collection<?> c) {
            ArrayNode a = NODES.arrayNode();
            c.forEach(x -> a.add(toJson(x)));
            return a;
        }
        return NODES.textNode(v.toString());
    }

    private static Map<String, Object> symbolOrAll(String symbol) {
        return symbol == null ? Map.of() : Map.of("symbol", requireSymbol(symbol));
    }

    static String requireSymbol(String symbol) {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("symbol is missing");
        }
        for (int i = 0; i < symbol.length(); i++) {
            if (Character.isWhitespace(symbol.charAt(i))) {
                throw new IllegalArgumentException("symbol contains whitespace: '" + symbol + "'");
            }
        }
        return symbol;
    }

    private static int weightOf(String method, Map<String, ?> params) {
        return switch (method) {
            case "exchangeInfo", "account.status", "allOrders", "myTrades" -> 20;
            case "trades.recent", "trades.historical" -> 25;
            case "depth" -> 5;
            case "order.status", "orderList.status" -> 4;
            case "openOrders.status" -> params != null && params.containsKey("symbol") ? 6 : 80;
            case "klines", "uiKlines", "avgPrice", "session.logon", "session.status", "session.logout",
                    "userDataStream.subscribe", "userDataStream.subscribe.signature", "userDataStream.unsubscribe" -> 2;
            case "ticker.price", "ticker.book" -> params != null && params.containsKey("symbol") ? 2 : 4;
            default -> 1;
        };
    }

    /** Closes the connection; requests still waiting fail, the user data subscription ends. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        session.close();
        rpc.connectionLost("the WebSocket API client was closed", null);
        rpc.close();
        firstLogon.completeExceptionally(new TransportException("the WebSocket API client was closed"));
        timer.shutdownNow();
    }

    @Override
    public String toString() {
        return "WsApiClient[" + context.environment().name() + ", " + session.state()
                + (authenticated ? ", logged on" : "") + "]";
    }

    /** Configures a {@link WsApiClient}. */
    public static final class Builder {
        private final BinanceContext context;
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Duration recvWindow;
        private boolean logon = true;
        private ReconnectPolicy reconnect = ReconnectPolicy.defaults();
        private boolean retryInitialConnect;
        private Duration pingInterval = Duration.ofSeconds(20);
        private OkHttpClient httpClient;

        private Builder(BinanceContext context) {
            this.context = context;
        }

        /**
         * @param timeout how long a request may wait for its answer (including connecting); default 10 s
         * @return this
         */
        public Builder requestTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("requestTimeout must be positive, was " + timeout);
            }
            this.requestTimeout = timeout;
            return this;
        }

        /**
         * @param recvWindow sent with signed requests (Binance's default, 5000 ms, when not set); at most 60 s
         * @return this
         */
        public Builder recvWindow(Duration recvWindow) {
            if (recvWindow == null || recvWindow.toMillis() < 1 || recvWindow.compareTo(BinanceContext.MAX_RECV_WINDOW) > 0) {
                throw new IllegalArgumentException("recvWindow must be between 1 ms and 60000 ms, was " + recvWindow);
            }
            this.recvWindow = recvWindow;
            return this;
        }

        /**
         * @param enabled log the session on after every connect when the key is Ed25519 (default
         *     {@code true}); other key types always sign each request
         * @return this
         */
        public Builder logon(boolean enabled) {
            this.logon = enabled;
            return this;
        }

        /**
         * @param policy how to reconnect (default {@link ReconnectPolicy#defaults()})
         * @return this
         */
        public Builder reconnect(ReconnectPolicy policy) {
            this.reconnect = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Whether a first connection that fails is retried by the reconnect policy. Off by default:
         * {@code connect()} then fails at once with the cause (a {@code java.net.ConnectException} for a
         * refused port) and nothing keeps trying. Once a connection has been open, losses always
         * reconnect by the policy.
         *
         * @param keepTrying {@code true} to keep trying the first connection by the policy
         * @return this
         */
        public Builder retryInitialConnect(boolean keepTrying) {
            this.retryInitialConnect = keepTrying;
            return this;
        }

        /**
         * @param interval client ping interval (default 20 s, Binance's own); a pong must come within half of it
         * @return this
         */
        public Builder pingInterval(Duration interval) {
            if (interval == null || interval.toMillis() < 2) {
                throw new IllegalArgumentException("pingInterval must be at least 2 ms, was " + interval);
            }
            this.pingInterval = interval;
            return this;
        }

        /**
         * @param client the OkHttp client to derive from (proxy, TLS)
         * @return this
         */
        public Builder httpClient(OkHttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /** @return the client (not connected yet) */
        public WsApiClient build() {
            return new WsApiClient(this);
        }
    }
}
