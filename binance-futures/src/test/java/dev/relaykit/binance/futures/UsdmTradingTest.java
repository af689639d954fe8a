package dev.relaykit.binance.futures;

import static dev.relaykit.binance.futures.Sent.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.binance.BinanceApiException;
import dev.relaykit.binance.futures.model.AlgoCancel;
import dev.relaykit.binance.futures.model.AlgoOrder;
import dev.relaykit.binance.futures.model.AlgoStatus;
import dev.relaykit.binance.futures.model.BatchOrderResult;
import dev.relaykit.binance.futures.model.CountdownCancel;
import dev.relaykit.binance.futures.model.FuturesOrder;
import dev.relaykit.binance.futures.model.FuturesOrderStatus;
import dev.relaykit.binance.futures.model.FuturesOrderType;
import dev.relaykit.binance.futures.model.FuturesTimeInForce;
import dev.relaykit.binance.futures.model.PlacedOrder;
import dev.relaykit.binance.futures.model.PositionSide;
import dev.relaykit.binance.futures.model.WorkingType;
import dev.relaykit.binance.model.OrderSide;
import dev.relaykit.core.rest.RestRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** USD-M orders: what each call sends, the documented answers, and conditional orders in the algo-order service. */
class UsdmTradingTest {
    private final Sent s = new Sent();
    private final FuturesTrading trading = s.usdm.trading();

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void aLimitOrderGoesToTheOrderEndpointWithTheDocumentedParameters() {
        PlacedOrder placed = trading.newOrder(NewFuturesOrder.limit("BTCUSDT", OrderSide.BUY, d("0.010"), d("60000.1"))
                .toBuilder().clientOrderId("myOrder1").build());
        assertThat(s.signed("POST", "/fapi/v1/order")).containsExactly(entry("symbol", "BTCUSDT"), entry("side", "BUY"),
                entry("type", "LIMIT"), entry("timeInForce", "GTC"), entry("quantity", "0.010"), entry("price", "60000.1"),
                entry("newClientOrderId", "myOrder1"));
        assertThat(placed).isInstanceOf(PlacedOrder.Regular.class);
        FuturesOrder o = ((PlacedOrder.Regular) placed).order();
        assertThat(o.orderId()).isEqualTo(22542179L);
        assertThat(o.status()).isEqualTo(FuturesOrderStatus.NEW);
        assertThat(o.positionSide()).isEqualTo(PositionSide.SHORT);
        assertThat(o.timeInForce()).isEqualTo(FuturesTimeInForce.GTD);
        assertThat(o.goodTillDate()).isEqualTo(1693207680000L);
    }

    @Test
    void aStopOrderIsPlacedInTheAlgoServiceNotOnTheOrderEndpoint() {
        PlacedOrder placed = trading.newOrder(NewFuturesOrder.stopMarket("BTCUSDT", OrderSide.SELL, d("0.01"), d("58000"))
                .toBuilder().reduceOnly(true).workingType(WorkingType.MARK_PRICE).clientOrderId("stop-1").build());
        assertThat(s.signed("POST", "/fapi/v1/algoOrder")).containsExactly(entry("algoType", "CONDITIONAL"),
                entry("symbol", "BTCUSDT"), entry("side", "SELL"), entry("type", "STOP_MARKET"), entry("quantity", "0.01"),
                entry("triggerPrice", "58000"), entry("workingType", "MARK_PRICE"), entry("reduceOnly", "true"),
                entry("clientAlgoId", "stop-1"));
        assertThat(s.fake.rest().requests()).noneMatch(r -> r.getUrl().startsWith("/fapi/v1/order"));
        assertThat(placed).isInstanceOf(PlacedOrder.Conditional.class);
        AlgoOrder algo = ((PlacedOrder.Conditional) placed).algoOrder();
        assertThat(algo.algoStatus()).isEqualTo(AlgoStatus.NEW);
        assertThat(algo.orderType()).isEqualTo(FuturesOrderType.STOP_MARKET);
        assertThat(algo.triggerPrice()).isEqualByComparingTo("58000");
        assertThat(algo.clientAlgoId()).isEqualTo("stop-1");
        assertThat(s.fake.algoOrders()).hasSize(1);
    }

    @Test
    void aTrailingStopSendsActivatePriceAndCallbackRateToTheAlgoService() {
        trading.newOrder(NewFuturesOrder.trailingStop("BTCUSDT", OrderSide.SELL, d("0.01"), d("12.5")).toBuilder()
                .activationPrice(d("61000")).build());
        Map<String, String> sent = s.signed("POST", "/fapi/v1/algoOrder");
        assertThat(sent).contains(entry("type", "TRAILING_STOP_MARKET"), entry("activatePrice", "61000"),
                entry("callbackRate", "12.5")).doesNotContainKeys("activationPrice", "stopPrice", "triggerPrice");
    }

