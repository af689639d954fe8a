package dev.relaykit.binance.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.relaykit.binance.BinanceEnvironment;
import dev.relaykit.binance.BinanceSpot;
import dev.relaykit.binance.model.DepthUpdateEvent;
import dev.relaykit.binance.model.OrderBookDepth;
import dev.relaykit.binance.model.PriceLevel;
import dev.relaykit.binance.stream.MarketStreams;
import dev.relaykit.testkit.FakeBinance;
import dev.relaykit.testkit.FakeBinanceStreams;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The local order book: Binance's "How to manage a local order book correctly", step by step. */
class OrderBookTest {

    private static PriceLevel level(String price, String qty) {
        return new PriceLevel(new BigDecimal(price), new BigDecimal(qty));
    }

    private static DepthUpdateEvent diff(long first, long last, List<PriceLevel> bids, List<PriceLevel> asks) {
        return new DepthUpdateEvent(Instant.EPOCH, "BNBBTC", first, last, bids, asks);
    }

    /** A snapshot source the test answers by hand, one future per request. */
    private static final class Snapshots {
        final BlockingQueue<CompletableFuture<OrderBookDepth>> requests = new LinkedBlockingQueue<>();

        CompletableFuture<OrderBookDepth> request(String symbol) {
            CompletableFuture<OrderBookDepth> f = new CompletableFuture<>();
            requests.add(f);
            return f;
        }

        CompletableFuture<OrderBookDepth> next() throws InterruptedException {
            CompletableFuture<OrderBookDepth> f = requests.poll(5, TimeUnit.SECONDS);
            assertThat(f).as("a snapshot request").isNotNull();
            return f;
        }
    }

    @Test
    void buildsFromTheSnapshotAndTheBufferedDiffsDroppingStaleOnes() throws Exception {
        Snapshots snapshots = new Snapshots();
        List<DepthUpdateEvent> applied = new CopyOnWriteArrayList<>();
        OrderBook book = OrderBook.builder("bnbbtc").snapshotSource(snapshots::request)
                .listener(new OrderBookListener() {
                    @Override
                    public void onUpdate(OrderBook b, DepthUpdateEvent event) {
                        applied.add(event);
                    }
                }).build();
        assertThat(book.symbol()).isEqualTo("BNBBTC");

        // buffered while the snapshot is on its way
        DepthUpdateEvent stale = diff(95, 100, List.of(level("0.0020", "99")), List.of());
        DepthUpdateEvent straddling = diff(101, 105, List.of(level("0.0024", "10")), List.of(level("0.0026", "100")));
        DepthUpdateEvent next = diff(106, 107, List.of(level("0.00240000", "12.5")), List.of(level("0.0027", "0")));
        book.accept(stale);
        book.accept(straddling);
        book.accept(next);
        assertThat(book.isSynced()).isFalse();
        assertThat(book.bestBid()).isNull();

        snapshots.next().complete(new OrderBookDepth(102,
                List.of(level("0.0024", "5"), level("0.0023", "7")),
                List.of(level("0.0026", "3"), level("0.0027", "4"))));
        book.synced().get(5, TimeUnit.SECONDS);

        assertThat(applied).containsExactly(straddling, next); // u <= lastUpdateId (100 <= 102) was dropped
        assertThat(book.lastUpdateId()).isEqualTo(107);
        // 0.0024 and 0.00240000 are one level; the quantity is exactly what Binance sent
        assertThat(book.bestBid()).isEqualTo(level("0.0024", "12.5"));
        assertThat(book.bids(10)).containsExactly(level("0.0024", "12.5"), level("0.0023", "7"));
        // quantity 0 removed 0.0027
        assertThat(book.asks(10)).containsExactly(level("0.0026", "100"));
        assertThat(book.bestAsk()).isEqualTo(level("0.0026", "100"));

        // stale after sync: ignored; in sequence: applied
        book.accept(diff(100, 106, List.of(level("0.0001", "1")), List.of()));
        book.accept(diff(108, 108, List.of(), List.of(level("0.0026", "0"), level("0.0030", "1.00000001"))));
        OrderBookDepth copy = book.snapshot();
        assertThat(copy.lastUpdateId()).isEqualTo(108);
        assertThat(copy.bids()).containsExactly(level("0.0024", "12.5"), level("0.0023", "7"));
        assertThat(copy.asks()).containsExactly(level("0.0030", "1.00000001"));
        assertThat(snapshots.requests).isEmpty();
        book.close();
    }

