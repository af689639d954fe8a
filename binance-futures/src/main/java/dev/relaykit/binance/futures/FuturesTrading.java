package dev.relaykit.binance.futures;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.binance.futures.model.AlgoOrder;
import dev.relaykit.binance.futures.model.BatchOrderResult;
import dev.relaykit.binance.futures.model.BinanceResult;
import dev.relaykit.binance.futures.model.CountdownCancel;
import dev.relaykit.binance.futures.model.FuturesOrder;
import dev.relaykit.binance.futures.model.OrderAmendment;
import dev.relaykit.binance.futures.model.PlacedOrder;
import dev.relaykit.binance.internal.Call;
import dev.relaykit.binance.internal.Params;
import dev.relaykit.binance.model.OrderSide;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.rest.RestRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Futures orders: {@code usdm.trading()} or {@code coinm.trading()}. Signed; orders are charged to the order-count
 * budget and never retried.
 *
 * <p><b>Conditional orders.</b> Since 2025-12-09 USD-M's {@code /fapi/v1/order} and {@code /batchOrders} refuse
 * STOP, STOP_MARKET, TAKE_PROFIT, TAKE_PROFIT_MARKET and TRAILING_STOP_MARKET with -4120: on USD-M
 * {@link #newOrder(NewFuturesOrder)} sends those types to the algo-order service ({@code POST /fapi/v1/algoOrder},
 * {@code algoType=CONDITIONAL}) and answers {@link PlacedOrder.Conditional}; manage them with
 * {@link UsdmFutures#algo()}. COIN-M documents no algo-order service yet: its conditional orders go to
 * {@code /dapi/v1/order} as its "New Order" page documents (that page announces that after a future "CM migration"
 * they will be refused there with -4120 too; such a refusal arrives as a {@code BinanceApiException} with code
 * -4120).
 *
 * <pre>{@code
 * FuturesTrading trading = usdm.trading();
 * PlacedOrder limit = trading.newOrder(NewFuturesOrder.limit("BTCUSDT", OrderSide.BUY, new BigDecimal("0.01"),
 *         new BigDecimal("60000")));
 * PlacedOrder stop = trading.newOrder(NewFuturesOrder.stopMarket("BTCUSDT", OrderSide.SELL, new BigDecimal("0.01"),
 *         new BigDecimal("58000")));                       // USD-M: placed in the algo-order service
 * FuturesOrder open = trading.queryOrder("BTCUSDT", ((PlacedOrder.Regular) limit).order().orderId());
 * trading.cancelAllOrders("BTCUSDT");
 * }</pre>
 *
 * <p>Every order is checked before sending ({@link NewFuturesOrder}'s rules, the symbol, the callback-rate range,
 * and the contract's filters when the client was built with {@code contractRules}); a failed check throws
 * {@link IllegalArgumentException} and nothing is sent.
 */
public final class FuturesTrading {
    private final Endpoints e;

    FuturesTrading(Endpoints endpoints) {
        this.e = endpoints;
    }

    // ------------------------------------------------------------------ new orders

    /**
     * Places an order: conditional types on USD-M in the algo-order service, everything else with
     * {@code POST /fapi/v1/order} ({@code /dapi/v1/order}).
     *
     * @param order the order
     * @return the order placed, or (USD-M conditional types) the algo order
     * @throws IllegalArgumentException if a local check fails (nothing is sent)
     * @throws dev.relaykit.binance.BinanceApiException if Binance refuses it
     */
    public PlacedOrder newOrder(NewFuturesOrder order) {
        return e.send(newOrderCall(order));
    }

    /**
     * @param order the order
     * @return see {@link #newOrder(NewFuturesOrder)}
     */
    public CompletableFuture<PlacedOrder> newOrderAsync(NewFuturesOrder order) {
        return e.sendAsync(() -> newOrderCall(order));
    }

    Call<PlacedOrder> newOrderCall(NewFuturesOrder order) {
        e.rules.check(order);
        if (e.usdm() && order.type().conditional()) {
            Function<JsonNode, AlgoOrder> algo = Call.as(AlgoOrder.class);
            return Call.order(algoRequest(order), node -> new PlacedOrder.Conditional(algo.apply(node)));
        }
        Function<JsonNode, FuturesOrder> plain = Call.as(FuturesOrder.class);
        return Call.order(OrderParams.apply(RestRequest.post(e.path("/v1/order")), OrderParams.regular(order))
                .signed().idempotent(false).weight(0).build(), node -> new PlacedOrder.Regular(plain.apply(node)));
    }

    /** {@code POST /fapi/v1/algoOrder} for a conditional order (USD-M). */
    RestRequest algoRequest(NewFuturesOrder order) {
        return OrderParams.apply(RestRequest.post(e.path("/v1/algoOrder")), OrderParams.algo(order))
                .signed().idempotent(false).weight(0).build();
    }

    /**
     * Checks an order with Binance without placing it ({@code POST /fapi/v1/order/test}, USD-M only): the answer
     * has the documented shape of a new order.
     *
     * @param order the order
     * @return Binance's answer
     * @throws UnsupportedOperationException on COIN-M, whose docs document no test order endpoint
     */
    public FuturesOrder testOrder(NewFuturesOrder order) {
        return e.send(testOrderCall(order));
    }

    /**
     * @param order the order
     * @return see {@link #testOrder(NewFuturesOrder)}
     */
    public CompletableFuture<FuturesOrder> testOrderAsync(NewFuturesOrder order) {
        return e.sendAsync(() -> testOrderCall(order));
    }

    private Call<FuturesOrder> testOrderCall(NewFuturesOrder order) {
        if (!e.usdm()) {
            throw new UnsupportedOperationException("test orders (POST /fapi/v1/order/test) are USD-M only: Binance's "
                    + "COIN-M docs document no such endpoint (USD-M page: https://developers.binance.com/docs/derivatives/"
                    + "usds-margined-futures/trade/rest-api/Test-Order)");
        }
        e.rules.check(order);
        // a test order takes the matching engine's parameter names (stopPrice, activationPrice) as documented
        return Call.query(OrderParams.apply(RestRequest.post(e.path("/v1/order/test")), OrderParams.regular(order))
                .signed().idempotent(false).weight(0).build(), Call.as(FuturesOrder.class));
    }

    /**
     * Places up to 5 orders in one request ({@code POST /fapi/v1/batchOrders}, weight 5). Each entry succeeds or
     * fails on its own.
     *
     * @param orders 1 to 5 orders; on USD-M no conditional type (Binance refuses them in batches with -4120: place
     *     them one by one with {@link #newOrder(NewFuturesOrder)})
     * @return one result per order, in order
     * @throws IllegalArgumentException if a check fails (nothing is sent)
     */
    public List<BatchOrderResult> newOrders(List<NewFuturesOrder> orders) {
        return e.send(batchCall(orders));
    }

    /**
     * @param orders 1 to 5 orders
     * @return see {@link #newOrders(List)}
     */
    public CompletableFuture<List<BatchOrderResult>> newOrdersAsync(List<NewFuturesOrder> orders) {
        return e.sendAsync(() -> batchCall(orders));
    }

    private Call<List<BatchOrderResult>> batchCall(List<NewFuturesOrder> orders) {
        if (orders == null || orders.isEmpty() || orders.size() > 5) {
            throw new IllegalArgumentException("a batch holds 1 to 5 orders, was " + (orders == null ? 0 : orders.size()));
        }
        List<Object> entries = new ArrayList<>();
        for (NewFuturesOrder o : orders) {
            e.rules.check(o);
            if (e.usdm() && o.type().conditional()) {
                throw new IllegalArgumentException("a USD-M batch cannot hold a " + o.type() + " order: Binance refuses "
                        + "conditional types in batchOrders with -4120; place it with newOrder(..), which uses the "
                        + "algo-order service");
            }
            entries.add(OrderParams.regular(o));
        }
        return Call.order(RestRequest.post(e.path("/v1/batchOrders")).param("batchOrders", Json.write(entries))
                .signed().idempotent(false).weight(5).build(), FuturesTrading::batchResults);
    }

    static List<BatchOrderResult> batchResults(JsonNode node) {
        Function<JsonNode, FuturesOrder> order = Call.as(FuturesOrder.class);
        List<BatchOrderResult> out = new ArrayList<>();
        for (JsonNode n : node) {
            if (n.has("orderId")) {
                out.add(new BatchOrderResult(order.apply(n), null, null));
            } else {
                out.add(new BatchOrderResult(null, n.path("code").asInt(), n.path("msg").asText(null)));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ modify

    /**
     * Modifies a LIMIT order's price and quantity ({@code PUT /fapi/v1/order}, weight 1); the order keeps its place
     * in the queue only if just the quantity shrinks. Never retried.
     *
     * @param symbol the contract
     * @param orderId the order
     * @param side its side (Binance requires it to match)
     * @param quantity the new quantity
     * @param price the new price
     * @return the order as modified
     */
    public FuturesOrder modifyOrder(String symbol, long orderId, OrderSide side, BigDecimal quantity, BigDecimal price) {
        return e.send(modifyCall(symbol, orderId, side, quantity, price));
    }

    /**
     * @param symbol the contract
     * @param orderId the order
     * @param side its side
     * @param quantity the new quantity
     * @param price the new price
     * @return see {@link #modifyOrder(String, long, OrderSide, BigDecimal, BigDecimal)}
     */
    public CompletableFuture<FuturesOrder> modifyOrderAsync(String symbol, long orderId, OrderSide side,
                                                            BigDecimal quantity, BigDecimal price) {
        return e.sendAsync(() -> modifyCall(symbol, orderId, side, quantity, price));
    }

    private Call<FuturesOrder> modifyCall(String symbol, long orderId, OrderSide side, BigDecimal quantity, BigDecimal price) {
        if (side == null) {
            throw new IllegalArgumentException("side is required");
        }
        return Call.order(RestRequest.put(e.path("/v1/order")).param("symbol", e.rules.symbol(symbol)).param("orderId", orderId)
                .param("side", side).param("quantity", Params.positive("quantity", quantity))
                .param("price", Params.positive("price", price)).signed().idempotent(false).weight(1).build(),
                Call.as(FuturesOrder.class));
    }

    /**
     * Modifies up to 5 LIMIT orders in one request ({@code PUT /fapi/v1/batchOrders}, COIN-M
     * {@code PUT /dapi/v1/batchOrders}; weight 5, and on USD-M 5 on the 10-second order count). Binance processes
     * the entries concurrently and answers in the order sent; each succeeds or fails on its own. Never retried.
     *
     * <p>Pages: <a href="https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Modify-Multiple-Orders">USD-M</a>,
     * <a href="https://developers.binance.com/docs/derivatives/coin-margined-futures/trade/Modify-Multiple-Orders">COIN-M</a>.
     *
     * @param modifications 1 to 5 modifications
     * @return one result per modification, in order: the order as modified, or Binance's error for that entry
     * @throws IllegalArgumentException if an entry fails a check (see {@link OrderModification}); nothing is sent
     */
    public List<BatchOrderResult> modifyOrders(List<OrderModification> modifications) {
        return e.send(modifyBatchCall(modifications));
    }

    /**
     * @param modifications 1 to 5 modifications
     * @return see {@link #modifyOrders(List)}
     */
    public CompletableFuture<List<BatchOrderResult>> modifyOrdersAsync(List<OrderModification> modifications) {
        return e.sendAsync(() -> modifyBatchCall(modifications));
    }

    private Call<List<BatchOrderResult>> modifyBatchCall(List<OrderModification> modifications) {
        if (modifications == null || modifications.isEmpty() || modifications.size() > 5) {
            throw new IllegalArgumentException("a batch modifies 1 to 5 orders, was "
                    + (modifications == null ? 0 : modifications.size()));
        }
        List<Object> entries = new ArrayList<>();
        for (OrderModification m : modifications) {
            if (m == null) {
                throw new IllegalArgumentException("a batch entry is null");
            }
            entries.add(m.params(e.rules, e.usdm()));
        }
        return Call.order(RestRequest.put(e.path("/v1/batchOrders")).param("batchOrders", Json.write(entries))
                .signed().idempotent(false).weight(5).build(), FuturesTrading::batchResults);
    }

    /**
     * The modifications of an order ({@code GET /fapi/v1/orderAmendment}, weight 1; the last 3 months).
     *
     * @param symbol the contract
     * @param orderId the order
     * @return its modifications, newest first
     */
    public List<OrderAmendment> orderModifyHistory(String symbol, long orderId) {
        return e.send(orderQuery(e.get("/v1/orderAmendment"), symbol, orderId, 1, Call.listOf(OrderAmendment.class)));
    }

    // ------------------------------------------------------------------ cancel

    /**
     * {@code DELETE /fapi/v1/order} (weight 1).
     *
     * @param symbol the contract
     * @param orderId the order
     * @return the order as cancelled
     */
    public FuturesOrder cancelOrder(String symbol, long orderId) {
        return e.send(orderQuery(RestRequest.delete(e.path("/v1/order")), symbol, orderId, 1, Call.as(FuturesOrder.class)));
    }

    /**
     * @param symbol the contract
     * @param orderId the order
     * @return see {@link #cancelOrder(String, long)}
     */
    public CompletableFuture<FuturesOrder> cancelOrderAsync(String symbol, long orderId) {
        return e.sendAsync(() -> orderQuery(RestRequest.delete(e.path("/v1/order")), symbol, orderId, 1,
                Call.as(FuturesOrder.class)));
    }

    /**
     * Cancels up to 10 orders ({@code DELETE /fapi/v1/batchOrders}, weight 1).
     *
     * @param symbol the contract
     * @param orderIds 1 to 10 order ids
     * @return one result per order, in order
     */
    public List<BatchOrderResult> cancelOrders(String symbol, List<Long> orderIds) {
        if (orderIds == null || orderIds.isEmpty() || orderIds.size() > 10) {
            throw new IllegalArgumentException("cancel 1 to 10 orders at once, was " + (orderIds == null ? 0 : orderIds.size()));
        }
        return e.send(Call.query(RestRequest.delete(e.path("/v1/batchOrders")).param("symbol", e.rules.symbol(symbol))
                .param("orderIdList", Json.write(orderIds)).signed().weight(1).build(), FuturesTrading::batchResults));
    }

    /**
     * Cancels every open order of a contract ({@code DELETE /fapi/v1/allOpenOrders}, weight 1). On USD-M,
     * conditional orders live in the algo service: cancel them with {@code algo().cancelAllOpenOrders(symbol)}.
     *
     * @param symbol the contract
     * @return Binance's acknowledgement
     */
    public BinanceResult cancelAllOrders(String symbol) {
        return e.send(Call.query(RestRequest.delete(e.path("/v1/allOpenOrders")).param("symbol", e.rules.symbol(symbol))
                .signed().weight(1).build(), Call.as(BinanceResult.class)));
    }

    /**
     * @param symbol the contract
     * @return see {@link #cancelAllOrders(String)}
     */
    public CompletableFuture<BinanceResult> cancelAllOrdersAsync(String symbol) {
        return e.sendAsync(() -> Call.query(RestRequest.delete(e.path("/v1/allOpenOrders")).param("symbol", e.rules.symbol(symbol))
                .signed().weight(1).build(), Call.as(BinanceResult.class)));
    }

    /**
     * Auto-cancel countdown, a dead man's switch ({@code POST /fapi/v1/countdownCancelAll}, weight 10): unless it is
     * sent again within the countdown, Binance cancels every open order of the contract. Call it as a heartbeat.
     *
     * @param symbol the contract
     * @param countdownMillis the countdown in milliseconds; 0 turns it off
     * @return Binance's acknowledgement
     */
    public CountdownCancel autoCancelAll(String symbol, long countdownMillis) {
        if (countdownMillis < 0) {
            throw new IllegalArgumentException("countdownMillis must not be negative, was " + countdownMillis);
        }
        return e.send(Call.query(RestRequest.post(e.path("/v1/countdownCancelAll")).param("symbol", e.rules.symbol(symbol))
                .param("countdownTime", countdownMillis).signed().weight(10).build(), Call.as(CountdownCancel.class)));
    }

    // ------------------------------------------------------------------ query

    /**
     * {@code GET /fapi/v1/order} (weight 1).
     *
     * @param symbol the contract
     * @param orderId the order
     * @return the order
     */
    public FuturesOrder queryOrder(String symbol, long orderId) {
        return e.send(orderQuery(e.get("/v1/order"), symbol, orderId, 1, Call.as(FuturesOrder.class)));
    }

    /**
     * @param symbol the contract
     * @param orderId the order
     * @return see {@link #queryOrder(String, long)}
     */
    public CompletableFuture<FuturesOrder> queryOrderAsync(String symbol, long orderId) {
        return e.sendAsync(() -> orderQuery(e.get("/v1/order"), symbol, orderId, 1, Call.as(FuturesOrder.class)));
    }

    private <T> Call<T> orderQuery(RestRequest.Builder b, String symbol, long orderId, int weight,
                                   Function<JsonNode, T> decoder) {
        return Call.query(b.param("symbol", e.rules.symbol(symbol)).param("orderId", orderId).signed().weight(weight).build(),
                decoder);
    }

    /**
     * Open orders ({@code GET /fapi/v1/openOrders}: weight 1 for one contract, 40 for all).
     *
     * @param symbol the contract, or {@code null} for all
     * @return the open orders
     */
    public List<FuturesOrder> openOrders(String symbol) {
        return e.send(openOrdersCall(symbol));
    }

    /**
     * @param symbol the contract, or {@code null}
     * @return see {@link #openOrders(String)}
     */
    public CompletableFuture<List<FuturesOrder>> openOrdersAsync(String symbol) {
        return e.sendAsync(() -> openOrdersCall(symbol));
    }

    private Call<List<FuturesOrder>> openOrdersCall(String symbol) {
        return Call.query(e.get("/v1/openOrders").param("symbol", symbol == null ? null : e.rules.symbol(symbol)).signed()
                .weight(symbol == null ? 40 : 1).build(), Call.listOf(FuturesOrder.class));
    }

    /**
     * All orders, open or not ({@code GET /fapi/v1/allOrders}, weight 5; Binance keeps at most 90 days, and a window
     * of at most 7 days).
     *
     * @param symbol the contract
     * @param startTime from, or {@code null}
     * @param endTime to, or {@code null}
     * @param limit how many, 1 to 1000, or {@code null} for 500
     * @return the orders
     */
    public List<FuturesOrder> allOrders(String symbol, Instant startTime, Instant endTime, Integer limit) {
        Params.window(startTime, endTime, java.time.Duration.ofDays(7), "7 days");
        return e.send(Call.query(e.get("/v1/allOrders").param("symbol", e.rules.symbol(symbol))
                .param("startTime", Params.millis(startTime)).param("endTime", Params.millis(endTime))
                .param("limit", Params.limit(limit, 1000)).signed().weight(5).build(), Call.listOf(FuturesOrder.class)));
    }
}
