package dev.relaykit.kafka.webhook;

import static dev.relaykit.kafka.webhook.WebhookTopics.TELEGRAM_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.kafkabroker.KafkaTestBroker;
import dev.relaykit.webhook.WebhookServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scenario against a real broker: three receiver instances (the SDK's embedded webhook server on
 * 127.0.0.1), two dispatchers in one group, retries sent to other instances, and a dispatcher killed (SIGKILL, a JVM
 * of its own) mid-stream. Telegram updates, whose id is {@code update_id}.
 */
class ExactlyOnceIntakeTest {
    private static final String PATH = "/telegram";
    private static final String SECRET = new String(TELEGRAM_SECRET.bytes(), StandardCharsets.UTF_8);

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void everyUpdateReachesTheListenersOnceThroughRetriesToOtherInstancesAndADispatcherKilledMidStream()
            throws Exception {
        KafkaTestBroker broker = KafkaTestBroker.shared();
        int partitions = 3;
        String topic = WebhookTopics.topic(broker, "tg-once", partitions);
        String group = topic + "-group";

        Deliveries inProcess = new Deliveries();
        Deliveries killed = new Deliveries();
        Set<String> inDoubt = ConcurrentHashMap.newKeySet();
        AtomicInteger childPartitions = new AtomicInteger();
        AtomicReference<Set<TopicPartition>> ownPartitions = new AtomicReference<>(Set.of());
        Object assignment = new Object();

        List<KafkaWebhookIntake> intakes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            intakes.add(KafkaWebhookIntake.builder().telegram(TELEGRAM_SECRET).topic(topic)
                    .producerConfig(WebhookTopics.producerConfig(broker)).build());
        }
        List<WebhookServer> servers = WebhookTopics.servers(PATH, intakes);
        OkHttpClient http = WebhookTopics.http();
        Process child = null;
        KafkaWebhookDispatcher dispatcher = null;
        try {
            // the dispatcher to be killed works 100 ms per update, so it is still busy when the kill comes
            child = WebhookTopics.startDispatcherProcess(broker, topic, group, 0, 100, line -> {
                if (line.startsWith("D ")) {
                    killed.record(line.substring(2));
                } else if (line.startsWith("P ")) {
                    childPartitions.set(Integer.parseInt(line.substring(2)));
                    synchronized (assignment) {
                        assignment.notifyAll();
                    }
                }
            });
            dispatcher = KafkaWebhookDispatcher.builder()
                    .topics(topic)
                    .consumerConfig(WebhookTopics.consumerConfig(broker.bootstrapServers(), group))
                    .deduplication(10_000, Duration.ofHours(1))
                    .telegram(update -> inProcess.record(Long.toString(update.updateId())))
                    .inDoubt(d -> {
                        inDoubt.add(d.id());
                        return true;
                    })
                    .onPartitions(owned -> {
                        ownPartitions.set(owned);
                        synchronized (assignment) {
                            assignment.notifyAll();
                        }
                    })
                    .start();
            awaitSplit(assignment, childPartitions, ownPartitions, partitions);

            // updates 1..120, each to one instance; every third one also to another instance, as a retry after an
            // answer that was lost on the way back
            int firstWave = 120;
            for (int id = 1; id <= firstWave; id++) {
                String json = WebhookTopics.update(id, 100 + id % 10);
                assertThat(WebhookTopics.postTelegram(http, servers.get(id % 3), PATH, json, SECRET)).isEqualTo(200);
                if (id % 3 == 0) {
                    assertThat(WebhookTopics.postTelegram(http, servers.get((id + 1) % 3), PATH, json, SECRET))
                            .isEqualTo(200);
                }
            }
            killed.awaitTotal(10, Duration.ofSeconds(60));
            int heldAtDeath = childPartitions.get();
            WebhookTopics.kill(child);
            assertThat(killed.total()).as("killed mid-stream, with updates of its partitions still to handle")
                    .isLessThan(firstWave);

            // after the kill: every update of the first wave again, through yet another instance (the
            // retries of what the killed dispatcher delivered must be recognised by the one taking over), then new
            // updates, then one last update per partition: once it arrives, its partition has nothing before it left
            for (int id = 1; id <= firstWave; id++) {
                assertThat(WebhookTopics.postTelegram(http, servers.get((id + 2) % 3), PATH,
                        WebhookTopics.update(id, 100 + id % 10), SECRET)).isEqualTo(200);
            }
            int last = 160;
            for (int id = firstWave + 1; id <= last; id++) {
                assertThat(WebhookTopics.postTelegram(http, servers.get(id % 3), PATH,
                        WebhookTopics.update(id, 100 + id % 10), SECRET)).isEqualTo(200);
            }
            List<String> expected = new ArrayList<>();
            for (int id = 1; id <= last; id++) {
                expected.add(Integer.toString(id));
            }
            long chat = 1000;
            for (int p = 0; p < partitions; p++) {
                chat = WebhookTopics.chatFor(p, partitions, chat + 1);
                int id = last + 1 + p;
                assertThat(WebhookTopics.postTelegram(http, servers.get(p), PATH, WebhookTopics.update(id, chat), SECRET))
                        .isEqualTo(200);
                expected.add(Integer.toString(id));
            }
            inProcess.awaitAll(expected.subList(last, expected.size()), Duration.ofSeconds(90));

            Map<String, Integer> a = inProcess.counts();
            Map<String, Integer> b = killed.counts();
            List<String> lost = new ArrayList<>();
            List<String> twice = new ArrayList<>();
            for (String id : expected) {
                int n = a.getOrDefault(id, 0) + b.getOrDefault(id, 0);
                if (n == 0) {
                    lost.add(id);
                } else if (n > 1 && !inDoubt.contains(id)) {
                    twice.add(id + " x" + n);
                }
            }
            System.out.printf("killed dispatcher (%d partitions) delivered %d, the other %d, %d retries dropped, in "
                    + "doubt %s%n", heldAtDeath, b.size(), a.size(), dispatcher.duplicatesDropped(), inDoubt);
            assertThat(lost).as("updates never delivered").isEmpty();
            assertThat(twice).as("updates delivered more than once without being reported in doubt").isEmpty();
            assertThat(inDoubt).as("in doubt: at most the one record per partition the killed dispatcher was on")
                    .hasSizeLessThanOrEqualTo(heldAtDeath);
            for (String id : inDoubt) {
                assertThat(a.getOrDefault(id, 0)).as("an in-doubt update is delivered again").isEqualTo(1);
            }
            assertThat(b).as("the killed dispatcher had delivered some").isNotEmpty();
            assertThat(dispatcher.duplicatesDropped()).as("retries dropped by the dispatcher that took over")
                    .isGreaterThanOrEqualTo(b.size() - inDoubt.size());
            assertThat(new HashSet<>(a.keySet())).containsAll(expected.subList(last, expected.size()));
        } finally {
            if (child != null && child.isAlive()) {
                WebhookTopics.kill(child);
            }
            if (dispatcher != null) {
                dispatcher.close();
            }
            servers.forEach(WebhookServer::close);
        }
    }

    /**
     * A dispatcher killed inside the listener: the next owner learns exactly which record that was, and the policy
     * decides. Delivered again (the default) it reaches the listener once more; skipped, never, and its later retries
     * are dropped. Everything before it was delivered once by the killed dispatcher, everything after it once by the
     * next.
     */
    @ParameterizedTest(name = "redeliver={0}")
    @ValueSource(booleans = {true, false})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theRecordADispatcherDiedOnIsReportedInDoubtAndThePolicyDecides(boolean redeliver) throws Exception {
        KafkaTestBroker broker = KafkaTestBroker.shared();
        String topic = WebhookTopics.topic(broker, "tg-doubt", 1);
        String group = topic + "-group";
        Deliveries first = new Deliveries();
        Deliveries next = new Deliveries();
        List<InDoubtDelivery> reported = new CopyOnWriteArrayList<>();
        KafkaWebhookIntake intake = KafkaWebhookIntake.builder().telegram(TELEGRAM_SECRET).topic(topic)
                .producerConfig(WebhookTopics.producerConfig(broker)).build();
        WebhookServer server = WebhookTopics.servers(PATH, List.of(intake)).get(0);
        OkHttpClient http = WebhookTopics.http();
        Process child = null;
        KafkaWebhookDispatcher dispatcher = null;
        try {
            for (int id = 1; id <= 10; id++) {
                assertThat(WebhookTopics.postTelegram(http, server, PATH, WebhookTopics.update(id, 7), SECRET))
                        .isEqualTo(200);
            }
            child = WebhookTopics.startDispatcherProcess(broker, topic, group, 6, 0, line -> {
                if (line.startsWith("D ") || line.startsWith("B ")) {
                    first.record(line);
                }
            });
            first.awaitAll(List.of("B 6"), Duration.ofSeconds(60));
            WebhookTopics.kill(child);
            assertThat(first.inOrder()).containsExactly("D 1", "D 2", "D 3", "D 4", "D 5", "B 6");

            dispatcher = KafkaWebhookDispatcher.builder()
                    .topics(topic)
                    .consumerConfig(WebhookTopics.consumerConfig(broker.bootstrapServers(), group))
                    .telegram(update -> next.record(Long.toString(update.updateId())))
                    .inDoubt(d -> {
                        reported.add(d);
                        return redeliver;
                    })
                    .start();
            // every update again (Telegram retrying), then one more
            for (int id = 1; id <= 11; id++) {
                assertThat(WebhookTopics.postTelegram(http, server, PATH, WebhookTopics.update(id, 7), SECRET))
                        .isEqualTo(200);
            }
            next.awaitAll(List.of("11"), Duration.ofSeconds(60));

            assertThat(reported).hasSize(1);
            assertThat(reported.get(0).id()).isEqualTo("6");
            assertThat(reported.get(0).source()).isEqualTo("telegram");
            assertThat(reported.get(0).offset()).isEqualTo(5);
            assertThat(next.inOrder()).containsExactlyElementsOf(redeliver
                    ? List.of("6", "7", "8", "9", "10", "11")
                    : List.of("7", "8", "9", "10", "11"));
        } finally {
            if (child != null && child.isAlive()) {
                WebhookTopics.kill(child);
            }
            if (dispatcher != null) {
                dispatcher.close();
            }
            server.close();
        }
    }

    /**
     * A graceful hand-over (one dispatcher closed, another takes the partition) leaves nothing in doubt and
     * repeats nothing.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aClosedDispatcherHandsOverWithNothingInDoubtAndNothingRepeated() throws Exception {
        KafkaTestBroker broker = KafkaTestBroker.shared();
        String topic = WebhookTopics.topic(broker, "tg-handover", 1);
        String group = topic + "-group";
        Deliveries all = new Deliveries();
        List<InDoubtDelivery> reported = new CopyOnWriteArrayList<>();
        KafkaWebhookIntake intake = KafkaWebhookIntake.builder().telegram(TELEGRAM_SECRET).topic(topic)
                .producerConfig(WebhookTopics.producerConfig(broker)).build();
        WebhookServer server = WebhookTopics.servers(PATH, List.of(intake)).get(0);
        OkHttpClient http = WebhookTopics.http();
        KafkaWebhookDispatcher.Builder builder = KafkaWebhookDispatcher.builder()
                .topics(topic)
                .consumerConfig(WebhookTopics.consumerConfig(broker.bootstrapServers(), group))
                .telegram(update -> all.record(Long.toString(update.updateId())))
                .inDoubt(d -> {
                    reported.add(d);
                    return true;
                });
        try {
            try (KafkaWebhookDispatcher first = builder.start()) {
                for (int id = 1; id <= 5; id++) {
                    assertThat(WebhookTopics.postTelegram(http, server, PATH, WebhookTopics.update(id, 7), SECRET))
                            .isEqualTo(200);
                }
                all.awaitAll(List.of("5"), Duration.ofSeconds(60));
                assertThat(first.delivered()).isEqualTo(5);
            }
            try (KafkaWebhookDispatcher second = builder.start()) {
                for (int id = 1; id <= 6; id++) { // 1..5 retried, 6 new
                    assertThat(WebhookTopics.postTelegram(http, server, PATH, WebhookTopics.update(id, 7), SECRET))
                            .isEqualTo(200);
                }
                all.awaitAll(List.of("6"), Duration.ofSeconds(60));
                assertThat(second.duplicatesDropped()).isEqualTo(5);
            }
            assertThat(all.inOrder()).containsExactly("1", "2", "3", "4", "5", "6");
            assertThat(reported).isEmpty();
        } finally {
            server.close();
        }
    }

    private static void awaitSplit(Object assignment, AtomicInteger child, AtomicReference<Set<TopicPartition>> own,
            int partitions) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        synchronized (assignment) {
            while (!(child.get() > 0 && !own.get().isEmpty() && child.get() + own.get().size() == partitions)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the two dispatchers did not split the partitions: child " + child.get()
                            + ", in process " + own.get());
                }
                assignment.wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