    @Test
    void aSnapshotOlderThanTheFirstBufferedEventIsFetchedAgain() throws Exception {
        Snapshots snapshots = new Snapshots();
        OrderBook book = OrderBook.builder("BNBBTC").snapshotSource(snapshots::request).build();
        book.accept(diff(200, 210, List.of(level("1", "1")), List.of()));
        snapshots.next().complete(new OrderBookDepth(150, List.of(), List.of())); // strictly less than U=200
        assertThat(book.isSynced()).isFalse();
        snapshots.next().complete(new OrderBookDepth(205, List.of(level("0.5", "2")), List.of()));
        book.synced().get(5, TimeUnit.SECONDS);
        assertThat(book.lastUpdateId()).isEqualTo(210);
        assertThat(book.bids(5)).containsExactly(level("1", "1"), level("0.5", "2"));
        book.close();
    }

    @Test
    void aGapTriggersAResyncFromANewSnapshotAndTellsTheUser() throws Exception {
        Snapshots snapshots = new Snapshots();
        List<OrderBookResync> resyncs = new CopyOnWriteArrayList<>();
        List<Long> syncedAt = new CopyOnWriteArrayList<>();
        OrderBook book = OrderBook.builder("BNBBTC").snapshotSource(snapshots::request)
                .listener(new OrderBookListener() {
                    @Override
                    public void onResync(OrderBook b, OrderBookResync resync) {
                        resyncs.add(resync);
                    }

                    @Override
                    public void onSynced(OrderBook b) {
                        syncedAt.add(b.lastUpdateId());
                    }
                }).build();
        book.accept(diff(11, 12, List.of(level("10", "1")), List.of()));
        snapshots.next().complete(new OrderBookDepth(11, List.of(level("9", "1")), List.of(level("12", "1"))));
        assertThat(book.isSynced()).isTrue();
        assertThat(book.lastUpdateId()).isEqualTo(12);

        // 13..14 never arrive
        book.accept(diff(15, 16, List.of(level("10", "3")), List.of()));
        assertThat(resyncs).singleElement().satisfies(r -> {
            assertThat(r.symbol()).isEqualTo("BNBBTC");
            assertThat(r.expectedFirstUpdateId()).isEqualTo(13);
            assertThat(r.receivedFirstUpdateId()).isEqualTo(15);
        });
        assertThat(book.isSynced()).isFalse();
        assertThat(book.bestBid()).isNull(); // nothing stale is shown while resyncing

        book.accept(diff(17, 18, List.of(), List.of(level("12", "0"))));
        snapshots.next().complete(new OrderBookDepth(16, List.of(level("10", "3"), level("9", "1")),
                List.of(level("12", "1"))));
        assertThat(book.isSynced()).isTrue();
        assertThat(book.lastUpdateId()).isEqualTo(18);
        assertThat(book.asks(5)).isEmpty();
        assertThat(book.bids(5)).containsExactly(level("10", "3"), level("9", "1"));
        assertThat(syncedAt).containsExactly(11L, 16L);
        book.close();
    }

    @Test
    void badOptionsFailAtOnce() {
        assertThatThrownBy(() -> OrderBook.builder("BTC-USDT")).hasMessageContaining("not a symbol");
        assertThatThrownBy(() -> OrderBook.builder("BTCUSDT").snapshotLimit(5001)).hasMessageContaining("between 1 and 5000");
        assertThatThrownBy(() -> OrderBook.builder("BTCUSDT").build()).hasMessageContaining("needs streams");
    }

