package dev.relaykit.kafka;

import dev.relaykit.binance.stream.MarketStream;
import dev.relaykit.binance.stream.MarketStreams;
import dev.relaykit.binance.stream.StreamSubscription;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed process of shared market data: it holds the Binance connections and publishes the streams that
 * {@link KafkaMarketFeed} consumers ask for, so many strategies share one set of streams.
 *
 * <pre>{@code
 * try (BinanceSpot binance = BinanceSpot.builder().build();
 *      MarketStreams streams = binance.streams();
 *      MarketFeed feed = MarketFeed.builder("127.0.0.1:9092", streams).build()) {
 *     new CountDownLatch(1).await();   // serve until the process is stopped
 * }
 * }</pre>
 *
 * <p>How it works: consumers write what they want to a compacted control topic (one record per stream and
 * consumer, a tombstone when they stop; every record of one stream in one partition). Feeds read that topic in one
 * consumer group, so Kafka splits its partitions, and with them the streams, between the feed processes; a feed
 * subscribes the streams wanted in its partitions and publishes them, Binance's payloads as they came, to the data
 * topic (keyed by symbol, see {@link BinancePublishing}). When a feed dies, Kafka gives its partitions to the others
 * after the group's session timeout; they read the wants from the start of the compacted partitions, subscribe, and
 * announce the streams again. Consumers see a gap on every stream that changed feed ({@link KafkaMarketFeed}).
 *
 * <p>Not exactly-once: during a takeover the events between the old feed's death and the new feed's subscription
 * are missing (a gap is reported, nothing is replayed: Binance does not replay market data either).
 */
