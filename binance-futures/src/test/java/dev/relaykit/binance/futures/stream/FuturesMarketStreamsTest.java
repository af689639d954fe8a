package dev.relaykit.binance.futures.stream;

import static dev.relaykit.binance.futures.Fakes.WAIT;
import static dev.relaykit.binance.futures.Fakes.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.binance.futures.CoinmFutures;
import dev.relaykit.binance.futures.Fakes;
import dev.relaykit.binance.futures.UsdmFutures;
import dev.relaykit.binance.stream.StreamGap;
import dev.relaykit.binance.stream.StreamListener;
import dev.relaykit.testkit.FakeBinanceFuturesStreams;
import dev.relaykit.testkit.FakeBinanceStreams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import dev.relaykit.testsupport.NumberedFeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Futures market streams against the fake with Binance's split paths: each stream goes to the path
 * that carries it (a mixed combined subscription too), live unsubscribe, rotation without gap or
 * duplicate, gaps reported; COIN-M on its single host.
 */
class FuturesMarketStreamsTest {
    private final FakeBinanceFuturesStreams fake = FakeBinanceFuturesStreams.start();
    private final UsdmFutures futures = Fakes.usdm(fake);
    private FuturesMarketStreams streams;

    @AfterEach
    void tearDown() {
        if (streams != null) {
            streams.close();
        }
        futures.close();
        fake.close();
    }

    private static final class Collector implements StreamListener<Object> {
        final List<Object> events = new CopyOnWriteArrayList<>();
        final List<String> names = new CopyOnWriteArrayList<>();
        final List<StreamGap> gaps = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(String stream, Object event) {
            names.add(stream);
            events.add(event);
        }

        @Override
        public void onGap(StreamGap gap) {
            gaps.add(gap);
        }
    }

    @Test
    void aMixedCombinedSubscriptionIsSplitOverPublicAndMarket() throws Exception {
        streams = futures.streams();
        Collector c = new Collector();
        FuturesSubscription sub = streams.subscribe(List.<FuturesStream<?>>of(
                FuturesStream.aggTrade("BTCUSDT"), FuturesStream.diffDepth("BTCUSDT", DepthSpeed.MS_250),
                FuturesStream.markPrice("BTCUSDT"), FuturesStream.bookTicker("BNBUSDT"),
                FuturesStream.partialDepth("BTCUSDT", 5, DepthSpeed.MS_500)), c);
        sub.ready().get(10, TimeUnit.SECONDS);

        FakeBinanceStreams.Connection pub = fake.streams().awaitSubscribed("btcusdt@depth", WAIT);
        FakeBinanceStreams.Connection market = fake.streams().awaitSubscribed("btcusdt@aggTrade", WAIT);
        assertThat(pub.route()).isEqualTo("public");
        assertThat(pub.streams()).containsExactlyInAnyOrder("btcusdt@depth", "bnbusdt@bookTicker", "btcusdt@depth5@500ms");
        assertThat(market.route()).isEqualTo("market");
        assertThat(market.streams()).containsExactlyInAnyOrder("btcusdt@aggTrade", "btcusdt@markPrice@1s");
        assertThat(pub.path()).startsWith("/public/stream");
        assertThat(market.path()).startsWith("/market/stream");

        fake.streams().publish("btcusdt@aggTrade", FakeBinanceFuturesStreams.fixture("stream-aggTrade.json"));
        fake.streams().publish("btcusdt@depth", FakeBinanceFuturesStreams.fixture("stream-depth-update.json"));
        fake.streams().publish("btcusdt@markPrice@1s", FakeBinanceFuturesStreams.fixture("stream-markPrice.json"));
        fake.streams().publish("bnbusdt@bookTicker", FakeBinanceFuturesStreams.fixture("stream-bookTicker.json"));
        fake.streams().publish("btcusdt@depth5@500ms", FakeBinanceFuturesStreams.fixture("stream-depth-partial.json"));
        await(() -> c.events.size() == 5, "five events");
        assertThat(c.events).hasAtLeastOneElementOfType(FuturesAggTradeEvent.class)
                .hasAtLeastOneElementOfType(FuturesDepthUpdate.class)
                .hasAtLeastOneElementOfType(MarkPriceEvent.class)
                .hasAtLeastOneElementOfType(FuturesBookTickerEvent.class)
                .hasAtLeastOneElementOfType(FuturesPartialDepth.class);
        // the same depthUpdate payload shape, told apart by the stream it came on
        assertThat(c.events.get(c.names.indexOf("btcusdt@depth5@500ms"))).isInstanceOf(FuturesPartialDepth.class);
        assertThat(c.events.get(c.names.indexOf("btcusdt@depth"))).isInstanceOf(FuturesDepthUpdate.class);
        assertThat(streams.listSubscriptions()).containsExactly("bnbusdt@bookTicker", "btcusdt@aggTrade",
                "btcusdt@depth", "btcusdt@depth5@500ms", "btcusdt@markPrice@1s");
        assertThat(streams.connectionCount()).isEqualTo(2);
    }

