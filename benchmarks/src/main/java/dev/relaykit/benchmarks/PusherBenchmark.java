package dev.relaykit.benchmarks;

import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.ChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.connection.ConnectionEventListener;
import com.pusher.client.connection.ConnectionState;
import com.pusher.client.connection.ConnectionStateChange;
import dev.relaykit.pusher.PusherClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * RelayKit's {@link PusherClient} next to {@code com.pusher:pusher-java-client} 2.4.4 (Pusher's own Java client), in
 * the same run: events per second received, decoded and dispatched to a listener bound to the event on a subscribed
 * public channel. Each client has its own {@link BlastServer} speaking just enough of Pusher's protocol
 * ({@code pusher:connection_established}, {@code pusher_internal:subscription_succeeded}, pongs), which writes
 * {@value #EVENTS} ready-made {@code tick} events per operation batch, so that the client, not the server, is the
 * bottleneck. The listener reads the event's data (a JSON string, as Pusher sends it) and counts.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PusherBenchmark}; CPU per event and memory per
 * connection: {@link PusherCost}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PusherBenchmark {
    /** Server-to-client events per operation batch. */
    public static final int EVENTS = 20_000;
    /** The app key both clients connect with (the blast server does not check it). */
    static final String KEY = "bench-key";
    /** The public channel the events arrive on. */
    static final String CHANNEL = "ticker";
    /** One event as Pusher sends it: the data is a JSON string inside the envelope. */
    static final String EVENT = "{\"event\":\"tick\",\"channel\":\"" + CHANNEL + "\",\"data\":"
            + "\"{\\\"symbol\\\":\\\"BTCUSD\\\",\\\"price\\\":\\\"64123.50\\\",\\\"qty\\\":\\\"0.015\\\",\\\"id\\\":123456789}\"}";
    private static final Pattern SUBSCRIBE = Pattern.compile("\"event\"\\s*:\\s*\"pusher:subscribe\".*\"channel\"\\s*:\\s*\"([^\"]+)\"");

    private BlastServer relayServer;
    private BlastServer javaServer;
    private PusherClient relay;
    private Pusher java;
    final WsThroughputBenchmark.Counter relayEvents = new WsThroughputBenchmark.Counter();
    final WsThroughputBenchmark.Counter javaEvents = new WsThroughputBenchmark.Counter();
    /** Every event each listener saw, never reset (the smoke test checks none is lost or doubled). */
    final AtomicLong relayTotal = new AtomicLong();
    final AtomicLong javaTotal = new AtomicLong();

    /**
     * A blast server that speaks the start of Pusher's protocol: it greets with {@code pusher:connection_established},
     * answers {@code pusher:subscribe} with {@code pusher_internal:subscription_succeeded} and {@code pusher:ping}
     * with {@code pusher:pong}; {@link BlastServer#push(int)} then writes {@link #EVENT}s.
     *
     * @return the server
     * @throws java.io.IOException if no port can be bound
     */
    static BlastServer pusherServer() throws java.io.IOException {
        return new BlastServer(List.of(EVENT),
                "{\"event\":\"pusher:connection_established\",\"data\":\"{\\\"socket_id\\\":\\\"1234.5678\\\","
                        + "\\\"activity_timeout\\\":120}\"}",
                text -> {
                    Matcher m = SUBSCRIBE.matcher(text);
                    if (m.find()) {
                        return "{\"event\":\"pusher_internal:subscription_succeeded\",\"channel\":\"" + m.group(1)
                                + "\",\"data\":\"{}\"}";
                    }
                    return text.contains("pusher:ping") ? "{\"event\":\"pusher:pong\",\"data\":\"{}\"}" : null;
                });
    }

    /**
     * Starts a server per client and connects and subscribes each client.
     *
     * @throws Exception if a client cannot connect or subscribe
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        relayServer = pusherServer();
        javaServer = pusherServer();
        relay = relayKit(relayServer, e -> {
            if (e.data() != null) {
                relayTotal.incrementAndGet();
                relayEvents.increment();
            }
        });
        java = pusherJava(javaServer, e -> {
            if (e.getData() != null) {
                javaTotal.incrementAndGet();
                javaEvents.increment();
            }
        });
    }

    /**
     * A RelayKit client connected to the server and subscribed to {@link #CHANNEL}, with the listener bound to
     * {@code tick}.
     */
    static PusherClient relayKit(BlastServer server, dev.relaykit.pusher.PusherEventListener listener) throws Exception {
        PusherClient c = PusherClient.builder(KEY).host("127.0.0.1").port(port(server)).tls(false).build();
        c.connect().get(10, TimeUnit.SECONDS);
        var channel = c.channel(CHANNEL);
        channel.bind("tick", listener);
        channel.subscribe().get(10, TimeUnit.SECONDS);
        return c;
    }

    /**
     * A pusher-java-client connected to the server and subscribed to {@link #CHANNEL}, with the listener bound to
     * {@code tick}.
     */
    static Pusher pusherJava(BlastServer server, java.util.function.Consumer<PusherEvent> listener) throws Exception {
        PusherOptions options = new PusherOptions().setHost("127.0.0.1").setWsPort(port(server)).setUseTLS(false);
        Pusher p = new Pusher(KEY, options);
        CompletableFuture<Void> connected = new CompletableFuture<>();
        p.connect(new ConnectionEventListener() {
            @Override
            public void onConnectionStateChange(ConnectionStateChange change) {
                if (change.getCurrentState() == ConnectionState.CONNECTED) {
                    connected.complete(null);
                }
            }

            @Override
            public void onError(String message, String code, Exception e) {
                connected.completeExceptionally(new IllegalStateException(message + " " + code, e));
            }
        }, ConnectionState.ALL);
        connected.get(10, TimeUnit.SECONDS);
        CompletableFuture<Void> subscribed = new CompletableFuture<>();
        p.subscribe(CHANNEL, new ChannelEventListener() {
            @Override
            public void onSubscriptionSucceeded(String channelName) {
                subscribed.complete(null);
            }

            @Override
            public void onEvent(PusherEvent event) {
                listener.accept(event);
            }
        }, "tick");
        subscribed.get(10, TimeUnit.SECONDS);
        return p;
    }

    private static int port(BlastServer server) {
        return Integer.parseInt(server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1));
    }

    /** Disconnects both clients and stops both servers. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        List<Exception> errors = new ArrayList<>();
        if (relay != null) {
            relay.close();
        }
        if (java != null) {
            java.disconnect();
        }
        for (BlastServer s : new BlastServer[] {relayServer, javaServer}) {
            if (s != null) {
                try {
                    s.close();
                } catch (Exception e) {
                    errors.add(e);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
    }

    /** {@value #EVENTS} events to RelayKit's client; returns once its listener has seen all of them. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void eventsRelayKit() throws Exception {
        relayEvents.expect(EVENTS);
        relayServer.push(EVENTS);
        relayEvents.awaitAndReset();
    }

    /** {@value #EVENTS} events to pusher-java-client; returns once its listener has seen all of them. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void eventsPusherJava() throws Exception {
        javaEvents.expect(EVENTS);
        javaServer.push(EVENTS);
        javaEvents.awaitAndReset();
    }
}