public final class MarketFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MarketFeed.class);

    private final MarketStreams streams;
    private final String feedId;
    private final String controlTopic;
    private final KafkaEventPublisher publisher;
    private final KafkaConsumer<String, String> control;
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean crash;

    // owned by the feed's thread
    private final Map<Integer, Map<String, Set<String>>> wantsByPartition = new HashMap<>();
    private final Map<String, StreamSubscription> active = new HashMap<>();
    private final Set<String> activeView = ConcurrentHashMap.newKeySet();
    private final Set<Integer> assignedView = ConcurrentHashMap.newKeySet();

    private MarketFeed(Builder b) {
        this.streams = b.streams;
        this.feedId = b.feedId != null ? b.feedId : "feed-" + UUID.randomUUID().toString().substring(0, 8);
        this.controlTopic = b.controlTopic;
        if (b.createTopics) {
            createTopics(b);
        }
        this.publisher = KafkaEventPublisher.builder(b.bootstrapServers).topic(b.dataTopic).publisherId(feedId)
                .maxBufferedEvents(b.maxBufferedEvents).build();
        Map<String, Object> cfg = new HashMap<>();
        cfg.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrapServers);
        cfg.put(ConsumerConfig.GROUP_ID_CONFIG, b.groupId);
        cfg.put(ConsumerConfig.CLIENT_ID_CONFIG, "relaykit-" + feedId);
        cfg.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        cfg.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        cfg.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) b.sessionTimeout.toMillis());
        cfg.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(100, b.sessionTimeout.toMillis() / 3));
        // cooperative: a rebalance moves only the partitions that change owner, so a surviving feed keeps its
        // streams flowing while a dead one's are handed over (an eager assignor would stop them all)
        cfg.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        this.control = new KafkaConsumer<>(cfg, new StringDeserializer(), new StringDeserializer());
        this.thread = new Thread(this::run, "relaykit-market-feed-" + feedId);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Starts a feed configuration.
     *
     * @param bootstrapServers Kafka's {@code bootstrap.servers}
     * @param streams the Binance market streams this feed subscribes (the feed does not close them)
     * @return the builder
     */
    public static Builder builder(String bootstrapServers, MarketStreams streams) {
        return new Builder(bootstrapServers, streams);
    }

    /** @return this feed's id (the {@link RelayKitHeaders#PUBLISHER} of what it publishes) */
    public String feedId() {
        return feedId;
    }

    /** @return the streams this feed subscribes and publishes now, sorted (for monitoring) */
    public Set<String> activeStreams() {
        return new TreeSet<>(activeView);
    }

    /** @return the control topic partitions this feed holds now (for monitoring) */
    public Set<Integer> assignedPartitions() {
        return new TreeSet<>(assignedView);
    }

    /**
     * Waits until this feed holds at least one partition of the control topic (it joined the group and shares
     * the work): a readiness check for an operator, and for tests.
     *
     * @param timeout how long to wait at most
     * @return {@code true} if it holds partitions
     * @throws InterruptedException if interrupted
     */
    public boolean awaitAssignment(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (assignedView) {
            while (assignedView.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !running) {
                    return false;
                }
                assignedView.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** @return publishing counters (dropped events, markers) */
    public KafkaEventPublisher.Stats stats() {
        return publisher.stats();
    }

    /**
     * Stops publishing, unsubscribes its streams and leaves the group at once, so the other feeds take its streams
     * over without waiting for the session timeout.
     */
    @Override
    public void close() {
        stop(false);
    }

    /**
     * Stops like a process that died: the group is not told, so the others take over only after the session
     * timeout. For tests of takeover.
     */
    void crash() {
        stop(true);
    }

    private void stop(boolean asCrash) {
        if (!running) {
            return;
        }
        crash = asCrash;
        running = false;
        control.wakeup();
        try {
            if (!stopped.await(30, TimeUnit.SECONDS)) {
                LOG.warn("market feed {} did not stop within 30 s", feedId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.close();
    }

    private void run() {
        try {
            control.subscribe(List.of(controlTopic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    drop(partitions);
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    drop(partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    // the wants are the whole compacted partition: read it from its start every time
                    control.seekToBeginning(partitions);
                    for (TopicPartition p : partitions) {
                        wantsByPartition.put(p.partition(), new HashMap<>());
                        assignedView.add(p.partition());
                    }
                    synchronized (assignedView) {
                        assignedView.notifyAll();
                    }
                    LOG.info("market feed {} holds control partitions {}", feedId, assignedView);
                }
            });
            while (running) {
                for (ConsumerRecord<String, String> r : control.poll(Duration.ofMillis(500))) {
                    apply(r);
                }
                reconcile();
            }
        } catch (WakeupException e) {
            // close() or crash()
        } catch (RuntimeException e) {
            LOG.error("market feed {} stopped on an error", feedId, e);
        } finally {
            active.values().forEach(StreamSubscription::close);
            active.clear();
            activeView.clear();
            assignedView.clear();
            try {
                control.close(crash
                        ? CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP)
                        : CloseOptions.timeout(Duration.ofSeconds(10)));
            } catch (RuntimeException e) {
                LOG.debug("closing the control consumer", e);
            }
            stopped.countDown();
        }
    }

    private void apply(ConsumerRecord<String, String> r) {
        String[] sc = r.key() == null ? null : ControlRecords.parseKey(r.key());
        Map<String, Set<String>> wants = wantsByPartition.get(r.partition());
        if (sc == null || wants == null) {
            return;
        }
        String stream = sc[0];
        String consumer = sc[1];
        if (r.value() == null) {
            Set<String> who = wants.get(stream);
            if (who != null && who.remove(consumer) && who.isEmpty()) {
                wants.remove(stream);
            }
            return;
        }
        if (wants.computeIfAbsent(stream, s -> new HashSet<>()).add(consumer)) {
            announceWhenReady(stream, consumer);
        }
    }

    /** Subscribes what is wanted and not active, unsubscribes what is active and no longer wanted. */
    private void reconcile() {
        Set<String> wanted = new HashSet<>();
        wantsByPartition.values().forEach(w -> wanted.addAll(w.keySet()));
        for (String stream : wanted) {
            subscription(stream);
        }
        active.entrySet().removeIf(e -> {
            if (wanted.contains(e.getKey())) {
                return false;
            }
            e.getValue().close();
            activeView.remove(e.getKey());
            return true;
        });
    }

    private StreamSubscription subscription(String stream) {
        return active.computeIfAbsent(stream, s -> {
            activeView.add(s);
            return streams.subscribe(MarketStream.raw(s),
                    BinancePublishing.marketListener(publisher, BinancePublishing.SPOT_MARKET));
        });
    }

    /** Tells the consumer its stream flows, once Binance confirmed it: the consumer's {@code ready()}. */
    private void announceWhenReady(String stream, String consumer) {
        subscription(stream).ready().whenComplete((ok, error) -> {
            if (error != null) {
                LOG.warn("market feed {}: Binance refused {}: {}", feedId, stream, error.toString());
                return;
            }
            if (running) {
                publisher.publishControl(BinancePublishing.SPOT_MARKET, EventJson.binanceKey(stream), stream,
                        Instant.now(), RelayKitHeaders.KIND_START,
                        "{\"relaykitStart\":{\"stream\":\"" + stream + "\",\"feed\":\"" + feedId + "\"}}", consumer);
            }
        });
    }

    private void drop(Collection<TopicPartition> partitions) {
        for (TopicPartition p : partitions) {
            wantsByPartition.remove(p.partition());
            assignedView.remove(p.partition());
        }
        reconcile();
    }

    private static void createTopics(Builder b) {
        Map<String, Object> cfg = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrapServers);
        try (Admin admin = Admin.create(cfg)) {
            for (NewTopic t : List.of(
                    new NewTopic(b.controlTopic, b.partitions, b.replicationFactor)
                            .configs(Map.of("cleanup.policy", "compact")),
                    new NewTopic(b.dataTopic, b.partitions, b.replicationFactor))) {
                try {
                    admin.createTopics(List.of(t)).all().get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + t.name(), e.getCause());
                    }
                }
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("creating the feed's topics took over 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "MarketFeed[" + feedId + ", " + activeView.size() + " stream(s)]";
    }

    /** Configures a {@link MarketFeed}. */
    public static final class Builder {
        private final String bootstrapServers;
        private final MarketStreams streams;
        private String dataTopic = KafkaMarketFeed.DEFAULT_DATA_TOPIC;
        private String controlTopic = KafkaMarketFeed.DEFAULT_CONTROL_TOPIC;
        private String groupId = "relaykit.market.feeds";
        private String feedId;
        private Duration sessionTimeout = Duration.ofSeconds(10);
        private int maxBufferedEvents = 100_000;
        private boolean createTopics = true;
        private int partitions = 6;
        private short replicationFactor = 1;

        private Builder(String bootstrapServers, MarketStreams streams) {
            this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            this.streams = Objects.requireNonNull(streams, "streams");
        }

        /**
         * @param topic the topic market data is published to (default {@code relaykit.market})
         * @return this builder
         */
        public Builder dataTopic(String topic) {
            this.dataTopic = Objects.requireNonNull(topic, "topic");
            return this;
        }

        /**
         * @param topic the compacted topic consumers' wants arrive on (default {@code relaykit.market.control})
         * @return this builder
         */
        public Builder controlTopic(String topic) {
            this.controlTopic = Objects.requireNonNull(topic, "topic");
            return this;
        }

        /**
         * @param groupId the consumer group of all feeds that share the work (default {@code relaykit.market.feeds})
         * @return this builder
         */
        public Builder groupId(String groupId) {
            this.groupId = Objects.requireNonNull(groupId, "groupId");
            return this;
        }

        /**
         * @param feedId this feed's id (default: random)
         * @return this builder
         */
        public Builder feedId(String feedId) {
            this.feedId = Objects.requireNonNull(feedId, "feedId");
            return this;
        }

        /**
         * How long a feed may be silent before the group gives its streams to another feed (Kafka's
         * {@code session.timeout.ms}; the broker's {@code group.min.session.timeout.ms} bounds it from below).
         *
         * @param timeout default 10 s
         * @return this builder
         */
        public Builder sessionTimeout(Duration timeout) {
            this.sessionTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * @param max the publisher's buffer (see {@link KafkaEventPublisher.Builder#maxBufferedEvents})
         * @return this builder
         */
        public Builder maxBufferedEvents(int max) {
            this.maxBufferedEvents = max;
            return this;
        }

        /**
         * Creates the data and control topics if they do not exist (default: yes, 6 partitions, replication 1;
         * the control topic compacted).
         *
         * @param partitions partitions of each topic: the most feeds that can share the work
         * @param replicationFactor replicas of each
         * @return this builder
         */
        public Builder createTopics(int partitions, short replicationFactor) {
            this.createTopics = true;
            this.partitions = partitions;
            this.replicationFactor = replicationFactor;
            return this;
        }

        /**
         * Uses existing topics as they are.
         *
         * @return this builder
         */
        public Builder existingTopics() {
            this.createTopics = false;
            return this;
        }

        /** @return the running feed */
        public MarketFeed build() {
            return new MarketFeed(this);
        }
    }
}
