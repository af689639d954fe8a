package dev.relaykit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.binance.BinanceEnvironment;
import dev.relaykit.binance.BinanceSpot;
import dev.relaykit.binance.model.TradeEvent;
import dev.relaykit.binance.stream.MarketStream;
import dev.relaykit.binance.stream.MarketStreams;
import dev.relaykit.binance.userdata.ExecutionReport;
import dev.relaykit.binance.userdata.UserDataEvent;
import dev.relaykit.binance.userdata.UserDataEvents;
import dev.relaykit.core.json.Json;
import dev.relaykit.kafka.TopicReader.Read;
import dev.relaykit.kafkabroker.KafkaTestBroker;
import dev.relaykit.pusher.PusherEvent;
import dev.relaykit.testkit.FakeBinanceStreams;
import dev.relaykit.whatsapp.webhook.WebhookEvents;
import dev.relaykit.whatsapp.webhook.event.WebhookEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Part 1 of issue #17 against a real broker: what lands in Kafka, in which order, and what is never lost silently. */
class KafkaEventPublisherTest {
    private final KafkaTestBroker broker = KafkaTestBroker.shared();

    private static String topic() {
        return "t-" + UUID.randomUUID();
    }

    private static String trade(String symbol, long id, long time) {
        return "{\"e\":\"trade\",\"E\":" + time + ",\"s\":\"" + symbol + "\",\"t\":" + id
                + ",\"p\":\"0.001\",\"q\":\"100\",\"T\":" + time + ",\"m\":true,\"M\":true}";
    }

    /** A spot client whose market streams go to the fake (no REST, no WebSocket API needed here). */
    static BinanceSpot spotOn(FakeBinanceStreams fake) {
        return BinanceSpot.builder()
                .environment(BinanceEnvironment.custom("http://127.0.0.1:1", fake.baseUrl(), "ws://127.0.0.1:1/ws"))
                .build();
    }

    @Test
    void marketStreamEventsLandAsBinanceSentThemKeyedBySymbolInOrderWithHeaders() throws Exception {
        String topic = topic();
        broker.createTopic(topic, 3);
        try (FakeBinanceStreams fake = FakeBinanceStreams.start();
             BinanceSpot binance = spotOn(fake);
             MarketStreams streams = binance.streams();
             KafkaEventPublisher kafka = KafkaEventPublisher.builder(broker.bootstrapServers()).topic(topic).build()) {
            BinancePublishing.publish(kafka, streams, List.of("btcusdt@trade", "ethusdt@trade"))
                    .ready().get(10, java.util.concurrent.TimeUnit.SECONDS);
            for (int i = 1; i <= 50; i++) {
                fake.publish("btcusdt@trade", trade("BTCUSDT", i, 1_700_000_000_000L + i));
                fake.publish("ethusdt@trade", trade("ETHUSDT", 1000 + i, 1_700_000_000_000L + i));
            }
            List<Read> got = TopicReader.read(broker, topic, 100);

            Map<String, List<Read>> byKey = got.stream().collect(Collectors.groupingBy(Read::key));
            assertThat(byKey.keySet()).containsExactlyInAnyOrder("BTCUSDT", "ETHUSDT");
            for (List<Read> one : byKey.values()) {
                assertThat(one.stream().map(Read::partition).distinct()).as("one key, one partition").hasSize(1);
                List<Long> ids = one.stream().sorted(java.util.Comparator.comparingLong(Read::offset))
                        .map(r -> MarketStream.trade(r.key()).decode(r.value()).tradeId()).toList();
                assertThat(ids).as("the symbol's order is kept").isSorted().doesNotHaveDuplicates().hasSize(50);
            }
            Read first = byKey.get("BTCUSDT").stream().min(java.util.Comparator.comparingLong(Read::offset)).get();
            assertThat(Json.tree(first.value())).isEqualTo(Json.tree(trade("BTCUSDT", 1, 1_700_000_000_001L)));
            assertThat(first.headers()).containsEntry(RelayKitHeaders.SOURCE, "binance.spot.market")
                    .containsEntry(RelayKitHeaders.STREAM, "btcusdt@trade")
                    .containsEntry(RelayKitHeaders.EVENT_TIME, "1700000000001")
                    .doesNotContainKey(RelayKitHeaders.KIND)
                    .containsEntry(RelayKitHeaders.PUBLISHER, kafka.publisherId())
                    .containsKey(RelayKitHeaders.SEQUENCE);
            TradeEvent t = MarketStream.trade("BTCUSDT").decode(first.value());
            assertThat(t.price()).isEqualByComparingTo("0.001");
        }
    }

