package dev.relaykit.benchmarks;

import dev.relaykit.binance.BinanceEnvironment;
import dev.relaykit.binance.BinanceSpot;
import dev.relaykit.binance.model.TradeEvent;
import dev.relaykit.binance.stream.MarketStream;
import dev.relaykit.binance.stream.MarketStreams;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.socketio.Generation;
import dev.relaykit.socketio.SocketIoClient;
import dev.relaykit.socketio.SocketIoSocket;
import dev.relaykit.socketio.TransportMode;
import dev.relaykit.testkit.FakeBinance;
import dev.relaykit.testkit.FakeBinanceStreams;
import dev.relaykit.testkit.FakeBinanceWsApi;
import dev.relaykit.testkit.FakeGraphApi;
import dev.relaykit.whatsapp.Message;
import dev.relaykit.whatsapp.WhatsAppClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * How many threads RelayKit's clients hold in a process like a typical bot's: one {@link BinanceSpot} with a market
 * stream subscribed and its WebSocket API connected, one {@link SocketIoClient} connected, and one
 * {@link WhatsAppClient}, each having done one real round trip. Issue #12 asks for this figure before and after the
 * shared scheduler and dispatcher pool.
 *
 * <p>How the threads are counted, so that the number is the clients' and nothing else's:
 * <ol>
 *   <li>First the peers start: the testkit's {@link FakeBinance} (REST, WireMock), {@link FakeBinanceStreams} and
 *       {@link FakeBinanceWsApi} (Java-WebSocket servers), {@link FakeGraphApi} (WireMock) and the real socket.io 4
 *       Node server ({@link NodeSocketIoServer}, a separate process: none of its threads are in this JVM). Then the
 *       ids of every live thread are recorded: the baseline (JVM threads, the fakes' acceptors and selectors, the
 *       Node server's output pumps).</li>
 *   <li>The clients are built and each does one real exchange (a trade event received on the stream, {@code ping}
 *       over the WebSocket API, a REST {@code ping}, a Socket.IO acknowledged emit, a WhatsApp text sent), then the
 *       census waits {@value #SETTLE_MS} ms for threads to settle.</li>
 *   <li>Every live thread not in the baseline is new. A new thread is put on the <em>fakes' side</em> when its stack
 *       is inside the fakes' servers (Java-WebSocket, WireMock and its shaded Jetty) or its name is one those servers
 *       give their threads ({@code WebSocketWorker-}, {@code WebSocketConnectReadThread-}, {@code qtp}, Jetty's
 *       {@code Connector-Scheduler-}, which WireMock starts on its first request); servers grow
 *       their pools as clients connect, and those threads are not the clients'. Every other new thread is on the
 *       <em>clients' side</em>, whatever its name: RelayKit's own, OkHttp's, the common fork-join pool's if a client
 *       caused it.</li>
 * </ol>
 * Names are grouped by prefix (the name with trailing digits and separators removed). The census is printed once
 * with the clients open, and once more after they are closed. The pooled threads under OkHttp's calls
 * ({@code OkHttp TaskRunner}, {@code Okio Watchdog}, and {@code OkHttp Dispatcher (shared)}: the dispatcher pool of
 * sdk-core's shared OkHttp client) serve every client in the JVM and end on their own after 60 s idle, so they may
 * still be listed right after a close; {@code OkHttp TaskRunner} threads come and go, so their number varies by one
 * or two between runs.
 *
 * <p>Run from the repository root (the Node server needs {@code socketio/src/test/node/install-peers.sh} once):
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.relaykit.benchmarks.ThreadCensus
 * </pre>
 */
public final class ThreadCensus {
    /** How long the census waits after the last round trip before counting. */
    static final long SETTLE_MS = 1_000;

    private ThreadCensus() {
    }

    /**
     * Runs the census and prints it.
     *
     * @param args ignored
     * @throws Exception if a fake or a client fails
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        try (FakeBinance rest = FakeBinance.start();
             FakeBinanceStreams streamsFake = FakeBinanceStreams.start();
             FakeBinanceWsApi wsApiFake = FakeBinanceWsApi.start();
             FakeGraphApi graph = FakeGraphApi.start("census-token");
             NodeSocketIoServer socketIoServer = new NodeSocketIoServer()) {
            Set<Long> baseline = liveThreads().stream().map(Thread::getId).collect(Collectors.toSet());
            out.println("baseline (JVM + fakes, before any client): " + baseline.size() + " live threads");

            BinanceSpot spot = BinanceSpot.builder().environment(BinanceEnvironment.custom(rest.restBaseUrl(),
                    streamsFake.baseUrl(), wsApiFake.wsApiUrl())).build();
            MarketStreams streams = spot.streams();
            SocketIoClient socketIo = SocketIoClient.builder(socketIoServer.url()).generation(Generation.V3_V4)
                    .transport(TransportMode.WEBSOCKET).build();
            WhatsAppClient whatsApp = WhatsAppClient.builder().baseUrl(graph.baseUrl())
                    .accessToken(Secret.of("census-token")).phoneNumberId(FakeGraphApi.PHONE_NUMBER_ID).build();
            try {
                CountDownLatch trade = new CountDownLatch(1);
                streams.subscribe(MarketStream.trade("BNBBTC"), (TradeEvent e) -> trade.countDown());
                streamsFake.awaitSubscribed("bnbbtc@trade", Duration.ofSeconds(10));
                streamsFake.publish("bnbbtc@trade", FakeBinanceStreams.fixture("stream-trade.json"));
                if (!trade.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("no trade event arrived on the market stream");
                }
                spot.wsApi().connect().get(10, TimeUnit.SECONDS);
                spot.wsApi().ping();
                spot.ping();

                SocketIoSocket socket = socketIo.socket("/");
                socket.connect().get(10, TimeUnit.SECONDS);
                socket.emitWithAck("ack", Map.of("n", 1)).get(10, TimeUnit.SECONDS);

                whatsApp.send(Message.text("16505551234", "census"));

                Thread.sleep(SETTLE_MS);
                out.println();
                out.println("with one BinanceSpot (market stream + WebSocket API), one SocketIoClient, one WhatsAppClient open:");
                report(out, baseline);
            } finally {
                streams.close();
                spot.close();
                socketIo.close();
                whatsApp.close();
            }
            Thread.sleep(SETTLE_MS);
            out.println();
            out.println("after closing the four clients (" + SETTLE_MS + " ms later):");
            report(out, baseline);
        }
    }

    private static void report(PrintStream out, Set<Long> baseline) {
        List<Thread> all = liveThreads();
        List<Thread> clients = new ArrayList<>();
        List<Thread> fakes = new ArrayList<>();
        for (Thread t : all) {
            if (!baseline.contains(t.getId())) {
                (isFakeSide(t) ? fakes : clients).add(t);
            }
        }
        out.println("  live threads in the JVM: " + all.size() + " (baseline " + baseline.size() + ")");
        long relaykit = clients.stream().filter(t -> t.getName().startsWith("relaykit-")).count();
        out.println("  new on the clients' side: " + clients.size() + " (" + relaykit + " named relaykit-*, "
                + (clients.size() - relaykit) + " others)");
        print(out, clients);
        out.println("  new on the fakes' side (not counted): " + fakes.size());
        print(out, fakes);
    }

    private static void print(PrintStream out, List<Thread> threads) {
        Map<String, List<String>> byPrefix = new TreeMap<>();
        for (Thread t : threads) {
            byPrefix.computeIfAbsent(prefix(t.getName()), k -> new ArrayList<>()).add(t.getName());
        }
        byPrefix.forEach((prefix, names) -> out.println("    " + names.size() + " x " + prefix + "  "
                + names.stream().sorted().collect(Collectors.toList())));
    }

    /** The name without its trailing counter: "relaykit-ws-dispatch-3" and "OkHttp TaskRunner" stay groupable. */
    static String prefix(String name) {
        return name.replaceAll("[\\s#:_-]*\\d+$", "");
    }

    private static boolean isFakeSide(Thread t) {
        String name = t.getName();
        if (name.startsWith("WebSocketWorker-") || name.startsWith("WebSocketConnectReadThread-")
                || name.startsWith("qtp") || name.startsWith("WebSocketSelector-")
                || name.startsWith("Connector-Scheduler-")) { // Jetty's (WireMock's) idle-timeout scheduler, started lazily
            return true;
        }
        for (StackTraceElement frame : t.getStackTrace()) {
            String c = frame.getClassName();
            if (c.startsWith("org.java_websocket.") || c.startsWith("wiremock.") || c.startsWith("com.github.tomakehurst.")
                    || c.startsWith("org.eclipse.jetty.")) {
                return true;
            }
        }
        return false;
    }

    private static List<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toList());
    }
}