    @Test
    void theFakeRefusesAStopOrderOnTheOrderEndpointWithMinus4120() {
        // what an older client (or a raw call) meets: Binance's -4120, typed
        assertThatThrownBy(() -> s.usdm.call(RestRequest.post("/fapi/v1/order").param("symbol", "BTCUSDT")
                .param("side", "SELL").param("type", "STOP_MARKET").param("quantity", "0.01").param("stopPrice", "58000")
                .signed().build()))
                .isInstanceOfSatisfying(BinanceApiException.class, e -> {
                    assertThat(e.binanceCode()).isEqualTo(-4120);
                    assertThat(e.getMessage()).contains("Algo Order API");
                });
        assertThat(s.fake.rejectedRequests()).containsExactly("-4120 POST /fapi/v1/order");
    }

    @Test
    void algoOrdersAreQueriedListedAndCancelled() {
        AlgoOrders algo = s.usdm.algo();
        AlgoOrder a = algo.newOrder(NewFuturesOrder.stopLimit("BTCUSDT", OrderSide.SELL, d("0.01"), d("57900"), d("58000")));
        AlgoOrder b = algo.newOrder(NewFuturesOrder.takeProfitMarket("ETHUSDT", OrderSide.SELL, d("0.1"), d("5000")));
        assertThat(algo.query(a.algoId()).price()).isEqualByComparingTo("57900");
        assertThat(s.signed("GET", "/fapi/v1/algoOrder")).containsExactly(entry("algoId", Long.toString(a.algoId())));
        assertThat(algo.openOrders("BTCUSDT")).extracting(AlgoOrder::algoId).containsExactly(a.algoId());
        assertThat(algo.openOrders(null)).hasSize(2);

        AlgoCancel cancel = algo.cancel(a.algoId());
        assertThat(s.signed("DELETE", "/fapi/v1/algoOrder")).containsExactly(entry("algoId", Long.toString(a.algoId())));
        assertThat(cancel.algoId()).isEqualTo(a.algoId());
        assertThat(algo.query(a.algoId()).algoStatus()).isEqualTo(AlgoStatus.CANCELED);
        assertThat(algo.allOrders("BTCUSDT", null, null, null)).extracting(AlgoOrder::algoStatus)
                .containsExactly(AlgoStatus.CANCELED);
        assertThatThrownBy(() -> algo.cancel(a.algoId())).isInstanceOfSatisfying(BinanceApiException.class,
                e -> assertThat(e.binanceCode()).isEqualTo(-2011));

        assertThat(algo.cancelAllOpenOrders("ETHUSDT").code()).isEqualTo(200);
        assertThat(s.signed("DELETE", "/fapi/v1/algoOpenOrders")).containsExactly(entry("symbol", "ETHUSDT"));
        assertThat(algo.queryByClientId(b.clientAlgoId()).algoStatus()).isEqualTo(AlgoStatus.CANCELED);
    }

    @Test
    void theAlgoServiceRefusesAnOrdinaryType() {
        s.rejectedLocally(() -> s.usdm.algo().newOrder(NewFuturesOrder.market("BTCUSDT", OrderSide.BUY, d("1"))),
                "conditional types only");
    }