    @Test
    void indexAndContractInfoStreamsGoToMarketAndArriveTyped() throws Exception {
        streams = futures.streams();
        Collector c = new Collector();
        streams.subscribe(List.<FuturesStream<?>>of(FuturesStream.compositeIndex("DEFIUSDT"),
                FuturesStream.allAssetIndexes(), FuturesStream.contractInfo()), c).ready().get(10, TimeUnit.SECONDS);
        FakeBinanceStreams.Connection market = fake.streams().awaitSubscribed("!contractInfo", WAIT);
        assertThat(market.route()).isEqualTo("market");
        assertThat(market.streams()).containsExactlyInAnyOrder("defiusdt@compositeIndex", "!assetIndex@arr",
                "!contractInfo");
        assertThat(fake.streams().openConnections()).as("no /public connection for these").hasSize(1);

        fake.streams().publish("defiusdt@compositeIndex", FakeBinanceFuturesStreams.fixture("stream-compositeIndex.json"));
        fake.streams().publish("!assetIndex@arr", FakeBinanceFuturesStreams.fixture("stream-assetIndex-all.json"));
        fake.streams().publish("!contractInfo", FakeBinanceFuturesStreams.fixture("stream-contractInfo.json"));
        await(() -> c.events.size() == 3, "three events");
        assertThat(c.events.get(c.names.indexOf("defiusdt@compositeIndex"))).isInstanceOfSatisfying(
                CompositeIndexEvent.class, e -> assertThat(e.composition()).hasSize(2));
        assertThat(c.events.get(c.names.indexOf("!assetIndex@arr"))).isInstanceOfSatisfying(List.class,
                l -> assertThat(l).hasSize(2).allMatch(AssetIndexEvent.class::isInstance));
        assertThat(c.events.get(c.names.indexOf("!contractInfo"))).isInstanceOfSatisfying(
                ContractInfoEvent.class, e -> assertThat(e.brackets()).hasSize(2));
    }

    @Test
    void aStreamOnTheWrongPathGetsNothingWhileTheRoutedOneDoes() throws Exception {
        streams = futures.streams();
        List<JsonNode> wrong = new CopyOnWriteArrayList<>();
        List<JsonNode> right = new CopyOnWriteArrayList<>();
        streams.subscribe(FuturesStream.raw("ethusdt@markPrice@1s", StreamPath.PUBLIC), e -> wrong.add(e))
                .ready().get(10, TimeUnit.SECONDS);
        streams.subscribe(FuturesStream.raw("ethusdt@markPrice@1s"), e -> right.add(e)).ready().get(10, TimeUnit.SECONDS);
        assertThat(fake.streams().openConnections()).extracting(FakeBinanceStreams.Connection::route)
                .containsExactlyInAnyOrder("public", "market");

        fake.streams().publish("ethusdt@markPrice@1s", FakeBinanceFuturesStreams.fixture("stream-markPrice.json"));
        await(() -> right.size() == 1, "the /market subscription's event");
        Thread.sleep(300);
        assertThat(wrong).as("accepted on /public, silent as on Binance").isEmpty();
    }

    @Test
    void unsubscribingIsLiveAndLeavesTheOtherStreams() throws Exception {
        streams = futures.streams();
        Collector a = new Collector();
        Collector b = new Collector();
        FuturesSubscription trades = streams.subscribe(List.of(FuturesStream.aggTrade("BTCUSDT")), a);
        FuturesSubscription marks = streams.subscribe(List.of(FuturesStream.markPrice("BTCUSDT")), b);
        trades.ready().get(10, TimeUnit.SECONDS);
        marks.ready().get(10, TimeUnit.SECONDS);

        trades.closeAsync().get(10, TimeUnit.SECONDS);
        FakeBinanceStreams.Connection market = fake.streams().await(
                c -> c.open() && c.streams().equals(List.of("btcusdt@markPrice@1s")), WAIT, "aggTrade unsubscribed");
        assertThat(market.route()).isEqualTo("market");
        assertThat(fake.streams().connections()).as("same connection, no reconnect").hasSize(1);
        assertThat(fake.streams().requests()).anyMatch(r -> r.contains("UNSUBSCRIBE") && r.contains("btcusdt@aggTrade"));

        fake.streams().publish("btcusdt@aggTrade", FakeBinanceFuturesStreams.fixture("stream-aggTrade.json"));
        fake.streams().publish("btcusdt@markPrice@1s", FakeBinanceFuturesStreams.fixture("stream-markPrice.json"));
        await(() -> b.events.size() == 1, "the mark price");
        assertThat(a.events).isEmpty();
        assertThat(trades.isActive()).isFalse();
        assertThat(marks.isActive()).isTrue();
    }

