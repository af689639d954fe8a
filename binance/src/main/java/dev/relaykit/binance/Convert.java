package dev.relaykit.binance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.binance.internal.BinanceContext;
import dev.relaykit.binance.internal.Call;
import dev.relaykit.binance.internal.Params;
import dev.relaykit.binance.model.ConvertAcceptance;
import dev.relaykit.binance.model.ConvertAssetPrecision;
import dev.relaykit.binance.model.ConvertLimitOrderResult;
import dev.relaykit.binance.model.ConvertOrder;
import dev.relaykit.binance.model.ConvertPair;
import dev.relaykit.binance.model.ConvertQuote;
import dev.relaykit.binance.model.ConvertTradeHistory;
import dev.relaykit.core.rest.RestRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Binance Convert ({@code /sapi/v1/convert}): quotes, conversions, limit orders and history. Get it from
 * {@link BinanceSpot#convert()}.
 *
 * <pre>{@code
 * Convert c = binance.convert();
 * ConvertQuote q = c.quote(ConvertQuoteRequest.spend("USDT", "BTC", new BigDecimal("100")));
 * if (q.acceptable()) {
 *     ConvertAcceptance a = c.acceptQuote(q.quoteId());
 *     ConvertOrder done = c.orderStatus(a.orderId());
 * }
 * }</pre>
 *
 * <p><b>Conversions are never retried.</b> {@link #acceptQuote}, {@link #placeLimitOrder} and
 * {@link #cancelLimitOrder} change the account and are sent exactly once: after a timeout or 5xx the
 * outcome is unknown, so look at {@link #orderStatus}, {@link #openLimitOrders} or
 * {@link #tradeHistory} before trying again. Asking for a quote is harmless and may be retried.
 *
 * <p><b>Weights.</b> Pairs (3000) and asset precision (100) charge their IP weight against the client's
 * weight budget. The other endpoints are limited per account (UID weight: quote 200, accept 500, order
 * status 100, place limit order 500, cancel 200, open orders 3000, history 3000); they charge 1 locally
 * and Binance enforces the UID budget itself.
 *
 * <p>Every call has an {@code ...Async} form. Arguments that can be checked locally throw
 * {@link IllegalArgumentException} before anything is sent, in both forms.
 */
public final class Convert {
    private final BinanceContext context;

    Convert(BinanceContext context) {
        this.context = context;
    }

    private static RestRequest.Builder signed(String method, String path, int weight) {
        return RestRequest.builder(method, path).signed().weight(weight);
    }

    /**
     * Convertible pairs and their amount limits: {@code GET /sapi/v1/convert/exchangeInfo} (weight 3000,
     * public). Give one or both assets.
     *
     * @param fromAsset the asset spent, or {@code null}
     * @param toAsset the asset received, or {@code null}
     * @return the pairs
     */
    public List<ConvertPair> pairs(String fromAsset, String toAsset) {
        return context.send(pairsCall(fromAsset, toAsset));
    }

    /**
     * Async form of {@link #pairs(String, String)}.
     *
     * @param fromAsset the asset spent, or {@code null}
     * @param toAsset the asset received, or {@code null}
     * @return completes with the pairs
     */
    public CompletableFuture<List<ConvertPair>> pairsAsync(String fromAsset, String toAsset) {
        return context.sendAsync(pairsCall(fromAsset, toAsset));
    }

    private static Call<List<ConvertPair>> pairsCall(String fromAsset, String toAsset) {
        Params.atLeastOne("fromAsset", blankToNull(fromAsset), "toAsset", blankToNull(toAsset));
        return Call.query(RestRequest.get("/sapi/v1/convert/exchangeInfo").weight(3000)
                .param("fromAsset", blankToNull(fromAsset))
                .param("toAsset", blankToNull(toAsset))
                .build(), Call.listOf(ConvertPair.class));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * Decimal places Convert accepts per asset: {@code GET /sapi/v1/convert/assetInfo} (weight 100).
     *
     * @return the precisions
     */
    public List<ConvertAssetPrecision> assetPrecision() {
        return context.send(precisionCall());
    }

    /**
     * Async form of {@link #assetPrecision()}.
     *
     * @return completes with the precisions
     */
    public CompletableFuture<List<ConvertAssetPrecision>> assetPrecisionAsync() {
        return context.sendAsync(precisionCall());
    }

    private static Call<List<ConvertAssetPrecision>> precisionCall() {
        return Call.query(signed("GET", "/sapi/v1/convert/assetInfo", 100).build(),
                Call.listOf(ConvertAssetPrecision.class));
    }

    /**
     * Asks for a quote: {@code POST /sapi/v1/convert/getQuote} (UID weight 200). The quote has an id only
     * when the account holds enough to convert.
     *
     * @param request what to quote
     * @return the quote
     */
    public ConvertQuote quote(ConvertQuoteRequest request) {
        return context.send(quoteCall(request));
    }

    /**
     * Async form of {@link #quote(ConvertQuoteRequest)}.
     *
     * @param request what to quote
     * @return completes with the quote
     */
    public CompletableFuture<ConvertQuote> quoteAsync(ConvertQuoteRequest request) {
        return context.sendAsync(quoteCall(request));
    }

    private static Call<ConvertQuote> quoteCall(ConvertQuoteRequest q) {
        if (q == null) {
            throw new IllegalArgumentException("request is required");
        }
        return Call.query(signed("POST", "/sapi/v1/convert/getQuote", 1)
                .idempotent(true)
                .param("fromAsset", q.fromAsset())
                .param("toAsset", q.toAsset())
                .param("fromAmount", q.fromAmount())
                .param("toAmount", q.toAmount())
                .param("walletType", q.walletType())
                .param("validTime", q.validTime() == null ? null : q.validTime().wire())
                .build(), Call.as(ConvertQuote.class));
    }

    /**
     * Accepts a quote, converting: {@code POST /sapi/v1/convert/acceptQuote} (UID weight 500; never retried).
     *
     * @param quoteId the quote's id
     * @return the Convert order, usually still {@code PROCESS}
     */
    public ConvertAcceptance acceptQuote(String quoteId) {
        return context.send(acceptCall(quoteId));
    }

    /**
     * Async form of {@link #acceptQuote(String)}.
     *
     * @param quoteId the quote's id
     * @return completes with the Convert order
     */
    public CompletableFuture<ConvertAcceptance> acceptQuoteAsync(String quoteId) {
        return context.sendAsync(acceptCall(quoteId));
    }

    private static Call<ConvertAcceptance> acceptCall(String quoteId) {
        return Call.query(signed("POST", "/sapi/v1/convert/acceptQuote", 1)
                .idempotent(false)
                .param("quoteId", Params.nonBlank("quoteId", quoteId))
                .build(), Call.as(ConvertAcceptance.class));
    }

    /**
     * A Convert order by its order id: {@code GET /sapi/v1/convert/orderStatus} (UID weight 100).
     *
     * @param orderId the order id ({@link ConvertAcceptance#orderId()})
     * @return the order
     */
    public ConvertOrder orderStatus(long orderId) {
        return context.send(orderStatusCall(orderId, null));
    }

    /**
     * Async form of {@link #orderStatus(long)}.
     *
     * @param orderId the order id
     * @return completes with the order
     */
    public CompletableFuture<ConvertOrder> orderStatusAsync(long orderId) {
        return context.sendAsync(orderStatusCall(orderId, null));
    }

    /**
     * A Convert order by the id of the quote it accepted: {@code GET /sapi/v1/convert/orderStatus} (UID weight 100).
     *
     * @param quoteId the quote id
     * @return the order
     */
    public ConvertOrder orderStatusByQuote(String quoteId) {
        return context.send(orderStatusCall(null, Params.nonBlank("quoteId", quoteId)));
    }

    /**
     * Async form of {@link #orderStatusByQuote(String)}.
     *
     * @param quoteId the quote id
     * @return completes with the order
     */
    public CompletableFuture<ConvertOrder> orderStatusByQuoteAsync(String quoteId) {
        return context.sendAsync(orderStatusCall(null, Params.nonBlank("quoteId", quoteId)));
    }

    private static Call<ConvertOrder> orderStatusCall(Long orderId, String quoteId) {
        return Call.query(signed("GET", "/sapi/v1/convert/orderStatus", 1)
                .param("orderId", orderId)
                .param("quoteId", quoteId)
                .build(), Call.as(ConvertOrder.class));
    }

    /**
     * Places a limit order: {@code POST /sapi/v1/convert/limit/placeOrder} (UID weight 500; never retried).
     *
     * @param order the order
     * @return its id and state
     */
    public ConvertLimitOrderResult placeLimitOrder(ConvertLimitOrder order) {
        return context.send(placeCall(order));
    }

    /**
     * Async form of {@link #placeLimitOrder(ConvertLimitOrder)}.
     *
     * @param order the order
     * @return completes with its id and state
     */
    public CompletableFuture<ConvertLimitOrderResult> placeLimitOrderAsync(ConvertLimitOrder order) {
        return context.sendAsync(placeCall(order));
    }

    private static Call<ConvertLimitOrderResult> placeCall(ConvertLimitOrder o) {
        if (o == null) {
            throw new IllegalArgumentException("order is required");
        }
        return Call.query(signed("POST", "/sapi/v1/convert/limit/placeOrder", 1)
                .idempotent(false)
                .param("baseAsset", o.baseAsset())
                .param("quoteAsset", o.quoteAsset())
                .param("limitPrice", o.limitPrice())
                .param("baseAmount", o.baseAmount())
                .param("quoteAmount", o.quoteAmount())
                .param("side", o.side())
                .param("walletType", o.walletType())
                .param("expiredType", o.expiredType().wire())
                .build(), Call.as(ConvertLimitOrderResult.class));
    }

    /**
     * Cancels a limit order: {@code POST /sapi/v1/convert/limit/cancelOrder} (UID weight 200; never retried).
     *
     * @param orderId the order id ({@link ConvertLimitOrderResult#orderId()})
     * @return its id and state ({@code CANCELED})
     */
    public ConvertLimitOrderResult cancelLimitOrder(long orderId) {
        return context.send(cancelCall(orderId));
    }

    /**
     * Async form of {@link #cancelLimitOrder(long)}.
     *
     * @param orderId the order id
     * @return completes with its id and state
     */
    public CompletableFuture<ConvertLimitOrderResult> cancelLimitOrderAsync(long orderId) {
        return context.sendAsync(cancelCall(orderId));
    }

    private static Call<ConvertLimitOrderResult> cancelCall(long orderId) {
        return Call.query(signed("POST", "/sapi/v1/convert/limit/cancelOrder", 1)
                .idempotent(false)
                .param("orderId", orderId)
                .build(), Call.as(ConvertLimitOrderResult.class));
    }

    /**
     * Open limit orders: {@code GET /sapi/v1/convert/limit/queryOpenOrders} (UID weight 3000).
     *
     * @return the open orders
     */
    public List<ConvertOrder> openLimitOrders() {
        return context.send(openOrdersCall());
    }

    /**
     * Async form of {@link #openLimitOrders()}.
     *
     * @return completes with the open orders
     */
    public CompletableFuture<List<ConvertOrder>> openLimitOrdersAsync() {
        return context.sendAsync(openOrdersCall());
    }

    private static Call<List<ConvertOrder>> openOrdersCall() {
        Function<JsonNode, List<ConvertOrder>> list = Call.listOf(ConvertOrder.class);
        return Call.query(signed("GET", "/sapi/v1/convert/limit/queryOpenOrders", 1).build(),
                n -> n.path("list").isMissingNode() || n.path("list").isNull() ? List.of() : list.apply(n.path("list")));
    }

    /**
     * Convert trades in a window: {@code GET /sapi/v1/convert/tradeFlow} (UID weight 3000). Both times are
     * required and at most 30 days apart.
     *
     * @param startTime from
     * @param endTime to
     * @param limit 1 to 1000 (Binance's default 100), or {@code null}
     * @return the trades and whether there are more
     */
    public ConvertTradeHistory tradeHistory(Instant startTime, Instant endTime, Integer limit) {
        return context.send(historyCall(startTime, endTime, limit));
    }

    /**
     * Async form of {@link #tradeHistory(Instant, Instant, Integer)}.
     *
     * @param startTime from
     * @param endTime to
     * @param limit 1 to 1000, or {@code null}
     * @return completes with the trades
     */
    public CompletableFuture<ConvertTradeHistory> tradeHistoryAsync(Instant startTime, Instant endTime, Integer limit) {
        return context.sendAsync(historyCall(startTime, endTime, limit));
    }

    private static Call<ConvertTradeHistory> historyCall(Instant startTime, Instant endTime, Integer limit) {
        if (startTime == null || endTime == null) {
            throw new IllegalArgumentException("startTime and endTime are required");
        }
        Params.window(startTime, endTime, Duration.ofDays(30), "30 days");
        return Call.query(signed("GET", "/sapi/v1/convert/tradeFlow", 1)
                .param("startTime", Params.millis(startTime))
                .param("endTime", Params.millis(endTime))
                .param("limit", Params.limit(limit, 1000))
                .build(), Call.as(ConvertTradeHistory.class));
    }
}
