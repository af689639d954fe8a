package dev.relaykit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.binance.BinanceSpot;
import dev.relaykit.binance.model.TradeEvent;
import dev.relaykit.binance.stream.MarketStream;
import dev.relaykit.binance.stream.MarketStreams;
import dev.relaykit.binance.stream.StreamGap;
import dev.relaykit.binance.stream.StreamListener;
import dev.relaykit.kafkabroker.KafkaTestBroker;
import dev.relaykit.testkit.FakeBinanceStreams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Part 2 of issue #17 against a real broker: shared market data through feed processes and a control topic. */
class KafkaMarketFeedTest {
    private static final int CONTROL_PARTITIONS = 4;
    private final KafkaTestBroker broker = KafkaTestBroker.shared();
    private final List<AutoCloseable> open = new ArrayList<>();
    private FakeBinanceStreams fake;
    private String dataTopic;
    private String controlTopic;
    private String group;

    @BeforeEach
    void setUp() {
        fake = FakeBinanceStreams.start();
        String id = UUID.randomUUID().toString();
        dataTopic = "market-" + id;
        controlTopic = "control-" + id;
        group = "feeds-" + id;
        broker.createTopic(dataTopic, 3);
        broker.createTopic(controlTopic, CONTROL_PARTITIONS, Map.of("cleanup.policy", "compact"));
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        fake.close();
    }

    private <T extends AutoCloseable> T open(T c) {
        open.add(c);
        return c;
    }

    private MarketFeed feed(String id) {
        BinanceSpot binance = open(KafkaEventPublisherTest.spotOn(fake));
        MarketStreams streams = open(binance.streams());
        return open(MarketFeed.builder(broker.bootstrapServers(), streams).dataTopic(dataTopic)
                .controlTopic(controlTopic).groupId(group).feedId(id).existingTopics()
                .sessionTimeout(Duration.ofMillis(1500)).build());
    }

    private KafkaMarketFeed consumer() {
        return open(KafkaMarketFeed.builder(broker.bootstrapServers()).dataTopic(dataTopic).controlTopic(controlTopic)
                .build());
    }

    private static String trade(String symbol, long id) {
        return "{\"e\":\"trade\",\"E\":" + (1_700_000_000_000L + id) + ",\"s\":\"" + symbol + "\",\"t\":" + id
                + ",\"p\":\"0.001\",\"q\":\"100\",\"T\":" + (1_700_000_000_000L + id) + ",\"m\":true,\"M\":true}";
    }