    @Test
    void aReconnectOfTheServiceStreamBecomesAGapMarkerInTheSymbolsOrder() throws Exception {
        String topic = topic();
        broker.createTopic(topic, 1);
        try (FakeBinanceStreams fake = FakeBinanceStreams.start();
             BinanceSpot binance = spotOn(fake);
             MarketStreams streams = binance.streams();
             KafkaEventPublisher kafka = KafkaEventPublisher.builder(broker.bootstrapServers()).topic(topic).build()) {
            BinancePublishing.publish(kafka, streams, List.of("btcusdt@trade")).ready().get(10, java.util.concurrent.TimeUnit.SECONDS);
            fake.publish("btcusdt@trade", trade("BTCUSDT", 1, 1_700_000_000_001L));
            TopicReader.read(broker, topic, 1);
            int before = fake.connections().size();
            fake.dropAll();
            fake.await(c -> c.number() > before && c.open() && c.streams().contains("btcusdt@trade"),
                    Duration.ofSeconds(30), "the client back and subscribed again");
            List<Read> withGap = TopicReader.readUntil(broker, topic, l -> l.stream().anyMatch(Read::isGap),
                    Duration.ofSeconds(30));
            fake.publish("btcusdt@trade", trade("BTCUSDT", 2, 1_700_000_000_002L));
            List<Read> got = TopicReader.read(broker, topic, withGap.size() + 1);

            assertThat(got).extracting(Read::isGap).containsExactly(false, true, false);
            Read gap = got.get(1);
            assertThat(gap.key()).isEqualTo("BTCUSDT");
            GapMarker m = GapMarker.parse(gap.value());
            assertThat(m.reason()).isEqualTo(GapMarker.UPSTREAM);
            assertThat(m.stream()).isEqualTo("btcusdt@trade");
            assertThat(m.source()).isEqualTo("binance.spot.market");
        }
    }

    @Test
    void whenKafkaIsSlowerThanTheStreamEveryDroppedEventIsCoveredByAGapMarkerInItsKeysPlace() throws Exception {
        // A topic nobody created yet: the producer's first send waits for the broker to create it, so a burst
        // offered meanwhile overflows a small buffer for certain.
        String topic = topic();
        int offered = 20_000;
        KafkaEventPublisher.Stats stats;
        try (KafkaEventPublisher kafka = KafkaEventPublisher.builder(broker.bootstrapServers()).topic(topic)
                .maxBufferedEvents(50).build()) {
            for (int i = 0; i < offered; i++) {
                String key = "K" + (i % 4);
                kafka.publish("test", key, null, Instant.ofEpochMilli(1_700_000_000_000L + i),
                        "{\"n\":" + i + ",\"key\":\"" + key + "\"}");
            }
            assertThat(kafka.flush(Duration.ofSeconds(60))).isTrue();
            stats = kafka.stats();
        }
        assertThat(stats.dropped()).as("the burst overflowed the buffer of 50").isPositive();
        assertThat(stats.failed()).isZero();
        long expected = offered - stats.dropped() + stats.markers();
        List<Read> got = TopicReader.read(broker, topic, (int) expected);
        assertThat(got).hasSize((int) expected);

        Map<String, List<Read>> byKey = got.stream().collect(Collectors.groupingBy(Read::key));
        long markedDrops = 0;
        for (Map.Entry<String, List<Read>> e : byKey.entrySet()) {
            List<Read> one = e.getValue();
            // per key: the events' numbers grow, and wherever numbers are missing a marker stands that counts them
            int j = Integer.parseInt(e.getKey().substring(1));
            int lastN = j - 4; // the number before the key's first
            long pendingGap = 0;
            for (Read r : one) {
                if (r.isGap()) {
                    GapMarker m = GapMarker.parse(r.value());
                    assertThat(m.reason()).isEqualTo(GapMarker.OVERFLOW);
                    assertThat(m.key()).isEqualTo(e.getKey());
                    pendingGap += m.dropped();
                    markedDrops += m.dropped();
                    continue;
                }
                int n = Json.tree(r.value()).get("n").asInt();
                int missing = (n - lastN) / 4 - 1;
                assertThat(missing).as("events of %s missing before %d without a marker", e.getKey(), n)
                        .isEqualTo(pendingGap);
                pendingGap = 0;
                lastN = n;
            }
            int lastOffered = offered - 4 + j;
            assertThat((lastOffered - lastN) / 4).as("events of %s missing at the end without a marker", e.getKey())
                    .isEqualTo(pendingGap);
        }
        assertThat(markedDrops).isEqualTo(stats.dropped());
    }

