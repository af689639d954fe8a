package dev.relaykit.benchmarks;

import dev.relaykit.core.ws.WsListener;
import dev.relaykit.core.ws.WsSession;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
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
 * Messages per second from a local server to a listener, for 200-byte text frames: a RelayKit
 * {@link WsSession} (listener on its dispatcher thread, counters, limits, liveness bookkeeping) next to
 * a bare OkHttp WebSocket whose listener does nothing but count, in the same run, against the same
 * {@link BlastServer}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar WsThroughputBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class WsThroughputBenchmark {
    /** Frames per benchmark operation batch. */
    public static final int BATCH = 20_000;

    private BlastServer server;
    private OkHttpClient client;
    private final Counter bareCounter = new Counter();
    private WebSocket bare;
    private final Counter relayCounter = new Counter();
    private WsSession session;

    /**
     * Counts messages; the benchmark thread parks (uses no CPU) until the batch is complete, so that
     * it does not compete with the client's threads on a small machine.
     */
    static final class Counter {
        final AtomicInteger count = new AtomicInteger();
        volatile int target = Integer.MAX_VALUE;
        volatile Thread waiter;

        void increment() {
            if (count.incrementAndGet() == target) {
                LockSupport.unpark(waiter);
            }
        }

        void expect(int frames) {
            waiter = Thread.currentThread();
            target = frames;
        }

        void awaitAndReset() {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (count.get() < target) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + count.get() + " of " + target + " frames arrived");
                }
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(100));
            }
            target = Integer.MAX_VALUE;
            count.set(0);
        }
    }

    /**
     * Starts the server and connects both clients.
     *
     * @throws Exception if either cannot connect
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        server = new BlastServer();
        client = new OkHttpClient.Builder().build();
        java.util.concurrent.CountDownLatch open = new java.util.concurrent.CountDownLatch(1);
        bare = client.newWebSocket(new Request.Builder().url(server.url()).build(), new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, okhttp3.Response response) {
                open.countDown();
            }

            @Override
            public void onMessage(WebSocket webSocket, String text) {
                bareCounter.increment();
            }
        });
        if (!open.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("bare OkHttp client did not connect");
        }
        session = WsSession.builder(server.url()).name("bench")
                .heartbeat(Duration.ofSeconds(20), Duration.ofSeconds(10))
                .watchdog(Duration.ofSeconds(60))
                .listener(new WsListener() {
                    @Override
                    public void onText(WsSession s, String text) {
                        relayCounter.increment();
                    }
                })
                .build();
        session.connect().get(10, TimeUnit.SECONDS);
    }

    /** Stops both clients and the server. @throws Exception on close failure */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        session.close();
        bare.close(1000, null);
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
        server.close();
    }

    /** A bare OkHttp WebSocket, listener only counting. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void bareOkHttp() {
        bareCounter.expect(BATCH);
        bare.send("go " + BATCH);
        bareCounter.awaitAndReset();
    }

    /** A RelayKit session, listener only counting. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void relayKitSession() {
        relayCounter.expect(BATCH);
        session.send("go " + BATCH);
        relayCounter.awaitAndReset();
    }
}