    @Test
    void aStrategyReadsTypedEventsThroughTheFeedAndItsUnsubscribeReachesBinance() throws Exception {
        MarketFeed feed = feed("feed-a");
        assertThat(feed.awaitAssignment(Duration.ofSeconds(30))).isTrue();
        KafkaMarketFeed streams = consumer();
        BlockingQueue<TradeEvent> trades = new LinkedBlockingQueue<>();
        FeedSubscription sub = streams.subscribe(MarketStream.trade("BTCUSDT"), trades::add);
        sub.ready().get(30, TimeUnit.SECONDS);
        assertThat(feed.activeStreams()).containsExactly("btcusdt@trade");
        assertThat(streams.listSubscriptions()).containsExactly("btcusdt@trade");

        for (int i = 1; i <= 20; i++) {
            fake.publish("btcusdt@trade", trade("BTCUSDT", i));
        }
        List<TradeEvent> got = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            TradeEvent t = trades.poll(30, TimeUnit.SECONDS);
            assertThat(t).as("trade %d", i + 1).isNotNull();
            got.add(t);
        }
        assertThat(got).extracting(TradeEvent::tradeId).as("Binance's order, through Kafka")
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList());
        assertThat(got.get(0)).as("the same typed event a direct subscription decodes")
                .isEqualTo(MarketStream.trade("BTCUSDT").decode(trade("BTCUSDT", 1)));

        sub.closeAsync().get(30, TimeUnit.SECONDS);
        // the withdrawal reaches the feed through the control topic, and the feed unsubscribes at Binance
        fake.await(c -> c.number() == 1 && (!c.open() || c.streams().isEmpty()), Duration.ofSeconds(30),
                "the feed's connection released (its last stream unsubscribed)");
        assertThat(feed.activeStreams()).isEmpty();
    }

    @Test
    void twoFeedsSplitTheStreamsAndWhenOneDiesTheOtherTakesOverItsStreamsWithAGap() throws Exception {
        MarketFeed a = feed("feed-a");
        assertThat(a.awaitAssignment(Duration.ofSeconds(30))).isTrue();
        MarketFeed b = feed("feed-b");
        assertThat(b.awaitAssignment(Duration.ofSeconds(30))).isTrue();

        // one symbol per control partition at least, so each feed has streams to carry
        List<String> symbols = new ArrayList<>();
        Set<Integer> covered = new HashSet<>();
        for (int i = 0; covered.size() < CONTROL_PARTITIONS || symbols.size() < 6; i++) {
            String s = "SYM" + i + "USDT";
            if (covered.add(ControlRecords.partition(s.toLowerCase() + "@trade", CONTROL_PARTITIONS))
                    || symbols.size() < 6) {
                symbols.add(s);
            }
        }
        BlockingQueue<TradeEvent> trades = new LinkedBlockingQueue<>();
        BlockingQueue<StreamGap> gaps = new LinkedBlockingQueue<>();
        KafkaMarketFeed streams = consumer();
        List<MarketStream<TradeEvent>> wanted = symbols.stream().map(MarketStream::trade).toList();
        streams.subscribe(wanted, new StreamListener<TradeEvent>() {
            @Override
            public void onEvent(String stream, TradeEvent event) {
                trades.add(event);
            }

            @Override
            public void onGap(StreamGap gap) {
                gaps.add(gap);
            }
        }).ready().get(30, TimeUnit.SECONDS);

        Set<String> onA = a.activeStreams();
        Set<String> onB = b.activeStreams();
        Set<String> all = new TreeSet<>(onA);
        all.addAll(onB);
        assertThat(onA).as("a carries some").isNotEmpty().doesNotContainAnyElementsOf(onB);
        assertThat(onB).as("b carries the others").isNotEmpty();
        assertThat(all).hasSize(symbols.size());

        long id = 1;
        for (String s : symbols) {
            fake.publish(s.toLowerCase() + "@trade", trade(s, id++));
        }
        Set<String> got = new TreeSet<>();
        for (int i = 0; i < symbols.size(); i++) {
            TradeEvent t = trades.poll(30, TimeUnit.SECONDS);
            assertThat(t).isNotNull();
            got.add(t.symbol());
        }
        assertThat(got).containsExactlyInAnyOrderElementsOf(symbols);
        assertThat(gaps).as("no gap while both feeds run").isEmpty();

        a.crash(); // like a killed process: the group hears nothing, the session times out
        Set<String> gapped = new TreeSet<>();
        while (!gapped.containsAll(onA)) {
            StreamGap g = gaps.poll(60, TimeUnit.SECONDS);
            assertThat(g).as("a gap for each of a's streams %s, got %s", onA, gapped).isNotNull();
            assertThat(g.reason()).startsWith(GapMarker.TAKEOVER).contains("feed-b").contains("feed-a");
            gapped.add(g.stream());
        }
        assertThat(gapped).as("only the streams that changed feed").isEqualTo(onA);
        assertThat(b.activeStreams()).as("b carries everything now").isEqualTo(all);

        for (String s : symbols) {
            fake.publish(s.toLowerCase() + "@trade", trade(s, id++));
        }
        Set<String> after = new TreeSet<>();
        for (int i = 0; i < symbols.size(); i++) {
            TradeEvent t = trades.poll(30, TimeUnit.SECONDS);
            assertThat(t).as("events after the takeover").isNotNull();
            after.add(t.symbol());
        }
        assertThat(after).containsExactlyInAnyOrderElementsOf(symbols);
        assertThat(gaps).as("no gap for b's own streams").isEmpty();
    }
}
