package dev.relaykit.benchmarks;

import dev.relaykit.socketio.Generation;
import dev.relaykit.socketio.SocketIoClient;
import dev.relaykit.socketio.TransportMode;
import io.socket.client.Socket;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * Heap (after GC) and threads per open connection: {@code n} RelayKit clients next to {@code n}
 * {@code io.socket:socket.io-client} sockets (each its own connection, {@code forceNew}, one shared OkHttpClient as
 * that library does by default), each connected to the default namespace of the same socket.io 4.x Node server over
 * WebSocket. Not a JMH benchmark: a one-off measurement.
 *
 * <p>The default is 60 connections because io.socket's client opens its WebSockets through an OkHttp
 * {@code Dispatcher}, and an OkHttp 4 WebSocket holds one of the dispatcher's {@code maxRequests} (default 64)
 * slots for as long as it is open: its 65th connection waits forever. RelayKit's sessions use a dispatcher
 * without that limit (found by this measurement; see {@code WsSessionTest.moreThanSixtyFourSessionsConnect}).
 *
 * <p>Run from the repository root:
 * {@code java -Xmx1g -cp benchmarks/target/benchmarks.jar dev.relaykit.benchmarks.SocketIoMemory [n, default 60]}
 */
public final class SocketIoMemory {
    private SocketIoMemory() {
    }

    /** What {@code n} connections cost above the baseline. */
    record Cost(String client, int connections, long heapBytes, int threads) {
        @Override
        public String toString() {
            return String.format("%-22s %4d connections: %8.1f KiB heap/connection, %5.2f threads/connection", client,
                    connections, heapBytes / 1024.0 / connections, (double) threads / connections);
        }
    }

    /**
     * Prints the cost per connection of each client.
     *
     * @param args optional: the number of connections per client (default 60)
     * @throws Exception if the server does not start or a connection fails
     */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        for (Cost c : measure(n)) {
            System.out.println(c);
        }
    }

    /**
     * Opens {@code n} connections of each client (after one warm-up connection each, so class loading is not
     * counted), measures, closes them.
     */
    static List<Cost> measure(int n) throws Exception {
        try (NodeSocketIoServer server = new NodeSocketIoServer()) {
            OkHttpClient http = new OkHttpClient.Builder().readTimeout(0, TimeUnit.MILLISECONDS).build();
            try {
                closeAll(openRelayKit(server, 1), List.of());
                closeAll(List.of(), openSocketIoJava(server, http, 1));
                long heap0 = heapAfterGc();
                int threads0 = threads();
                List<SocketIoClient> relay = openRelayKit(server, n);
                Cost relayCost = new Cost("RelayKit", n, heapAfterGc() - heap0, threads() - threads0);
                closeAll(relay, List.of());

                long heap1 = heapAfterGc();
                int threads1 = threads();
                List<Socket> java = openSocketIoJava(server, http, n);
                Cost javaCost = new Cost("socket.io-client 2.1.2", n, heapAfterGc() - heap1, threads() - threads1);
                closeAll(List.of(), java);
                return List.of(relayCost, javaCost);
            } finally {
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
            }
        }
    }

    private static List<SocketIoClient> openRelayKit(NodeSocketIoServer server, int n) throws Exception {
        List<SocketIoClient> clients = new ArrayList<>();
        List<CompletableFuture<?>> connected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SocketIoClient c = SocketIoClient.builder(server.url()).generation(Generation.V3_V4)
                    .transport(TransportMode.WEBSOCKET).build();
            clients.add(c);
            connected.add(c.socket("/").connect());
        }
        CompletableFuture.allOf(connected.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        return clients;
    }

    private static List<Socket> openSocketIoJava(NodeSocketIoServer server, OkHttpClient http, int n) throws Exception {
        List<Socket> sockets = new ArrayList<>();
        List<CompletableFuture<?>> connected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            Socket s = SocketIoBenchmark.ioSocket(server.url(), http, f);
            s.connect();
            sockets.add(s);
            connected.add(f);
        }
        CompletableFuture.allOf(connected.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        return sockets;
    }

    private static void closeAll(List<SocketIoClient> relay, List<Socket> java) throws InterruptedException {
        relay.forEach(SocketIoClient::close);
        java.forEach(Socket::close);
        Thread.sleep(500); // let the connections' threads wind down before the next baseline
    }

    private static long heapAfterGc() throws InterruptedException {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return mem.getHeapMemoryUsage().getUsed();
    }

    private static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }
}