    @Test
    @Timeout(60)
    void connectionsAreRotatedBeforeTheyAgeOutWithoutGapOrDuplicate() throws Exception {
        streams = FuturesMarketStreams.builder(futures, fake.publicUrl(), fake.marketUrl())
                .configure(b -> b.maxConnectionAge(Duration.ofSeconds(2)).rotationOverlap(Duration.ofMillis(500)))
                .build();
        List<Long> ids = new CopyOnWriteArrayList<>();
        List<StreamGap> gaps = new CopyOnWriteArrayList<>();
        streams.subscribe(FuturesStream.aggTrade("BTCUSDT"), new StreamListener<FuturesAggTradeEvent>() {
            @Override
            public void onEvent(String stream, FuturesAggTradeEvent event) {
                ids.add(event.aggregateTradeId());
            }

            @Override
            public void onGap(StreamGap gap) {
                gaps.add(gap);
            }
        }).ready().get(10, TimeUnit.SECONDS);

        int total = NumberedFeed.publishFor(Duration.ofMillis(5500), Duration.ofMillis(5),
                n -> fake.streams().publish("btcusdt@aggTrade", "{\"e\":\"aggTrade\",\"E\":1,\"s\":\"BTCUSDT\",\"a\":" + n
                        + ",\"p\":\"1.5\",\"q\":\"2\",\"nq\":\"2\",\"f\":1,\"l\":1,\"T\":1,\"m\":false}"));
        NumberedFeed.awaitEachOnceInOrder(ids, total, Fakes.WAIT);
        assertThat(fake.streams().connections().size()).as("connections opened (rotations)").isGreaterThanOrEqualTo(3);
        assertThat(fake.streams().connections()).allMatch(c -> "market".equals(c.route()));
        assertThat(gaps).isEmpty();
    }

    /**
     * All-symbol streams whose keys do not grow with every event: {@code !bookTicker}'s {@code u} is
     * each symbol's own update id (lower for one symbol than for another), and {@code !forceOrder@arr}
     * events of different symbols share an event time. Across rotations of both paths' connections
     * every event still arrives exactly once.
     */
    @Test
    @Timeout(60)
    void allSymbolStreamsWithoutAGrowingKeyAreRotatedWithoutGapOrDuplicate() throws Exception {
        streams = FuturesMarketStreams.builder(futures, fake.publicUrl(), fake.marketUrl())
                .configure(b -> b.maxConnectionAge(Duration.ofSeconds(2)).rotationOverlap(Duration.ofMillis(500)))
                .build();
        List<Long> bookIds = new CopyOnWriteArrayList<>();
        List<Long> liquidationIds = new CopyOnWriteArrayList<>();
        Collector gaps = new Collector();
        streams.subscribe(FuturesStream.allBookTickers(), new StreamListener<FuturesBookTickerEvent>() {
            @Override
            public void onEvent(String stream, FuturesBookTickerEvent event) {
                bookIds.add(event.bidQuantity().longValueExact()); // each event's number
            }

            @Override
            public void onGap(StreamGap gap) {
                gaps.onGap(gap);
            }
        }).ready().get(10, TimeUnit.SECONDS);
        streams.subscribe(FuturesStream.allForceOrders(), new StreamListener<ForceOrderEvent>() {
            @Override
            public void onEvent(String stream, ForceOrderEvent event) {
                liquidationIds.add(event.order().quantity().longValueExact());
            }

            @Override
            public void onGap(StreamGap gap) {
                gaps.onGap(gap);
            }
        }).ready().get(10, TimeUnit.SECONDS);

        String[] symbols = {"BTCUSDT", "ETHUSDT", "BNBUSDT"};
        long[] updateIdBase = {9_000_000, 1_000, 400_000}; // each symbol's own order book numbering
        int total = NumberedFeed.publishFor(Duration.ofMillis(5500), Duration.ofMillis(5), n -> {
            int s = n % symbols.length;
            long eventTime = 1_700_000_000_000L + (n / 6) * 100; // six events in a row share E
            fake.streams().publish("!bookTicker", "{\"e\":\"bookTicker\",\"u\":" + (updateIdBase[s] + n / 3)
                    + ",\"E\":" + eventTime + ",\"T\":" + eventTime + ",\"s\":\"" + symbols[s]
                    + "\",\"b\":\"1.5\",\"B\":\"" + n + "\",\"a\":\"1.6\",\"A\":\"2\"}");
            fake.streams().publish("!forceOrder@arr", "{\"e\":\"forceOrder\",\"E\":" + eventTime
                    + ",\"o\":{\"s\":\"" + symbols[s] + "\",\"S\":\"SELL\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\""
                    + n + "\",\"p\":\"9910\",\"ap\":\"9910\",\"X\":\"FILLED\",\"l\":\"0.014\",\"z\":\"0.014\",\"T\":"
                    + eventTime + "}}");
        });
        NumberedFeed.awaitEachOnceInOrder(bookIds, total, Fakes.WAIT);
        NumberedFeed.awaitEachOnceInOrder(liquidationIds, total, Fakes.WAIT);
        List<String> routes = fake.streams().connections().stream().map(FakeBinanceStreams.Connection::route).toList();
        assertThat(routes).as("connections opened (rotations) per path")
                .filteredOn("public"::equals).hasSizeGreaterThanOrEqualTo(3);
        assertThat(routes).filteredOn("market"::equals).hasSizeGreaterThanOrEqualTo(3);
        assertThat(gaps.gaps).isEmpty();
    }

