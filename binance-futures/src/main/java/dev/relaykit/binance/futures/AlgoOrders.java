package dev.relaykit.binance.futures;

import dev.relaykit.binance.futures.model.AlgoCancel;
import dev.relaykit.binance.futures.model.AlgoOrder;
import dev.relaykit.binance.futures.model.BinanceResult;
import dev.relaykit.binance.internal.Call;
import dev.relaykit.binance.internal.Params;
import dev.relaykit.core.rest.RestRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * USD-M's algo-order service, where conditional orders (STOP, STOP_MARKET, TAKE_PROFIT, TAKE_PROFIT_MARKET,
 * TRAILING_STOP_MARKET) live since 2025-12-09: {@code usdm.algo()}. Statuses: NEW, TRIGGERING, TRIGGERED, FINISHED,
 * CANCELED, REJECTED, EXPIRED ({@link dev.relaykit.binance.futures.model.AlgoStatus}). Signed; placements are
 * charged to the order-count budget and never retried.
 *
 * <pre>{@code
 * AlgoOrders algo = usdm.algo();
 * AlgoOrder stop = algo.newOrder(NewFuturesOrder.stopMarket("BTCUSDT", OrderSide.SELL, new BigDecimal("0.01"),
 *         new BigDecimal("58000")));
 * List<AlgoOrder> open = algo.openOrders("BTCUSDT");
 * algo.cancel(stop.algoId());
 * }</pre>
 *
 * <p>Endpoints: {@code POST/GET/DELETE /fapi/v1/algoOrder}, {@code GET /fapi/v1/openAlgoOrders},
 * {@code DELETE /fapi/v1/algoOpenOrders}, {@code GET /fapi/v1/allAlgoOrders} (Binance's "New Algo Order",
 * "Query Algo Order", "Cancel Algo Order", "Current All Algo Open Orders", "Cancel All Algo Open Orders",
 * "Query All Algo Orders" pages).
 */
public final class AlgoOrders {
    private final Endpoints e;
    private final FuturesTrading trading;

    AlgoOrders(Endpoints endpoints, FuturesTrading trading) {
        this.e = endpoints;
        this.trading = trading;
    }

    /**
     * Places a conditional order ({@code POST /fapi/v1/algoOrder}, {@code algoType=CONDITIONAL}).
     *
     * @param order a conditional order (STOP, STOP_MARKET, TAKE_PROFIT, TAKE_PROFIT_MARKET, TRAILING_STOP_MARKET)
     * @return the algo order
     * @throws IllegalArgumentException for another type, or if a check fails (nothing is sent)
     */
    public AlgoOrder newOrder(NewFuturesOrder order) {
        return e.send(newOrderCall(order));
    }

    /**
     * @param order a conditional order
     * @return see {@link #newOrder(NewFuturesOrder)}
     */
    public CompletableFuture<AlgoOrder> newOrderAsync(NewFuturesOrder order) {
        return e.sendAsync(() -> newOrderCall(order));
    }

    private Call<AlgoOrder> newOrderCall(NewFuturesOrder order) {
        if (!order.type().conditional()) {
            throw new IllegalArgumentException("the algo-order service takes conditional types only, not " + order.type()
                    + "; place it with trading().newOrder(..)");
        }
        e.rules.check(order);
        return Call.order(trading.algoRequest(order), Call.as(AlgoOrder.class));
    }

    /**
     * {@code GET /fapi/v1/algoOrder} (weight 1).
     *
     * @param algoId the algo order
     * @return it
     */
    public AlgoOrder query(long algoId) {
        return e.send(Call.query(e.get("/v1/algoOrder").param("algoId", algoId).signed().weight(1).build(),
                Call.as(AlgoOrder.class)));
    }

    /**
     * @param algoId the algo order
     * @return see {@link #query(long)}
     */
    public CompletableFuture<AlgoOrder> queryAsync(long algoId) {
        return e.sendAsync(() -> Call.query(e.get("/v1/algoOrder").param("algoId", algoId).signed().weight(1).build(),
                Call.as(AlgoOrder.class)));
    }

