package dev.relaykit.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.binance.model.TradeEvent;
import dev.relaykit.binance.stream.MarketStream;
import dev.relaykit.binance.stream.StreamListener;
import dev.relaykit.core.json.Json;
import dev.relaykit.kafka.BinancePublishing;
import dev.relaykit.kafka.KafkaEventPublisher;
import dev.relaykit.kafka.KafkaMarketFeed;
import dev.relaykit.kafkabroker.KafkaTestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import dev.relaykit.kafka.RelayKitHeaders;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Binance trade events from a local stream through Kafka to a listener, RelayKit against a plain loop, on a real
 * broker ({@link KafkaTestBroker}, a separate JVM on this machine). Not JMH: a timed harness, rounds alternating.
 *
 * <ul>
 *   <li><b>RelayKit</b>: each event goes to {@link BinancePublishing#marketListener} (what a {@code MarketStreams}
 *       subscription calls), through {@link KafkaEventPublisher} into Kafka, out of a {@link KafkaMarketFeed} to a
 *       {@code StreamListener<TradeEvent>}.</li>
 *   <li><b>plain</b>: the same JSON, keyed by the same symbol, sent with a plain {@code KafkaProducer} loop (the same
 *       durability: idempotent, {@code acks=all}, {@code linger.ms=1}), read by a plain {@code KafkaConsumer} poll
 *       loop that decodes each value with the same {@code MarketStream.decode} and calls the listener.</li>
 *   <li><b>plain+hdr</b>: the plain loop with the five headers the publisher writes on each event record: it tells
 *       what the headers cost apart from what the publisher and the feed cost.</li>
 * </ul>
 *
 * <p>Throughput: a burst of events, from the first send to the listener's last event. Latency: events paced at a
 * fixed rate, each from the moment the stream hands it over to the listener's call (one clock: same JVM).
 *
 * <p>Run from the repository root (hold the build lock):
 * {@code java -cp benchmarks/target/benchmarks.jar dev.relaykit.benchmarks.KafkaThroughput [rounds [events [paced]]]}
 */
