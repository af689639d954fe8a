package dev.relaykit.samples.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.binance.BinanceKey;
import dev.relaykit.binance.futures.FuturesEnvironment;
import dev.relaykit.binance.futures.FuturesProduct;
import dev.relaykit.binance.futures.model.AlgoStatus;
import dev.relaykit.binance.model.PriceLevel;
import dev.relaykit.testkit.FakeBinanceFutures;
import dev.relaykit.testkit.FakeBinanceFuturesStreams;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FuturesBotTest {

    @Test
    void runsOfflineMarkPriceBookConditionalOrderAndPositions() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FuturesBot.Report r = FuturesBot.offline("BTCUSDT", new BigDecimal("0.002"), null,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(r.mark().markPrice()).isEqualByComparingTo("11794.15");
        assertThat(r.mark().fundingRate()).isEqualByComparingTo("0.00038167");
        // the REST snapshot's bid (4.0 x 431) plus the diff that followed on it by the pu rule
        assertThat(r.bestBid()).isEqualTo(new PriceLevel(new BigDecimal("4.00000100"), new BigDecimal("5")));
        assertThat(r.bestAsk()).isEqualTo(new PriceLevel(new BigDecimal("4.00000150"), new BigDecimal("2")));
        assertThat(r.placed().triggerPrice()).isEqualByComparingTo("9435"); // 80 % of the mark, whole units
        assertThat(r.placed().algoStatus()).isEqualTo(AlgoStatus.NEW);
        assertThat(r.cancelled().algoId()).isEqualTo(r.placed().algoId());
        assertThat(r.positions()).isNotEmpty();
        assertThat(out).contains("mark price 11794.15", "order book synced at update 1027040",
                "through /fapi/v1/algoOrder", "cancelled: algo order " + r.placed().algoId(), "position:  ");
    }

    @Test
    void theConditionalOrderGoesToTheAlgoServiceSignedAndIsGoneAfterTheCancel() {
        try (FakeBinanceFutures rest = FakeBinanceFutures.start().acceptHmacKey("k", "s");
             FakeBinanceFuturesStreams streams = FakeBinanceFuturesStreams.start()) {
            FuturesEnvironment env = FuturesEnvironment.custom(FuturesProduct.USD_M, rest.restBaseUrl(),
                    streams.baseUrl(), "ws://127.0.0.1:1/ws-fapi/v1").withSplitStreamPaths(true);
            Runnable market = () -> {
                try {
                    streams.streams().awaitSubscribed("ethusdt@markPrice@1s", java.time.Duration.ofSeconds(10));
                    streams.streams().publish("ethusdt@markPrice@1s", FakeBinanceFuturesStreams
                            .fixture("stream-markPrice.json").replace("BTCUSDT", "ETHUSDT"));
                    streams.streams().awaitSubscribed("ethusdt@depth@100ms", java.time.Duration.ofSeconds(10));
                    streams.streams().publish("ethusdt@depth@100ms", "{\"e\":\"depthUpdate\",\"E\":1,\"T\":1,"
                            + "\"s\":\"ETHUSDT\",\"U\":1027000,\"u\":1027100,\"pu\":1026999,\"b\":[],\"a\":[]}");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            };
            FuturesBot.Report r = FuturesBot.run(env, BinanceKey.hmac("k", "s"), "ETHUSDT", new BigDecimal("0.5"),
                    new BigDecimal("1500"), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    market);

            assertThat(rest.rejectedRequests()).isEmpty(); // every request signed as Binance checks it
            assertThat(rest.rest().requests()).extracting(q -> q.getMethod().getName() + " " + q.getUrl().split("\\?")[0])
                    .contains("POST /fapi/v1/algoOrder", "DELETE /fapi/v1/algoOrder", "GET /fapi/v3/positionRisk")
                    .doesNotContain("POST /fapi/v1/order");
            assertThat(r.placed().symbol()).isEqualTo("ETHUSDT");
            assertThat(r.placed().triggerPrice()).isEqualByComparingTo("1500");
            assertThat(rest.algoOrders()).hasSize(1).allSatisfy(o -> assertThat(o.path("algoStatus").asText()).isEqualTo("CANCELED"));
        }
    }
}