    @Test
    void batchOrdersSendTheDocumentedJsonListAndReportEachEntry() {
        List<BatchOrderResult> results = trading.newOrders(List.of(
                NewFuturesOrder.limit("BTCUSDT", OrderSide.BUY, d("0.01"), d("60000")),
                NewFuturesOrder.market("BTCUSDT", OrderSide.SELL, d("0.02"))));
        Map<String, String> sent = s.signed("POST", "/fapi/v1/batchOrders");
        JsonNode batch = dev.relaykit.core.json.Json.tree(sent.get("batchOrders"));
        assertThat(batch).hasSize(2);
        assertThat(batch.get(0).path("type").asText()).isEqualTo("LIMIT");
        assertThat(batch.get(0).path("price").asText()).isEqualTo("60000");
        assertThat(batch.get(1).path("quantity").asText()).isEqualTo("0.02");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).ok()).isTrue();
        assertThat(results.get(0).order().orderId()).isEqualTo(22542179L);
        assertThat(results.get(1).ok()).isFalse();
        assertThat(results.get(1).code()).isEqualTo(-2022);
        assertThat(results.get(1).msg()).isEqualTo("ReduceOnly Order is rejected.");
    }

    @Test
    void aBatchWithAStopOrderIsRefusedLocallyBecauseBinanceAnswersMinus4120() {
        s.rejectedLocally(() -> trading.newOrders(List.of(
                NewFuturesOrder.stopMarket("BTCUSDT", OrderSide.SELL, d("0.01"), d("58000")))), "-4120");
    }

    @Test
    void testOrderModifyQueryAndCancel() {
        FuturesOrder test = trading.testOrder(NewFuturesOrder.limit("BTCUSDT", OrderSide.SELL, d("10"), d("9000")));
        assertThat(s.signed("POST", "/fapi/v1/order/test")).containsEntry("type", "LIMIT");
        assertThat(test.type()).isEqualTo(FuturesOrderType.TRAILING_STOP_MARKET);
        assertThat(test.activatePrice()).isEqualByComparingTo("9020");

        FuturesOrder modified = trading.modifyOrder("BTCUSDT", 20072994037L, OrderSide.BUY, d("1"), d("30005"));
        assertThat(s.signed("PUT", "/fapi/v1/order")).containsExactly(entry("symbol", "BTCUSDT"),
                entry("orderId", "20072994037"), entry("side", "BUY"), entry("quantity", "1"), entry("price", "30005"));
        assertThat(modified.modifyId()).isEqualTo(1L);
        assertThat(modified.price()).isEqualByComparingTo("30005");

        FuturesOrder q = trading.queryOrder("BTCUSDT", 1573346959L);
        assertThat(s.signed("GET", "/fapi/v1/order")).containsExactly(entry("symbol", "BTCUSDT"), entry("orderId", "1573346959"));
        assertThat(q.orderId()).isEqualTo(1573346959L);
        FuturesOrder c = trading.cancelOrderAsync("BTCUSDT", 283194212L).join();
        assertThat(s.signed("DELETE", "/fapi/v1/order")).containsExactly(entry("symbol", "BTCUSDT"),
                entry("orderId", "283194212"));
        assertThat(c.status()).isEqualTo(FuturesOrderStatus.CANCELED);
    }

    @Test
    void cancelBatchCancelAllCountdownOpenAndAllOrders() {
        List<BatchOrderResult> cancelled = trading.cancelOrders("BTCUSDT", List.of(283194212L, 1L));
        assertThat(s.signed("DELETE", "/fapi/v1/batchOrders")).containsExactly(entry("symbol", "BTCUSDT"),
                entry("orderIdList", "[283194212,1]"));
        assertThat(cancelled.get(0).order().status()).isEqualTo(FuturesOrderStatus.CANCELED);
        assertThat(cancelled.get(1).code()).isEqualTo(-2011);

        assertThat(trading.cancelAllOrders("BTCUSDT").code()).isEqualTo(200);
        assertThat(s.signed("DELETE", "/fapi/v1/allOpenOrders")).containsExactly(entry("symbol", "BTCUSDT"));

        CountdownCancel countdown = trading.autoCancelAll("BTCUSDT", 120_000);
        assertThat(s.signed("POST", "/fapi/v1/countdownCancelAll")).containsExactly(entry("symbol", "BTCUSDT"),
                entry("countdownTime", "120000"));
        assertThat(countdown.countdownTime()).isEqualTo(100000L);

        assertThat(trading.openOrders("BTCUSDT")).extracting(FuturesOrder::orderId).containsExactly(1917641L);
        assertThat(s.signed("GET", "/fapi/v1/openOrders")).containsExactly(entry("symbol", "BTCUSDT"));
        Instant from = Instant.parse("2026-12-01T00:00:00Z");
        assertThat(trading.allOrders("BTCUSDT", from, null, 10)).hasSize(1);
        assertThat(s.signed("GET", "/fapi/v1/allOrders")).containsExactly(entry("symbol", "BTCUSDT"),
                entry("startTime", Long.toString(from.toEpochMilli())), entry("limit", "10"));
    }

    @Test
    void orderModifyHistory() {
        var history = trading.orderModifyHistory("BTCUSDT", 20072994037L);
        assertThat(s.signed("GET", "/fapi/v1/orderAmendment")).containsExactly(entry("symbol", "BTCUSDT"),
                entry("orderId", "20072994037"));
        assertThat(history.get(0).amendmentId()).isEqualTo(5363L);
        assertThat(history.get(0).amendment().price().before()).isEqualByComparingTo("30004");
        assertThat(history.get(0).amendment().price().after()).isEqualByComparingTo("30003.2");
        assertThat(history.get(0).amendment().count()).isEqualTo(3);
    }

    @Test
    void anOrderIsNeverRetried() {
        s.fake.rest().stubJson("POST", "/fapi/v1/order", 503, "{\"code\":-1001,\"msg\":\"Internal error; unable to process your request. Please try again.\"}");
        s.reset();
        assertThatThrownBy(() -> trading.newOrder(NewFuturesOrder.market("BTCUSDT", OrderSide.BUY, d("0.01"))))
                .isInstanceOf(dev.relaykit.core.RelayKitException.class);
        assertThat(s.fake.rest().requests()).hasSize(1);
    }
}
