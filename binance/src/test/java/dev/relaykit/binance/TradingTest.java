package dev.relaykit.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.relaykit.binance.SentRequests.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.relaykit.binance.model.Account;
import dev.relaykit.binance.model.AccountCommission;
import dev.relaykit.binance.model.CancelReplaceMode;
import dev.relaykit.binance.model.CancelReplaceResult;
import dev.relaykit.binance.model.CancelReplaceStatus;
import dev.relaykit.binance.model.CancelRestrictions;
import dev.relaykit.binance.model.CanceledOpenOrders;
import dev.relaykit.binance.model.ContingencyType;
import dev.relaykit.binance.model.Order;
import dev.relaykit.binance.model.OrderCommission;
import dev.relaykit.binance.model.OrderList;
import dev.relaykit.binance.model.OrderResponseType;
import dev.relaykit.binance.model.OrderSide;
import dev.relaykit.binance.model.OrderStatus;
import dev.relaykit.binance.model.OrderType;
import dev.relaykit.binance.model.PegPriceType;
import dev.relaykit.binance.model.SelfTradePreventionMode;
import dev.relaykit.binance.model.TimeInForce;
import dev.relaykit.core.ApiException;
import dev.relaykit.testkit.FakeBinance;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Trading endpoints against the fake Binance, which verifies every signature like Binance does. */
class TradingTest {
    private FakeBinance fake;
    private BinanceSpot binance;
    private Trading trading;

    @BeforeEach
    void start() {
        fake = FakeBinance.start().acceptHmacKey("trade-key", "trade-secret");
        binance = BinanceSpot.builder()
                .environment(BinanceEnvironment.custom(fake.restBaseUrl(), "ws://127.0.0.1:1", "ws://127.0.0.1:1"))
                .key(BinanceKey.hmac("trade-key", "trade-secret"))
                .build();
        trading = binance.trading();
    }

    @AfterEach
    void stop() {
        binance.close();
        fake.close();
    }

    /** The only request sent so far: checks it was signed correctly and returns its query parameters. */
    private Map<String, String> onlyRequest(String method, String path) {
        return request(SentRequests.only(fake), method, path);
    }

    private Map<String, String> request(LoggedRequest r, String method, String path) {
        assertThat(r.getBodyAsString()).isEmpty();
        return SentRequests.signedQuery(fake, r, method, path, "trade-key");
    }

    private void rejectedLocally(ThrowingCallable call, String message) {
        SentRequests.rejectedLocally(fake, call, message);
    }

    // ------------------------------------------------------------------ placing orders

