package dev.relaykit.benchmarks;

import com.binance.connector.client.impl.WebSocketStreamClientImpl;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.relaykit.binance.BinanceEnvironment;
import dev.relaykit.binance.BinanceSpot;
import dev.relaykit.binance.model.DepthUpdateEvent;
import dev.relaykit.binance.model.TradeEvent;
import dev.relaykit.binance.stream.MarketStream;
import dev.relaykit.binance.stream.MarketStreams;
import dev.relaykit.binance.stream.UpdateSpeed;
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
 * Binance stream messages per second, socket to typed event, from a local server: RelayKit's
 * {@link MarketStreams} (combined stream, typed {@link DepthUpdateEvent}/{@link TradeEvent} on its
 * dispatcher thread) next to the official Binance connector ({@code io.github.binance:binance-connector-java})
 * delivering raw strings that a Jackson {@code ObjectMapper} then decodes into the same records.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BinanceStreamBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BinanceStreamBenchmark {
    /** Messages per benchmark operation batch. */
    public static final int BATCH = 10_000;

    /** Which stream: diff depth or trades. */
    @Param({"depth", "trade"})
    public String kind;

    private BlastServer combinedServer;
    private BlastServer rawServer;
    private BinanceSpot spot;
    private MarketStreams streams;
    private WebSocketStreamClientImpl connector;
    private int connectorStream;
    private final WsThroughputBenchmark.Counter relayCounter = new WsThroughputBenchmark.Counter();
    private final WsThroughputBenchmark.Counter connectorCounter = new WsThroughputBenchmark.Counter();

    /** The mapper a connector user would write: JSR-310 for the times, BigDecimal for decimals. */
    static final ObjectMapper PLAIN = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /**
     * Starts both servers and connects both clients.
     *
     * @throws Exception if a client cannot connect
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        boolean depth = kind.equals("depth");
        List<String> raw = depth ? BinanceMessages.depthUpdates(1000) : BinanceMessages.trades(1000);
        String stream = depth ? BinanceMessages.DEPTH_STREAM : BinanceMessages.TRADE_STREAM;
        combinedServer = new BlastServer(BinanceMessages.combined(stream, raw));
        rawServer = new BlastServer(raw);

        spot = BinanceSpot.builder()
                .environment(BinanceEnvironment.custom("http://127.0.0.1:1", combinedServer.baseUrl(), "ws://127.0.0.1:1/x"))
                .build();
        streams = MarketStreams.builder(spot).build();
        if (depth) {
            streams.subscribe(MarketStream.diffDepth("BTCUSDT", UpdateSpeed.MS_100),
                    (DepthUpdateEvent e) -> relayCounter.increment());
        } else {
            streams.subscribe(MarketStream.trade("BTCUSDT"), (TradeEvent e) -> relayCounter.increment());
        }

        connector = new WebSocketStreamClientImpl(rawServer.baseUrl());
        if (depth) {
            connectorStream = connector.diffDepthStream("btcusdt", 100, msg -> {
                decode(msg, DepthUpdateEvent.class);
                connectorCounter.increment();
            });
        } else {
            connectorStream = connector.tradeStream("btcusdt", msg -> {
                decode(msg, TradeEvent.class);
                connectorCounter.increment();
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (combinedServer.connectedClients() < 1 || rawServer.connectedClients() < 1) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("clients did not connect: RelayKit " + combinedServer.connectedClients()
                        + ", connector " + rawServer.connectedClients());
            }
            Thread.sleep(10);
        }
    }

    private static <T> T decode(String msg, Class<T> type) {
        try {
            return PLAIN.readValue(msg, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops clients and servers. @throws Exception on close failure */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        // closeConnection, not closeAllConnections: the latter shuts down the connector's shared
        // OkHttp dispatcher for the rest of the JVM
        connector.closeConnection(connectorStream);
        streams.close();
        spot.close();
        combinedServer.close();
        rawServer.close();
    }

    /** RelayKit: combined stream to typed events on the dispatcher. @throws Exception on failure */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void relayKitMarketStreams() throws Exception {
        relayCounter.expect(BATCH);
        combinedServer.push(BATCH);
        relayCounter.awaitAndReset();
    }

    /** The official connector's raw strings, decoded with a plain ObjectMapper. @throws Exception on failure */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void officialConnectorPlusJackson() throws Exception {
        connectorCounter.expect(BATCH);
        rawServer.push(BATCH);
        connectorCounter.awaitAndReset();
    }
}
