package dev.relaykit.kafka.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.core.webhook.WebhookRequest;
import dev.relaykit.kafkabroker.KafkaTestBroker;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the guarantees cost, measured beside the practical limit: the intake's time to an answer (a write acknowledged
 * by Kafka), and the dispatcher's rate (one synchronous commit per delivered record) against a plain
 * {@code KafkaConsumer} loop reading the same records. Every update is written twice; the test asserts each reaches
 * the listener once and prints the figures. {@code -Drelaykit.kafka.webhook.rate.updates=N} for a longer run
 * (default 300).
 */
class DispatchRateTest {

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void everyUpdateWrittenTwiceIsDispatchedOnceAndTheCostIsPrinted() throws Exception {
        int updates = Integer.getInteger("relaykit.kafka.webhook.rate.updates", 300);
        KafkaTestBroker broker = KafkaTestBroker.shared();
        String topic = WebhookTopics.topic(broker, "tg-rate", 1);
        long[] answerNanos = new long[updates * 2];
        try (KafkaWebhookIntake intake = KafkaWebhookIntake.builder().telegram(WebhookTopics.TELEGRAM_SECRET)
                .topic(topic).producerConfig(WebhookTopics.producerConfig(broker)).build()) {
            for (int copy = 0; copy < 2; copy++) {
                for (int id = 1; id <= updates; id++) {
                    long t0 = System.nanoTime();
                    assertThat(intake.handle(request(WebhookTopics.update(id, 7))).status()).isEqualTo(200);
                    answerNanos[copy * updates + id - 1] = System.nanoTime() - t0;
                }
            }
        }
        Arrays.sort(answerNanos);

        // the practical limit: a plain consumer loop over the same records, no de-duplication, no commits
        Map<String, Object> plainCfg = broker.clientConfig();
        plainCfg.put(ConsumerConfig.GROUP_ID_CONFIG, topic + "-plain");
        plainCfg.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        int records = updates * 2;
        long plainStart = 0;
        int plainRead = 0;
        try (KafkaConsumer<byte[], byte[]> plain = new KafkaConsumer<>(plainCfg, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            plain.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (plainRead < records && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : plain.poll(Duration.ofMillis(100))) {
                    if (plainRead == 0) {
                        plainStart = System.nanoTime(); // from the first record: joining the group is not counted
                    }
                    plainRead += r.value().length > 0 ? 1 : 0;
                }
            }
        }
        long plainNanos = System.nanoTime() - plainStart;
        assertThat(plainRead).isEqualTo(records);

        Deliveries got = new Deliveries();
        List<String> all = new ArrayList<>();
        for (int id = 1; id <= updates; id++) {
            all.add(Integer.toString(id));
        }
        long[] first = new long[1];
        try (KafkaWebhookDispatcher dispatcher = KafkaWebhookDispatcher.builder().topics(topic)
                .consumerConfig(WebhookTopics.consumerConfig(broker.bootstrapServers(), topic + "-g"))
                .telegram(update -> {
                    if (first[0] == 0) {
                        first[0] = System.nanoTime(); // from the first delivery, as for the plain loop
                    }
                    got.record(Long.toString(update.updateId()));
                })
                .start()) {
            got.awaitAll(all, Duration.ofSeconds(240));
            long nanos = System.nanoTime() - first[0];
            assertThat(got.counts().values()).allMatch(n -> n == 1);
            assertThat(got.total()).isEqualTo(updates);
            System.out.printf("webhook intake: %d answers, p50 %.2f ms, p99 %.2f ms (each a write acknowledged by "
                    + "Kafka, acks=all)%n", answerNanos.length, answerNanos[answerNanos.length / 2] / 1e6,
                    answerNanos[(int) (answerNanos.length * 0.99)] / 1e6);
            System.out.printf("webhook dispatch: %d records (%d dropped as retries) in %d ms = %.0f records/s; a "
                    + "plain consumer loop read them in %d ms = %.0f records/s (both from the first record on)%n",
                    records, dispatcher.duplicatesDropped(), nanos / 1_000_000, records / (nanos / 1e9),
                    plainNanos / 1_000_000, records / (plainNanos / 1e9));
        }
    }

    private static WebhookRequest request(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return WebhookRequest.of("POST", "/telegram", name -> null,
                name -> name.equalsIgnoreCase("X-Telegram-Bot-Api-Secret-Token") ? "tg-webhook-secret-1" : null,
                new ByteArrayInputStream(body), body.length);
    }
}