    @Test
    void limitOrderIsSentOnceSignedAndTheFullAnswerDecodes() {
        Order o = trading.placeLimitOrder("BTCUSDT", OrderSide.BUY, d("0.00100"), d("50000.10"));
        assertThat(onlyRequest("POST", "/api/v3/order")).containsExactly(
                Map.entry("symbol", "BTCUSDT"), Map.entry("side", "BUY"), Map.entry("type", "LIMIT"),
                Map.entry("timeInForce", "GTC"), Map.entry("quantity", "0.00100"), Map.entry("price", "50000.10"));
        // the documented FULL example
        assertThat(o.orderId()).isEqualTo(28);
        assertThat(o.orderListId()).isEqualTo(-1);
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.type()).isEqualTo(OrderType.MARKET);
        assertThat(o.side()).isEqualTo(OrderSide.SELL);
        assertThat(o.transactTime()).isEqualTo(Instant.ofEpochMilli(1507725176595L));
        assertThat(o.cummulativeQuoteQty()).isEqualByComparingTo("10");
        assertThat(o.selfTradePreventionMode()).isEqualTo(SelfTradePreventionMode.NONE);
        assertThat(o.fills()).hasSize(5);
        assertThat(o.fills().get(1).price()).isEqualTo(d("3999.00000000"));
        assertThat(o.fills().get(1).commission()).isEqualTo(d("19.99500000"));
        assertThat(o.fills().get(4).tradeId()).isEqualTo(60);
    }

    @Test
    void everyConvenienceOrderSendsWhatItsTypeNeeds() {
        trading.placeMarketOrder("BTCUSDT", OrderSide.SELL, d("0.5"));
        trading.placeMarketQuoteOrder("BTCUSDT", OrderSide.BUY, d("25"));
        trading.placeStopOrder("BTCUSDT", OrderSide.SELL, d("1"), d("40000"), d("39900"));
        trading.placeTakeProfitOrder("BTCUSDT", OrderSide.SELL, d("1"), d("60000"), d("59900"));
        trading.placeTrailingStopOrder("BTCUSDT", OrderSide.SELL, d("1"), 200);
        trading.placeTrailingTakeProfitOrder("BTCUSDT", OrderSide.SELL, d("1"), 150);
        trading.placeLimitMakerOrder("BTCUSDT", OrderSide.BUY, d("1"), d("30000"));
        trading.placeOrder(NewOrder.limit("BTCUSDT", OrderSide.BUY, d("10"), d("30000")).icebergQty(d("1"))
                .newClientOrderId("ice-1").strategyId(7).strategyType(1_000_000)
                .selfTradePreventionMode(SelfTradePreventionMode.EXPIRE_BOTH)
                .newOrderRespType(OrderResponseType.ACK).build());
        trading.placeOrder(NewOrder.builder("BTCUSDT", OrderSide.BUY, OrderType.LIMIT).quantity(d("1"))
                .timeInForce(TimeInForce.GTC).pegPriceType(PegPriceType.PRIMARY_PEG).pegOffsetLevels(3).build());
        trading.placeOrder(NewOrder.builder("BTCUSDT", OrderSide.SELL, OrderType.STOP_LOSS_LIMIT).quantity(d("1"))
                .price(d("39000")).stopPrice(d("40000")).trailingDelta(100).timeInForce(TimeInForce.IOC).build());
        List<LoggedRequest> sent = fake.rest().requests();
        assertThat(sent).hasSize(10);
        List<Map<String, String>> p = sent.stream().map(r -> request(r, "POST", "/api/v3/order")).toList();
        assertThat(p.get(0)).containsExactly(Map.entry("symbol", "BTCUSDT"), Map.entry("side", "SELL"),
                Map.entry("type", "MARKET"), Map.entry("quantity", "0.5"));
        assertThat(p.get(1)).containsEntry("type", "MARKET").containsEntry("quoteOrderQty", "25").doesNotContainKey("quantity");
        assertThat(p.get(2)).containsEntry("type", "STOP_LOSS_LIMIT").containsEntry("stopPrice", "40000")
                .containsEntry("price", "39900").containsEntry("timeInForce", "GTC");
        assertThat(p.get(3)).containsEntry("type", "TAKE_PROFIT_LIMIT").containsEntry("stopPrice", "60000");
        assertThat(p.get(4)).containsEntry("type", "STOP_LOSS").containsEntry("trailingDelta", "200")
                .doesNotContainKeys("stopPrice", "price", "timeInForce");
        assertThat(p.get(5)).containsEntry("type", "TAKE_PROFIT").containsEntry("trailingDelta", "150");
        assertThat(p.get(6)).containsEntry("type", "LIMIT_MAKER").containsEntry("price", "30000").doesNotContainKey("timeInForce");
        assertThat(p.get(7)).containsEntry("icebergQty", "1").containsEntry("newClientOrderId", "ice-1")
                .containsEntry("strategyId", "7").containsEntry("strategyType", "1000000")
                .containsEntry("selfTradePreventionMode", "EXPIRE_BOTH").containsEntry("newOrderRespType", "ACK");
        assertThat(p.get(8)).containsEntry("pegPriceType", "PRIMARY_PEG").containsEntry("pegOffsetType", "PRICE_LEVEL")
                .containsEntry("pegOffsetValue", "3").doesNotContainKey("price");
        assertThat(p.get(9)).containsEntry("stopPrice", "40000").containsEntry("trailingDelta", "100")
                .containsEntry("timeInForce", "IOC");
    }

    @Test
    void invalidOrdersFailLocallyAndSendNothing() {
        rejectedLocally(() -> trading.placeLimitOrder(" ", OrderSide.BUY, d("1"), d("1")), "symbol is required");
        rejectedLocally(() -> trading.placeLimitOrder("BTCUSDT", OrderSide.BUY, d("0"), d("1")), "quantity must be positive, was 0");
        rejectedLocally(() -> trading.placeLimitOrder("BTCUSDT", OrderSide.BUY, d("1"), d("-2")), "price must be positive, was -2");
        rejectedLocally(() -> trading.placeLimitOrder("BTCUSDT", OrderSide.UNKNOWN, d("1"), d("1")), "side must be BUY or SELL");
        rejectedLocally(() -> trading.placeLimitOrder("BTCUSDT", OrderSide.BUY, d("1"), null), "LIMIT order needs price");
        rejectedLocally(() -> NewOrder.builder("BTCUSDT", OrderSide.BUY, OrderType.LIMIT).quantity(d("1")).price(d("1")).build(),
                "LIMIT order needs timeInForce");
        rejectedLocally(() -> NewOrder.builder("BTCUSDT", OrderSide.BUY, OrderType.MARKET).build(),
                "MARKET order needs exactly one of quantity or quoteOrderQty");
        rejectedLocally(() -> NewOrder.market("BTCUSDT", OrderSide.BUY, d("1")).quoteOrderQty(d("5")).build(),
                "MARKET order needs exactly one of quantity or quoteOrderQty");
        rejectedLocally(() -> NewOrder.market("BTCUSDT", OrderSide.BUY, d("1")).price(d("5")).build(), "MARKET order takes no price");
        rejectedLocally(() -> NewOrder.builder("BTCUSDT", OrderSide.SELL, OrderType.STOP_LOSS).quantity(d("1")).build(),
                "STOP_LOSS order needs stopPrice or trailingDelta");
        rejectedLocally(() -> NewOrder.builder("BTCUSDT", OrderSide.SELL, OrderType.TAKE_PROFIT_LIMIT).quantity(d("1"))
                .price(d("2")).stopPrice(d("2")).build(), "TAKE_PROFIT_LIMIT order needs timeInForce");
        rejectedLocally(() -> NewOrder.limit("BTCUSDT", OrderSide.BUY, d("1"), d("1")).stopPrice(d("1")).build(),
                "LIMIT order takes no stopPrice");
        rejectedLocally(() -> NewOrder.limit("BTCUSDT", OrderSide.BUY, d("1"), d("1")).quoteOrderQty(d("1")).build(),
                "quoteOrderQty is only for MARKET orders");
        rejectedLocally(() -> NewOrder.limit("BTCUSDT", OrderSide.BUY, d("1"), d("1")).timeInForce(TimeInForce.IOC)
                .icebergQty(d("0.1")).build(), "iceberg order needs timeInForce GTC");
        rejectedLocally(() -> NewOrder.market("BTCUSDT", OrderSide.BUY, d("1")).icebergQty(d("0.1")).build(),
                "icebergQty is only for LIMIT");
        rejectedLocally(() -> NewOrder.limit("BTCUSDT", OrderSide.BUY, d("1"), d("1")).strategyType(5).build(),
                "strategyType must be at least 1000000");
        rejectedLocally(() -> NewOrder.builder("BTCUSDT", OrderSide.SELL, OrderType.STOP_LOSS).quantity(d("1"))
                .trailingDelta(0).build(), "trailingDelta must be positive");
        rejectedLocally(() -> NewOrder.limit("BTCUSDT", OrderSide.BUY, d("1"), d("1")).pegOffsetLevels(2).build(),
                "need pegPriceType");
        rejectedLocally(() -> NewOrder.market("BTCUSDT", OrderSide.BUY, d("1")).pegPriceType(PegPriceType.MARKET_PEG).build(),
                "pegged orders must be LIMIT");
        rejectedLocally(() -> trading.placeOrder(null), "order is required");
    }

    @Test
    void anOrderIsNeverRetriedEvenWhenBinanceAnswers503() {
        fake.rest().wireMock().stubFor(post(urlPathEqualTo("/api/v3/order"))
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
        assertThatThrownBy(() -> trading.placeMarketOrder("BTCUSDT", OrderSide.BUY, d("1")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(503));
        assertThat(fake.rest().requests()).hasSize(1);
        assertThatThrownBy(() -> trading.placeOrderAsync(NewOrder.market("BTCUSDT", OrderSide.BUY, d("1")).build()).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(ApiException.class);
        assertThat(fake.rest().requests()).hasSize(2); // once more for the async call, again without retry
        assertThat(binance.orderLimiter().toString()).isNotEmpty();
    }

    @Test
    void binancesRefusalBecomesBinanceApiException() {
        fake.rest().stubJson("POST", "/api/v3/order", 400,
                "{\"code\":-2010,\"msg\":\"Account has insufficient balance for requested action.\"}");
        assertThatThrownBy(() -> trading.placeLimitOrder("BTCUSDT", OrderSide.BUY, d("100"), d("50000")))
                .isInstanceOfSatisfying(BinanceApiException.class, e -> {
                    assertThat(e.binanceCode()).isEqualTo(-2010);
                    assertThat(e.serviceMessage()).isEqualTo("Account has insufficient balance for requested action.");
                    assertThat(e).isNotInstanceOf(CancelReplaceException.class);
                });
        assertThat(fake.rest().requests()).hasSize(1);
    }

    @Test
    void asyncOrderCompletesWithTheOrder() {
        Order o = trading.placeOrderAsync(NewOrder.limit("BTCUSDT", OrderSide.BUY, d("1"), d("2")).build()).join();
        assertThat(o.orderId()).isEqualTo(28);
        assertThat(onlyRequest("POST", "/api/v3/order")).containsEntry("price", "2");
    }

    @Test
    void testOrderAsksForCommissionRates() {
        OrderCommission c = trading.testOrder(NewOrder.market("BTCUSDT", OrderSide.BUY, d("1")).build(), true);
        assertThat(onlyRequest("POST", "/api/v3/order/test")).containsEntry("type", "MARKET")
                .containsEntry("computeCommissionRates", "true");
        assertThat(c.standardCommissionForOrder().maker()).isEqualTo(d("0.00000112"));
        assertThat(c.specialCommissionForOrder().taker()).isEqualTo(d("0.06000000"));
        assertThat(c.discount().discountAsset()).isEqualTo("BNB");
        assertThat(c.discount().discount()).isEqualTo(d("0.25000000"));
    }

    // ------------------------------------------------------------------ query, cancel, replace

    @Test
    void queryAndCancelByEitherId() {
        Order q = trading.queryOrder("LTCBTC", 1L);
        assertThat(q.working()).isTrue();
        assertThat(q.time()).isEqualTo(Instant.ofEpochMilli(1499827319559L));
        assertThat(q.price()).isEqualTo(d("0.1"));
        assertThat(q.status()).isEqualTo(OrderStatus.NEW);
        assertThat(onlyRequest("GET", "/api/v3/order")).containsExactly(Map.entry("symbol", "LTCBTC"), Map.entry("orderId", "1"));
        fake.rest().wireMock().resetRequests();

        Order c = trading.cancelOrder("LTCBTC", null, "myOrder1", "cancelMyOrder1", CancelRestrictions.ONLY_NEW);
        assertThat(c.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(c.origClientOrderId()).isEqualTo("myOrder1");
        assertThat(onlyRequest("DELETE", "/api/v3/order")).containsExactly(Map.entry("symbol", "LTCBTC"),
                Map.entry("origClientOrderId", "myOrder1"), Map.entry("newClientOrderId", "cancelMyOrder1"),
                Map.entry("cancelRestrictions", "ONLY_NEW"));
        fake.rest().wireMock().resetRequests();
        assertThat(trading.queryOrderAsync("LTCBTC", null, "myOrder1").join().clientOrderId()).isEqualTo("myOrder1");
        assertThat(onlyRequest("GET", "/api/v3/order")).containsEntry("origClientOrderId", "myOrder1");
        fake.rest().wireMock().resetRequests();

        rejectedLocally(() -> trading.cancelOrder("LTCBTC", null, null, null, null), "orderId or origClientOrderId is required");
        rejectedLocally(() -> trading.queryOrder("LTCBTC", " "), "origClientOrderId is required");
    }

    @Test
    void cancelReplaceSendsBothHalvesAndDecodesTheResult() {
        CancelReplaceResult r = trading.cancelReplace(CancelReplace.of(CancelReplaceMode.STOP_ON_FAILURE,
                        NewOrder.limit("BTCUSDT", OrderSide.BUY, d("0.04"), d("0.02")).build())
                .cancelOrderId(9L).cancelRestrictions(CancelRestrictions.ONLY_NEW).build());
        assertThat(onlyRequest("POST", "/api/v3/order/cancelReplace")).containsExactly(
                Map.entry("symbol", "BTCUSDT"), Map.entry("side", "BUY"), Map.entry("type", "LIMIT"),
                Map.entry("timeInForce", "GTC"), Map.entry("quantity", "0.04"), Map.entry("price", "0.02"),
                Map.entry("cancelReplaceMode", "STOP_ON_FAILURE"), Map.entry("cancelOrderId", "9"),
                Map.entry("cancelRestrictions", "ONLY_NEW"));
        assertThat(r.cancelResult()).isEqualTo(CancelReplaceStatus.SUCCESS);
        assertThat(r.newOrderResult()).isEqualTo(CancelReplaceStatus.SUCCESS);
        assertThat(r.cancelResponse().status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(r.newOrderResponse().orderId()).isEqualTo(10);
        assertThat(r.newOrderResponse().fills()).isEmpty();
        assertThat(r.cancelError()).isNull();
        fake.rest().wireMock().resetRequests();
        rejectedLocally(() -> CancelReplace.of(CancelReplaceMode.ALLOW_FAILURE,
                NewOrder.market("BTCUSDT", OrderSide.BUY, d("1")).build()).build(),
                "cancelOrderId or cancelOrigClientOrderId is required");
    }

    @Test
    void aFailedCancelReplaceIsATypedExceptionTellingWhichHalfWentThrough() {
        fake.rest().stubJson("POST", "/api/v3/order/cancelReplace", 400, FakeBinance.resource("trade-cancel-replace-failed.json"));
        CancelReplace request = CancelReplace.of(CancelReplaceMode.STOP_ON_FAILURE,
                NewOrder.limit("BTCUSDT", OrderSide.BUY, d("1"), d("1")).build()).cancelOrigClientOrderId("gone").build();
        assertThatThrownBy(() -> trading.cancelReplace(request)).isInstanceOfSatisfying(CancelReplaceException.class, e -> {
            assertThat(e.binanceCode()).isEqualTo(-2022);
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.result().cancelResult()).isEqualTo(CancelReplaceStatus.FAILURE);
            assertThat(e.result().newOrderResult()).isEqualTo(CancelReplaceStatus.NOT_ATTEMPTED);
            assertThat(e.result().cancelError()).isEqualTo(new CancelReplaceResult.Failure(-2011, "Unknown order sent."));
            assertThat(e.result().newOrderResponse()).isNull();
            assertThat(e.getMessage()).contains("Order cancel-replace failed.", "cancel FAILURE: -2011 Unknown order sent.",
                    "new order NOT_ATTEMPTED");
        });
        // ALLOW_FAILURE: the cancel failed but the new order is live (HTTP 409, -2021)
        fake.rest().stubJson("POST", "/api/v3/order/cancelReplace", 409, FakeBinance.resource("trade-cancel-replace-partial.json"));
        assertThatThrownBy(() -> trading.cancelReplaceAsync(request).join()).cause()
                .isInstanceOfSatisfying(CancelReplaceException.class, e -> {
                    assertThat(e.binanceCode()).isEqualTo(-2021);
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.result().newOrderResult()).isEqualTo(CancelReplaceStatus.SUCCESS);
                    assertThat(e.result().newOrderResponse().orderId()).isEqualTo(11);
                    assertThat(e.result().newOrderResponse().transactTime()).isEqualTo(Instant.ofEpochMilli(1648540168818L));
                });
        assertThat(fake.rest().requests()).hasSize(2);
    }

    @Test
    void cancelAllOpenOrdersSortsOrdersFromOrderLists() {
        CanceledOpenOrders c = trading.cancelAllOpenOrders("BTCUSDT");
        assertThat(onlyRequest("DELETE", "/api/v3/openOrders")).containsExactly(Map.entry("symbol", "BTCUSDT"));
        assertThat(c.orders()).extracting(Order::orderId).containsExactly(11L, 13L);
        assertThat(c.orderLists()).hasSize(1);
        OrderList l = c.orderLists().get(0);
        assertThat(l.contingencyType()).isEqualTo(ContingencyType.OCO);
        assertThat(l.orderReports()).extracting(Order::type).containsExactly(OrderType.STOP_LOSS_LIMIT, OrderType.LIMIT_MAKER);
        assertThat(l.orderReports().get(0).icebergQty()).isEqualTo(d("0.017083"));
    }

    @Test
    void openAndAllOrders() {
        assertThat(trading.openOrders(null)).hasSize(1);
        Map<String, String> open = onlyRequest("GET", "/api/v3/openOrders");
        assertThat(open).isEmpty();
        fake.rest().wireMock().resetRequests();
        Instant from = Instant.ofEpochMilli(1_700_000_000_000L);
        List<Order> all = trading.allOrdersAsync("LTCBTC", 5L, from, from.plusSeconds(3600), 100).join();
        assertThat(all.get(0).clientOrderId()).isEqualTo("myOrder1");
        assertThat(onlyRequest("GET", "/api/v3/allOrders")).containsExactly(Map.entry("symbol", "LTCBTC"),
                Map.entry("orderId", "5"), Map.entry("startTime", "1700000000000"),
                Map.entry("endTime", "1700003600000"), Map.entry("limit", "100"));
        fake.rest().wireMock().resetRequests();
        rejectedLocally(() -> trading.allOrders("LTCBTC", null, from, from.plusSeconds(25 * 3600), null), "at most 24 hours");
        rejectedLocally(() -> trading.allOrders("LTCBTC", null, null, null, 1001), "limit must be between 1 and 1000");
        rejectedLocally(() -> trading.allOrders("LTCBTC", null, from, from.minusSeconds(1), null), "is before startTime");
    }

    // ------------------------------------------------------------------ order lists

    @Test
    void ocoSendsAboveAndBelowLegs() {
        OrderList l = trading.placeOrderList(NewOrderList.oco("LTCBTC", OrderSide.SELL, d("5"),
                        OrderLeg.limitMaker(d("3")),
                        OrderLeg.builder(OrderType.STOP_LOSS_LIMIT).stopPrice(d("1")).price(d("1")).timeInForce(TimeInForce.GTC)
                                .icebergQty(d("1")).clientOrderId("stop-1").build())
                .listClientOrderId("list-1").newOrderRespType(OrderResponseType.RESULT).build());
        assertThat(onlyRequest("POST", "/api/v3/orderList/oco")).containsExactly(
                Map.entry("symbol", "LTCBTC"), Map.entry("listClientOrderId", "list-1"),
                Map.entry("newOrderRespType", "RESULT"), Map.entry("side", "SELL"), Map.entry("quantity", "5"),
                Map.entry("aboveType", "LIMIT_MAKER"), Map.entry("abovePrice", "3"),
                Map.entry("belowType", "STOP_LOSS_LIMIT"), Map.entry("belowClientOrderId", "stop-1"),
                Map.entry("belowPrice", "1"), Map.entry("belowStopPrice", "1"), Map.entry("belowIcebergQty", "1"),
                Map.entry("belowTimeInForce", "GTC"));
        assertThat(l.orderListId()).isEqualTo(1);
        assertThat(l.contingencyType()).isEqualTo(ContingencyType.OCO);
        assertThat(l.transactionTime()).isEqualTo(Instant.ofEpochMilli(1710485608839L));
        assertThat(l.orders()).extracting(OrderList.Member::orderId).containsExactly(10L, 11L);
        assertThat(l.orderReports().get(0).workingTime()).isNull(); // -1: not working yet
        assertThat(l.orderReports().get(1).workingTime()).isEqualTo(Instant.ofEpochMilli(1710485608839L));
    }

    @Test
    void otoOtocoOpoAndOpocoSendWorkingAndPendingLegs() {
        OrderList oto = trading.placeOrderList(NewOrderList.oto("LTCBTC", OrderSide.SELL, d("1"),
                OrderLeg.limit(d("1"), TimeInForce.GTC), OrderSide.BUY, d("5"), OrderLeg.market()).build());
        OrderList otoco = trading.placeOrderList(NewOrderList.otoco("LTCBTC", OrderSide.SELL, d("1"),
                OrderLeg.limit(d("1"), TimeInForce.GTC), OrderSide.BUY, d("5"),
                OrderLeg.stopLossLimit(d("6"), d("1"), TimeInForce.IOC), OrderLeg.limitMaker(d("3"))).build());
        OrderList opo = trading.placeOrderListAsync(NewOrderList.opo("BTCUSDT", OrderSide.BUY, d("0.0006"),
                OrderLeg.limit(d("102264"), TimeInForce.GTC), OrderSide.SELL, OrderLeg.market()).build()).join();
        trading.placeOrderList(NewOrderList.opoco("BTCUSDT", OrderSide.BUY, d("0.0017"),
                OrderLeg.limitMaker(d("102496")), OrderSide.SELL,
                OrderLeg.limitMaker(d("104261")), OrderLeg.builder(OrderType.STOP_LOSS).trailingDelta(300).build()).build());
        List<LoggedRequest> sent = fake.rest().requests();
        assertThat(sent).hasSize(4);
        assertThat(request(sent.get(0), "POST", "/api/v3/orderList/oto")).containsExactly(
                Map.entry("symbol", "LTCBTC"), Map.entry("workingSide", "SELL"), Map.entry("workingQuantity", "1"),
                Map.entry("workingType", "LIMIT"), Map.entry("workingPrice", "1"), Map.entry("workingTimeInForce", "GTC"),
                Map.entry("pendingSide", "BUY"), Map.entry("pendingQuantity", "5"), Map.entry("pendingType", "MARKET"));
        assertThat(request(sent.get(1), "POST", "/api/v3/orderList/otoco"))
                .containsEntry("pendingAboveType", "STOP_LOSS_LIMIT").containsEntry("pendingAboveStopPrice", "6")
                .containsEntry("pendingAboveTimeInForce", "IOC").containsEntry("pendingBelowType", "LIMIT_MAKER")
                .containsEntry("pendingBelowPrice", "3").containsEntry("pendingQuantity", "5");
        assertThat(request(sent.get(2), "POST", "/api/v3/orderList/opo")).containsEntry("pendingType", "MARKET")
                .doesNotContainKey("pendingQuantity");
        assertThat(request(sent.get(3), "POST", "/api/v3/orderList/opoco"))
                .containsEntry("workingType", "LIMIT_MAKER").containsEntry("pendingBelowType", "STOP_LOSS")
                .containsEntry("pendingBelowTrailingDelta", "300").doesNotContainKey("pendingQuantity");
        assertThat(oto.orderReports().get(1).status()).isEqualTo(OrderStatus.PENDING_NEW);
        assertThat(otoco.orders()).hasSize(3);
        assertThat(otoco.orderReports().get(1).stopPrice()).isEqualTo(d("6.00000000"));
        assertThat(opo.orderReports().get(1).origQty()).isNull(); // the OPO pending order has no quantity yet
        assertThat(opo.symbol()).isEqualTo("BTCUSDT");
    }

    @Test
    void invalidOrderListsFailLocally() {
        rejectedLocally(() -> NewOrderList.oco("LTCBTC", OrderSide.SELL, d("5"), OrderLeg.limitMaker(d("3")),
                OrderLeg.limitMaker(d("1"))).build(), "OCO needs one STOP_LOSS or STOP_LOSS_LIMIT order and one");
        rejectedLocally(() -> NewOrderList.oco("LTCBTC", OrderSide.SELL, d("5"), OrderLeg.limitMaker(d("3")),
                OrderLeg.builder(OrderType.STOP_LOSS_LIMIT).stopPrice(d("1")).price(d("1")).build()).build(),
                "below order: STOP_LOSS_LIMIT order needs timeInForce");
        rejectedLocally(() -> NewOrderList.oco("LTCBTC", OrderSide.SELL, d("-5"), OrderLeg.limitMaker(d("3")),
                OrderLeg.stopLoss(d("1"))).build(), "quantity must be positive");
        rejectedLocally(() -> NewOrderList.oto("LTCBTC", OrderSide.SELL, d("1"), OrderLeg.market(), OrderSide.BUY, d("1"),
                OrderLeg.market()).build(), "working order must be LIMIT or LIMIT_MAKER, was MARKET");
        rejectedLocally(() -> NewOrderList.oto("LTCBTC", OrderSide.SELL, d("1"), OrderLeg.limitMaker(d("1")), OrderSide.BUY,
                d("1"), OrderLeg.builder(OrderType.TAKE_PROFIT).build()).build(),
                "pending order: TAKE_PROFIT order needs stopPrice or trailingDelta");
        rejectedLocally(() -> NewOrderList.otoco("LTCBTC", OrderSide.SELL, d("1"), OrderLeg.limitMaker(d("1")), null,
                d("1"), OrderLeg.limitMaker(d("3")), OrderLeg.stopLoss(d("1"))).build(), "pending order: side must be BUY or SELL");
        rejectedLocally(() -> NewOrderList.opo("LTCBTC", OrderSide.SELL, d("1"), OrderLeg.limitMaker(d("1")), OrderSide.BUY,
                null).build(), "pending order is required");
    }

    @Test
    void cancelAndQueryOrderLists() {
        OrderList canceled = trading.cancelOrderList("LTCBTC", 0L);
        assertThat(canceled.listStatusType().name()).isEqualTo("ALL_DONE");
        assertThat(canceled.orderReports()).allMatch(o -> o.status() == OrderStatus.CANCELED);
        assertThat(onlyRequest("DELETE", "/api/v3/orderList")).containsExactly(Map.entry("symbol", "LTCBTC"),
                Map.entry("orderListId", "0"));
        fake.rest().wireMock().resetRequests();
        OrderList q = trading.queryOrderList("h2USkA5YQpaXHPIrkd96xE");
        assertThat(q.orderListId()).isEqualTo(27);
        assertThat(q.orderReports()).isEmpty();
        assertThat(onlyRequest("GET", "/api/v3/orderList")).containsExactly(Map.entry("origClientOrderId", "h2USkA5YQpaXHPIrkd96xE"));
        fake.rest().wireMock().resetRequests();
        assertThat(trading.allOrderLists(null, null, null, 10)).hasSize(1);
        assertThat(onlyRequest("GET", "/api/v3/allOrderList")).containsExactly(Map.entry("limit", "10"));
        fake.rest().wireMock().resetRequests();
        assertThat(trading.openOrderListsAsync().join().get(0).orders()).hasSize(2);
        assertThat(onlyRequest("GET", "/api/v3/openOrderList")).isEmpty();
        fake.rest().wireMock().resetRequests();
        rejectedLocally(() -> trading.queryOrderListAsync(1L, "x"), "exactly one of orderListId or listClientOrderId");
        rejectedLocally(() -> trading.allOrderLists(3L, Instant.EPOCH, null, null), "fromId cannot be combined");
    }

    // ------------------------------------------------------------------ account

    @Test
    void accountInformation() {
        Account a = trading.account(true);
        assertThat(onlyRequest("GET", "/api/v3/account")).containsExactly(Map.entry("omitZeroBalances", "true"));
        assertThat(a.commissionRates().maker()).isEqualTo(d("0.00150000"));
        assertThat(a.canTrade()).isTrue();
        assertThat(a.accountType()).isEqualTo("SPOT");
        assertThat(a.balances()).extracting(Account.Balance::asset).containsExactly("BTC", "LTC");
        assertThat(a.balances().get(0).free()).isEqualTo(d("0.42170000"));
        assertThat(a.permissions()).containsExactly("SPOT");
        assertThat(a.uid()).isEqualTo(354937868L);
        assertThat(a.updateTime()).isEqualTo(Instant.ofEpochMilli(123456789));
        fake.rest().wireMock().resetRequests();
        trading.accountAsync(false).join();
        assertThat(onlyRequest("GET", "/api/v3/account")).isEmpty();
    }

    @Test
    void tradesOrderCountCommissionPreventedMatchesAndAllocations() {
        var trades = trading.myTrades("BNBBTC", 100234L, null, null, null, 50);
        assertThat(onlyRequest("GET", "/api/v3/myTrades")).containsExactly(Map.entry("symbol", "BNBBTC"),
                Map.entry("orderId", "100234"), Map.entry("limit", "50"));
        assertThat(trades.get(0).quoteQty()).isEqualTo(d("48.000012"));
        assertThat(trades.get(0).buyer()).isTrue();
        assertThat(trades.get(0).maker()).isFalse();
        assertThat(trades.get(0).time()).isEqualTo(Instant.ofEpochMilli(1499865549590L));
        fake.rest().wireMock().resetRequests();

        var usage = trading.unfilledOrderCount();
        assertThat(onlyRequest("GET", "/api/v3/rateLimit/order")).isEmpty();
        assertThat(usage).extracting(u -> u.interval() + "/" + u.limit()).containsExactly("SECOND/50", "DAY/160000");
        fake.rest().wireMock().resetRequests();

        AccountCommission c = trading.commissionRates("BTCUSDT");
        assertThat(onlyRequest("GET", "/api/v3/account/commission")).containsExactly(Map.entry("symbol", "BTCUSDT"));
        assertThat(c.standardCommission().seller()).isEqualTo(d("0.00000040"));
        assertThat(c.taxCommission().buyer()).isEqualTo(d("0.00000118"));
        assertThat(c.discount().discount()).isEqualTo(d("0.75000000"));
        fake.rest().wireMock().resetRequests();

        var prevented = trading.preventedMatches("BTCUSDT", null, 5L, 0L, 10);
        assertThat(onlyRequest("GET", "/api/v3/myPreventedMatches")).containsExactly(Map.entry("symbol", "BTCUSDT"),
                Map.entry("orderId", "5"), Map.entry("fromPreventedMatchId", "0"), Map.entry("limit", "10"));
        assertThat(prevented.get(0).selfTradePreventionMode()).isEqualTo(SelfTradePreventionMode.EXPIRE_MAKER);
        assertThat(prevented.get(0).makerPreventedQuantity()).isEqualTo(d("1.300000"));
        fake.rest().wireMock().resetRequests();

        var allocations = trading.allocationsAsync("BTCUSDT", null, null, null, null, 1L).join();
        assertThat(onlyRequest("GET", "/api/v3/myAllocations")).containsExactly(Map.entry("symbol", "BTCUSDT"),
                Map.entry("orderId", "1"));
        assertThat(allocations.get(0).allocationType()).isEqualTo("SOR");
        assertThat(allocations.get(0).allocator()).isFalse();
        fake.rest().wireMock().resetRequests();

        rejectedLocally(() -> trading.preventedMatches("BTCUSDT", null, null, null, null),
                "exactly one of preventedMatchId or orderId");
        rejectedLocally(() -> trading.preventedMatches("BTCUSDT", 1L, null, null, 5), "go with orderId");
        rejectedLocally(() -> trading.myTrades("BNBBTC", null, Instant.EPOCH, null, 3L, null), "fromId cannot be combined");
        rejectedLocally(() -> trading.commissionRates(null), "symbol is required");
    }
}
