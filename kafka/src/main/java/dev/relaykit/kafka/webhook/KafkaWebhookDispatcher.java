package dev.relaykit.kafka.webhook;

import dev.relaykit.pusher.server.PusherWebhookListener;
import dev.relaykit.telegram.bot.UpdateListener;
import dev.relaykit.whatsapp.webhook.WebhookListener;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what {@link KafkaWebhookIntake}s wrote, drops the copies that retries left, and hands each delivery to the
 * usual listener of its service module: the whatsapp module's {@link WebhookListener}, the telegram module's
 * {@link UpdateListener}, the pusher module's {@link PusherWebhookListener}. Run as many as you like in one consumer
 * group: Kafka gives each partition to one of them, and all copies of one message are in one partition.
 *
 * <pre>{@code
 * KafkaWebhookDispatcher dispatcher = KafkaWebhookDispatcher.builder()
 *         .topics("webhooks.whatsapp")
 *         .consumerConfig(Map.of("bootstrap.servers", "kafka-1:9092", "group.id", "whatsapp-bot"))
 *         .whatsApp(event -> System.out.println(event))
 *         .deduplication(100_000, Duration.ofHours(24))
 *         .start();
 * // ... dispatcher.close() when the process stops
 * }</pre>
 *
 * <p><b>What is guaranteed.</b> Every record is handed to the listener, in offset order per partition (so in order
 * per conversation), one at a time, on the dispatcher's own thread. A record whose id is already among the last
 * {@code records} records of its partition, written at most {@code window} before it (see
 * {@link Builder#deduplication(int, Duration)}), is dropped: the retry of a message reaches the listener once, however
 * many receiver instances wrote it. That holds when partitions move between dispatchers too: a dispatcher that is
 * given a partition first rebuilds the window from the partition's own records before the committed offset, so it
 * recognises retries of what its previous owner delivered. Every record that reached the listener is committed
 * (synchronously) before the next one of its partition does: a graceful stop, a rebalance or {@link #close()} never
 * repeats a delivery.
 *
 * <p><b>What is not</b>: exactly once is impossible to promise for the one record whose listener call was under way
 * when its dispatcher died (a crash, a kill, or being fenced out of the group after a listener ran longer than
 * {@code max.poll.interval.ms}): Kafka cannot know whether the listener finished. Before each call the dispatcher
 * commits with the mark "in doubt" (a synchronous commit, which also fences: a dispatcher that lost its partition
 * fails that commit and delivers nothing more of it), so the next owner knows exactly which record, at most one per
 * partition, may have been handled; it asks {@link Builder#inDoubt(Predicate)} (default: log and deliver it again, so
 * a message is never lost). A listener whose effect must happen once even then checks the id (WhatsApp message id,
 * Telegram {@code update_id}, Pusher {@code time_ms}) against its own store. Also not guaranteed: a retry that
 * arrives after the window (Meta retries for days: size the window for it), records deleted by retention before
 * they were read, and order between conversations.
 *
 * <p>A listener that throws is reported to {@link Builder#onFailure(BiConsumer)} and the next record follows (the
 * delivery is not retried, as with the modules' own handlers). A listener call that takes longer than
 * {@code max.poll.interval.ms} (default 5 minutes) loses the partitions: hand slow work to your own executor.
 */
public final class KafkaWebhookDispatcher implements AutoCloseable {
    /** Offset-commit metadata meaning: the record at this offset was being handed to the listener. */
    static final String IN_DOUBT = "relaykit:in-doubt";
    private static final Logger LOG = LoggerFactory.getLogger(KafkaWebhookDispatcher.class);

    private final List<String> topics;
    private final Map<String, Object> consumerConfig;
    private final Map<String, Service.Dispatch> dispatch;
    private final int windowRecords;
    private final long windowMillis;
    private final Predicate<InDoubtDelivery> inDoubt;
    private final BiConsumer<String, Throwable> onFailure;
    private final Consumer<Set<TopicPartition>> onPartitions;
    private final Map<TopicPartition, PartitionState> owned = new HashMap<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean closing;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private KafkaConsumer<byte[], byte[]> reader;

    /** What the dispatcher knows of one partition it owns. */
    private static final class PartitionState {
        final DedupWindow window;
        long next = -1;       // the offset after the last record handled; -1 before the first
        boolean dirty;        // handled records not yet committed as done

        PartitionState(DedupWindow window) {
            this.window = window;
        }
    }

    private KafkaWebhookDispatcher(Builder b) {
        this.topics = List.copyOf(b.topics);
        this.consumerConfig = b.consumerConfig;
        this.dispatch = Map.copyOf(b.dispatch);
        this.windowRecords = b.windowRecords;
        this.windowMillis = b.window.toMillis();
        this.inDoubt = b.inDoubt;
        this.onFailure = b.onFailure;
        this.onPartitions = b.onPartitions;
        this.thread = new Thread(this::run, "relaykit-kafka-webhooks-" + consumerConfig.get(ConsumerConfig.GROUP_ID_CONFIG));
        this.thread.setDaemon(false);
    }

    /** @return a new builder; topics, a consumer configuration with a {@code group.id} and a listener are required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return deliveries handed to a listener so far (not the dropped duplicates) */
    public long delivered() {
        return delivered.get();
    }

    /** @return records dropped as retries of a message already delivered */
    public long duplicatesDropped() {
        return duplicates.get();
    }

    private void run() {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = c;
            c.subscribe(topics, new Rebalance());
            try {
                while (!closing) {
                    pollOnce(c);
                }
            } catch (WakeupException e) {
                // close() woke the consumer up
            }
            // commit what was handled before the consumer's close gives the partitions away
            for (Map.Entry<TopicPartition, PartitionState> e : owned.entrySet()) {
                try {
                    commitDone(e.getKey(), e.getValue());
                } catch (WakeupException again) {
                    commitDone(e.getKey(), e.getValue()); // a wake-up that came after the loop's last poll
                }
            }
        } catch (RuntimeException | Error e) {
            LOG.error("webhook dispatcher for {} stopped", topics, e);
        } finally {
            if (reader != null) {
                reader.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            }
            stopped.countDown();
        }
    }

    private void pollOnce(KafkaConsumer<byte[], byte[]> c) {
        ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(200));
        for (TopicPartition tp : records.partitions()) {
            PartitionState state = owned.get(tp);
            if (state == null) {
                continue;
            }
            boolean fenced = false;
            for (ConsumerRecord<byte[], byte[]> r : records.records(tp)) {
                if (!handle(tp, state, r)) {
                    fenced = true;
                    break;
                }
            }
            if (!fenced) {
                commitDone(tp, state);
            }
        }
    }

    /** @return {@code false} if the partition is no longer this dispatcher's: nothing more of it is handled now */
    private boolean handle(TopicPartition tp, PartitionState state, ConsumerRecord<byte[], byte[]> r) {
        String source = header(r, KafkaWebhookIntake.SOURCE_HEADER);
        String id = header(r, KafkaWebhookIntake.ID_HEADER);
        if (source == null || id == null) {
            LOG.error("record {}@{} has no {} or {} header; skipped (was it written by a KafkaWebhookIntake?)",
                    tp, r.offset(), KafkaWebhookIntake.SOURCE_HEADER, KafkaWebhookIntake.ID_HEADER);
            done(state, r);
            return true;
        }
        if (state.window.contains(id, r.timestamp())) {
            state.window.add(id, r.timestamp());
            duplicates.incrementAndGet();
            done(state, r);
            return true;
        }
        Service.Dispatch d = dispatch.get(source);
        if (d == null) {
            LOG.error("record {}@{} is a {} delivery, and this dispatcher has no {} listener; skipped", tp, r.offset(),
                    source, source);
            state.window.add(id, r.timestamp());
            done(state, r);
            return true;
        }
        // the mark, and the fence: a dispatcher that lost this partition cannot commit, and so delivers nothing
        try {
            consumer.commitSync(Map.of(tp, new OffsetAndMetadata(r.offset(), IN_DOUBT)));
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.info("not delivering {}@{}: could not mark it ({}); the partition's owner will", tp, r.offset(),
                    e.toString());
            try {
                consumer.seek(tp, r.offset()); // if the partition stays ours, read it again from here
            } catch (IllegalStateException notOurs) {
                // revoked meanwhile: its new owner starts at the committed offset
            }
            return false;
        }
        state.window.add(id, r.timestamp());
        state.next = r.offset() + 1;
        state.dirty = true;
        deliver(d, source, id, r.value());
        return true;
    }

    private void deliver(Service.Dispatch d, String source, String id, byte[] body) {
        delivered.incrementAndGet();
        try {
            d.dispatch(id, body);
        } catch (Exception | LinkageError e) {
            try {
                onFailure.accept(source + " " + printable(id), e);
            } catch (RuntimeException again) {
                LOG.error("the failure callback threw", again);
            }
        }
    }

    private static void done(PartitionState state, ConsumerRecord<byte[], byte[]> r) {
        state.next = r.offset() + 1;
        state.dirty = true;
    }

    private void commitDone(TopicPartition tp, PartitionState state) {
        if (!state.dirty) {
            return;
        }
        try {
            consumer.commitSync(Map.of(tp, new OffsetAndMetadata(state.next, "")));
            state.dirty = false;
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            // the next owner sees the last record marked in doubt, and asks the in-doubt policy
            LOG.warn("could not commit {} at {} ({})", tp, state.next, e.toString());
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            for (TopicPartition tp : partitions) {
                PartitionState state = owned.remove(tp);
                if (state != null) {
                    commitDone(tp, state);
                }
            }
            changed();
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(owned::remove); // no longer ours: a commit would fail
            changed();
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata c = committed.get(tp);
                PartitionState state = new PartitionState(new DedupWindow(windowRecords, windowMillis));
                if (c != null) {
                    rebuild(tp, c.offset(), IN_DOUBT.equals(c.metadata()), state);
                }
                owned.put(tp, state);
            }
            changed();
        }

        private void changed() {
            try {
                onPartitions.accept(Set.copyOf(owned.keySet()));
            } catch (RuntimeException e) {
                LOG.error("the partitions callback threw", e);
            }
        }
    }

    /**
     * Reads the partition's last records before {@code committed} into the window: exactly the window the previous
     * owner had there. With {@code inDoubt}, also reads the record at {@code committed} and asks the policy.
     */
    private void rebuild(TopicPartition tp, long committed, boolean inDoubtMark, PartitionState state) {
        if (reader == null) {
            Map<String, Object> cfg = new LinkedHashMap<>(consumerConfig);
            cfg.remove(ConsumerConfig.GROUP_ID_CONFIG);
            cfg.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
            cfg.remove(ConsumerConfig.GROUP_PROTOCOL_CONFIG);
            cfg.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            cfg.put(ConsumerConfig.CLIENT_ID_CONFIG, "relaykit-webhook-window-" + thread.getName());
            reader = new KafkaConsumer<>(cfg, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }
        long begin = reader.beginningOffsets(List.of(tp)).get(tp);
        long from = Math.max(begin, committed - windowRecords);
        long until = inDoubtMark ? committed + 1 : committed;
        if (from >= until) {
            return;
        }
        reader.assign(List.of(tp));
        reader.seek(tp, from);
        ConsumerRecord<byte[], byte[]> doubtful = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long read = 0; // records before the committed offset
        while (reader.position(tp) < until && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : reader.poll(Duration.ofMillis(200)).records(tp)) {
                if (r.offset() >= until) {
                    break;
                }
                if (inDoubtMark && r.offset() == committed) {
                    doubtful = r;
                    continue;
                }
                String id = header(r, KafkaWebhookIntake.ID_HEADER);
                if (id != null) {
                    state.window.add(id, r.timestamp());
                }
                read++;
            }
        }
        boolean complete = reader.position(tp) >= until;
        reader.assign(List.of());
        if (!complete) {
            LOG.error("rebuilding the de-duplication window of {} read {} of {} records within 60 s; retries of "
                    + "older messages may be delivered again", tp, read, committed - from);
        }
        LOG.debug("{}: de-duplication window rebuilt from offsets {}..{}", tp, from, committed);
        if (doubtful != null) {
            String id = header(doubtful, KafkaWebhookIntake.ID_HEADER);
            InDoubtDelivery d = new InDoubtDelivery(header(doubtful, KafkaWebhookIntake.SOURCE_HEADER), id,
                    tp.topic(), tp.partition(), committed);
            boolean again;
            try {
                again = inDoubt.test(d);
            } catch (RuntimeException e) {
                LOG.error("the in-doubt policy threw for {}; delivering it again", d, e);
                again = true;
            }
            if (!again && id != null) {
                state.window.add(id, doubtful.timestamp());
                consumer.seek(tp, committed + 1);
                state.next = committed + 1;
                state.dirty = true;
            }
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String printable(String id) {
        return id.replace('\u0000', ' ');
    }

    /**
     * Stops reading: the listener call under way finishes, what was handled is committed, the partitions go to the
     * group's other dispatchers. Waits up to 30 s.
     */
    @Override
    public void close() {
        closing = true;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            if (thread.isAlive() && !stopped.await(30, TimeUnit.SECONDS)) {
                LOG.warn("webhook dispatcher for {} did not stop within 30 s", topics);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the topics; never the configuration (it may hold credentials) */
    @Override
    public String toString() {
        return "KafkaWebhookDispatcher" + topics;
    }

    /** Configures a {@link KafkaWebhookDispatcher}. */
    public static final class Builder {
        private final List<String> topics = new ArrayList<>();
        private Map<String, Object> consumerConfig;
        private final Map<String, Service.Dispatch> dispatch = new HashMap<>();
        private int windowRecords = 100_000;
        private Duration window = Duration.ofHours(24);
        private Predicate<InDoubtDelivery> inDoubt = d -> {
            LOG.warn("delivering {} {} (partition {}-{} offset {}) again: its previous dispatcher stopped while "
                    + "handing it to the listener, which may have handled it", d.source(), printable(d.id()), d.topic(),
                    d.partition(), d.offset());
            return true;
        };
        private BiConsumer<String, Throwable> onFailure = (what, e) ->
                LOG.error("webhook listener threw for {}", what, e);
        private Consumer<Set<TopicPartition>> onPartitions = partitions -> LOG.info("dispatching {}", partitions);

        private Builder() {
        }

        /**
         * @param topics the topics the intakes write to; required
         * @return this builder
         */
        public Builder topics(String... topics) {
            this.topics.addAll(List.of(topics));
            return this;
        }

        /**
         * The consumer configuration: {@code bootstrap.servers} and {@code group.id} at least. The dispatcher sets
         * byte-array deserializers and {@code enable.auto.commit=false} (it commits itself); {@code auto.offset.reset}
         * defaults to {@code earliest}, so a new group starts with the first delivery kept.
         *
         * @param config the configuration (copied)
         * @return this builder
         */
        public Builder consumerConfig(Map<String, Object> config) {
            Map<String, Object> cfg = new LinkedHashMap<>(Objects.requireNonNull(config, "config"));
            if (cfg.get(ConsumerConfig.GROUP_ID_CONFIG) == null) {
                throw new IllegalArgumentException("group.id is required: the dispatchers of one application share it");
            }
            cfg.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            cfg.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            cfg.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
            cfg.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
            this.consumerConfig = cfg;
            return this;
        }

        /**
         * Hands WhatsApp deliveries to this listener, one event at a time (a delivery's events with the record's id).
         *
         * @param listener the whatsapp module's listener
         * @return this builder
         */
        public Builder whatsApp(WebhookListener listener) {
            Objects.requireNonNull(listener, "listener");
            dispatch.put(WhatsAppService.SOURCE, WhatsAppService.dispatch(listener));
            return this;
        }

        /**
         * Hands Telegram updates to this listener.
         *
         * @param listener the telegram module's listener
         * @return this builder
         */
        public Builder telegram(UpdateListener listener) {
            Objects.requireNonNull(listener, "listener");
            dispatch.put(TelegramService.SOURCE, TelegramService.dispatch(listener));
            return this;
        }

        /**
         * Hands Pusher webhooks to this listener (a whole delivery at a time, as the module's handler does).
         *
         * @param listener the pusher module's listener
         * @return this builder
         */
        public Builder pusher(PusherWebhookListener listener) {
            Objects.requireNonNull(listener, "listener");
            dispatch.put(PusherService.SOURCE, PusherService.dispatch(listener));
            return this;
        }

        /**
         * The de-duplication window, per partition: a record is dropped when a record with the same id is among the
         * partition's previous {@code records} records and was written at most {@code window} before it (record
         * timestamps, set by the intake). Memory: {@code records} ids per partition owned. A dispatcher given a
         * partition reads up to {@code records} records to rebuild it. Default 100,000 and 24 hours.
         *
         * @param records how many records back to look, at least 0 (0 turns de-duplication off)
         * @param window how far back in time, positive
         * @return this builder
         */
        public Builder deduplication(int records, Duration window) {
            if (records < 0) {
                throw new IllegalArgumentException("records must not be negative, got " + records);
            }
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("window must be positive, got " + window);
            }
            this.windowRecords = records;
            this.window = window;
            return this;
        }

        /**
         * Decides about a record whose listener call a stopped dispatcher had begun (see the class documentation):
         * {@code true} delivers it again, {@code false} skips it (and drops its later retries). Called on the
         * dispatcher's thread when it is given the partition. Default: log at WARN and deliver again.
         *
         * @param redeliver the decision
         * @return this builder
         */
        public Builder inDoubt(Predicate<InDoubtDelivery> redeliver) {
            this.inDoubt = Objects.requireNonNull(redeliver, "redeliver");
            return this;
        }

        /**
         * Called when a listener throws, with the service and id of the delivery and the exception (default: log at
         * ERROR). The delivery is not retried.
         *
         * @param onFailure the callback
         * @return this builder
         */
        public Builder onFailure(BiConsumer<String, Throwable> onFailure) {
            this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
            return this;
        }

        /**
         * Told the partitions this dispatcher owns whenever they change (on its own thread, after the windows of new
         * partitions are rebuilt); default: log at INFO.
         *
         * <pre>{@code
         * KafkaWebhookDispatcher.Builder b = KafkaWebhookDispatcher.builder()
         *         .onPartitions(owned -> System.out.println("now dispatching " + owned));
         * }</pre>
         *
         * @param onPartitions the callback
         * @return this builder
         */
        public Builder onPartitions(Consumer<Set<TopicPartition>> onPartitions) {
            this.onPartitions = Objects.requireNonNull(onPartitions, "onPartitions");
            return this;
        }

        /**
         * Starts the dispatcher's thread; it joins the group and begins dispatching.
         *
         * @return the running dispatcher
         * @throws IllegalStateException if topics, the consumer configuration or a listener is missing
         */
        public KafkaWebhookDispatcher start() {
            if (topics.isEmpty()) {
                throw new IllegalStateException("topics are required");
            }
            if (consumerConfig == null) {
                throw new IllegalStateException("consumerConfig is required");
            }
            if (dispatch.isEmpty()) {
                throw new IllegalStateException("a listener is required: whatsApp(..), telegram(..) or pusher(..)");
            }
            KafkaWebhookDispatcher d = new KafkaWebhookDispatcher(this);
            d.thread.start();
            return d;
        }
    }
}
