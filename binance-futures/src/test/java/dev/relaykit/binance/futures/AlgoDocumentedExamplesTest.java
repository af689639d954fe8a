package dev.relaykit.binance.futures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.binance.futures.model.AlgoOrder;
import dev.relaykit.binance.futures.model.AlgoStatus;
import dev.relaykit.binance.futures.model.FuturesOrderType;
import dev.relaykit.binance.futures.model.PlacedOrder;
import dev.relaykit.binance.futures.model.PositionSide;
import dev.relaykit.binance.model.OrderSide;
import dev.relaykit.binance.model.SelfTradePreventionMode;
import dev.relaykit.testkit.FakeBinanceFutures;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The algo-order endpoints against the examples of their own pages ("New Algo Order", "Query Algo Order", "Cancel
 * Algo Order", "Current All Algo Open Orders", "Query All Algo Orders", "Cancel All Algo Open Orders"), served in
 * place of the fake's algo engine.
 */
class AlgoDocumentedExamplesTest {
    private final Sent s = new Sent();

    @AfterEach
    void close() {
        s.close();
    }

    private void serve(String method, String path, String fixture) {
        s.fake.rest().stubJson(method, path, 200, FakeBinanceFutures.resource(fixture));
    }

    @Test
    void newAlgoOrderExample() {
        serve("POST", "/fapi/v1/algoOrder", "usdm-algoOrder-new.json");
        PlacedOrder placed = s.usdm.trading().newOrder(NewFuturesOrder.builder("BNBUSDT", OrderSide.SELL,
                FuturesOrderType.TAKE_PROFIT).quantity(Sent.d("0.01")).price(Sent.d("750")).triggerPrice(Sent.d("750"))
                .timeInForce(dev.relaykit.binance.futures.model.FuturesTimeInForce.GTC).build());
        AlgoOrder a = ((PlacedOrder.Conditional) placed).algoOrder();
        assertThat(a.algoId()).isEqualTo(2146760L);
        assertThat(a.clientAlgoId()).isEqualTo("6B2I9XVcJpCjqPAJ4YoFX7");
        assertThat(a.algoType()).isEqualTo("CONDITIONAL");
        assertThat(a.orderType()).isEqualTo(FuturesOrderType.TAKE_PROFIT);
        assertThat(a.side()).isEqualTo(OrderSide.SELL);
        assertThat(a.positionSide()).isEqualTo(PositionSide.BOTH);
        assertThat(a.algoStatus()).isEqualTo(AlgoStatus.NEW);
        assertThat(a.triggerPrice()).isEqualByComparingTo("750");
        assertThat(a.selfTradePreventionMode()).isEqualTo(SelfTradePreventionMode.EXPIRE_MAKER);
        assertThat(a.activatePrice()).isNull();   // documented as "" before a trailing stop has one
        assertThat(a.createTime()).isEqualTo(Instant.ofEpochMilli(1750485492076L));
        assertThat(a.triggerTime()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void queryCancelAndListExamples() {
        serve("GET", "/fapi/v1/algoOrder", "usdm-algoOrder-query.json");
        AlgoOrder q = s.usdm.algo().query(2146760L);
        assertThat(q.algoStatus()).isEqualTo(AlgoStatus.CANCELED);
        assertThat(q.actualType()).isEqualTo(FuturesOrderType.LIMIT);
        assertThat(q.actualQty()).isEqualByComparingTo("0.01");
        assertThat(q.actualOrderId()).isEmpty();

        serve("DELETE", "/fapi/v1/algoOrder", "usdm-algoOrder-cancel.json");
        assertThat(s.usdm.algo().cancel(2146760L).msg()).isEqualTo("success");

        serve("GET", "/fapi/v1/openAlgoOrders", "usdm-openAlgoOrders.json");
        assertThat(s.usdm.algo().openOrders("BNBUSDT")).extracting(AlgoOrder::algoId).containsExactly(2148627L);
        serve("GET", "/fapi/v1/allAlgoOrders", "usdm-allAlgoOrders.json");
        assertThat(s.usdm.algo().allOrders("BNBUSDT", null, null, null)).isNotEmpty();
        serve("DELETE", "/fapi/v1/algoOpenOrders", "usdm-algoOpenOrders-cancel.json");
        assertThat(s.usdm.algo().cancelAllOpenOrders("BNBUSDT").code()).isEqualTo(200);
    }
}
