package dev.relaykit.samples.kafka;

import dev.relaykit.binance.BinanceEnvironment;
import dev.relaykit.binance.BinanceSpot;
import dev.relaykit.binance.model.TradeEvent;
import dev.relaykit.binance.stream.MarketStream;
import dev.relaykit.binance.stream.MarketStreams;
import dev.relaykit.binance.stream.StreamGap;
import dev.relaykit.binance.stream.StreamListener;
import dev.relaykit.kafka.FeedSubscription;
import dev.relaykit.kafka.KafkaMarketFeed;
import dev.relaykit.kafka.MarketFeed;
import dev.relaykit.kafkabroker.KafkaTestBroker;
import dev.relaykit.samples.SampleRun;
import dev.relaykit.testkit.FakeBinanceStreams;
import dev.relaykit.testsupport.LineProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shared market data through Kafka: one feed process holds the Binance streams, two strategy processes read them
 * back through {@link KafkaMarketFeed}, each asking for its own, overlapping set of streams.
 *
 * <p>Every part is a real process: this one (the launcher) starts a Kafka broker ({@link KafkaTestBroker}: a
 * separate JVM, KRaft, on 127.0.0.1) and the testkit's {@link FakeBinanceStreams} in place of Binance, then three
 * JVMs of its own class path: the feed ({@link MarketFeed}), strategy {@code alpha} (BTCUSDT and ETHUSDT trades) and
 * strategy {@code beta} (ETHUSDT and BNBUSDT trades). The strategies' wants reach the feed through the control
 * topic; the feed subscribes the three streams at "Binance" once, whatever number of strategies want them. The
 * launcher then plays a few trades per symbol, prints what each strategy received, and stops everything.
 *
 * <p>With {@code KAFKA_BOOTSTRAP_SERVERS} set it uses that Kafka instead of starting one (the feed creates this
 * run's topics there: three partitions, replication 1, names ending in a run id). Binance is always the local fake:
 * the sample checks what arrived against what was played, which live market data cannot be.
 * {@code ./relaykit kafka-feed [trades-per-symbol]}.
 */
public final class KafkaFeedSample {
    private static final String NAME = "kafka-feed";
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration RUN = Duration.ofSeconds(60);

    /** The strategies: a name and the symbols whose trades it wants (ETHUSDT is wanted by both). */
    static final Map<String, List<String>> STRATEGIES = strategies();

    private KafkaFeedSample() {
    }

    private static Map<String, List<String>> strategies() {
        Map<String, List<String>> s = new LinkedHashMap<>();
        s.put("alpha", List.of("BTCUSDT", "ETHUSDT"));
        s.put("beta", List.of("ETHUSDT", "BNBUSDT"));
        return java.util.Collections.unmodifiableMap(s);
    }

    /**
     * Runs the sample ({@code ./relaykit kafka-feed [trades-per-symbol]}); the launcher starts this class again with
     * {@code --feed} and {@code --strategy} for its child processes.
     *
     * @param args {@code [trades-per-symbol]} (default 5)
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--feed")) {
            SampleRun.main(NAME + " feed", () -> feedProcess(args));
            System.exit(0);   // the Binance and Kafka clients' threads are closed; exit whatever lingers
        } else if (args.length > 0 && args[0].equals("--strategy")) {
            SampleRun.main(NAME + " strategy", () -> strategyProcess(args));
            System.exit(0);
        } else {
            SampleRun.main(NAME, () -> {
                int trades = args.length > 0 ? Integer.parseInt(args[0]) : 5;
                run(System.getenv("KAFKA_BOOTSTRAP_SERVERS"), trades, System.out);
            });
        }
    }

    /**
     * The launcher: broker (unless given), fake Binance, the feed and strategy processes, the trades, the stop.
     *
     * @param bootstrapServers a Kafka to use, or {@code null} to start a local broker
     * @param tradesPerSymbol trades played on each symbol
     * @param out where the story goes
     * @return per strategy, what it received, as {@code <stream> <trade id>} lines in arrival order
     * @throws Exception if a step fails (the message names it)
     */
    public static Map<String, List<String>> run(String bootstrapServers, int tradesPerSymbol, PrintStream out)
            throws Exception {
        List<AutoCloseable> open = new ArrayList<>();
        try {
            String servers = bootstrapServers;
            if (servers == null || servers.isBlank()) {
                KafkaTestBroker broker = SampleRun.step(out,
                        "starting a local Kafka broker (a separate JVM, KRaft, on 127.0.0.1)", KafkaTestBroker::start);
                open.add(broker);
                servers = broker.bootstrapServers();
                out.println("Kafka at " + servers);
            } else {
                out.println("using the Kafka at KAFKA_BOOTSTRAP_SERVERS=" + servers);
            }
            FakeBinanceStreams binance = FakeBinanceStreams.start();
            open.add(binance);
            out.println("Binance's market streams: a local fake at " + binance.baseUrl());

            String run = UUID.randomUUID().toString().substring(0, 8);
            String data = "relaykit.sample." + run + ".market";
            String control = data + ".control";

            Child feed = new Child("feed", out);
            open.add(feed);
            feed.start("--feed", servers, data, control, "relaykit.sample." + run + ".feeds", binance.baseUrl());
            SampleRun.await(out, "starting the feed process (topics " + data + ", " + control + ")", feed.ready, START);

            Map<String, Child> strategies = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> s : STRATEGIES.entrySet()) {
                Child c = new Child(s.getKey(), out);
                open.add(c);
                strategies.put(s.getKey(), c);
                List<String> cmd = new ArrayList<>(List.of("--strategy", servers, data, control, s.getKey(),
                        Integer.toString(tradesPerSymbol)));
                cmd.addAll(s.getValue());
                c.start(cmd.toArray(String[]::new));
            }
            for (Map.Entry<String, Child> s : strategies.entrySet()) {
                SampleRun.await(out, "strategy " + s.getKey() + " subscribing " + STRATEGIES.get(s.getKey())
                        + " through Kafka (the feed subscribes them at Binance)", s.getValue().ready, START);
            }
            out.println("the feed holds " + binance.openConnections().size() + " Binance connection(s) with streams "
                    + binance.openConnections().stream().flatMap(c -> c.streams().stream()).sorted().toList());

            List<String> symbols = STRATEGIES.values().stream().flatMap(List::stream).distinct().toList();
            out.println("Binance plays " + tradesPerSymbol + " trades on each of " + symbols);
            for (int i = 1; i <= tradesPerSymbol; i++) {
                for (String symbol : symbols) {
                    binance.publish(symbol.toLowerCase(Locale.ROOT) + "@trade", trade(symbol, i));
                }
            }
            Map<String, List<String>> received = new LinkedHashMap<>();
            for (Map.Entry<String, Child> s : strategies.entrySet()) {
                SampleRun.await(out, "strategy " + s.getKey() + " receiving its trades", s.getValue().done, RUN);
                received.put(s.getKey(), List.copyOf(s.getValue().events));
            }
            out.println("both strategies got every trade of their streams, in Binance's order; stopping");
            return received;
        } finally {
            for (int i = open.size() - 1; i >= 0; i--) {
                try {
                    open.get(i).close();
                } catch (Exception e) {
                    out.println("stopping: " + SampleRun.describe(e));
                }
            }
        }
    }

    /** A trade in Binance's documented stream form; the price tells the symbols apart at a glance. */
    static String trade(String symbol, long id) {
        double base = switch (symbol) {
            case "BTCUSDT" -> 64_000;
            case "ETHUSDT" -> 3_400;
            default -> 600;
        };
        long time = 1_700_000_000_000L + id;
        return "{\"e\":\"trade\",\"E\":" + time + ",\"s\":\"" + symbol + "\",\"t\":" + id + ",\"p\":\""
                + (base + id / 10.0) + "\",\"q\":\"0.5\",\"T\":" + time + ",\"m\":true,\"M\":true}";
    }

    // ---- the feed process: Binance's streams in, Kafka out, until its stdin closes ----

    private static void feedProcess(String[] args) throws Exception {
        String servers = args[1];
        String data = args[2];
        String control = args[3];
        String group = args[4];
        String streamsUrl = args[5];
        try (BinanceSpot binance = BinanceSpot.builder()
                .environment(BinanceEnvironment.custom("http://127.0.0.1:1", streamsUrl, "ws://127.0.0.1:1/ws"))
                .build();
             MarketStreams streams = binance.streams();
             MarketFeed feed = MarketFeed.builder(servers, streams).dataTopic(data).controlTopic(control)
                     .groupId(group).feedId("feed-" + ProcessHandle.current().pid())
                     .createTopics(3, (short) 1).build()) {
            if (!feed.awaitAssignment(START)) {
                throw new IllegalStateException("the feed got no control partitions within " + START.toSeconds() + " s");
            }
            System.out.println("ready " + feed.feedId());
            awaitStdinClosed();
            System.out.println("stopping; published " + feed.stats());
        }
    }

    // ---- a strategy process: KafkaMarketFeed, MarketStreams' listener API ----

    private static void strategyProcess(String[] args) throws Exception {
        String servers = args[1];
        String data = args[2];
        String control = args[3];
        String name = args[4];
        int expected = Integer.parseInt(args[5]);
        List<MarketStream<TradeEvent>> wanted = new ArrayList<>();
        for (int i = 6; i < args.length; i++) {
            wanted.add(MarketStream.trade(args[i]));
        }
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(wanted.size());
        // the one line that changes against a direct strategy: binance.streams() becomes KafkaMarketFeed.builder(..)
        try (KafkaMarketFeed streams = KafkaMarketFeed.builder(servers).dataTopic(data).controlTopic(control)
                .consumerId(name).build()) {
            FeedSubscription sub = streams.subscribe(wanted, new StreamListener<TradeEvent>() {
                @Override
                public void onEvent(String stream, TradeEvent t) {
                    System.out.println("event " + stream + " " + t.tradeId() + " " + t.price().toPlainString());
                    if (counts.computeIfAbsent(stream, s -> new AtomicInteger()).incrementAndGet() == expected) {
                        all.countDown();
                    }
                }

                @Override
                public void onGap(StreamGap gap) {
                    System.out.println("gap " + gap.stream() + " " + gap.reason());
                }
            });
            sub.ready().get(START.toSeconds(), TimeUnit.SECONDS);
            System.out.println("ready " + streams.listSubscriptions());
            CompletableFuture.runAsync(KafkaFeedSample::awaitStdinClosed).thenRun(() -> {
                while (all.getCount() > 0) {
                    all.countDown();   // the launcher went away: stop
                }
            });
            all.await();
            System.out.println("done " + new java.util.TreeMap<>(counts));
        }
    }

    private static void awaitStdinClosed() {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (in.readLine() != null) {
                // nothing to read: the launcher closes stdin to stop the process
            }
        } catch (IOException gone) {
            // the launcher is gone: stop as well
        }
    }

    /** A child JVM of this class path that talks in lines: {@code ready ...}, {@code event ...}, {@code done ...}. */
    private static final class Child implements AutoCloseable {
        final String name;
        final PrintStream out;
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        final List<String> events = new CopyOnWriteArrayList<>();
        LineProcess process;

        Child(String name, PrintStream out) {
            this.name = name;
            this.out = out;
        }

        void start(String... args) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-cp", System.getProperty("java.class.path"), KafkaFeedSample.class.getName()));
            cmd.addAll(List.of(args));
            process = LineProcess.start(new ProcessBuilder(cmd), NAME + "-" + name, this::line);
            // a child that dies early fails the step that waits for it, with its stderr's last lines
            process.exited().thenRun(() -> {
                String why = "the " + name + " process exited" + lastLines(process.stderr());
                ready.completeExceptionally(new IllegalStateException(why));
                done.completeExceptionally(new IllegalStateException(why));
            });
        }

        private void line(String line) {
            if (line.startsWith("ready")) {
                out.println("[" + name + "] " + line);
                ready.complete(null);
            } else if (line.startsWith("event ")) {
                String[] f = line.split(" ");
                events.add(f[1] + " " + f[2]);
                out.println("[" + name + "] " + f[1] + " trade " + f[2] + " at " + f[3]);
            } else if (line.startsWith("done")) {
                out.println("[" + name + "] " + line);
                done.complete(null);
            } else {
                out.println("[" + name + "] " + line);
            }
        }

        private static String lastLines(String stderr) {
            if (stderr.isBlank()) {
                return "";
            }
            String[] lines = stderr.strip().split("\n");
            int from = Math.max(0, lines.length - 3);
            return ": " + String.join(" | ", java.util.Arrays.copyOfRange(lines, from, lines.length));
        }

        @Override
        public void close() throws InterruptedException {
            if (process != null) {
                process.close();
            }
        }
    }
}
