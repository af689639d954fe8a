package dev.relaykit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.socketio.Generation;
import dev.relaykit.socketio.SocketIoClient;
import dev.relaykit.socketio.SocketIoSocket;
import dev.relaykit.socketio.TransportMode;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.json.JSONObject;
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
 * RelayKit's Socket.IO client next to {@code io.socket:socket.io-client} (the Java client people use today), in the
 * same run against the same real socket.io 4.8.1 Node server ({@link NodeSocketIoServer}), both over WebSocket only:
 * <ul>
 *   <li>{@code ack*Sequential}: emit {@code "ack"} with a small payload, wait for the acknowledgement, repeat;</li>
 *   <li>{@code ack*Pipelined}: the same with up to {@value #WINDOW} acknowledgements outstanding;</li>
 *   <li>{@code flood*}: one-way {@code "tick"} events from server to client, a listener that only counts. The server
 *       (its {@code flood-encoded} event) writes ready-made Socket.IO packets straight to its Engine.IO connection, so
 *       that its own cost per event is as small as the real server allows; it is still the bottleneck on two cores
 *       ({@link SocketIoCpuCost} compares the clients' CPU per message). This is the server-paced case: the client
 *       waits for every write, and on a virtual machine each wake-up it needs costs the server too;</li>
 *   <li>{@code floodBatched*}: the same events, but the server writes each batch Engine.IO hands to its WebSocket in
 *       one go (its {@code flood-batched} event corks the TCP socket), as a server does when its client reads slower
 *       than it sends. The server is then no longer the bottleneck: this is how many events a client can take in.</li>
 *   <li>{@code firehose*}: what an application server does, the case the others only approximate: the server's
 *       {@code firehose} event calls plain {@code socket.emit("f", "p")} {@value #FIREHOSE} times, {@code batch} calls
 *       per event-loop turn ({@link FirehoseBatch}: 1, 100 or 1,000; turns separated by {@code setImmediate}). Nothing
 *       is pre-encoded or corked: the server pays socket.io's full cost per event and Engine.IO decides how writes
 *       group. The Node server and the client share the machine's cores, so a client's wake-ups per event show here
 *       ({@link SocketIoFirehose} measures them, with each side's CPU per event);</li>
 *   <li>{@code flood*BareOkHttp}, {@code firehoseBareOkHttp}: the reference for the floods, a bare OkHttp WebSocket (the transport under both
 *       clients) that speaks just enough Engine.IO to join and answers pings, and only counts the {@code 42} frames
 *       it receives: no Socket.IO decoding, no listener dispatch. What it gets is the most any OkHttp-based client
 *       can get on the machine.</li>
 * </ul>
 * Everything is operations per second. The Node server (one process, one core) takes part in every number: on a small
 * machine it may be the bottleneck for both clients.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SocketIoBenchmark} from the repository root (the server's
 * npm dependencies must be installed: {@code socketio/src/test/node/install-peers.sh}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SocketIoBenchmark {
    /** Server-to-client events per flood operation batch. */
    public static final int FLOOD = 20_000;
    /** Acknowledged emits per pipelined operation batch. */
    public static final int PIPELINED = 2_048;
    /** Acknowledgements outstanding at most in the pipelined benchmarks. */
    public static final int WINDOW = 64;
    /** Server-to-client events per firehose operation batch. */
    public static final int FIREHOSE = 20_000;

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Map<String, Object> PAYLOAD = Map.of("symbol", "BTCUSDT", "price", "64123.50", "qty", "0.015");

    private NodeSocketIoServer server;

    private SocketIoClient relayClient;
    private SocketIoSocket relay;
    private final WsThroughputBenchmark.Counter relayTicks = new WsThroughputBenchmark.Counter();
    private final WsThroughputBenchmark.Counter relayFirehose = new WsThroughputBenchmark.Counter();

    private OkHttpClient http;
    private Socket java;
    private final WsThroughputBenchmark.Counter javaTicks = new WsThroughputBenchmark.Counter();
    private final WsThroughputBenchmark.Counter javaFirehose = new WsThroughputBenchmark.Counter();
    private JSONObject javaPayload;

    private WebSocket bare;
    private final WsThroughputBenchmark.Counter bareTicks = new WsThroughputBenchmark.Counter();

    /**
     * Starts the server and connects both clients to its default namespace.
     *
     * @throws Exception if the server does not start or a client cannot connect
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        server = new NodeSocketIoServer();

        relayClient = SocketIoClient.builder(server.url()).generation(Generation.V3_V4)
                .transport(TransportMode.WEBSOCKET).ackTimeout(TIMEOUT).build();
        relay = relayClient.socket("/").on("tick", e -> relayTicks.increment())
                .on("f", e -> relayFirehose.increment());
        relay.connect().get(10, TimeUnit.SECONDS);

        http = new OkHttpClient.Builder().readTimeout(0, TimeUnit.MILLISECONDS).build();
        CompletableFuture<Void> connected = new CompletableFuture<>();
        java = ioSocket(server.url(), http, connected);
        java.on("tick", a -> javaTicks.increment());
        java.on("f", a -> javaFirehose.increment());
        java.connect();
        connected.get(10, TimeUnit.SECONDS);
        javaPayload = new JSONObject(PAYLOAD);

        CompletableFuture<Void> bareJoined = new CompletableFuture<>();
        bare = http.newWebSocket(new Request.Builder()
                .url(server.url().replaceFirst("^http", "ws") + "/socket.io/?EIO=4&transport=websocket").build(),
                new WebSocketListener() {
                    @Override
                    public void onMessage(WebSocket ws, String text) {
                        if (text.startsWith("42")) {
                            bareTicks.increment(); // the only events the server sends it: a flood's or a firehose's
                        } else if (text.equals("2")) {
                            ws.send("3"); // Engine.IO ping -> pong
                        } else if (text.startsWith("0")) {
                            ws.send("40"); // Engine.IO open -> join the default namespace
                        } else if (text.startsWith("40")) {
                            bareJoined.complete(null);
                        }
                    }

                    @Override
                    public void onFailure(WebSocket ws, Throwable t, Response response) {
                        bareJoined.completeExceptionally(t);
                    }
                });
        bareJoined.get(10, TimeUnit.SECONDS);
    }

    /** Closes both clients and stops the server. */
    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            if (relayClient != null) {
                relayClient.close();
            }
            if (java != null) {
                java.close();
            }
            if (bare != null) {
                bare.close(1000, null);
            }
            if (http != null) {
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    /**
     * An io.socket client socket as both measurements use it: WebSocket only, its own connection, no reconnection,
     * on the given OkHttp client. Not connected yet.
     *
     * @param url the server
     * @param http the OkHttp client for its requests and WebSocket
     * @param connected completed on connect, failed on connect_error
     * @return the socket
     */
    static Socket ioSocket(String url, OkHttpClient http, CompletableFuture<Void> connected) {
        IO.Options opts = new IO.Options();
        opts.transports = new String[] {io.socket.engineio.client.transports.WebSocket.NAME};
        opts.forceNew = true;
        opts.reconnection = false;
        opts.callFactory = http;
        opts.webSocketFactory = http;
        Socket s = IO.socket(URI.create(url), opts);
        s.on(Socket.EVENT_CONNECT, a -> connected.complete(null));
        s.on(Socket.EVENT_CONNECT_ERROR, a -> connected.completeExceptionally(
                new IllegalStateException("socket.io-client did not connect: " + (a.length > 0 ? a[0] : ""))));
        return s;
    }

    /** @return the CPU time the Node server has used so far (for {@link SocketIoCpuCost}) */
    java.time.Duration serverCpuTime() {
        return server.cpuTime();
    }

    /**
     * RelayKit: one acknowledged emit, waited for.
     *
     * @return the acknowledgement's arguments
     * @throws Exception if it does not come
     */
    @Benchmark
    public List<JsonNode> ackRelayKitSequential() throws Exception {
        return relay.emitWithAck("ack", PAYLOAD).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * socket.io-client: one acknowledged emit, waited for.
     *
     * @return the acknowledgement's arguments
     * @throws Exception if it does not come
     */
    @Benchmark
    public Object[] ackSocketIoJavaSequential() throws Exception {
        CompletableFuture<Object[]> ack = new CompletableFuture<>();
        java.emit("ack", new Object[] {javaPayload}, ack::complete);
        return ack.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * RelayKit: {@value #PIPELINED} acknowledged emits, at most {@value #WINDOW} outstanding.
     *
     * @throws Exception if an acknowledgement does not come
     */
    @Benchmark
    @OperationsPerInvocation(PIPELINED)
    public void ackRelayKitPipelined() throws Exception {
        Window w = new Window();
        for (int i = 0; i < PIPELINED; i++) {
            w.acquire();
            relay.emit("ack", (args, error) -> w.release(error == null && args.size() == 1 ? null : error), TIMEOUT,
                    PAYLOAD);
        }
        w.drain();
    }

    /**
     * socket.io-client: {@value #PIPELINED} acknowledged emits, at most {@value #WINDOW} outstanding.
     *
     * @throws Exception if an acknowledgement does not come
     */
    @Benchmark
    @OperationsPerInvocation(PIPELINED)
    public void ackSocketIoJavaPipelined() throws Exception {
        Window w = new Window();
        for (int i = 0; i < PIPELINED; i++) {
            w.acquire();
            java.emit("ack", new Object[] {javaPayload}, args -> w.release(
                    args.length == 1 ? null : new IllegalStateException("unexpected ack " + List.of(args))));
        }
        w.drain();
    }

    /** RelayKit: {@value #FLOOD} server-to-client events, listener only counting. */
    @Benchmark
    @OperationsPerInvocation(FLOOD)
    public void floodRelayKit() {
        flood(relayTicks, () -> relay.emit("flood-encoded", FLOOD));
    }

    /** socket.io-client: {@value #FLOOD} server-to-client events, listener only counting. */
    @Benchmark
    @OperationsPerInvocation(FLOOD)
    public void floodSocketIoJava() {
        flood(javaTicks, () -> java.emit("flood-encoded", FLOOD));
    }

    /** RelayKit: {@value #FLOOD} server-to-client events written by the server in batches, listener only counting. */
    @Benchmark
    @OperationsPerInvocation(FLOOD)
    public void floodBatchedRelayKit() {
        flood(relayTicks, () -> relay.emit("flood-batched", FLOOD));
    }

    /** socket.io-client: {@value #FLOOD} server-to-client events written by the server in batches, listener only counting. */
    @Benchmark
    @OperationsPerInvocation(FLOOD)
    public void floodBatchedSocketIoJava() {
        flood(javaTicks, () -> java.emit("flood-batched", FLOOD));
    }

    /** Reference: a bare OkHttp WebSocket counting {@value #FLOOD} server-to-client events (server-paced). */
    @Benchmark
    @OperationsPerInvocation(FLOOD)
    public void floodBareOkHttp() {
        flood(bareTicks, () -> bare.send("42[\"flood-encoded\"," + FLOOD + "]"));
    }

    /** Reference: a bare OkHttp WebSocket counting {@value #FLOOD} events the server writes in batches. */
    @Benchmark
    @OperationsPerInvocation(FLOOD)
    public void floodBatchedBareOkHttp() {
        flood(bareTicks, () -> bare.send("42[\"flood-batched\"," + FLOOD + "]"));
    }

    /** The firehose's events per event-loop turn on the server. */
    @State(Scope.Benchmark)
    public static class FirehoseBatch {
        /** Plain {@code socket.emit} calls per event-loop turn. */
        @Param({"1", "100", "1000"})
        public int batch;
    }

    /**
     * RelayKit: {@value #FIREHOSE} plain server emits, {@code batch} per event-loop turn, listener only counting.
     *
     * @param f the batch size
     */
    @Benchmark
    @OperationsPerInvocation(FIREHOSE)
    public void firehoseRelayKit(FirehoseBatch f) {
        firehoseRelayKit(FIREHOSE, f.batch);
    }

    /**
     * socket.io-client: {@value #FIREHOSE} plain server emits, {@code batch} per event-loop turn, listener only counting.
     *
     * @param f the batch size
     */
    @Benchmark
    @OperationsPerInvocation(FIREHOSE)
    public void firehoseSocketIoJava(FirehoseBatch f) {
        firehoseSocketIoJava(FIREHOSE, f.batch);
    }

    /**
     * Reference: a bare OkHttp WebSocket counting {@value #FIREHOSE} plain server emits, {@code batch} per turn.
     *
     * @param f the batch size
     */
    @Benchmark
    @OperationsPerInvocation(FIREHOSE)
    public void firehoseBareOkHttp(FirehoseBatch f) {
        firehoseBareOkHttp(FIREHOSE, f.batch);
    }

    void firehoseRelayKit(int events, int batch) {
        flood(relayFirehose, events, () -> relay.emit("firehose", events, batch));
    }

    void firehoseSocketIoJava(int events, int batch) {
        flood(javaFirehose, events, () -> java.emit("firehose", events, batch));
    }

    void firehoseBareOkHttp(int events, int batch) {
        flood(bareTicks, events, () -> bare.send("42[\"firehose\"," + events + "," + batch + "]"));
    }

    /** Asks for a flood and waits until all {@value #FLOOD} ticks have been counted. */
    private static void flood(WsThroughputBenchmark.Counter ticks, Runnable request) {
        flood(ticks, FLOOD, request);
    }

    /** Asks for {@code events} one-way events and waits until they have all been counted. */
    private static void flood(WsThroughputBenchmark.Counter ticks, int events, Runnable request) {
        ticks.expect(events);
        request.run();
        ticks.awaitAndReset();
    }

    /** At most {@link #WINDOW} acknowledgements outstanding; the first failure fails the batch. */
    private static final class Window {
        private final Semaphore free = new Semaphore(WINDOW);
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        void acquire() throws Exception {
            if (!free.tryAcquire(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("no acknowledgement within " + TIMEOUT);
            }
            check();
        }

        void release(Throwable error) {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
            free.release();
        }

        void drain() throws Exception {
            if (!free.tryAcquire(WINDOW, TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("acknowledgements missing after " + TIMEOUT);
            }
            check();
        }

        private void check() {
            Throwable t = failure.get();
            if (t != null) {
                throw new IllegalStateException("acknowledgement failed", t);
            }
        }
    }
}
