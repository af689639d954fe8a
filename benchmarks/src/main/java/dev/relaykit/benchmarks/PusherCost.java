package dev.relaykit.benchmarks;

import com.pusher.client.Pusher;
import dev.relaykit.pusher.PusherClient;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's CPU time per event and heap and threads per connection, for RelayKit's {@link PusherClient} and
 * pusher-java-client 2.4.4, with {@link PusherBenchmark}'s servers and bodies. CPU per event is this JVM's process
 * CPU time over the events, minus the CPU of the thread that writes them (the in-process {@link BlastServer} writes
 * from the calling thread), so it is the client's work: reading, decoding, dispatching, plus its share of GC. Not a
 * JMH benchmark: a one-off measurement; rounds alternate between the clients.
 *
 * <p>Run from the repository root:
 * {@code java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar dev.relaykit.benchmarks.PusherCost [rounds [connections]]}
 */
public final class PusherCost {
    private PusherCost() {
    }

    /** One measured run of one client. */
    record Cost(String client, long events, double seconds, double clientCpuSeconds) {
        double perSecond() {
            return events / seconds;
        }

        double clientMicrosPerEvent() {
            return clientCpuSeconds * 1e6 / events;
        }

        @Override
        public String toString() {
            return String.format("%-22s %9.0f events/s  client %6.2f µs CPU/event", client, perSecond(),
                    clientMicrosPerEvent());
        }
    }

    /** Heap and threads that {@code connections} connected, subscribed clients hold. */
    record Footprint(String client, int connections, long heapBytes, int threads) {
        @Override
        public String toString() {
            return String.format("%-22s %4d connections: %8.1f KiB heap/connection, %5.2f threads/connection", client,
                    connections, heapBytes / 1024.0 / connections, (double) threads / connections);
        }
    }

    /**
     * Prints the CPU per event round by round, then the memory per connection.
     *
     * @param args optional: rounds (default 3), connections for the memory measurement (default 50)
     * @throws Exception if a client cannot connect or events are lost
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        for (Cost c : cpu(rounds, 10)) {
            System.out.println(c);
        }
        for (Footprint f : memory(connections)) {
            System.out.println(f);
        }
    }

    /**
     * Runs both clients {@code rounds} times after a warm-up round that is not reported.
     *
     * @param rounds measured rounds
     * @param batches batches of {@link PusherBenchmark#EVENTS} events per client and round
     * @return one cost per round and client
     * @throws Exception if events are lost
     */
    static List<Cost> cpu(int rounds, int batches) throws Exception {
        PusherBenchmark b = new PusherBenchmark();
        b.setUp();
        try {
            List<Cost> out = new ArrayList<>();
            for (int r = 0; r <= rounds; r++) {
                Cost relay = run("RelayKit", batches, b::eventsRelayKit);
                Cost java = run("pusher-java-client", batches, b::eventsPusherJava);
                if (r > 0) {
                    out.add(relay);
                    out.add(java);
                }
            }
            return out;
        } finally {
            b.tearDown();
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    private static Cost run(String client, int batches, Body body) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.gc();
        long cpu0 = os.getProcessCpuTime();
        long writer0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < batches; i++) {
            body.run();
        }
        long t1 = System.nanoTime();
        long writer = threads.getCurrentThreadCpuTime() - writer0;
        long cpu = os.getProcessCpuTime() - cpu0;
        return new Cost(client, (long) batches * PusherBenchmark.EVENTS, (t1 - t0) / 1e9, Math.max(0, cpu - writer) / 1e9);
    }

    /**
     * Opens {@code n} connected clients subscribed to a public channel, first RelayKit's, then pusher-java-client's
     * (each set closed before the next), and measures the heap after GC and the live threads they add.
     *
     * @param n connections per client
     * @return one footprint per client
     * @throws Exception if a client cannot connect
     */
    static List<Footprint> memory(int n) throws Exception {
        try (BlastServer server = PusherBenchmark.pusherServer()) {
            // one of each first, so that class loading and each library's shared state are not counted per connection
            PusherBenchmark.relayKit(server, e -> { }).close();
            PusherBenchmark.pusherJava(server, e -> { }).disconnect();
            awaitConnections(server, 0);
            long heap0 = heapAfterGc();
            int threads0 = Thread.activeCount();
            List<PusherClient> relay = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                relay.add(PusherBenchmark.relayKit(server, e -> { }));
            }
            Footprint relayCost = new Footprint("RelayKit", n, heapAfterGc() - heap0, Thread.activeCount() - threads0 - n);
            relay.forEach(PusherClient::close);
            relay.clear();
            awaitConnections(server, 0);

            long heap1 = heapAfterGc();
            int threads1 = Thread.activeCount();
            List<Pusher> java = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                java.add(PusherBenchmark.pusherJava(server, e -> { }));
            }
            Footprint javaCost = new Footprint("pusher-java-client", n, heapAfterGc() - heap1,
                    Thread.activeCount() - threads1 - n);
            java.forEach(Pusher::disconnect);
            awaitConnections(server, 0);
            return List.of(relayCost, javaCost);
        }
    }

    // threads: the blast server's own thread per connection (n) is taken out; heap: its buffers per connection
    // (about 8 KiB) stay in, the same for both clients
    private static void awaitConnections(BlastServer server, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (server.connectedClients() != count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        java.lang.management.MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return mem.getHeapMemoryUsage().getUsed();
    }
}