public final class KafkaThroughput {
    private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT", "XRPUSDT", "ADAUSDT",
        "DOGEUSDT", "TRXUSDT", "DOTUSDT", "LTCUSDT"};

    private KafkaThroughput() {
    }

    /**
     * One measured run.
     *
     * @param path {@code RelayKit} or {@code plain}
     * @param partitions partitions of the topic
     * @param events events in the burst
     * @param perSecond the burst's rate, events per second
     * @param p50Micros median latency of the paced run
     * @param p99Micros 99th percentile latency of the paced run
     */
    record Result(String path, int partitions, int events, double perSecond, double p50Micros, double p99Micros) {
        @Override
        public String toString() {
            return String.format("%-9s %d partition(s): %9.0f events/s   latency p50 %7.0f µs  p99 %7.0f µs", path,
                    partitions, perSecond, p50Micros, p99Micros);
        }
    }

    /**
     * Prints each round's results and the RelayKit/plain ratios.
     *
     * @param args optional: rounds (default 3), events per burst (default 200000), paced events (default 5000)
     * @throws Exception if events are lost
     */
    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"); // the clients' config dumps
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int paced = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        try (KafkaTestBroker broker = KafkaTestBroker.start()) {
            for (Result r : run(broker, rounds, events, paced)) {
                System.out.println(r);
            }
        }
    }

    /**
     * Runs a warm-up round (not reported) and {@code rounds} rounds of both paths at 1 and 3 partitions.
     *
     * @param broker the broker
     * @param rounds measured rounds
     * @param events events per burst
     * @param paced events of the latency run (at 5000/s)
     * @return the results, round by round
     * @throws Exception if events are lost
     */
    static List<Result> run(KafkaTestBroker broker, int rounds, int events, int paced) throws Exception {
        List<Result> out = new ArrayList<>();
        for (int r = 0; r <= rounds; r++) {
            for (int partitions : new int[] {1, 3}) {
                Result relay = relayKit(broker, partitions, events, paced);
                Result plain = plain(broker, partitions, events, paced, false);
                Result plainHeaders = plain(broker, partitions, events, paced, true);
                if (r > 0) {
                    out.add(relay);
                    out.add(plain);
                    out.add(plainHeaders);
                    System.out.printf("round %d, %d partition(s): plain/RelayKit throughput %.2fx (plain+hdr/RelayKit"
                            + " %.2fx), RelayKit/plain latency p50 %.2fx p99 %.2fx%n", r, partitions,
                            plain.perSecond() / relay.perSecond(), plainHeaders.perSecond() / relay.perSecond(),
                            relay.p50Micros() / plain.p50Micros(), relay.p99Micros() / plain.p99Micros());
                }
            }
        }
        return out;
    }

    /** The stream's events: a trade of one of ten symbols, its trade id the event number. */
    private static final class Source {
        final ObjectNode[] templates = new ObjectNode[SYMBOLS.length];
        final String[] streams = new String[SYMBOLS.length];

        Source() {
            for (int i = 0; i < SYMBOLS.length; i++) {
                templates[i] = (ObjectNode) Json.tree("{\"e\":\"trade\",\"E\":1700000000000,\"s\":\"" + SYMBOLS[i]
                        + "\",\"t\":0,\"p\":\"0.00100000\",\"q\":\"100.00000000\",\"T\":1700000000000,\"m\":true,\"M\":true}");
                streams[i] = SYMBOLS[i].toLowerCase() + "@trade";
            }
        }

        ObjectNode event(int n) {
            ObjectNode t = templates[n % SYMBOLS.length];
            t.put("t", n);
            return t;
        }
    }

    /** What the listener records: when each event arrived, and the end of the run. */
    private static final class Sink {
        final long[] sentAt;
        final long[] receivedAt;
        final CountDownLatch done;

        Sink(int events) {
            sentAt = new long[events];
            receivedAt = new long[events];
            done = new CountDownLatch(events);
        }

        void received(TradeEvent t) {
            int n = (int) t.tradeId();
            if (n >= 0 && n < receivedAt.length && receivedAt[n] == 0) {
                receivedAt[n] = System.nanoTime();
                done.countDown();
            }
        }

        void await(String what) throws InterruptedException {
            if (!done.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException(what + ": " + done.getCount() + " event(s) never reached the listener");
            }
        }
    }

    private static Result relayKit(KafkaTestBroker broker, int partitions, int events, int paced) throws Exception {
        String topic = "bench-rk-" + UUID.randomUUID();
        String control = topic + ".control";
        broker.createTopic(topic, partitions);
        broker.createTopic(control, 1, Map.of("cleanup.policy", "compact"));
        Source source = new Source();
        double rate;
        long[] lat;
        try (KafkaMarketFeed feed = KafkaMarketFeed.builder(broker.bootstrapServers()).dataTopic(topic)
                .controlTopic(control).build();
             KafkaEventPublisher publisher = KafkaEventPublisher.builder(broker.bootstrapServers()).topic(topic)
                     .maxBufferedEvents(Math.max(events, paced) + 16).build()) {
            Sink[] sink = new Sink[1];
            List<MarketStream<TradeEvent>> streams = Arrays.stream(SYMBOLS).map(MarketStream::trade).toList();
            feed.subscribe(streams, (StreamListener<TradeEvent>) (s, t) -> sink[0].received(t));
            StreamListener<com.fasterxml.jackson.databind.JsonNode> stream =
                    BinancePublishing.marketListener(publisher, BinancePublishing.SPOT_MARKET);
            // throughput
            sink[0] = new Sink(events);
            long start = System.nanoTime();
            for (int n = 0; n < events; n++) {
                stream.onEvent(source.streams[n % SYMBOLS.length], source.event(n));
            }
            try {
                sink[0].await("RelayKit burst");
            } catch (IllegalStateException e) {
                throw new IllegalStateException(e.getMessage() + "; publisher " + publisher.stats(), e);
            }
            rate = events / ((System.nanoTime() - start) / 1e9);
            // latency, paced
            sink[0] = new Sink(paced);
            Sink s = sink[0];
            pace(paced, n -> {
                s.sentAt[n] = System.nanoTime();
                stream.onEvent(source.streams[n % SYMBOLS.length], source.event(n));
            });
            s.await("RelayKit paced");
            lat = latencies(s);
            if (publisher.stats().dropped() > 0) {
                throw new IllegalStateException("the publisher dropped events: the buffer was too small");
            }
        }
        return new Result("RelayKit", partitions, events, rate, pct(lat, 0.50), pct(lat, 0.99));
    }

    /** The same five headers the publisher writes on an event record (names and typical values). */
    private static RecordHeaders headers(int n) {
        RecordHeaders h = new RecordHeaders();
        h.add(RelayKitHeaders.SOURCE, BinancePublishing.SPOT_MARKET.getBytes(StandardCharsets.UTF_8));
        h.add(RelayKitHeaders.EVENT_TIME, "1700000000000".getBytes(StandardCharsets.US_ASCII));
        h.add(RelayKitHeaders.SEQUENCE, Integer.toString(n).getBytes(StandardCharsets.US_ASCII));
        h.add(RelayKitHeaders.PUBLISHER, "pub-0123abcd".getBytes(StandardCharsets.US_ASCII));
        h.add(RelayKitHeaders.STREAM, "btcusdt@trade".getBytes(StandardCharsets.US_ASCII));
        return h;
    }

    private static ProducerRecord<String, byte[]> record(String topic, Source source, int n, boolean withHeaders) {
        byte[] value = source.event(n).toString().getBytes(StandardCharsets.UTF_8);
        String key = SYMBOLS[n % SYMBOLS.length];
        return withHeaders ? new ProducerRecord<>(topic, null, 1_700_000_000_000L, key, value, headers(n))
                : new ProducerRecord<>(topic, key, value);
    }

    private static Result plain(KafkaTestBroker broker, int partitions, int events, int paced, boolean withHeaders)
            throws Exception {
        String topic = "bench-plain-" + UUID.randomUUID();
        broker.createTopic(topic, partitions);
        Source source = new Source();
        MarketStream<TradeEvent> decoder = MarketStream.trade("BTCUSDT");
        Map<String, Object> pc = broker.clientConfig();
        pc.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        pc.put(ProducerConfig.ACKS_CONFIG, "all");
        pc.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        Map<String, Object> cc = broker.clientConfig();
        cc.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        cc.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        Sink[] sink = new Sink[1];
        AtomicBoolean running = new AtomicBoolean(true);
        double rate;
        long[] lat;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(pc, new StringSerializer(),
                new ByteArraySerializer());
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(cc, new StringDeserializer(),
                     new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToEnd(parts);
            parts.forEach(consumer::position);
            StreamListener<TradeEvent> listener = (s, t) -> sink[0].received(t);
            Thread poller = new Thread(() -> {
                while (running.get()) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        listener.onEvent(null, decoder.decode(new String(r.value(), StandardCharsets.UTF_8)));
                    }
                }
            }, "plain-consumer");
            sink[0] = new Sink(events);
            poller.start();
            try {
                long start = System.nanoTime();
                for (int n = 0; n < events; n++) {
                    producer.send(record(topic, source, n, withHeaders));
                }
                sink[0].await("plain burst");
                rate = events / ((System.nanoTime() - start) / 1e9);
                sink[0] = new Sink(paced);
                Sink s = sink[0];
                pace(paced, n -> {
                    s.sentAt[n] = System.nanoTime();
                    producer.send(record(topic, source, n, withHeaders));
                });
                s.await("plain paced");
                lat = latencies(s);
            } finally {
                running.set(false);
                poller.join(10_000);
            }
        }
        return new Result(withHeaders ? "plain+hdr" : "plain", partitions, events, rate, pct(lat, 0.50),
                pct(lat, 0.99));
    }

    /** Calls {@code send} for events 0..n-1 at 5000 per second. */
    private static void pace(int n, java.util.function.IntConsumer send) {
        long interval = 200_000; // ns
        long next = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send.accept(i);
            next += interval;
        }
    }

    private static long[] latencies(Sink s) {
        long[] l = new long[s.sentAt.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = s.receivedAt[i] - s.sentAt[i];
        }
        Arrays.sort(l);
        return l;
    }

    private static double pct(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1000.0;
    }
}
