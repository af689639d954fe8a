package dev.relaykit.kafka;

import dev.relaykit.kafkabroker.KafkaTestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from its beginning, as an independent consumer would (no group). */
final class TopicReader {
    private TopicReader() {
    }

    /** One record as read back. */
    record Read(int partition, long offset, String key, String value, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name);
        }

        boolean isGap() {
            return RelayKitHeaders.KIND_GAP.equals(header(RelayKitHeaders.KIND));
        }

        long seq() {
            return Long.parseLong(header(RelayKitHeaders.SEQUENCE));
        }
    }

    /** Reads until {@code done} holds for what was read (or fails after the time limit). */
    static List<Read> readUntil(KafkaTestBroker broker, String topic, Predicate<List<Read>> done, Duration limit) {
        Map<String, Object> cfg = broker.clientConfig();
        cfg.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Read> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(cfg, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            long deadline = System.nanoTime() + limit.toNanos();
            while (!done.test(out)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("after " + limit + " only " + out.size() + " record(s) in " + topic
                            + ": " + out.subList(Math.max(0, out.size() - 5), out.size()));
                }
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    Map<String, String> h = new LinkedHashMap<>();
                    for (Header x : r.headers()) {
                        h.put(x.key(), new String(x.value(), StandardCharsets.UTF_8));
                    }
                    out.add(new Read(r.partition(), r.offset(), r.key(),
                            r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8), h));
                }
            }
        }
        return out;
    }

    static List<Read> read(KafkaTestBroker broker, String topic, int count) {
        return readUntil(broker, topic, l -> l.size() >= count, Duration.ofSeconds(60));
    }
}