    @Test
    void aLostConnectionIsResubscribedAndReportedAsAGap() throws Exception {
        streams = futures.streams();
        Collector c = new Collector();
        streams.subscribe(List.of(FuturesStream.bookTicker("BNBUSDT")), c).ready().get(10, TimeUnit.SECONDS);
        fake.streams().dropAll();
        await(() -> !c.gaps.isEmpty(), "a gap");
        assertThat(c.gaps.get(0).stream()).isEqualTo("bnbusdt@bookTicker");
        fake.streams().await(x -> x.open() && x.number() > 1 && x.streams().contains("bnbusdt@bookTicker"), WAIT,
                "resubscribed on a new connection");
        fake.streams().publish("bnbusdt@bookTicker", FakeBinanceFuturesStreams.fixture("stream-bookTicker.json"));
        await(() -> c.events.size() == 1, "the event after the reconnect");
        assertThat(fake.streams().openConnections().get(0).route()).isEqualTo("public");
    }

    @Test
    void coinmHasOneHostForEveryKind() throws Exception {
        try (FakeBinanceFuturesStreams coin = FakeBinanceFuturesStreams.startCoinm();
             CoinmFutures client = Fakes.coinm(coin);
             FuturesMarketStreams s = client.streams()) {
            Collector c = new Collector();
            FuturesSubscription sub = s.subscribe(List.<FuturesStream<?>>of(FuturesStream.markPrice("BTCUSD_201225"),
                    FuturesStream.diffDepth("BTCUSD_PERP", DepthSpeed.MS_250), FuturesStream.indexPrice("BTCUSD")), c);
            // The client bounds ready() itself (10 s, its request timeout) and its error says whether the
            // connection had opened; wait a little longer than that so a failure reports the client's verdict
            // rather than racing it (it was seen pending at 10 s once in ~10 CI runs under load).
            Throwable failed;
            try {
                failed = sub.ready().handle((v, e) -> e).get(15, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                failed = new AssertionError("still pending after 15 s: the client's own 10 s bound never fired", e);
            }
            if (failed != null) {
                throw new AssertionError("ready() failed: " + failed + "; the fake saw " + coin.streams().connections()
                        + " and was sent " + coin.streams().requests() + "; the client is " + s, failed);
            }
            assertThat(coin.streams().openConnections()).hasSize(1);
            assertThat(coin.streams().openConnections().get(0).path()).startsWith("/stream");
            assertThat(coin.streams().openConnections().get(0).streams()).containsExactlyInAnyOrder(
                    "btcusd_201225@markPrice@1s", "btcusd_perp@depth", "btcusd@indexPrice@1s");
            coin.streams().publish("btcusd_201225@markPrice@1s", FakeBinanceFuturesStreams.fixture("stream-markPrice-coinm.json"));
            coin.streams().publish("btcusd@indexPrice@1s", FakeBinanceFuturesStreams.fixture("stream-indexPrice-coinm.json"));
            await(() -> c.events.size() == 2, "both events");
            assertThat(new ArrayList<>(c.events)).hasAtLeastOneElementOfType(MarkPriceEvent.class)
                    .hasAtLeastOneElementOfType(IndexPriceEvent.class);
        }
    }
}
