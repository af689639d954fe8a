package dev.relaykit.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time per message of each client, next to its throughput, for the {@link SocketIoBenchmark} scenarios (the same
 * clients, the same socket.io 4.x Node server, the same benchmark bodies). Throughput alone cannot compare the
 * clients where the one-core Node server is the bottleneck; CPU per message (this JVM's process CPU time over the
 * messages handled) can, and it is also less disturbed by other work on a shared machine. The server's CPU per
 * message is printed too. Not a JMH benchmark: a one-off measurement; rounds alternate between the clients.
 *
 * <p>Run from the repository root:
 * {@code java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar dev.relaykit.benchmarks.SocketIoCpuCost [rounds]}
 */
public final class SocketIoCpuCost {
    private SocketIoCpuCost() {
    }

    /** One measured run of one scenario with one client. */
    record Cost(String scenario, String client, long messages, double seconds, double clientCpuSeconds,
                double serverCpuSeconds) {
        double perSecond() {
            return messages / seconds;
        }

        double clientMicrosPerMessage() {
            return clientCpuSeconds * 1e6 / messages;
        }

        @Override
        public String toString() {
            return String.format("%-10s %-22s %9.0f msg/s  client %6.2f µs CPU/msg  server %6.2f µs CPU/msg", scenario,
                    client, perSecond(), clientMicrosPerMessage(), serverCpuSeconds * 1e6 / messages);
        }
    }

    /** A benchmark body that handles {@code messages} messages per call. */
    private interface Body {
        void run() throws Exception;
    }

    /**
     * Prints the cost of each scenario and client, round by round.
     *
     * @param args optional: the number of rounds (default 3)
     * @throws Exception if the server does not start or a scenario fails
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        for (Cost c : measure(rounds, 1.0)) {
            System.out.println(c);
        }
    }

    /**
     * Runs every scenario for both clients, {@code rounds} times, after a warm-up round that is not reported.
     *
     * @param rounds measured rounds
     * @param scale the share of the default amount of work per run (1.0: 200,000 flood events and 40,960 acks)
     * @return one cost per round, scenario and client
     * @throws Exception if a scenario fails
     */
    static List<Cost> measure(int rounds, double scale) throws Exception {
        SocketIoBenchmark b = new SocketIoBenchmark();
        b.setUp();
        try {
            int floods = Math.max(1, (int) (10 * scale));
            int pipelined = Math.max(1, (int) (20 * scale));
            List<Cost> out = new ArrayList<>();
            for (int r = 0; r <= rounds; r++) {
                List<Cost> round = List.of(
                        run(b, "flood", "RelayKit", floods, SocketIoBenchmark.FLOOD, b::floodRelayKit),
                        run(b, "flood", "io.socket client", floods, SocketIoBenchmark.FLOOD, b::floodSocketIoJava),
                        run(b, "flood", "bare OkHttp", floods, SocketIoBenchmark.FLOOD, b::floodBareOkHttp),
                        run(b, "batched", "RelayKit", floods, SocketIoBenchmark.FLOOD, b::floodBatchedRelayKit),
                        run(b, "batched", "io.socket client", floods, SocketIoBenchmark.FLOOD,
                                b::floodBatchedSocketIoJava),
                        run(b, "batched", "bare OkHttp", floods, SocketIoBenchmark.FLOOD, b::floodBatchedBareOkHttp),
                        run(b, "acks x64", "RelayKit", pipelined, SocketIoBenchmark.PIPELINED, b::ackRelayKitPipelined),
                        run(b, "acks x64", "io.socket client", pipelined, SocketIoBenchmark.PIPELINED,
                                b::ackSocketIoJavaPipelined));
                if (r > 0) {
                    out.addAll(round);
                }
            }
            return out;
        } finally {
            b.tearDown();
        }
    }

    private static Cost run(SocketIoBenchmark b, String scenario, String client, int calls, int perCall, Body body)
            throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.gc();
        long cpu0 = os.getProcessCpuTime();
        long server0 = b.serverCpuTime().toNanos();
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            body.run();
        }
        long t1 = System.nanoTime();
        long cpu1 = os.getProcessCpuTime();
        long server1 = b.serverCpuTime().toNanos();
        return new Cost(scenario, client, (long) calls * perCall, (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9,
                (server1 - server0) / 1e9);
    }
}
