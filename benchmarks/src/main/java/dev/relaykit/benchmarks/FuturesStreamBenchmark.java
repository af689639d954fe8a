package dev.relaykit.benchmarks;

import dev.relaykit.binance.futures.FuturesEnvironment;
import dev.relaykit.binance.futures.FuturesProduct;
import dev.relaykit.binance.futures.UsdmFutures;
import dev.relaykit.binance.futures.stream.DepthSpeed;
import dev.relaykit.binance.futures.stream.FuturesDepthUpdate;
import dev.relaykit.binance.futures.stream.FuturesMarketStreams;
import dev.relaykit.binance.futures.stream.FuturesStream;
import dev.relaykit.binance.futures.stream.MarkPriceEvent;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * USD-M futures stream messages per second, socket to typed event, each client on its own local
 * {@link BlastServer} sending the same combined-stream messages ({@code {"stream":..,"data":..}}):
 * RelayKit's {@link FuturesMarketStreams} (typed {@link MarkPriceEvent} / {@link FuturesDepthUpdate}
 * on its dispatcher) next to the official connector's stream client
 * ({@code io.github.binance:binance-derivatives-trading-usds-futures}, Jetty 11 WebSocket, a
 * consumer thread taking from its queue), once with its own Gson models and once with its raw
 * strings decoded by a plain Jackson {@code ObjectMapper} into RelayKit's records.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar FuturesStreamBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FuturesStreamBenchmark {
    /** Messages per benchmark operation batch. */
    public static final int BATCH = BinanceStreamBenchmark.BATCH;

    /** Which stream. */
    @Param({"markPrice", "depth"})
    public String kind;

    private final BlastServer[] servers = new BlastServer[3];
    private final WsThroughputBenchmark.Counter[] counters = {
        new WsThroughputBenchmark.Counter(), new WsThroughputBenchmark.Counter(), new WsThroughputBenchmark.Counter()};
    private UsdmFutures futures;
    private FuturesMarketStreams streams;
    private AutoCloseable connectorTyped;
    private AutoCloseable connectorJackson;

    /**
     * Starts the servers and connects the three clients.
     *
     * @throws Exception if a client cannot connect
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        boolean depth = kind.equals("depth");
        List<String> raw = depth ? BinanceMessages.futuresDepthUpdates(1000) : BinanceMessages.markPrices(1000);
        List<String> combined = BinanceMessages.combined(
                depth ? BinanceMessages.FUTURES_DEPTH_STREAM : BinanceMessages.MARK_PRICE_STREAM, raw);
        for (int i = 0; i < servers.length; i++) {
            servers[i] = new BlastServer(combined);
        }
        futures = UsdmFutures.builder()
                .environment(FuturesEnvironment.custom(FuturesProduct.USD_M, "http://127.0.0.1:1", servers[0].baseUrl(),
                        "ws://127.0.0.1:1/ws-fapi/v1"))
                .build();
        streams = futures.streams();
        WsThroughputBenchmark.Counter relay = counters[0];
        if (depth) {
            streams.subscribe(FuturesStream.diffDepth("BTCUSDT", DepthSpeed.MS_100), (FuturesDepthUpdate e) -> relay.increment());
        } else {
            streams.subscribe(FuturesStream.markPrice("BTCUSDT"), (MarkPriceEvent e) -> relay.increment());
        }
        WsThroughputBenchmark.Counter typed = counters[1];
        connectorTyped = UsdsFuturesConnector.open(servers[1].baseUrl(), depth, true, m -> typed.increment());
        WsThroughputBenchmark.Counter jackson = counters[2];
        Class<?> record = depth ? FuturesDepthUpdate.class : MarkPriceEvent.class;
        connectorJackson = UsdsFuturesConnector.open(servers[2].baseUrl(), depth, false, m -> {
            try {
                BinanceStreamBenchmark.PLAIN.readValue((String) m, record);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            jackson.increment();
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (BlastServer s : servers) {
            while (s.connectedClients() < 1) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("a client did not connect to " + s.baseUrl());
                }
                Thread.sleep(10);
            }
        }
    }

    /** Stops clients and servers. @throws Exception on close failure */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        connectorTyped.close();
        connectorJackson.close();
        streams.close();
        futures.close();
        for (BlastServer s : servers) {
            s.close();
        }
    }

    private void run(int client) throws IOException {
        counters[client].expect(BATCH);
        servers[client].push(BATCH);
        counters[client].awaitAndReset();
    }

    /** RelayKit: combined stream to typed events on the dispatcher. @throws IOException on failure */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void relayKitFuturesMarketStreams() throws IOException {
        run(0);
    }

    /** The official futures connector, its own Gson models. @throws IOException on failure */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void officialConnectorTyped() throws IOException {
        run(1);
    }

    /** The official futures connector's raw strings, decoded with a plain ObjectMapper. @throws IOException on failure */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void officialConnectorPlusJackson() throws IOException {
        run(2);
    }
}
