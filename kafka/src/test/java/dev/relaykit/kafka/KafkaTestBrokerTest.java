package dev.relaykit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.kafkabroker.KafkaTestBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The broker harness the module's tests (and the benchmarks) stand on: a real broker that comes and goes. */
class KafkaTestBrokerTest {

    @Test
    void aStartedBrokerTakesRecordsAndLeavesNothingBehindWhenClosed() throws Exception {
        Path dir;
        KafkaTestBroker broker = KafkaTestBroker.start();
        try {
            dir = broker.directory();
            assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
            broker.createTopic("harness", 2);
            Map<String, Object> p = broker.clientConfig();
            try (KafkaProducer<String, String> producer =
                    new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("harness", "k", "hello")).get();
            }
            Map<String, Object> c = broker.clientConfig();
            c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            c.put(ConsumerConfig.GROUP_ID_CONFIG, "harness-test");
            List<String> seen = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer =
                    new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("harness"));
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (seen.isEmpty() && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                        seen.add(r.value());
                    }
                }
            }
            assertThat(seen).containsExactly("hello");
            assertThat(Files.exists(dir.resolve("broker.log"))).isTrue();
        } finally {
            broker.close();
        }
        assertThat(broker.isRunning()).isFalse();
        assertThat(Files.exists(dir)).as("the temp directory is deleted").isFalse();
    }

    @Test
    void theSharedBrokerIsOnePerTestJvm() {
        assertThat(KafkaTestBroker.shared()).isSameAs(KafkaTestBroker.shared());
        assertThat(KafkaTestBroker.shared().isRunning()).isTrue();
    }
}
