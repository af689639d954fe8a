package dev.relaykit.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes RelayKit events to Apache Kafka: JSON values, keys that keep per-instrument or per-chat order, RelayKit
 * headers ({@link RelayKitHeaders}), an idempotent producer, and a bounded buffer that never drops silently.
 *
 * <pre>{@code
 * try (KafkaEventPublisher kafka = KafkaEventPublisher.builder("127.0.0.1:9092").topic("binance.market").build()) {
 *     kafka.publish("binance.spot.market", "BTCUSDT", "btcusdt@trade", Instant.now(), "{\"e\":\"trade\"}");
 * }
 * }</pre>
 *
 * <p>The adapters publish a module's events without glue: {@link BinancePublishing}, {@link SocketIoPublishing},
 * {@link PusherPublishing}, {@link WhatsAppPublishing}.
 *
 * <p><b>Order.</b> Records of one key go to one partition in the order {@code publish} was called for them, and
 * the producer is idempotent ({@code enable.idempotence=true}, {@code acks=all}, at most 5 requests in flight), so
 * a retry inside Kafka's client neither duplicates nor reorders them.
 *
 * <p><b>When Kafka is slower than the stream.</b> {@code publish} never blocks the caller (a stream's dispatcher
 * must not stall behind Kafka): events wait in a buffer of {@link Builder#maxBufferedEvents} events, and one
 * thread hands them to the producer. When the buffer is full the new event is dropped and counted per key; as soon
 * as there is room again a {@link GapMarker} record (reason {@code overflow}, with the count, the sequence range
 * and the event times of what was dropped) is written in that key's place, before its next event. Records Kafka
 * does not take after the producer's own retries are marked the same way (reason {@code send-failed}). Nothing is
 * lost without a marker where it was lost.
 *
 * <p>Thread-safe; {@link #close()} sends what is buffered (up to {@link Builder#closeTimeout}), marks what it
 * could not send in its log, and closes the producer.
 */
public final class KafkaEventPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaEventPublisher.class);

    private final String topic;
    private final String publisherId;
    private final byte[] publisherIdBytes;
    private final int capacity;
    private final Duration closeTimeout;
    private final KafkaProducer<String, byte[]> producer;
    private final Thread sender;

    // one lock over the buffer and the drop book: a marker must enter the buffer exactly where its key's drops were
    private final Object lock = new Object();
    private final ArrayDeque<Pending> buffer = new ArrayDeque<>();
    private final Map<String, Drops> drops = new LinkedHashMap<>();
    private long sequence;
    private int inFlight; // taken by the sender, not yet handed to the producer
    private boolean closing;

    private final AtomicLong published = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong markers = new AtomicLong();

    private KafkaEventPublisher(Builder b) {
        this.topic = b.topic;
        this.publisherId = b.publisherId != null ? b.publisherId : "pub-" + UUID.randomUUID().toString().substring(0, 8);
        this.publisherIdBytes = publisherId.getBytes(StandardCharsets.UTF_8);
        this.capacity = b.maxBufferedEvents;
        this.closeTimeout = b.closeTimeout;
        Map<String, Object> cfg = new HashMap<>(b.config);
        cfg.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrapServers);
        cfg.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        cfg.put(ProducerConfig.ACKS_CONFIG, "all");
        cfg.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        cfg.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
        cfg.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "relaykit-" + publisherId);
        this.producer = new KafkaProducer<>(cfg, new StringSerializer(), new ByteArraySerializer());
        this.sender = new Thread(this::sendLoop, "relaykit-kafka-publisher-" + publisherId);
        this.sender.setDaemon(true);
        this.sender.start();
    }

    /**
     * Starts a publisher configuration.
     *
     * @param bootstrapServers Kafka's {@code bootstrap.servers}, e.g. {@code 127.0.0.1:9092}
     * @return the builder
     */
    public static Builder builder(String bootstrapServers) {
        return new Builder(bootstrapServers);
    }

    /** @return the topic records go to */
    public String topic() {
        return topic;
    }

    /** @return this publisher's id, written in {@link RelayKitHeaders#PUBLISHER} */
    public String publisherId() {
        return publisherId;
    }

    /**
     * Offers one event. Never blocks: when the buffer is full the event is dropped and a {@link GapMarker} is
     * written in its key's place once there is room.
     *
     * @param source where it came from, e.g. {@code binance.spot.market}
     * @param key the order key (symbol, chat, channel); records of one key keep their order
     * @param stream the stream, event name or channel within the source, or {@code null}
     * @param eventTime when the service says it happened, or {@code null} for now
     * @param json the event's JSON
     * @return {@code true} if buffered, {@code false} if dropped (and counted for a gap marker)
     * @throws IllegalStateException if the publisher is closed
     */
    public boolean publish(String source, String key, String stream, Instant eventTime, String json) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(json, "json");
        Instant at = eventTime != null ? eventTime : Instant.now();
        synchronized (lock) {
            if (closing) {
                throw new IllegalStateException("publisher is closed");
            }
            Drops d = drops.get(key);
            int needed = d == null ? 1 : 2;
            if (buffer.size() + needed > capacity) {
                if (d == null) {
                    d = new Drops(source, stream);
                    drops.put(key, d);
                }
                d.add(sequence++, at, GapMarker.OVERFLOW);
                dropped.incrementAndGet();
                return false;
            }
            if (d != null) {
                drops.remove(key);
                buffer.add(d.marker(key, sequence++)); // its sequence comes before the event's: it stands before it
            }
            buffer.add(new Pending(source, key, stream, at, sequence++, RelayKitHeaders.KIND_EVENT,
                    json.getBytes(StandardCharsets.UTF_8)));
            if (buffer.size() <= needed) {
                lock.notifyAll();
            }
            return true;
        }
    }

    /**
     * Writes a gap marker now (in the key's order, after what is buffered): for gaps the source itself reports,
     * such as a reconnect ({@code StreamListener.onGap}). Taken even when the buffer is full.
     *
     * @param source the source
     * @param key the order key
     * @param stream the stream, or {@code null}
     * @param reason e.g. {@link GapMarker#UPSTREAM}
     * @param detail what happened
     * @param from when the gap began, or {@code null}
     * @param to when the stream flowed again, or {@code null}
     */
    public void publishGap(String source, String key, String stream, String reason, String detail, Instant from,
            Instant to) {
        GapMarker m = new GapMarker(source, key, stream, reason, detail, 0, -1, -1, from, to);
        publishControl(source, key, stream, to != null ? to : Instant.now(), RelayKitHeaders.KIND_GAP, m.toJson(), null);
    }

    /**
     * Writes a record of another kind than an event (a marker the consumers read); taken even when the buffer is
     * full, since it is rare and small. For RelayKit's own feeds.
     */
    void publishControl(String source, String key, String stream, Instant at, String kind, String json,
            String consumer) {
        synchronized (lock) {
            if (closing) {
                throw new IllegalStateException("publisher is closed");
            }
            Pending p = new Pending(source, key, stream, at, sequence++, kind, json.getBytes(StandardCharsets.UTF_8));
            p.consumer = consumer;
            buffer.add(p);
            markers.incrementAndGet();
            lock.notifyAll();
        }
    }

    /**
     * Waits until everything offered so far was handed to Kafka and acknowledged (or failed and was marked).
     *
     * @param timeout how long to wait at most
     * @return {@code true} if everything was sent in time
     * @throws InterruptedException if interrupted
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!buffer.isEmpty() || inFlight > 0 || !drops.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
        }
        producer.flush();
        return true;
    }

    /** @return counters of what this publisher did so far */
    public Stats stats() {
        synchronized (lock) {
            return new Stats(published.get(), dropped.get(), failed.get(), markers.get(), buffer.size());
        }
    }

    /**
     * What a publisher did so far.
     *
     * @param published events and markers Kafka acknowledged
     * @param dropped events dropped because the buffer was full (each covered by a gap marker)
     * @param failed records Kafka did not take after the producer's retries (each covered by a gap marker)
     * @param markers gap and start markers written
     * @param buffered events waiting in the buffer now
     */
    public record Stats(long published, long dropped, long failed, long markers, int buffered) {
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closing) {
                return;
            }
            closing = true;
            lock.notifyAll();
        }
        try {
            sender.join(closeTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.interrupt();
        producer.close(closeTimeout);
        synchronized (lock) {
            if (!buffer.isEmpty() || !drops.isEmpty()) {
                LOG.warn("Kafka publisher {} closed with {} event(s) unsent and {} key(s) with unmarked drops",
                        publisherId, buffer.size(), drops.size());
            }
        }
    }

    @Override
    public String toString() {
        return "KafkaEventPublisher[" + publisherId + " -> " + topic + "]";
    }

    // ------------------------------------------------------------------ the sender thread

    private void sendLoop() {
        List<Pending> batch = new ArrayList<>();
        while (true) {
            synchronized (lock) {
                while (buffer.isEmpty() && drops.isEmpty() && !closing) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (buffer.isEmpty() && drops.isEmpty()) {
                    return; // closing and all sent
                }
                while (!buffer.isEmpty() && batch.size() < 512) {
                    batch.add(buffer.poll());
                }
                if (buffer.isEmpty() && !drops.isEmpty()) {
                    // drops with no later event of their key: mark them now that there is room
                    for (Map.Entry<String, Drops> e : drops.entrySet()) {
                        batch.add(e.getValue().marker(e.getKey(), sequence++));
                    }
                    drops.clear();
                }
                inFlight = batch.size();
            }
            for (Pending p : batch) {
                send(p);
            }
            synchronized (lock) {
                inFlight = 0;
                lock.notifyAll();
            }
            batch.clear();
        }
    }

    private void send(Pending p) {
        RecordHeaders h = new RecordHeaders();
        h.add(RelayKitHeaders.SOURCE, p.source.getBytes(StandardCharsets.UTF_8));
        h.add(RelayKitHeaders.EVENT_TIME, Long.toString(p.at.toEpochMilli()).getBytes(StandardCharsets.US_ASCII));
        h.add(RelayKitHeaders.SEQUENCE, Long.toString(p.seq).getBytes(StandardCharsets.US_ASCII));
        h.add(RelayKitHeaders.PUBLISHER, publisherIdBytes);
        if (!RelayKitHeaders.KIND_EVENT.equals(p.kind)) {
            h.add(RelayKitHeaders.KIND, p.kind.getBytes(StandardCharsets.US_ASCII));
        }
        if (p.stream != null) {
            h.add(RelayKitHeaders.STREAM, p.stream.getBytes(StandardCharsets.UTF_8));
        }
        if (p.consumer != null) {
            h.add(RelayKitHeaders.CONSUMER, p.consumer.getBytes(StandardCharsets.UTF_8));
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, p.at.toEpochMilli(), p.key, p.value, h);
        try {
            // blocks (this thread only) while the producer's own memory is full: the buffer in front absorbs it
            producer.send(record, (meta, error) -> {
                if (error == null) {
                    published.incrementAndGet();
                } else {
                    sendFailed(p, error);
                }
            });
        } catch (RuntimeException e) {
            sendFailed(p, e);
        }
    }

    private void sendFailed(Pending p, Exception error) {
        failed.incrementAndGet();
        LOG.warn("Kafka did not take record {} of key {} ({}); a gap marker follows", p.seq, p.key, error.toString());
        synchronized (lock) {
            Drops d = drops.computeIfAbsent(p.key, k -> new Drops(p.source, p.stream));
            d.add(p.seq, p.at, GapMarker.SEND_FAILED);
            d.detail = error.getClass().getSimpleName();
            lock.notifyAll();
        }
    }

    /** One record waiting to be sent. */
    private static final class Pending {
        final String source;
        final String key;
        final String stream;
        final Instant at;
        final long seq;
        final String kind;
        final byte[] value;
        String consumer;

        Pending(String source, String key, String stream, Instant at, long seq, String kind, byte[] value) {
            this.source = source;
            this.key = key;
            this.stream = stream;
            this.at = at;
            this.seq = seq;
            this.kind = kind;
            this.value = value;
        }
    }

    /** What was dropped of one key since its last record: becomes one gap marker. */
    private final class Drops {
        final String source;
        final String stream;
        String reason;
        String detail;
        long count;
        long firstSeq = -1;
        long lastSeq = -1;
        Instant from;
        Instant to;

        Drops(String source, String stream) {
            this.source = source;
            this.stream = stream;
        }

        void add(long seq, Instant at, String why) {
            if (count == 0) {
                firstSeq = seq;
                from = at;
                reason = why;
            } else if (!why.equals(reason)) {
                reason = GapMarker.OVERFLOW + "+" + GapMarker.SEND_FAILED;
            }
            count++;
            firstSeq = Math.min(firstSeq, seq);
            lastSeq = Math.max(lastSeq, seq);
            from = from.isBefore(at) ? from : at;
            to = to == null || to.isBefore(at) ? at : to;
        }

        Pending marker(String key, long seq) {
            markers.incrementAndGet();
            String what = GapMarker.OVERFLOW.equals(reason)
                    ? count + " event(s) dropped: Kafka was slower than the stream and the buffer of " + capacity
                            + " was full"
                    : count + " event(s) not taken by Kafka" + (detail == null ? "" : " (" + detail + ")");
            GapMarker m = new GapMarker(source, key, stream, reason, what, count, firstSeq, lastSeq, from, to);
            return new Pending(source, key, stream, to, seq, RelayKitHeaders.KIND_GAP,
                    m.toJson().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Configures a {@link KafkaEventPublisher}. */
    public static final class Builder {
        private final String bootstrapServers;
        private String topic = "relaykit.events";
        private String publisherId;
        private int maxBufferedEvents = 100_000;
        private Duration closeTimeout = Duration.ofSeconds(10);
        private final Map<String, Object> config = new HashMap<>();

        private Builder(String bootstrapServers) {
            this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        }

        /**
         * @param topic the topic records go to (default {@code relaykit.events})
         * @return this builder
         */
        public Builder topic(String topic) {
            this.topic = Objects.requireNonNull(topic, "topic");
            return this;
        }

        /**
         * @param id this publisher's id in {@link RelayKitHeaders#PUBLISHER} (default: random)
         * @return this builder
         */
        public Builder publisherId(String id) {
            this.publisherId = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * How many events may wait for Kafka before new ones are dropped (and marked).
         *
         * @param max at least 2 (default 100 000)
         * @return this builder
         */
        public Builder maxBufferedEvents(int max) {
            if (max < 2) {
                throw new IllegalArgumentException("maxBufferedEvents must be at least 2");
            }
            this.maxBufferedEvents = max;
            return this;
        }

        /**
         * Extra producer configuration ({@code linger.ms}, {@code compression.type}, security settings...).
         * {@code enable.idempotence} and {@code acks} are always {@code true} and {@code all}.
         *
         * @param key a producer setting
         * @param value its value
         * @return this builder
         */
        public Builder producerConfig(String key, Object value) {
            config.put(Objects.requireNonNull(key, "key"), value);
            return this;
        }

        /**
         * @param timeout how long {@link #close()} waits for buffered events to be sent (default 10 s)
         * @return this builder
         */
        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** @return the publisher, its producer connecting in the background */
        public KafkaEventPublisher build() {
            return new KafkaEventPublisher(this);
        }
    }
}
