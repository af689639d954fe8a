package dev.relaykit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import dev.relaykit.telegram.tdlib.Message;
import dev.relaykit.telegram.tdlib.TdClient;
import dev.relaykit.telegram.tdlib.TdListener;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * TDLib updates decoded and dispatched per second through RelayKit's binding: {@code updateNewMessage} objects
 * (a text message, 330 bytes, as td_api.tl shapes it) come out of {@code td_receive} of a {@link PremadeTdJson},
 * and go through the real receive loop ({@code TdReceiver}: Jackson tree, routed by {@code @client_id}), the
 * client's ordered dispatcher on the shared pool, the typed {@link Message}, to a {@link TdListener} that counts.
 *
 * <p>Side by side, the floor: one thread that calls the same {@code td_receive}, parses with Jackson, builds the
 * same {@link Message} and counts, with no routing and no hand-off. The difference is what the binding's
 * structure (one receive loop for every client, listeners off the receive thread, in order) costs per update.
 * TDLib's own work before {@code td_receive} returns is not in either.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TdUpdatesBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TdUpdatesBenchmark {
    /** Updates per operation batch. */
    public static final int BATCH = 20_000;
    /** One {@code updateNewMessage} for client 1, as TDLib 1.8.67 sends it (fields the decode does not read omitted). */
    static final String UPDATE = "{\"@type\":\"updateNewMessage\",\"message\":{\"@type\":\"message\",\"id\":1048576,"
            + "\"sender_id\":{\"@type\":\"messageSenderUser\",\"user_id\":777000},\"chat_id\":-1001234567890,"
            + "\"is_outgoing\":false,\"date\":1733480000,\"content\":{\"@type\":\"messageText\",\"text\":"
            + "{\"@type\":\"formattedText\",\"text\":\"Build 42 passed in 3 min\",\"entities\":[{\"@type\":\"textEntity\","
            + "\"offset\":0,\"length\":8,\"type\":{\"@type\":\"textEntityTypeBold\"}}]}}},\"@client_id\":1}";

    private PremadeTdJson relayTd;
    private TdClient client;
    final WsThroughputBenchmark.Counter relayCount = new WsThroughputBenchmark.Counter();
    /** Every message each side saw (the smoke test checks none is lost). */
    final AtomicLong relayTotal = new AtomicLong();
    final AtomicLong bareTotal = new AtomicLong();
    private PremadeTdJson bareTd;
    private Thread bareLoop;
    private volatile boolean running;
    final WsThroughputBenchmark.Counter bareCount = new WsThroughputBenchmark.Counter();

    /** Builds the client over one fake and starts the bare loop over the other. */
    @Setup(Level.Trial)
    public void setUp() {
        relayTd = new PremadeTdJson(UPDATE);
        client = TdClient.builder(relayTd).apiId(12345).apiHash("0123456789abcdef0123456789abcdef")
                .listener(new TdListener() {
                    @Override
                    public void onNewMessage(TdClient c, Message m) {
                        if (m.id() != 0) {
                            relayTotal.incrementAndGet();
                            relayCount.increment();
                        }
                    }
                }).build();
        bareTd = new PremadeTdJson(UPDATE);
        running = true;
        bareLoop = new Thread(() -> {
            while (running) {
                String text = bareTd.receive(0.5);
                if (text == null) {
                    continue;
                }
                JsonNode n = Json.tree(text);
                if ("updateNewMessage".equals(n.path("@type").asText()) && Message.of(n.path("message")).id() != 0) {
                    bareTotal.incrementAndGet();
                    bareCount.increment();
                }
            }
        }, "bare-td-receive");
        bareLoop.setDaemon(true);
        bareLoop.start();
    }

    /** Closes the client (TDLib's close, answered by the fake) and stops the bare loop. */
    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        client.close();
        running = false;
        bareLoop.join(5_000);
    }

    /** {@value #BATCH} updates through RelayKit's receive loop and dispatcher to the listener. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void relayKitClient() {
        relayCount.expect(BATCH);
        relayTd.feed(BATCH);
        relayCount.awaitAndReset();
    }

    /** {@value #BATCH} updates through the bare loop: receive, Jackson, the same typed message, on one thread. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void bareLoopSameThread() {
        bareCount.expect(BATCH);
        bareTd.feed(BATCH);
        bareCount.awaitAndReset();
    }
}