    @Test
    void userDataEventsLandInTheirDocumentedFormAndDecodeBackToTheSameEvent() throws Exception {
        String topic = topic();
        broker.createTopic(topic, 1);
        UserDataEvent report = UserDataEvents.decode(Json.tree(FakeBinanceStreams.fixture("userdata-execution-report.json")));
        UserDataEvent balance = UserDataEvents.decode(Json.tree(FakeBinanceStreams.fixture("userdata-balance-update.json")));
        try (KafkaEventPublisher kafka = KafkaEventPublisher.builder(broker.bootstrapServers()).topic(topic).build()) {
            BinancePublishing.userData(kafka).onEvent(report);
            BinancePublishing.userData(kafka).onEvent(balance);
        }
        List<Read> got = TopicReader.read(broker, topic, 2);
        assertThat(got.get(0).key()).isEqualTo(((ExecutionReport) report).symbol());
        assertThat(got.get(1).key()).isEqualTo("account");
        JsonNode v = Json.tree(got.get(0).value());
        assertThat(v.get("e").asText()).isEqualTo("executionReport");
        assertThat(v.get("E").isIntegralNumber()).as("event time as epoch millis, as Binance sends it").isTrue();
        assertThat(v.get("p").isTextual()).as("decimals as strings, as Binance sends them").isTrue();
        assertThat(UserDataEvents.decode(v)).isEqualTo(report);
        assertThat(UserDataEvents.decode(Json.tree(got.get(1).value()))).isEqualTo(balance);
        assertThat(got.get(0).header(RelayKitHeaders.EVENT_TIME))
                .isEqualTo(Long.toString(report.eventTime().toEpochMilli()));
    }

    @Test
    void pusherAndWhatsAppEventsAreKeyedByChannelAndChat() throws Exception {
        String topic = topic();
        broker.createTopic(topic, 3);
        List<WebhookEvent> wa = WebhookEvents.parse(resource("relaykit/whatsapp/webhook/message-location.json"));
        try (KafkaEventPublisher kafka = KafkaEventPublisher.builder(broker.bootstrapServers()).topic(topic).build()) {
            PusherPublishing.listener(kafka).onEvent(new PusherEvent("private-orders", "order-filled", "{\"qty\":\"1.5\"}", null));
            for (WebhookEvent e : wa) {
                WhatsAppPublishing.listener(kafka).onEvent(e);
            }
        }
        List<Read> got = TopicReader.read(broker, topic, 1 + wa.size());
        Map<String, Read> bySource = new HashMap<>();
        got.forEach(r -> bySource.put(r.header(RelayKitHeaders.SOURCE), r));
        Read pusher = bySource.get("pusher");
        assertThat(pusher.key()).isEqualTo("private-orders");
        assertThat(Json.tree(pusher.value())).isEqualTo(Json.tree(
                "{\"event\":\"order-filled\",\"channel\":\"private-orders\",\"data\":\"{\\\"qty\\\":\\\"1.5\\\"}\"}"));
        Read whatsapp = bySource.get("whatsapp.webhook");
        dev.relaykit.whatsapp.webhook.event.MessageEvent m = (dev.relaykit.whatsapp.webhook.event.MessageEvent) wa.get(0);
        assertThat(whatsapp.key()).isEqualTo(m.sender());
        assertThat(whatsapp.header(RelayKitHeaders.STREAM)).isEqualTo("message");
        assertThat(Json.tree(whatsapp.value())).isEqualTo(m.raw());
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = KafkaEventPublisherTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    @SuppressWarnings("unused")
    private static List<String> values(List<Read> reads) {
        List<String> out = new ArrayList<>();
        reads.forEach(r -> out.add(new String(r.value().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)));
        return out;
    }
}
