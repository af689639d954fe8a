package dev.relaykit.binance.futures;

import static dev.relaykit.binance.futures.Fakes.WAIT;
import static dev.relaykit.binance.futures.Fakes.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.binance.BinanceKey;
import dev.relaykit.binance.futures.book.FuturesOrderBook;
import dev.relaykit.binance.futures.stream.FuturesMarketStreams;
import dev.relaykit.binance.futures.stream.FuturesStream;
import dev.relaykit.binance.model.PriceLevel;
import dev.relaykit.core.json.Json;
import dev.relaykit.testkit.FakeBinanceFuturesStreams;
import dev.relaykit.testkit.FakeBinanceWsApi;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The facades' streaming entry points are built from the facade's environment and context, and the facade's
 * {@code close()} closes what it owns (the WebSocket API connection, the order books' stream connections) and
 * not what the caller owns.
 */
class FacadeEntryPointsTest {
    private final FakeBinanceFuturesStreams fake = FakeBinanceFuturesStreams.start();
    private final FakeBinanceWsApi wsFake = FakeBinanceWsApi.start().acceptHmacKey("fake-api-key", "fake-secret");
    private final UsdmFutures futures = UsdmFutures.builder().key(BinanceKey.hmac("fake-api-key", "fake-secret"))
            .environment(FuturesEnvironment.custom(FuturesProduct.USD_M, fake.restBaseUrl(), fake.baseUrl(),
                    wsFake.wsApiUrl()).withSplitStreamPaths(true))
            .build();

    @AfterEach
    void tearDown() {
        futures.close();
        wsFake.close();
        fake.close();
    }

    @Test
    void orderBookSnapshotsFromTheFacadesRestPathAndItsStreamsCloseWithTheFacade() throws Exception {
        fake.rest().stubJson("GET", "/fapi/v1/depth", 200,
                "{\"lastUpdateId\":100,\"E\":1,\"T\":1,\"bids\":[[\"99\",\"5\"]],\"asks\":[[\"101\",\"1\"]]}");
        FuturesOrderBook book = futures.orderBook("BTCUSDT").snapshotLimit(100).build();
        assertThat(fake.streams().awaitSubscribed("btcusdt@depth@100ms", WAIT).route()).isEqualTo("public");
        fake.streams().publish("btcusdt@depth@100ms", "{\"e\":\"depthUpdate\",\"E\":1,\"T\":1,\"s\":\"BTCUSDT\","
                + "\"U\":96,\"u\":105,\"pu\":95,\"b\":[[\"99\",\"2\"]],\"a\":[]}");
        book.synced().get(10, TimeUnit.SECONDS);
        await(() -> book.book().lastUpdateId() == 105, "the straddling event applied");
        assertThat(book.bestBid()).isEqualTo(new PriceLevel(new BigDecimal("99"), new BigDecimal("2")));
        assertThat(fake.rest().requests()).anySatisfy(r -> assertThat(r.getUrl())
                .startsWith("/fapi/v1/depth").contains("symbol=BTCUSDT").contains("limit=100"));

        futures.close();
        await(() -> fake.streams().openConnections().isEmpty(), "the book's stream connection closed by the facade");
        assertThatThrownBy(() -> futures.orderBook("ETHUSDT")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(futures::wsApi).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void wsApiIsOnePerFacadeOnItsEnvironmentAndKeyAndClosesWithIt() throws Exception {
        wsFake.handle("account.balance", call -> call.reply(Json.tree("[{\"asset\":\"USDT\",\"balance\":\"122.6\"}]")));
        assertThat(futures.wsApi()).isSameAs(futures.wsApi());
        assertThat(futures.wsApi().accountBalance().get(0).balance()).isEqualByComparingTo("122.6");
        assertThat(wsFake.rejectedRequests()).isEmpty();
        assertThat(wsFake.requests("account.balance").get(0).path("params").path("apiKey").asText())
                .isEqualTo("fake-api-key");

        assertThat(wsFake.server().openClients()).hasSize(1);

        futures.close();
        await(() -> wsFake.server().openClients().isEmpty(), "the WebSocket API connection closed by the facade");
    }

    @Test
    void streamsAreTheCallersAndRouteByTheEnvironmentsPaths() throws Exception {
        try (FuturesMarketStreams streams = futures.streams(); FuturesMarketStreams other = futures.streams()) {
            assertThat(streams).isNotSameAs(other);
            streams.subscribe(FuturesStream.markPrice("BTCUSDT"), e -> { });
            assertThat(fake.streams().awaitSubscribed("btcusdt@markPrice@1s", WAIT).route()).isEqualTo("market");
            futures.close();
            // the facade does not close what the caller owns
            assertThat(fake.streams().openConnections()).hasSize(1);
        }
        await(() -> fake.streams().openConnections().isEmpty(), "closed by its owner");
    }
}
