package dev.relaykit.kafkabroker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Apache Kafka broker for tests and benchmarks: KRaft mode, one node that is broker and controller at once,
 * started as a separate JVM on 127.0.0.1 with free ports, its data and logs in a fresh temp directory.
 *
 * <p>Most tests share one broker per test JVM ({@link #shared()}: started on first use, stopped when the JVM
 * exits) and keep apart by topic and group names; a test that must stop or break the broker starts its own
 * ({@link #start()}, closed in a try-with-resources).
 *
 * <pre>{@code
 * KafkaTestBroker broker = KafkaTestBroker.shared();
 * broker.createTopic("trades", 3);
 * Map<String, Object> cfg = broker.clientConfig();   // bootstrap.servers=127.0.0.1:<port>
 * }</pre>
 *
 * <p>The broker's class path is the one Kafka's POMs resolve ({@code kafka_2.13} of the version this module's POM
 * names), read from a resource this module's build writes; the broker runs with a 512 MB heap, and halts by itself
 * when the JVM that started it dies.
 */
public final class KafkaTestBroker implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(90);
    private static final Object SHARED_LOCK = new Object();
    private static KafkaTestBroker shared;

    private final Path dir;
    private final int port;
    private final Process process;
    private final Path log;

    private KafkaTestBroker(Path dir, int port, Process process, Path log) {
        this.dir = dir;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * The broker this test JVM shares: started on the first call, stopped (and its directory deleted) when the
     * JVM exits.
     *
     * @return the running shared broker
     */
    public static KafkaTestBroker shared() {
        synchronized (SHARED_LOCK) {
            if (shared == null || !shared.isRunning()) {
                KafkaTestBroker started = start();
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "kafka-test-broker-stop"));
                shared = started;
            }
            return shared;
        }
    }

    /**
     * Starts a broker of one's own; {@link #close()} stops it.
     *
     * @return the running broker, already answering an Admin client
     */
    public static KafkaTestBroker start() {
        return start(Map.of());
    }

    /**
     * Starts a broker of one's own with extra broker settings (they win over the defaults here).
     *
     * @param overrides broker configuration, as in {@code server.properties}
     * @return the running broker, already answering an Admin client
     */
    public static KafkaTestBroker start(Map<String, String> overrides) {
        Path dir = null;
        Process process = null;
        try {
            dir = Files.createTempDirectory("relaykit-kafka-");
            int port = freePort();
            int controllerPort = freePort();
            Path props = dir.resolve("server.properties");
            writeProperties(props, serverProperties(dir, port, controllerPort, overrides));
            Path log4j = dir.resolve("log4j2.properties");
            Files.writeString(log4j, String.join("\n",
                    "status = error",
                    "appender.out.type = Console",
                    "appender.out.name = out",
                    "appender.out.layout.type = PatternLayout",
                    "appender.out.layout.pattern = %d{HH:mm:ss.SSS} %-5p %c{1} %m%n",
                    "rootLogger.level = " + System.getProperty("relaykit.kafka.broker.loglevel", "WARN"),
                    "rootLogger.appenderRef.out.ref = out",
                    // the one line that says the broker is up, for a reader of the log
                    "logger.server.name = kafka.server.KafkaRaftServer",
                    "logger.server.level = INFO",
                    ""), StandardCharsets.UTF_8);
            Path log = dir.resolve("broker.log");

            Process format = launch(dir, log4j, log, "format", Uuid.randomUuid().toString(), props.toString());
            if (!format.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                format.destroyForcibly().waitFor();
                throw new IllegalStateException("formatting the Kafka storage took over " + START_LIMIT + ":\n" + tail(log));
            }
            if (format.exitValue() != 0) {
                throw new IllegalStateException("formatting the Kafka storage failed (exit " + format.exitValue()
                        + "):\n" + tail(log));
            }
            process = launch(dir, log4j, log, "run", props.toString());
            KafkaTestBroker broker = new KafkaTestBroker(dir, port, process, log);
            broker.awaitReady();
            return broker;
        } catch (IOException e) {
            cleanUp(process, dir);
            throw new UncheckedIOException("could not start a Kafka broker", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cleanUp(process, dir);
            throw new IllegalStateException("interrupted while starting a Kafka broker", e);
        } catch (RuntimeException e) {
            cleanUp(process, dir);
            throw e;
        }
    }

    /**
     * {@code host:port} of the broker's client listener.
     *
     * @return the bootstrap servers string for a client
     */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * A fresh, mutable client configuration that reaches this broker ({@code bootstrap.servers} only).
     *
     * @return the configuration map
     */
    public Map<String, Object> clientConfig() {
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return cfg;
    }

    /**
     * Creates a topic (replication factor 1) unless it exists, and returns once the broker has it.
     *
     * @param name the topic
     * @param partitions its partition count
     */
    public void createTopic(String name, int partitions) {
        createTopic(name, partitions, Map.of());
    }

    /**
     * Creates a topic (replication factor 1) with topic configuration unless it exists, and returns once the
     * broker has it.
     *
     * @param name the topic
     * @param partitions its partition count
     * @param configs topic configuration, e.g. {@code cleanup.policy=compact}
     */
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        try (Admin admin = Admin.create(clientConfig())) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs)))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topic " + name, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("creating topic " + name + " took over 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Whether the broker process is alive.
     *
     * @return true while it runs
     */
    public boolean isRunning() {
        return process.isAlive();
    }

    /**
     * The broker's temp directory (data under {@code data/}, its log in {@code broker.log}).
     *
     * @return the directory, deleted by {@link #close()}
     */
    public Path directory() {
        return dir;
    }

    /**
     * The last lines of the broker's log, for a failure message.
     *
     * @return up to the last 60 lines
     */
    public String logTail() {
        return tail(log);
    }

    /**
     * Stops the broker (a graceful stop first, then a forced one after 20 s), waits for the process to end, and
     * deletes its directory. Safe to call twice.
     */
    @Override
    public void close() {
        cleanUp(process, dir);
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        Map<String, Object> cfg = clientConfig();
        cfg.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        cfg.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        cfg.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        try (Admin admin = Admin.create(cfg)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the Kafka broker exited (code " + process.exitValue()
                            + ") before it accepted clients:\n" + tail(log));
                }
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // not up yet: the Admin client itself backs off between attempts
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the Kafka broker did not accept clients within " + START_LIMIT
                            + ":\n" + tail(log));
                }
            }
        }
    }

    private static Map<String, String> serverProperties(Path dir, int port, int controllerPort,
            Map<String, String> overrides) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", dir.resolve("data").toString());
        p.put("num.partitions", "1");
        // one node: every internal topic has one replica, and few partitions so the first group starts fast
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // tests of group takeover should not wait the production minimum of 6 s for a lost member
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("group.min.session.timeout.ms", "500");
        p.put("auto.create.topics.enable", "true");
        p.putAll(overrides);
        return p;
    }

    private static void writeProperties(Path file, Map<String, String> values) throws IOException {
        Properties props = new Properties();
        props.putAll(values);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            props.store(w, "written by RelayKit's KafkaTestBroker");
        }
    }

    private static Process launch(Path dir, Path log4j, Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.add("-Xms128m");
        cmd.add("-XX:+UseSerialGC");

        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dlog4j2.configurationFile=" + log4j);
        cmd.add("-Dkafka.logs.dir=" + dir);
        cmd.add("-cp");
        cmd.add(brokerClassPath());
        cmd.add(BrokerMain.class.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // stdin stays a pipe from this JVM: BrokerMain halts when it closes
        return pb.start();
    }

    private static String brokerClassPath() throws IOException {
        String resolved;
        try (InputStream in = KafkaTestBroker.class.getResourceAsStream("broker.classpath")) {
            if (in == null) {
                throw new IllegalStateException("broker.classpath is missing: kafka-test-broker was not built by Maven");
            }
            resolved = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        String self;
        try {
            self = Paths.get(KafkaTestBroker.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        // Kafka's jars first, so that no copy of kafka-clients beside this harness (a shaded jar) wins
        return resolved + java.io.File.pathSeparator + self;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no broker log: " + e + ")";
        }
    }

    private static void cleanUp(Process process, Path dir) {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (dir != null && Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // a temp directory left behind is not worth failing a test over
            }
        }
    }
}
