package dev.relaykit.binance.futures;

import static dev.relaykit.binance.futures.Sent.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.binance.futures.model.BatchOrderResult;
import dev.relaykit.binance.futures.model.FuturesOrderStatus;
import dev.relaykit.binance.futures.model.PositionSide;
import dev.relaykit.binance.futures.model.PriceMatch;
import dev.relaykit.binance.model.OrderSide;
import dev.relaykit.core.json.Json;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Typed batch modify ({@code PUT /fapi/v1/batchOrders}, {@code /dapi/v1/batchOrders}): what is sent, signed, and the per-entry answers. */
class BatchModifyTest {
    private final Sent s = new Sent();

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void usdmSendsTheDocumentedEntriesSignedAndAnswersPerEntry() {
        List<BatchOrderResult> results = s.usdm.trading().modifyOrders(List.of(
                OrderModification.of("BTCUSDT", 20072994037L, OrderSide.BUY, d("1"), d("30005")),
                OrderModification.ofClientId("BTCUSDT", "my-order-7", OrderSide.SELL, d("0.5"), null)
                        .withPriceMatch(PriceMatch.QUEUE_5)));
        Map<String, String> sent = s.signed("PUT", "/fapi/v1/batchOrders");
        assertThat(sent).containsOnlyKeys("batchOrders");
        JsonNode batch = Json.tree(sent.get("batchOrders"));
        assertThat(batch).hasSize(2);
        assertThat(batch.get(0).toString()).isEqualTo(
                "{\"orderId\":\"20072994037\",\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":\"1\",\"price\":\"30005\"}");
        assertThat(batch.get(1).toString()).isEqualTo("{\"origClientOrderId\":\"my-order-7\",\"symbol\":\"BTCUSDT\","
                + "\"side\":\"SELL\",\"quantity\":\"0.5\",\"priceMatch\":\"QUEUE_5\"}");

        assertThat(results).hasSize(2);
        assertThat(results.get(0).ok()).isTrue();
        assertThat(results.get(0).order().orderId()).isEqualTo(20072994037L);
        assertThat(results.get(0).order().price()).isEqualByComparingTo("30005");
        assertThat(results.get(0).order().status()).isEqualTo(FuturesOrderStatus.NEW);
        assertThat(results.get(0).order().positionSide()).isEqualTo(PositionSide.LONG);
        assertThat(results.get(1).ok()).isFalse();
        assertThat(results.get(1).code()).isEqualTo(-2022);
        assertThat(results.get(1).msg()).isEqualTo("ReduceOnly Order is rejected.");
    }

    @Test
    void coinmUsesDapi() {
        List<BatchOrderResult> results = s.coinm.trading().modifyOrdersAsync(List.of(
                OrderModification.of("BTCUSD_PERP", 20072994037L, OrderSide.BUY, d("1"), d("30005")))).join();
        Map<String, String> sent = s.signed("PUT", "/dapi/v1/batchOrders");
        assertThat(Json.tree(sent.get("batchOrders")).get(0).path("symbol").asText()).isEqualTo("BTCUSD_PERP");
        assertThat(results.get(0).order().pair()).isEqualTo("BTCUSD");
        assertThat(results.get(1).code()).isEqualTo(-2022);
    }

    @Test
    void badEntriesAreRefusedBeforeAnythingIsSent() {
        OrderModification ok = OrderModification.of("BTCUSDT", 1L, OrderSide.BUY, d("1"), d("30000"));
        s.rejectedLocally(() -> s.usdm.trading().modifyOrders(List.of()), "a batch modifies 1 to 5 orders, was 0");
        s.rejectedLocally(() -> s.usdm.trading().modifyOrders(Collections.nCopies(6, ok)),
                "a batch modifies 1 to 5 orders, was 6");
        s.rejectedLocally(() -> s.usdm.trading().modifyOrders(List.of(ok,
                new OrderModification("BTCUSDT", null, null, OrderSide.BUY, d("1"), d("1"), null))),
                "orderId or origClientOrderId is required");
        s.rejectedLocally(() -> s.usdm.trading().modifyOrders(List.of(
                new OrderModification("BTCUSDT", 1L, null, OrderSide.BUY, d("1"), d("1"), PriceMatch.OPPONENT))),
                "send price or priceMatch, not both");
        s.rejectedLocally(() -> s.usdm.trading().modifyOrders(List.of(
                OrderModification.of("BTCUSDT", 1L, null, d("1"), d("1")))), "side is required");
        s.rejectedLocally(() -> s.usdm.trading().modifyOrders(List.of(
                OrderModification.of("BTCUSDT", 1L, OrderSide.BUY, d("0"), d("1")))), "quantity must be positive");
        s.rejectedLocally(() -> s.usdm.trading().modifyOrders(List.of(
                OrderModification.of("BTCUSDT", 1L, OrderSide.BUY, d("1"), null))), "price must be positive");
        s.rejectedLocally(() -> s.coinm.trading().modifyOrders(List.of(
                OrderModification.of("BTCUSD_PERP", 1L, OrderSide.BUY, d("1"), null).withPriceMatch(PriceMatch.QUEUE))),
                "priceMatch is USD-M only");
        s.rejectedLocally(() -> s.coinm.trading().modifyOrders(List.of(
                OrderModification.of("BTCUSDT", 1L, OrderSide.BUY, d("1"), d("1")))), "is not a COIN-M contract symbol");

        s.reset();
        assertThatThrownBy(() -> s.usdm.trading().modifyOrdersAsync(null).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(s.fake.rest().requests()).isEmpty();
    }
}
