package dev.relaykit.binance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.binance.internal.BinanceContext;
import dev.relaykit.binance.internal.Call;
import dev.relaykit.binance.internal.Params;
import dev.relaykit.binance.model.Account;
import dev.relaykit.binance.model.AccountCommission;
import dev.relaykit.binance.model.AccountTrade;
import dev.relaykit.binance.model.Allocation;
import dev.relaykit.binance.model.CancelReplaceResult;
import dev.relaykit.binance.model.CancelRestrictions;
import dev.relaykit.binance.model.CanceledOpenOrders;
import dev.relaykit.binance.model.Order;
import dev.relaykit.binance.model.OrderCommission;
import dev.relaykit.binance.model.OrderCountUsage;
import dev.relaykit.binance.model.OrderList;
import dev.relaykit.binance.model.OrderSide;
import dev.relaykit.binance.model.OrderType;
import dev.relaykit.binance.model.PreventedMatch;
import dev.relaykit.binance.model.TimeInForce;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.rest.RestRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Spot trading and account endpoints ({@code /api/v3}, signed): orders, order lists, cancel-replace,
 * account information and trade history. Get it from {@link BinanceSpot#trading()}.
 *
 * <pre>{@code
 * Trading t = binance.trading();
 * Order o = t.placeLimitOrder("BTCUSDT", OrderSide.BUY, new BigDecimal("0.001"), new BigDecimal("50000"));
 * Order filled = t.placeOrder(NewOrder.marketQuote("BTCUSDT", OrderSide.BUY, new BigDecimal("25"))
 *         .newOrderRespType(OrderResponseType.FULL).build());
 * t.cancelOrder("BTCUSDT", o.orderId());
 * Account a = t.account(true);
 * }</pre>
 *
 * <p><b>Orders are never retried.</b> Placing an order, an order list or a cancel-replace charges the
 * client's order-count budget (corrected from {@code X-MBX-ORDER-COUNT-*}) and is sent exactly once:
 * a timeout or a 5xx means the outcome is unknown (Binance: "the execution status is UNKNOWN and could
 * have been a success"), so query the order (by your {@code newClientOrderId}) before placing it again.
 * Queries and cancels may be retried by the client's retry policy.
 *
 * <p>Every call has an {@code ...Async} form completing with the same result or exception. Arguments
 * that can be checked locally throw {@link IllegalArgumentException} before anything is sent, in both
 * forms. Binance's own refusals are {@link BinanceApiException} (-2010 new order rejected, -2011
 * cancel rejected, -1013 filter failure, ...).
 */
public final class Trading {
    /** Binance limits history queries by time to 24 hours. */
    private static final Duration MAX_WINDOW = Duration.ofHours(24);

    private final BinanceContext context;

    Trading(BinanceContext context) {
        this.context = context;
    }

    /**
     * With {@link BinanceSpot.Builder#orderRules(ExchangeInfoCache)} set: refuses, before sending, an
     * order for a symbol the exchange information does not list, or whose price or quantity breaks
     * the symbol's filters ({@link ExchangeInfoCache#checkOrder}).
     */
    private NewOrder checkRules(NewOrder order) {
        requireOrder(order);
        ExchangeInfoCache cache = context.orderRules();
        return cache == null ? order : cache.checkOrder(order);
    }

    private static RestRequest.Builder signed(String method, String path, int weight) {
        return RestRequest.builder(method, path).signed().weight(weight);
    }

    // ------------------------------------------------------------------ new orders

    /**
     * Places an order: {@code POST /api/v3/order} (weight 1, one order against the order budget, never retried).
     *
     * @param order the order
     * @return the order as Binance reports it ({@code ACK}, {@code RESULT} or {@code FULL}, per the order's
     *     {@code newOrderRespType})
     * @throws BinanceApiException for Binance's refusals (-2010 insufficient balance, -1013 filter failure, ...)
     */
    public Order placeOrder(NewOrder order) {
        return context.send(placeCall(order));
    }

    /**
     * Async form of {@link #placeOrder(NewOrder)}.
     *
     * @param order the order
     * @return completes with the order
     */
    public CompletableFuture<Order> placeOrderAsync(NewOrder order) {
        return context.sendAsync(placeCall(order));
    }

    private Call<Order> placeCall(NewOrder order) {
        RestRequest.Builder b = signed("POST", "/api/v3/order", 1);
        checkRules(order).appendTo(b);
        return Call.order(b.build(), Call.as(Order.class));
    }

    private static <T> T requireOrder(T order) {
        if (order == null) {
            throw new IllegalArgumentException("order is required");
        }
        return order;
    }

    /**
     * A good-till-cancelled limit order.
     *
     * @param symbol the symbol
     * @param side buy or sell
     * @param quantity the base quantity
     * @param price the limit price
     * @return the order
     */
    public Order placeLimitOrder(String symbol, OrderSide side, BigDecimal quantity, BigDecimal price) {
        return placeOrder(NewOrder.limit(symbol, side, quantity, price).build());
    }

    /**
     * A market order for a base quantity.
     *
     * @param symbol the symbol
     * @param side buy or sell
     * @param quantity the base quantity
     * @return the order (FULL by default for market orders: with fills)
     */
    public Order placeMarketOrder(String symbol, OrderSide side, BigDecimal quantity) {
        return placeOrder(NewOrder.market(symbol, side, quantity).build());
    }

    /**
     * A market order for an amount of the quote asset: spend (buy) or receive (sell) {@code quoteOrderQty}.
     *
     * @param symbol the symbol
     * @param side buy or sell
     * @param quoteOrderQty the quote amount
     * @return the order
     */
    public Order placeMarketQuoteOrder(String symbol, OrderSide side, BigDecimal quoteOrderQty) {
        return placeOrder(NewOrder.marketQuote(symbol, side, quoteOrderQty).build());
    }

    /**
     * A stop-loss limit order (GTC): when the price reaches {@code stopPrice}, a limit order at
     * {@code limitPrice} is placed.
     *
     * @param symbol the symbol
     * @param side buy or sell
     * @param quantity the base quantity
     * @param stopPrice the trigger price
     * @param limitPrice the limit price once triggered
     * @return the order
     */
    public Order placeStopOrder(String symbol, OrderSide side, BigDecimal quantity, BigDecimal stopPrice,
            BigDecimal limitPrice) {
        return placeOrder(NewOrder.builder(symbol, side, OrderType.STOP_LOSS_LIMIT).quantity(quantity)
                .stopPrice(stopPrice).price(limitPrice).timeInForce(TimeInForce.GTC).build());
    }

    /**
     * A take-profit limit order (GTC): when the price reaches {@code stopPrice}, a limit order at
     * {@code limitPrice} is placed.
     *
     * @param symbol the symbol
     * @param side buy or sell
     * @param quantity the base quantity
     * @param stopPrice the trigger price
     * @param limitPrice the limit price once triggered
     * @return the order
     */
    public Order placeTakeProfitOrder(String symbol, OrderSide side, BigDecimal quantity, BigDecimal stopPrice,
            BigDecimal limitPrice) {
        return placeOrder(NewOrder.builder(symbol, side, OrderType.TAKE_PROFIT_LIMIT).quantity(quantity)
                .stopPrice(stopPrice).price(limitPrice).timeInForce(TimeInForce.GTC).build());
    }

    /**
     * A trailing stop: a STOP_LOSS market order that triggers once the price moves
     * {@code trailingDelta} basis points against you from its best level.
     *
     * @param symbol the symbol
     * @param side buy or sell
     * @param quantity the base quantity
     * @param trailingDelta the trailing distance in basis points (100 = 1%)
     * @return the order
     */
    public Order placeTrailingStopOrder(String symbol, OrderSide side, BigDecimal quantity, long trailingDelta) {
        return placeOrder(NewOrder.builder(symbol, side, OrderType.STOP_LOSS).quantity(quantity)
                .trailingDelta(trailingDelta).build());
    }

    /**
     * A trailing take-profit: a TAKE_PROFIT market order that triggers once the price retraces
     * {@code trailingDelta} basis points from its best level.
     *
     * @param symbol the symbol
     * @param side buy or sell
     * @param quantity the base quantity
     * @param trailingDelta the trailing distance in basis points
     * @return the order
     */
    public Order placeTrailingTakeProfitOrder(String symbol, OrderSide side, BigDecimal quantity, long trailingDelta) {
        return placeOrder(NewOrder.builder(symbol, side, OrderType.TAKE_PROFIT).quantity(quantity)
                .trailingDelta(trailingDelta).build());
    }

    /**
     * A post-only limit order, rejected (-2010) if it would trade immediately.
     *
     * @param symbol the symbol
     * @param side buy or sell
     * @param quantity the base quantity
     * @param price the limit price
     * @return the order
     */
    public Order placeLimitMakerOrder(String symbol, OrderSide side, BigDecimal quantity, BigDecimal price) {
        return placeOrder(NewOrder.limitMaker(symbol, side, quantity, price).build());
    }

    /**
     * Validates an order with Binance without placing it: {@code POST /api/v3/order/test} (weight 1,
     * or 20 with commission rates). Does not count against the order budget.
     *
     * @param order the order
     * @param computeCommissionRates also compute the commission rates the order would pay
     * @return the commission rates, or a record of {@code null}s when not asked for
     */
    public OrderCommission testOrder(NewOrder order, boolean computeCommissionRates) {
        return context.send(testCall(order, computeCommissionRates));
    }

    /**
     * Async form of {@link #testOrder(NewOrder, boolean)}.
     *
     * @param order the order
     * @param computeCommissionRates also compute commission rates
     * @return completes with the rates
     */
    public CompletableFuture<OrderCommission> testOrderAsync(NewOrder order, boolean computeCommissionRates) {
        return context.sendAsync(testCall(order, computeCommissionRates));
    }

    private Call<OrderCommission> testCall(NewOrder order, boolean computeCommissionRates) {
        RestRequest.Builder b = signed("POST", "/api/v3/order/test", computeCommissionRates ? 20 : 1);
        checkRules(order).appendTo(b);
        if (computeCommissionRates) {
            b.param("computeCommissionRates", true);
        }
        return Call.query(b.build(), Call.as(OrderCommission.class));
    }

    // ------------------------------------------------------------------ query, cancel, replace

    /**
     * {@code GET /api/v3/order} (weight 4) by Binance's order id.
     *
     * @param symbol the symbol
     * @param orderId the order id
     * @return the order
     */
    public Order queryOrder(String symbol, long orderId) {
        return context.send(queryCall(symbol, orderId, null));
    }

    /**
     * {@code GET /api/v3/order} (weight 4) by your client order id.
     *
     * @param symbol the symbol
     * @param origClientOrderId the client order id the order was placed with
     * @return the order
     */
    public Order queryOrder(String symbol, String origClientOrderId) {
        return context.send(queryCall(symbol, null, Params.nonBlank("origClientOrderId", origClientOrderId)));
    }

    /**
     * Async form of the order queries; give one of the two ids.
     *
     * @param symbol the symbol
     * @param orderId the order id, or {@code null}
     * @param origClientOrderId the client order id, or {@code null}
     * @return completes with the order
     */
    public CompletableFuture<Order> queryOrderAsync(String symbol, Long orderId, String origClientOrderId) {
        return context.sendAsync(queryCall(symbol, orderId, origClientOrderId));
    }

    private static Call<Order> queryCall(String symbol, Long orderId, String origClientOrderId) {
        Params.atLeastOne("orderId", orderId, "origClientOrderId", origClientOrderId);
        return Call.query(signed("GET", "/api/v3/order", 4).param("symbol", Params.symbol(symbol))
                .param("orderId", orderId).param("origClientOrderId", origClientOrderId).build(), Call.as(Order.class));
    }

    /**
     * Cancels an order by id: {@code DELETE /api/v3/order} (weight 1).
     *
     * @param symbol the symbol
     * @param orderId the order id
     * @return the canceled order
     * @throws BinanceApiException -2011 if Binance refused the cancel (unknown or finished order)
     */
    public Order cancelOrder(String symbol, long orderId) {
        return cancelOrder(symbol, orderId, null, null, null);
    }

    /**
     * Cancels an order by client order id.
     *
     * @param symbol the symbol
     * @param origClientOrderId the client order id
     * @return the canceled order
     */
    public Order cancelOrder(String symbol, String origClientOrderId) {
        return cancelOrder(symbol, null, Params.nonBlank("origClientOrderId", origClientOrderId), null, null);
    }

    /**
     * Cancels an order with every option.
     *
     * @param symbol the symbol
     * @param orderId the order id, or {@code null} (one of the ids is required)
     * @param origClientOrderId the client order id, or {@code null}
     * @param newClientOrderId your id for the cancel, or {@code null}
     * @param cancelRestrictions cancel only if NEW / only if PARTIALLY_FILLED, or {@code null}
     * @return the canceled order
     */
    public Order cancelOrder(String symbol, Long orderId, String origClientOrderId, String newClientOrderId,
            CancelRestrictions cancelRestrictions) {
        return context.send(cancelCall(symbol, orderId, origClientOrderId, newClientOrderId, cancelRestrictions));
    }

    /**
     * Async form of {@link #cancelOrder(String, Long, String, String, CancelRestrictions)}.
     *
     * @param symbol the symbol
     * @param orderId the order id, or {@code null}
     * @param origClientOrderId the client order id, or {@code null}
     * @param newClientOrderId your id for the cancel, or {@code null}
     * @param cancelRestrictions the restrictions, or {@code null}
     * @return completes with the canceled order
     */
    public CompletableFuture<Order> cancelOrderAsync(String symbol, Long orderId, String origClientOrderId,
            String newClientOrderId, CancelRestrictions cancelRestrictions) {
        return context.sendAsync(cancelCall(symbol, orderId, origClientOrderId, newClientOrderId, cancelRestrictions));
    }

    private static Call<Order> cancelCall(String symbol, Long orderId, String origClientOrderId, String newClientOrderId,
            CancelRestrictions cancelRestrictions) {
        Params.atLeastOne("orderId", orderId, "origClientOrderId", origClientOrderId);
        return Call.query(signed("DELETE", "/api/v3/order", 1).param("symbol", Params.symbol(symbol))
                .param("orderId", orderId).param("origClientOrderId", origClientOrderId)
                .param("newClientOrderId", newClientOrderId).param("cancelRestrictions", cancelRestrictions).build(),
                Call.as(Order.class));
    }

    /**
     * Cancels an order and places a new one: {@code POST /api/v3/order/cancelReplace} (weight 1, one
     * order against the budget, never retried).
     *
     * @param request what to cancel and what to place
     * @return both outcomes, when both succeeded
     * @throws CancelReplaceException when the cancel or the new order failed (-2021 partly, -2022
     *     wholly); its {@link CancelReplaceException#result()} says which half went through
     */
    public CancelReplaceResult cancelReplace(CancelReplace request) {
        return context.send(cancelReplaceCall(request));
    }

    /**
     * Async form of {@link #cancelReplace(CancelReplace)}.
     *
     * @param request what to cancel and what to place
     * @return completes with both outcomes, or exceptionally with {@link CancelReplaceException}
     */
    public CompletableFuture<CancelReplaceResult> cancelReplaceAsync(CancelReplace request) {
        return context.sendAsync(cancelReplaceCall(request));
    }

    private Call<CancelReplaceResult> cancelReplaceCall(CancelReplace request) {
        RestRequest.Builder b = signed("POST", "/api/v3/order/cancelReplace", 1);
        checkRules(requireOrder(request).newOrder());
        request.appendTo(b);
        return Call.order(b.build(), CancelReplaceException::result);
    }

    /**
     * Cancels every open order and order list on a symbol: {@code DELETE /api/v3/openOrders} (weight 1).
     *
     * @param symbol the symbol
     * @return what was canceled
     */
    public CanceledOpenOrders cancelAllOpenOrders(String symbol) {
        return context.send(cancelAllCall(symbol));
    }

    /**
     * Async form of {@link #cancelAllOpenOrders(String)}.
     *
     * @param symbol the symbol
     * @return completes with what was canceled
     */
    public CompletableFuture<CanceledOpenOrders> cancelAllOpenOrdersAsync(String symbol) {
        return context.sendAsync(cancelAllCall(symbol));
    }

    private static Call<CanceledOpenOrders> cancelAllCall(String symbol) {
        return Call.query(signed("DELETE", "/api/v3/openOrders", 1).param("symbol", Params.symbol(symbol)).build(),
                Trading::canceledOpenOrders);
    }

    private static CanceledOpenOrders canceledOpenOrders(JsonNode array) {
        List<Order> orders = new ArrayList<>();
        List<OrderList> lists = new ArrayList<>();
        for (JsonNode n : array) {
            if (n.has("contingencyType")) {
                lists.add(Json.read(n, OrderList.class));
            } else {
                orders.add(Json.read(n, Order.class));
            }
        }
        return new CanceledOpenOrders(orders, lists);
    }

    /**
     * Open orders: {@code GET /api/v3/openOrders} (weight 6 for one symbol, 80 for all).
     *
     * @param symbol the symbol, or {@code null} for every symbol
     * @return the open orders
     */
    public List<Order> openOrders(String symbol) {
        return context.send(openOrdersCall(symbol));
    }

    /**
     * Async form of {@link #openOrders(String)}.
     *
     * @param symbol the symbol, or {@code null} for all
     * @return completes with the open orders
     */
    public CompletableFuture<List<Order>> openOrdersAsync(String symbol) {
        return context.sendAsync(openOrdersCall(symbol));
    }

    private static Call<List<Order>> openOrdersCall(String symbol) {
        if (symbol != null) {
            Params.symbol(symbol);
        }
        return Call.query(signed("GET", "/api/v3/openOrders", symbol == null ? 80 : 6).param("symbol", symbol).build(),
                Call.listOf(Order.class));
    }

    /**
     * The symbol's latest orders (up to 500).
     *
     * @param symbol the symbol
     * @return the orders, oldest first
     */
    public List<Order> allOrders(String symbol) {
        return allOrders(symbol, null, null, null, null);
    }

    /**
     * All orders of a symbol, active, canceled or filled: {@code GET /api/v3/allOrders} (weight 20).
     *
     * @param symbol the symbol
     * @param fromOrderId orders from this id on, or {@code null} for the latest
     * @param startTime from this time, or {@code null}
     * @param endTime until this time, or {@code null} (at most 24 hours after startTime)
     * @param limit how many (1 to 1000, default 500), or {@code null}
     * @return the orders, oldest first
     */
    public List<Order> allOrders(String symbol, Long fromOrderId, Instant startTime, Instant endTime, Integer limit) {
        return context.send(allOrdersCall(symbol, fromOrderId, startTime, endTime, limit));
    }

    /**
     * Async form of {@link #allOrders(String, Long, Instant, Instant, Integer)}.
     *
     * @param symbol the symbol
     * @param fromOrderId from this id, or {@code null}
     * @param startTime from this time, or {@code null}
     * @param endTime until this time, or {@code null}
     * @param limit how many, or {@code null}
     * @return completes with the orders
     */
    public CompletableFuture<List<Order>> allOrdersAsync(String symbol, Long fromOrderId, Instant startTime,
            Instant endTime, Integer limit) {
        return context.sendAsync(allOrdersCall(symbol, fromOrderId, startTime, endTime, limit));
    }

    private static Call<List<Order>> allOrdersCall(String symbol, Long fromOrderId, Instant startTime, Instant endTime,
            Integer limit) {
        window(startTime, endTime);
        return Call.query(signed("GET", "/api/v3/allOrders", 20).param("symbol", Params.symbol(symbol))
                .param("orderId", fromOrderId).param("startTime", Params.millis(startTime))
                .param("endTime", Params.millis(endTime)).param("limit", Params.limit(limit, 1000)).build(),
                Call.listOf(Order.class));
    }

    /** Binance pages by id or by time, not both: {@code fromId} excludes {@code startTime}/{@code endTime}. */
    private static void fromIdOrWindow(Long fromId, Instant startTime, Instant endTime) {
        if (fromId != null && (startTime != null || endTime != null)) {
            throw new IllegalArgumentException("fromId cannot be combined with startTime or endTime");
        }
        window(startTime, endTime);
    }

    private static void window(Instant startTime, Instant endTime) {
        Params.range(startTime, endTime);
        if (startTime != null && endTime != null && Duration.between(startTime, endTime).compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("startTime to endTime must be at most 24 hours, was "
                    + Duration.between(startTime, endTime));
        }
    }

    // ------------------------------------------------------------------ order lists

    /**
     * Places an order list (OCO, OTO, OTOCO, OPO, OPOCO): {@code POST /api/v3/orderList/...} (weight 1,
     * charged once against the order budget, which Binance's headers then correct; never retried).
     *
     * @param list the order list
     * @return the list with its order reports
     */
    public OrderList placeOrderList(NewOrderList list) {
        return context.send(orderListCall(list));
    }

    /**
     * Async form of {@link #placeOrderList(NewOrderList)}.
     *
     * @param list the order list
     * @return completes with the list
     */
    public CompletableFuture<OrderList> placeOrderListAsync(NewOrderList list) {
        return context.sendAsync(orderListCall(list));
    }

    private static Call<OrderList> orderListCall(NewOrderList list) {
        RestRequest.Builder b = signed("POST", requireOrder(list).path(), 1);
        list.appendTo(b);
        return Call.order(b.build(), Call.as(OrderList.class));
    }

    /**
     * Cancels a whole order list by id: {@code DELETE /api/v3/orderList} (weight 1).
     *
     * @param symbol the symbol
     * @param orderListId the list id
     * @return the canceled list
     */
    public OrderList cancelOrderList(String symbol, long orderListId) {
        return context.send(cancelListCall(symbol, orderListId, null, null));
    }

    /**
     * Cancels a whole order list by its client id.
     *
     * @param symbol the symbol
     * @param listClientOrderId the list's client id
     * @return the canceled list
     */
    public OrderList cancelOrderList(String symbol, String listClientOrderId) {
        return context.send(cancelListCall(symbol, null, Params.nonBlank("listClientOrderId", listClientOrderId), null));
    }

    /**
     * Async form of the order-list cancels; give one of the ids.
     *
     * @param symbol the symbol
     * @param orderListId the list id, or {@code null}
     * @param listClientOrderId the list's client id, or {@code null}
     * @param newClientOrderId your id for the cancel, or {@code null}
     * @return completes with the canceled list
     */
    public CompletableFuture<OrderList> cancelOrderListAsync(String symbol, Long orderListId, String listClientOrderId,
            String newClientOrderId) {
        return context.sendAsync(cancelListCall(symbol, orderListId, listClientOrderId, newClientOrderId));
    }

    private static Call<OrderList> cancelListCall(String symbol, Long orderListId, String listClientOrderId,
            String newClientOrderId) {
        Params.atLeastOne("orderListId", orderListId, "listClientOrderId", listClientOrderId);
        return Call.query(signed("DELETE", "/api/v3/orderList", 1).param("symbol", Params.symbol(symbol))
                .param("orderListId", orderListId).param("listClientOrderId", listClientOrderId)
                .param("newClientOrderId", newClientOrderId).build(), Call.as(OrderList.class));
    }

    /**
     * An order list by id: {@code GET /api/v3/orderList} (weight 4).
     *
     * @param orderListId the list id
     * @return the list (with its orders by id)
     */
    public OrderList queryOrderList(long orderListId) {
        return context.send(queryListCall(orderListId, null));
    }

    /**
     * An order list by its client id.
     *
     * @param listClientOrderId the list's client id
     * @return the list
     */
    public OrderList queryOrderList(String listClientOrderId) {
        return context.send(queryListCall(null, Params.nonBlank("listClientOrderId", listClientOrderId)));
    }

    /**
     * Async form of the order-list queries; give one of the ids.
     *
     * @param orderListId the list id, or {@code null}
     * @param listClientOrderId the list's client id, or {@code null}
     * @return completes with the list
     */
    public CompletableFuture<OrderList> queryOrderListAsync(Long orderListId, String listClientOrderId) {
        return context.sendAsync(queryListCall(orderListId, listClientOrderId));
    }

    private static Call<OrderList> queryListCall(Long orderListId, String listClientOrderId) {
        Params.exactlyOne("orderListId", orderListId, "listClientOrderId", listClientOrderId);
        return Call.query(signed("GET", "/api/v3/orderList", 4).param("orderListId", orderListId)
                .param("origClientOrderId", listClientOrderId).build(), Call.as(OrderList.class));
    }

    /**
     * Order lists over time: {@code GET /api/v3/allOrderList} (weight 20).
     *
     * @param fromId lists from this id on, or {@code null} (not with times)
     * @param startTime from this time, or {@code null}
     * @param endTime until this time, or {@code null} (at most 24 hours after startTime)
     * @param limit how many (1 to 1000, default 500), or {@code null}
     * @return the lists
     */
    public List<OrderList> allOrderLists(Long fromId, Instant startTime, Instant endTime, Integer limit) {
        return context.send(allListsCall(fromId, startTime, endTime, limit));
    }

    /**
     * Async form of {@link #allOrderLists(Long, Instant, Instant, Integer)}.
     *
     * @param fromId from this id, or {@code null}
     * @param startTime from this time, or {@code null}
     * @param endTime until this time, or {@code null}
     * @param limit how many, or {@code null}
     * @return completes with the lists
     */
    public CompletableFuture<List<OrderList>> allOrderListsAsync(Long fromId, Instant startTime, Instant endTime,
            Integer limit) {
        return context.sendAsync(allListsCall(fromId, startTime, endTime, limit));
    }

    private static Call<List<OrderList>> allListsCall(Long fromId, Instant startTime, Instant endTime, Integer limit) {
        fromIdOrWindow(fromId, startTime, endTime);
        return Call.query(signed("GET", "/api/v3/allOrderList", 20).param("fromId", fromId)
                .param("startTime", Params.millis(startTime)).param("endTime", Params.millis(endTime))
                .param("limit", Params.limit(limit, 1000)).build(), Call.listOf(OrderList.class));
    }

    /**
     * Open order lists: {@code GET /api/v3/openOrderList} (weight 6).
     *
     * @return the open lists
     */
    public List<OrderList> openOrderLists() {
        return context.send(openListsCall());
    }

    /**
     * Async form of {@link #openOrderLists()}.
     *
     * @return completes with the open lists
     */
    public CompletableFuture<List<OrderList>> openOrderListsAsync() {
        return context.sendAsync(openListsCall());
    }

    private static Call<List<OrderList>> openListsCall() {
        return Call.query(signed("GET", "/api/v3/openOrderList", 6).build(), Call.listOf(OrderList.class));
    }

    // ------------------------------------------------------------------ account

    /**
     * Account information with every balance: {@code GET /api/v3/account} (weight 20).
     *
     * @return the account
     */
    public Account account() {
        return account(false);
    }

    /**
     * Account information.
     *
     * @param omitZeroBalances leave out assets whose balance is zero
     * @return the account
     */
    public Account account(boolean omitZeroBalances) {
        return context.send(accountCall(omitZeroBalances));
    }

    /**
     * Async form of {@link #account(boolean)}.
     *
     * @param omitZeroBalances leave out zero balances
     * @return completes with the account
     */
    public CompletableFuture<Account> accountAsync(boolean omitZeroBalances) {
        return context.sendAsync(accountCall(omitZeroBalances));
    }

    private static Call<Account> accountCall(boolean omitZeroBalances) {
        return Call.query(signed("GET", "/api/v3/account", 20).param("omitZeroBalances", omitZeroBalances ? true : null)
                .build(), Call.as(Account.class));
    }

    /**
     * The symbol's latest trades of this account (up to 500).
     *
     * @param symbol the symbol
     * @return the trades
     */
    public List<AccountTrade> myTrades(String symbol) {
        return myTrades(symbol, null, null, null, null, null);
    }

    /**
     * The account's trades: {@code GET /api/v3/myTrades} (weight 20, 5 with an order id).
     *
     * @param symbol the symbol
     * @param orderId only this order's trades, or {@code null}
     * @param startTime from this time, or {@code null}
     * @param endTime until this time, or {@code null} (at most 24 hours after startTime)
     * @param fromId trades from this trade id on, or {@code null} (not with times)
     * @param limit how many (1 to 1000, default 500), or {@code null}
     * @return the trades
     */
    public List<AccountTrade> myTrades(String symbol, Long orderId, Instant startTime, Instant endTime, Long fromId,
            Integer limit) {
        return context.send(myTradesCall(symbol, orderId, startTime, endTime, fromId, limit));
    }

    /**
     * Async form of {@link #myTrades(String, Long, Instant, Instant, Long, Integer)}.
     *
     * @param symbol the symbol
     * @param orderId the order, or {@code null}
     * @param startTime from, or {@code null}
     * @param endTime until, or {@code null}
     * @param fromId from trade id, or {@code null}
     * @param limit how many, or {@code null}
     * @return completes with the trades
     */
    public CompletableFuture<List<AccountTrade>> myTradesAsync(String symbol, Long orderId, Instant startTime,
            Instant endTime, Long fromId, Integer limit) {
        return context.sendAsync(myTradesCall(symbol, orderId, startTime, endTime, fromId, limit));
    }

    private static Call<List<AccountTrade>> myTradesCall(String symbol, Long orderId, Instant startTime, Instant endTime,
            Long fromId, Integer limit) {
        fromIdOrWindow(fromId, startTime, endTime);
        return Call.query(signed("GET", "/api/v3/myTrades", orderId != null ? 5 : 20)
                .param("symbol", Params.symbol(symbol)).param("orderId", orderId)
                .param("startTime", Params.millis(startTime)).param("endTime", Params.millis(endTime))
                .param("fromId", fromId).param("limit", Params.limit(limit, 1000)).build(),
                Call.listOf(AccountTrade.class));
    }

    /**
     * The account's unfilled order count per window: {@code GET /api/v3/rateLimit/order} (weight 40).
     *
     * @return the usage per window
     */
    public List<OrderCountUsage> unfilledOrderCount() {
        return context.send(orderCountCall());
    }

    /**
     * Async form of {@link #unfilledOrderCount()}.
     *
     * @return completes with the usage
     */
    public CompletableFuture<List<OrderCountUsage>> unfilledOrderCountAsync() {
        return context.sendAsync(orderCountCall());
    }

    private static Call<List<OrderCountUsage>> orderCountCall() {
        return Call.query(signed("GET", "/api/v3/rateLimit/order", 40).build(), Call.listOf(OrderCountUsage.class));
    }

    /**
     * The account's commission rates on a symbol: {@code GET /api/v3/account/commission} (weight 20).
     *
     * @param symbol the symbol
     * @return the rates
     */
    public AccountCommission commissionRates(String symbol) {
        return context.send(commissionCall(symbol));
    }

    /**
     * Async form of {@link #commissionRates(String)}.
     *
     * @param symbol the symbol
     * @return completes with the rates
     */
    public CompletableFuture<AccountCommission> commissionRatesAsync(String symbol) {
        return context.sendAsync(commissionCall(symbol));
    }

    private static Call<AccountCommission> commissionCall(String symbol) {
        return Call.query(signed("GET", "/api/v3/account/commission", 20).param("symbol", Params.symbol(symbol)).build(),
                Call.as(AccountCommission.class));
    }

    /**
     * Matches self-trade prevention stopped: {@code GET /api/v3/myPreventedMatches} (weight 2 by match
     * id, 20 by order id). Give exactly one of {@code preventedMatchId} and {@code orderId};
     * {@code fromPreventedMatchId} and {@code limit} go with {@code orderId}.
     *
     * @param symbol the symbol
     * @param preventedMatchId one prevented match, or {@code null}
     * @param orderId the order's prevented matches, or {@code null}
     * @param fromPreventedMatchId from this match id on, or {@code null}
     * @param limit how many (1 to 1000, default 500), or {@code null}
     * @return the prevented matches
     */
    public List<PreventedMatch> preventedMatches(String symbol, Long preventedMatchId, Long orderId,
            Long fromPreventedMatchId, Integer limit) {
        return context.send(preventedCall(symbol, preventedMatchId, orderId, fromPreventedMatchId, limit));
    }

    /**
     * Async form of {@link #preventedMatches(String, Long, Long, Long, Integer)}.
     *
     * @param symbol the symbol
     * @param preventedMatchId one match, or {@code null}
     * @param orderId the order, or {@code null}
     * @param fromPreventedMatchId from this match id, or {@code null}
     * @param limit how many, or {@code null}
     * @return completes with the matches
     */
    public CompletableFuture<List<PreventedMatch>> preventedMatchesAsync(String symbol, Long preventedMatchId,
            Long orderId, Long fromPreventedMatchId, Integer limit) {
        return context.sendAsync(preventedCall(symbol, preventedMatchId, orderId, fromPreventedMatchId, limit));
    }

    private static Call<List<PreventedMatch>> preventedCall(String symbol, Long preventedMatchId, Long orderId,
            Long fromPreventedMatchId, Integer limit) {
        Params.exactlyOne("preventedMatchId", preventedMatchId, "orderId", orderId);
        if (orderId == null && (fromPreventedMatchId != null || limit != null)) {
            throw new IllegalArgumentException("fromPreventedMatchId and limit go with orderId, not preventedMatchId");
        }
        return Call.query(signed("GET", "/api/v3/myPreventedMatches", orderId != null ? 20 : 2)
                .param("symbol", Params.symbol(symbol)).param("preventedMatchId", preventedMatchId)
                .param("orderId", orderId).param("fromPreventedMatchId", fromPreventedMatchId)
                .param("limit", Params.limit(limit, 1000)).build(), Call.listOf(PreventedMatch.class));
    }

    /**
     * Smart-order-routing allocations: {@code GET /api/v3/myAllocations} (weight 20).
     *
     * @param symbol the symbol
     * @param startTime from this time, or {@code null}
     * @param endTime until this time, or {@code null}
     * @param fromAllocationId from this allocation id on, or {@code null}
     * @param limit how many (1 to 1000, default 500), or {@code null}
     * @param orderId only this order's allocations, or {@code null}
     * @return the allocations
     */
    public List<Allocation> allocations(String symbol, Instant startTime, Instant endTime, Long fromAllocationId,
            Integer limit, Long orderId) {
        return context.send(allocationsCall(symbol, startTime, endTime, fromAllocationId, limit, orderId));
    }

    /**
     * Async form of {@link #allocations(String, Instant, Instant, Long, Integer, Long)}.
     *
     * @param symbol the symbol
     * @param startTime from, or {@code null}
     * @param endTime until, or {@code null}
     * @param fromAllocationId from allocation id, or {@code null}
     * @param limit how many, or {@code null}
     * @param orderId the order, or {@code null}
     * @return completes with the allocations
     */
    public CompletableFuture<List<Allocation>> allocationsAsync(String symbol, Instant startTime, Instant endTime,
            Long fromAllocationId, Integer limit, Long orderId) {
        return context.sendAsync(allocationsCall(symbol, startTime, endTime, fromAllocationId, limit, orderId));
    }

    private static Call<List<Allocation>> allocationsCall(String symbol, Instant startTime, Instant endTime,
            Long fromAllocationId, Integer limit, Long orderId) {
        window(startTime, endTime);
        return Call.query(signed("GET", "/api/v3/myAllocations", 20).param("symbol", Params.symbol(symbol))
                .param("startTime", Params.millis(startTime)).param("endTime", Params.millis(endTime))
                .param("fromAllocationId", fromAllocationId).param("limit", Params.limit(limit, 1000))
                .param("orderId", orderId).build(), Call.listOf(Allocation.class));
    }
}
