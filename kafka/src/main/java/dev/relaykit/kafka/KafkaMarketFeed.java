package dev.relaykit.kafka;

import dev.relaykit.binance.stream.MarketStream;
import dev.relaykit.binance.stream.StreamGap;
import dev.relaykit.binance.stream.StreamListener;
import dev.relaykit.core.ws.KeyedExecutor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance market streams read from Kafka, fed by {@link MarketFeed} processes: the listener API of
 * {@code MarketStreams}, so a strategy switches between direct and shared data with one line.
 *
 * <pre>{@code
 * // MarketStreams streams = binance.streams();                         // direct
 * KafkaMarketFeed streams = KafkaMarketFeed.builder("127.0.0.1:9092").build();   // shared, through Kafka
 * var sub = streams.subscribe(MarketStream.trade("BTCUSDT"), (stream, t) -> System.out.println(t.price()));
 * sub.ready().join();
 * }</pre>
 *
 * <p>What a listener gets: the same typed events ({@link MarketStream#decode} of Binance's payload), in the order
 * Binance sent them per symbol; {@link StreamListener#onGap} when events may be missing: the feed's own reconnects,
 * a feed's overflow (its gap markers), and a takeover (the stream's events now come from another feed process
 * than before); {@link StreamListener#onError} when a payload does not decode or the listener throws. Listeners
 * run on the dispatcher ({@link Builder#dispatcher}), one at a time per stream, never on the Kafka poll thread.
 *
 * <p>Subscribing writes a want to the compacted control topic; the feed holding that stream's partition subscribes
 * it at Binance and announces it, which completes {@link FeedSubscription#ready()}. Events are read from the data
 * topic from the moment this consumer was built (no history is replayed). Thread-safe; {@link #close()} withdraws
 * every want and stops its threads.
 */
public final class KafkaMarketFeed implements AutoCloseable {
    /** The default data topic. */
    public static final String DEFAULT_DATA_TOPIC = "relaykit.market";
    /** The default control topic (compacted). */
    public static final String DEFAULT_CONTROL_TOPIC = "relaykit.market.control";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaMarketFeed.class);

    private final String consumerId;
    private final String controlTopic;
    private final Duration requestTimeout;
    private final KafkaConsumer<String, byte[]> data;
    private final KafkaProducer<String, String> control;
    private final int controlPartitions;
    private final KeyedExecutor dispatch;
    private final ExecutorService ownDispatcher;
    private final Thread poller;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean closed;

    private final Object lock = new Object(); // over routes' membership and the control writes' order
    private final Map<String, Route> routes = new ConcurrentHashMap<>();

    private KafkaMarketFeed(Builder b) {
        this.consumerId = b.consumerId != null ? b.consumerId : "strategy-" + UUID.randomUUID().toString().substring(0, 8);
        this.controlTopic = b.controlTopic;
        this.requestTimeout = b.requestTimeout;
        Map<String, Object> pc = new HashMap<>();
        pc.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrapServers);
        pc.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        pc.put(ProducerConfig.ACKS_CONFIG, "all");
        pc.put(ProducerConfig.CLIENT_ID_CONFIG, "relaykit-" + consumerId + "-control");
        this.control = new KafkaProducer<>(pc, new StringSerializer(), new StringSerializer());
        this.controlPartitions = control.partitionsFor(controlTopic).size();

        Map<String, Object> cc = new HashMap<>();
        cc.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrapServers);
        cc.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        cc.put(ConsumerConfig.CLIENT_ID_CONFIG, "relaykit-" + consumerId);
        cc.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        this.data = new KafkaConsumer<>(cc, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> parts = data.partitionsFor(b.dataTopic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(b.dataTopic, p.partition())).toList();
        data.assign(parts);
        data.seekToEnd(parts);
        parts.forEach(data::position); // fixes "the end" now: every want written after this is answered after it

        if (b.dispatcher != null) {
            this.ownDispatcher = null;
            this.dispatch = new KeyedExecutor(b.dispatcher, 16);
        } else {
            this.ownDispatcher = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "relaykit-kafka-feed-dispatch-" + consumerId);
                t.setDaemon(true);
                return t;
            });
            this.dispatch = new KeyedExecutor(ownDispatcher, 1);
        }
        this.poller = new Thread(this::poll, "relaykit-kafka-feed-" + consumerId);
        this.poller.setDaemon(true);
        this.poller.start();
    }

    /**
     * Starts a consumer configuration.
     *
     * @param bootstrapServers Kafka's {@code bootstrap.servers}
     * @return the builder
     */
    public static Builder builder(String bootstrapServers) {
        return new Builder(bootstrapServers);
    }

    /** @return this consumer's id in the control topic */
    public String consumerId() {
        return consumerId;
    }

    /**
     * Subscribes one stream.
     *
     * @param stream the stream, e.g. {@code MarketStream.trade("BTCUSDT")}
     * @param listener receives its events
     * @param <T> the event type
     * @return the subscription; {@link FeedSubscription#ready()} completes when a feed announced the stream
     */
    public <T> FeedSubscription subscribe(MarketStream<T> stream, StreamListener<? super T> listener) {
        return subscribe(List.of(Objects.requireNonNull(stream, "stream")), listener);
    }

    /**
     * Subscribes one stream with a listener that only takes events.
     *
     * @param stream the stream
     * @param listener receives each event
     * @param <T> the event type
     * @return the subscription
     */
    public <T> FeedSubscription subscribe(MarketStream<T> stream, Consumer<? super T> listener) {
        Objects.requireNonNull(listener, "listener");
        return subscribe(stream, (StreamListener<T>) (s, e) -> listener.accept(e));
    }

    /**
     * Subscribes several streams of one type with one listener.
     *
     * @param streams the streams
     * @param listener receives their events (the stream name tells them apart)
     * @param <T> the event type
     * @return one subscription for all of them
     * @throws IllegalArgumentException if {@code streams} is empty
     * @throws IllegalStateException if this consumer is closed
     */
    public <T> FeedSubscription subscribe(Collection<? extends MarketStream<? extends T>> streams,
            StreamListener<? super T> listener) {
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(listener, "listener");
        if (streams.isEmpty()) {
            throw new IllegalArgumentException("streams must not be empty");
        }
        Map<String, MarketStream<? extends T>> byName = new LinkedHashMap<>();
        streams.forEach(s -> byName.putIfAbsent(Objects.requireNonNull(s, "stream").name(), s));
        List<CompletableFuture<Void>> readies = new ArrayList<>();
        CompletableFuture<Void> ready;
        FeedSubscription sub;
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("KafkaMarketFeed is closed");
            }
            List<Sink<?>> sinks = new ArrayList<>();
            for (MarketStream<? extends T> s : byName.values()) {
                Route r = routes.computeIfAbsent(s.name(), Route::new);
                if (r.sinks.isEmpty()) {
                    r.ready = new CompletableFuture<>();
                    send(s.name(), ControlRecords.value(s.name(), consumerId), r.ready);
                }
                readies.add(r.ready);
                sinks.add(new Sink<>(s, listener));
            }
            ready = CompletableFuture.allOf(readies.toArray(CompletableFuture[]::new))
                    .orTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            sub = new FeedSubscription(this, List.copyOf(byName.keySet()), ready);
            int i = 0;
            for (String name : byName.keySet()) {
                Sink<?> sink = sinks.get(i++);
                sink.owner = sub;
                routes.get(name).sinks.add(sink);
            }
        }
        return sub;
    }

    /** @return the streams this consumer wants now, sorted */
    public List<String> listSubscriptions() {
        return routes.entrySet().stream().filter(e -> !e.getValue().sinks.isEmpty()).map(Map.Entry::getKey)
                .sorted().toList();
    }

    boolean isClosed() {
        return closed;
    }

    CompletableFuture<Void> unsubscribe(FeedSubscription sub) {
        List<CompletableFuture<Void>> written = new ArrayList<>();
        synchronized (lock) {
            for (String stream : sub.streams()) {
                Route r = routes.get(stream);
                if (r == null) {
                    continue;
                }
                r.sinks.removeIf(s -> s.owner == sub);
                if (r.sinks.isEmpty() && !closed) {
                    routes.remove(stream);
                    CompletableFuture<Void> done = new CompletableFuture<>();
                    send(stream, null, done);
                    written.add(done);
                }
            }
        }
        return CompletableFuture.allOf(written.toArray(CompletableFuture[]::new));
    }

    /** A want (value) or its withdrawal (null) for one stream; {@code sent} completes on the broker's ack or fails. */
    private void send(String stream, String value, CompletableFuture<Void> failOn) {
        ProducerRecord<String, String> r = new ProducerRecord<>(controlTopic,
                ControlRecords.partition(stream, controlPartitions), ControlRecords.key(stream, consumerId), value);
        control.send(r, (meta, error) -> {
            if (error != null) {
                failOn.completeExceptionally(error);
            } else if (value == null) {
                failOn.complete(null);
            }
        });
    }

    /** Withdraws every want, stops the poll thread and the dispatcher. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            for (String stream : routes.keySet()) {
                send(stream, null, new CompletableFuture<>());
            }
            routes.clear();
        }
        data.wakeup();
        try {
            stopped.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        control.close(Duration.ofSeconds(10));
        if (ownDispatcher != null) {
            ownDispatcher.shutdown();
        }
    }

    @Override
    public String toString() {
        return "KafkaMarketFeed[" + consumerId + ", " + routes.size() + " stream(s)]";
    }

    // ------------------------------------------------------------------ the poll thread

    private void poll() {
        try {
            while (!closed) {
                Map<String, List<ConsumerRecord<String, byte[]>>> byStream = new LinkedHashMap<>();
                for (ConsumerRecord<String, byte[]> r : data.poll(Duration.ofMillis(500))) {
                    String stream = header(r, RelayKitHeaders.STREAM);
                    if (stream != null && routes.containsKey(stream)) {
                        byStream.computeIfAbsent(stream, s -> new ArrayList<>()).add(r);
                    }
                }
                // one hand-over per stream and poll, not per record: the dispatcher pays per task
                byStream.forEach((stream, records) -> {
                    Route route = routes.get(stream);
                    if (route != null) {
                        List<Runnable> deliveries = new ArrayList<>(records.size());
                        records.forEach(r -> route(route, r, deliveries));
                        dispatch.execute(stream, () -> deliveries.forEach(Runnable::run));
                    }
                });
            }
        } catch (WakeupException e) {
            // close()
        } catch (RuntimeException e) {
            LOG.error("Kafka market feed consumer {} stopped on an error", consumerId, e);
        } finally {
            data.close(Duration.ofSeconds(5));
            stopped.countDown();
        }
    }

    /** Turns one record of a followed stream into what its listeners get (run later, in order, on the dispatcher). */
    private void route(Route route, ConsumerRecord<String, byte[]> r, List<Runnable> out) {
        String stream = route.stream;
        String kind = header(r, RelayKitHeaders.KIND);
        String publisher = header(r, RelayKitHeaders.PUBLISHER);
        String previous = route.publisher;
        route.publisher = publisher;
        List<Sink<?>> sinks = route.sinks;
        if (previous != null && publisher != null && !previous.equals(publisher)) {
            StreamGap gap = new StreamGap(stream, Instant.ofEpochMilli(r.timestamp()),
                    GapMarker.TAKEOVER + ": feed " + publisher + " took the stream over from " + previous);
            out.add(() -> sinks.forEach(s -> s.gap(gap)));
        }
        if (RelayKitHeaders.KIND_START.equals(kind)) {
            if (consumerId.equals(header(r, RelayKitHeaders.CONSUMER)) && route.ready != null) {
                route.ready.complete(null);
            }
        } else if (RelayKitHeaders.KIND_GAP.equals(kind)) {
            String json = new String(r.value(), StandardCharsets.UTF_8);
            StreamGap gap;
            try {
                GapMarker m = GapMarker.parse(json);
                gap = new StreamGap(stream, m.to() != null ? m.to() : Instant.ofEpochMilli(r.timestamp()),
                        m.reason() + (m.detail() == null ? "" : ": " + m.detail()));
            } catch (RuntimeException e) {
                gap = new StreamGap(stream, Instant.ofEpochMilli(r.timestamp()), "gap marker: " + e.getMessage());
            }
            StreamGap g = gap;
            out.add(() -> sinks.forEach(s -> s.gap(g)));
        } else {
            String json = new String(r.value(), StandardCharsets.UTF_8);
            out.add(() -> sinks.forEach(s -> s.event(stream, json)));
        }
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The listeners of one stream. */
    private static final class Route {
        final String stream;
        final List<Sink<?>> sinks = new CopyOnWriteArrayList<>();
        volatile CompletableFuture<Void> ready;
        volatile String publisher; // the feed the last record came from: a change is a takeover

        Route(String stream) {
            this.stream = stream;
        }

        @Override
        public String toString() {
            return stream;
        }
    }

    /** One listener with the stream type it decodes into. */
    private static final class Sink<T> {
        final MarketStream<? extends T> stream;
        final StreamListener<? super T> listener;
        volatile FeedSubscription owner;

        Sink(MarketStream<? extends T> stream, StreamListener<? super T> listener) {
            this.stream = stream;
            this.listener = listener;
        }

        void event(String name, String json) {
            if (owner != null && !owner.isActive()) {
                return;
            }
            T event;
            try {
                event = stream.decode(json);
            } catch (RuntimeException e) {
                listener.onError(name, e);
                return;
            }
            try {
                listener.onEvent(name, event);
            } catch (RuntimeException e) {
                listener.onError(name, e);
            }
        }

        void gap(StreamGap gap) {
            if (owner != null && !owner.isActive()) {
                return;
            }
            try {
                listener.onGap(gap);
            } catch (RuntimeException e) {
                listener.onError(gap.stream(), e);
            }
        }
    }

    /** Configures a {@link KafkaMarketFeed}. */
    public static final class Builder {
        private final String bootstrapServers;
        private String dataTopic = DEFAULT_DATA_TOPIC;
        private String controlTopic = DEFAULT_CONTROL_TOPIC;
        private String consumerId;
        private Executor dispatcher;
        private Duration requestTimeout = Duration.ofSeconds(30);

        private Builder(String bootstrapServers) {
            this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        }

        /**
         * @param topic the data topic the feeds publish to (default {@code relaykit.market})
         * @return this builder
         */
        public Builder dataTopic(String topic) {
            this.dataTopic = Objects.requireNonNull(topic, "topic");
            return this;
        }

        /**
         * @param topic the compacted control topic (default {@code relaykit.market.control})
         * @return this builder
         */
        public Builder controlTopic(String topic) {
            this.controlTopic = Objects.requireNonNull(topic, "topic");
            return this;
        }

        /**
         * @param id this consumer's id in the control topic (default: random); keep it stable across restarts so
         *     a restarted strategy replaces its own wants instead of adding new ones
         * @return this builder
         */
        public Builder consumerId(String id) {
            this.consumerId = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * @param executor runs listener callbacks, one at a time per stream (default: one thread of its own)
         * @return this builder
         */
        public Builder dispatcher(Executor executor) {
            this.dispatcher = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * @param timeout how long {@link FeedSubscription#ready()} waits for a feed (default 30 s)
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** @return the consumer, reading the data topic from now on */
        public KafkaMarketFeed build() {
            return new KafkaMarketFeed(this);
        }
    }
}
