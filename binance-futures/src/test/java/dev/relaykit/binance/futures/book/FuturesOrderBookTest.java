package dev.relaykit.binance.futures.book;

import static dev.relaykit.binance.futures.Fakes.WAIT;
import static dev.relaykit.binance.futures.Fakes.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.binance.book.OrderBook;
import dev.relaykit.binance.book.OrderBookListener;
import dev.relaykit.binance.book.OrderBookResync;
import dev.relaykit.binance.futures.Fakes;
import dev.relaykit.binance.futures.UsdmFutures;
import dev.relaykit.binance.futures.stream.FuturesMarketStreams;
import dev.relaykit.binance.model.OrderBookDepth;
import dev.relaykit.binance.model.PriceLevel;
import dev.relaykit.testkit.FakeBinanceFuturesStreams;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The futures local book over the fake's {@code /public} depth stream: synced by the futures rule
 * (first event straddles the snapshot's id, then {@code pu} = previous {@code u}), and a {@code pu}
 * that does not follow on makes it fetch a new snapshot and rebuild.
 */
class FuturesOrderBookTest {
    private final FakeBinanceFuturesStreams fake = FakeBinanceFuturesStreams.start();
    private final UsdmFutures futures = Fakes.usdm(fake);
    private final FuturesMarketStreams streams = futures.streams();
    private final LinkedBlockingQueue<CompletableFuture<OrderBookDepth>> snapshotRequests = new LinkedBlockingQueue<>();
    private final List<OrderBookResync> resyncs = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() {
        streams.close();
        futures.close();
        fake.close();
    }

    private static String diff(long first, long last, long pu, String bidPrice, String bidQty) {
        return "{\"e\":\"depthUpdate\",\"E\":1,\"T\":1,\"s\":\"BTCUSDT\",\"U\":" + first + ",\"u\":" + last + ",\"pu\":" + pu
                + ",\"b\":[[\"" + bidPrice + "\",\"" + bidQty + "\"]],\"a\":[]}";
    }

    private static OrderBookDepth snapshot(long id, String bidPrice, String bidQty) {
        return new OrderBookDepth(id, List.of(new PriceLevel(new BigDecimal(bidPrice), new BigDecimal(bidQty))),
                List.of(new PriceLevel(new BigDecimal("101"), new BigDecimal("1"))));
    }

    private FuturesOrderBook book() throws Exception {
        FuturesOrderBook book = FuturesOrderBook.builder("BTCUSDT", streams, "/fapi/v1/depth")
                .snapshotSource(symbol -> {
                    CompletableFuture<OrderBookDepth> f = new CompletableFuture<>();
                    snapshotRequests.add(f);
                    return f;
                })
                .listener(new OrderBookListener() {
                    @Override
                    public void onResync(OrderBook b, OrderBookResync resync) {
                        resyncs.add(resync);
                    }
                })
                .build();
        fake.streams().awaitSubscribed("btcusdt@depth@100ms", WAIT);
        assertThat(fake.streams().awaitSubscribed("btcusdt@depth@100ms", WAIT).route()).isEqualTo("public");
        return book;
    }

    @Test
    void syncsByTheFuturesRuleAndFollowsThePuChain() throws Exception {
        try (FuturesOrderBook book = book()) {
            fake.streams().publish("btcusdt@depth@100ms", diff(90, 95, 80, "99", "1"));   // older than the snapshot: dropped
            fake.streams().publish("btcusdt@depth@100ms", diff(96, 105, 95, "99", "2"));  // U <= 100 <= u: first applied
            snapshotRequests.poll(10, TimeUnit.SECONDS).complete(snapshot(100, "99", "5"));
            book.synced().get(10, TimeUnit.SECONDS);
            await(() -> book.book().lastUpdateId() == 105, "the straddling event applied");
            assertThat(book.bestBid()).isEqualTo(new PriceLevel(new BigDecimal("99"), new BigDecimal("2")));
            assertThat(book.book().lastUpdateId()).isEqualTo(105);

            // ids are not contiguous on futures: 106..110 skipped, yet pu = 105 says nothing was missed
            fake.streams().publish("btcusdt@depth@100ms", diff(111, 120, 105, "98", "3"));
            await(() -> book.book().lastUpdateId() == 120, "the next event applied");
            assertThat(book.bids(2)).containsExactly(new PriceLevel(new BigDecimal("99"), new BigDecimal("2")),
                    new PriceLevel(new BigDecimal("98"), new BigDecimal("3")));
            assertThat(resyncs).isEmpty();
        }
    }

    @Test
    void aPuThatDoesNotFollowOnRebuildsTheBookFromANewSnapshot() throws Exception {
        try (FuturesOrderBook book = book()) {
            fake.streams().publish("btcusdt@depth@100ms", diff(96, 105, 95, "99", "2"));
            snapshotRequests.poll(10, TimeUnit.SECONDS).complete(snapshot(100, "99", "5"));
            book.synced().get(10, TimeUnit.SECONDS);
            await(() -> book.book().lastUpdateId() == 105, "the straddling event applied");

            // pu 110 but the previous u was 105: events 106..110 were missed
            fake.streams().publish("btcusdt@depth@100ms", diff(111, 120, 110, "97", "4"));
            await(() -> !resyncs.isEmpty(), "a resync");
            assertThat(resyncs.get(0).expectedFirstUpdateId()).isEqualTo(105);
            assertThat(resyncs.get(0).receivedFirstUpdateId()).isEqualTo(110);
            assertThat(book.book().isSynced()).isFalse();

            CompletableFuture<OrderBookDepth> second = snapshotRequests.poll(10, TimeUnit.SECONDS);
            assertThat(second).as("a new snapshot was requested").isNotNull();
            second.complete(snapshot(115, "96", "7"));
            await(() -> book.book().isSynced(), "synced again");
            assertThat(book.book().lastUpdateId()).isEqualTo(120);
            assertThat(book.bids(5)).containsExactly(new PriceLevel(new BigDecimal("97"), new BigDecimal("4")),
                    new PriceLevel(new BigDecimal("96"), new BigDecimal("7")));
        }
    }
}