    /** A snapshot that does not fit the documented shape reaches the listener as a DecodeException. */
    @Test
    void aMalformedRestSnapshotIsADecodeErrorForTheListener() throws Exception {
        try (FakeBinance rest = FakeBinance.start(); FakeBinanceStreams ws = FakeBinanceStreams.start();
             BinanceSpot spot = BinanceSpot.builder().environment(BinanceEnvironment.custom(rest.restBaseUrl(),
                     ws.baseUrl(), "ws://127.0.0.1:1/ws-api/v3")).build();
             MarketStreams streams = spot.streams()) {
            rest.rest().stubJson("GET", "/api/v3/depth", 200, "{\"lastUpdateId\":\"soon\",\"bids\":[],\"asks\":[]}");
            BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();
            OrderBook book = OrderBook.builder("BNBBTC").streams(streams).snapshotLimit(100)
                    .listener(new OrderBookListener() {
                        @Override
                        public void onError(OrderBook b, Throwable error) {
                            errors.add(error);
                        }
                    }).build();
            ws.awaitSubscribed("bnbbtc@depth@100ms", Duration.ofSeconds(10));
            ws.publish("bnbbtc@depth@100ms", FakeBinanceStreams.fixture("stream-depth-update.json"));
            assertThat(errors.poll(10, TimeUnit.SECONDS)).isInstanceOf(dev.relaykit.core.DecodeException.class)
                    .hasMessageContaining("OrderBookDepth");
            assertThat(book.isSynced()).isFalse();
            assertThat(rest.rest().requests().get(0).getUrl()).isEqualTo("/api/v3/depth?symbol=BNBBTC&limit=100");
            book.close();
        }
    }

    /** The whole path: diff stream from the fake stream server, snapshot over REST from the fake REST API. */
    @Test
    void keepsInSyncFromTheStreamAndARestSnapshot() throws Exception {
        try (FakeBinance rest = FakeBinance.start(); FakeBinanceStreams ws = FakeBinanceStreams.start();
             BinanceSpot spot = BinanceSpot.builder().environment(BinanceEnvironment.custom(rest.restBaseUrl(),
                     ws.baseUrl(), "ws://127.0.0.1:1/ws-api/v3")).build();
             MarketStreams streams = spot.streams()) {
            // the documented example answer of GET /api/v3/depth (Market data endpoints, "Order book")
            rest.rest().stubJson("GET", "/api/v3/depth", 200, FakeBinance.resource("stream-depth-snapshot.json"));
            List<String> events = new ArrayList<>();
            OrderBook book = OrderBook.builder("BNBBTC").streams(streams).listener(new OrderBookListener() {
                @Override
                public void onSynced(OrderBook b) {
                    events.add("synced@" + b.lastUpdateId());
                }
            }).build();
            ws.awaitSubscribed("bnbbtc@depth@100ms", Duration.ofSeconds(10));
            ws.publish("bnbbtc@depth@100ms", FakeBinanceStreams.fixture("stream-depth-update.json")); // U=157 u=160
            book.synced().get(10, TimeUnit.SECONDS);

            assertThat(book.lastUpdateId()).isEqualTo(1027024);
            assertThat(book.bestBid()).isEqualTo(level("4.00000000", "431.00000000"));
            assertThat(book.bestAsk()).isEqualTo(level("4.00000200", "12.00000000"));
            LoggedRequest request = rest.rest().requests().get(0);
            assertThat(request.getUrl()).isEqualTo("/api/v3/depth?symbol=BNBBTC&limit=5000");

            ws.publish("bnbbtc@depth@100ms", "{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BNBBTC\",\"U\":1027025,"
                    + "\"u\":1027026,\"b\":[[\"4.00000000\",\"0\"],[\"3.9\",\"1.5\"]],\"a\":[]}");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (book.lastUpdateId() != 1027026 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(book.bids(3)).containsExactly(level("3.9", "1.5"));
            assertThat(events).containsExactly("synced@1027024");
            book.close();
        }
    }
}