    /**
     * {@code GET /fapi/v1/algoOrder} by your id (weight 1).
     *
     * @param clientAlgoId your id
     * @return it
     */
    public AlgoOrder queryByClientId(String clientAlgoId) {
        return e.send(Call.query(e.get("/v1/algoOrder").param("clientAlgoId", Params.nonBlank("clientAlgoId", clientAlgoId))
                .signed().weight(1).build(), Call.as(AlgoOrder.class)));
    }

    /**
     * Cancels a conditional order ({@code DELETE /fapi/v1/algoOrder}, weight 1).
     *
     * @param algoId the algo order
     * @return Binance's acknowledgement
     */
    public AlgoCancel cancel(long algoId) {
        return e.send(Call.query(RestRequest.delete(e.path("/v1/algoOrder")).param("algoId", algoId).signed().weight(1)
                .build(), Call.as(AlgoCancel.class)));
    }

    /**
     * @param algoId the algo order
     * @return see {@link #cancel(long)}
     */
    public CompletableFuture<AlgoCancel> cancelAsync(long algoId) {
        return e.sendAsync(() -> Call.query(RestRequest.delete(e.path("/v1/algoOrder")).param("algoId", algoId).signed()
                .weight(1).build(), Call.as(AlgoCancel.class)));
    }

    /**
     * Cancels a conditional order by your id ({@code DELETE /fapi/v1/algoOrder}, weight 1).
     *
     * @param clientAlgoId your id
     * @return Binance's acknowledgement
     */
    public AlgoCancel cancelByClientId(String clientAlgoId) {
        return e.send(Call.query(RestRequest.delete(e.path("/v1/algoOrder"))
                .param("clientAlgoId", Params.nonBlank("clientAlgoId", clientAlgoId)).signed().weight(1).build(),
                Call.as(AlgoCancel.class)));
    }

    /**
     * Cancels every open conditional order of a contract ({@code DELETE /fapi/v1/algoOpenOrders}, weight 1).
     *
     * @param symbol the contract
     * @return Binance's acknowledgement
     */
    public BinanceResult cancelAllOpenOrders(String symbol) {
        return e.send(Call.query(RestRequest.delete(e.path("/v1/algoOpenOrders")).param("symbol", e.rules.symbol(symbol))
                .signed().weight(1).build(), Call.as(BinanceResult.class)));
    }

    /**
     * Open conditional orders ({@code GET /fapi/v1/openAlgoOrders}: weight 1 for one contract, 40 for all).
     *
     * @param symbol the contract, or {@code null} for all
     * @return the open algo orders
     */
    public List<AlgoOrder> openOrders(String symbol) {
        return e.send(Call.query(e.get("/v1/openAlgoOrders").param("symbol", symbol == null ? null : e.rules.symbol(symbol))
                .signed().weight(symbol == null ? 40 : 1).build(), Call.listOf(AlgoOrder.class)));
    }

    /**
     * @param symbol the contract, or {@code null}
     * @return see {@link #openOrders(String)}
     */
    public CompletableFuture<List<AlgoOrder>> openOrdersAsync(String symbol) {
        return e.sendAsync(() -> Call.query(e.get("/v1/openAlgoOrders")
                .param("symbol", symbol == null ? null : e.rules.symbol(symbol)).signed().weight(symbol == null ? 40 : 1)
                .build(), Call.listOf(AlgoOrder.class)));
    }

    /**
     * Conditional orders of a contract, open or not ({@code GET /fapi/v1/allAlgoOrders}, weight 5; a window of at
     * most 7 days).
     *
     * @param symbol the contract
     * @param startTime from, or {@code null}
     * @param endTime to, or {@code null}
     * @param limit how many, 1 to 1000, or {@code null} for 500
     * @return the algo orders
     */
    public List<AlgoOrder> allOrders(String symbol, Instant startTime, Instant endTime, Integer limit) {
        Params.window(startTime, endTime, Duration.ofDays(7), "7 days");
        return e.send(Call.query(e.get("/v1/allAlgoOrders").param("symbol", e.rules.symbol(symbol))
                .param("startTime", Params.millis(startTime)).param("endTime", Params.millis(endTime))
                .param("limit", Params.limit(limit, 1000)).signed().weight(5).build(), Call.listOf(AlgoOrder.class)));
    }
}
