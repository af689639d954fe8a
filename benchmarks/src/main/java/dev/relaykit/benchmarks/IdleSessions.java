package dev.relaykit.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import dev.relaykit.core.ws.WsSession;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What idle sessions cost: opens N {@link WsSession}s (defaults: no heartbeat, no watchdog, the default
 * dispatcher) against a local WebSocket server that sends nothing, then reports the process's live
 * threads (grouped by name), its CPU while the sessions sit idle, and the heap each session holds
 * after a GC. The server ({@link BlastServer}, one thread per connection) runs in a child JVM so that
 * none of its threads, CPU or heap is counted here.
 *
 * <p>Run from the repository root:
 * {@code java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar dev.relaykit.benchmarks.IdleSessions
 * [sessions, default 100,1000] [idle seconds, default 10] [timer: own|shared, default own] [heartbeat seconds,
 * default 0: none]}. {@code own} leaves each session its default timer, which is the SDK's one shared timer
 * thread ({@code relaykit-timer}); {@code shared} gives every session one user-supplied
 * {@code ScheduledExecutorService} (what a session's {@code scheduler(...)} takes). A heartbeat shows what the
 * timers' ticks and the pings cost.
 */
public final class IdleSessions {
    private IdleSessions() {
    }

    /**
     * Measures each session count in turn.
     *
     * @param args session counts (comma-separated), idle seconds, timer mode ({@code own} or {@code shared})
     * @throws Exception if the server does not start or a session cannot connect
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--server")) {
            serve();
            return;
        }
        String[] counts = (args.length > 0 ? args[0] : "100,1000").split(",");
        int idleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        boolean sharedTimer = args.length > 2 && args[2].equals("shared");
        int heartbeat = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Process server = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xss256k",
                "-cp", System.getProperty("java.class.path"), IdleSessions.class.getName(), "--server")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String url = out.readLine();
            if (url == null) {
                throw new IllegalStateException("the server process ended before it printed its URL");
            }
            for (String c : counts) {
                measure(url, Integer.parseInt(c.trim()), idleSeconds, sharedTimer, heartbeat);
            }
        } finally {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static void measure(String url, int count, int idleSeconds, boolean sharedTimer, int heartbeat)
            throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long heapBefore = heapAfterGc(memory);
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        ScheduledExecutorService timer = sharedTimer ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-shared-timer");
            t.setDaemon(true);
            return t;
        }) : null;
        List<WsSession> sessions = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                WsSession.Builder b = WsSession.builder(url).name("idle-" + i);
                if (timer != null) {
                    b.scheduler(timer);
                }
                if (heartbeat > 0) {
                    b.heartbeat(java.time.Duration.ofSeconds(heartbeat), java.time.Duration.ofSeconds(heartbeat));
                }
                WsSession s = b.build();
                sessions.add(s);
                s.connect().get(30, TimeUnit.SECONDS);
            }
            Thread.sleep(2000); // let start-up work (connects, first callbacks) finish
            long heapWith = heapAfterGc(memory);
            Thread.sleep(500);
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            Thread.sleep(idleSeconds * 1000L);
            long cpu1 = os.getProcessCpuTime();
            long t1 = System.nanoTime();
            Map<String, Integer> groups = threadGroups();
            int live = ManagementFactory.getThreadMXBean().getThreadCount();
            System.out.printf("%5d sessions (%s timers, heartbeat %s): %5d live threads (%d before), idle CPU %.2f%% of a core over %d s,"
                    + " heap %.1f KiB per session%n    threads: %s%n", count, sharedTimer ? "one user-supplied" : "the SDK's default",
                    heartbeat > 0 ? heartbeat + " s" : "none", live,
                    threadsBefore, 100.0 * (cpu1 - cpu0) / (t1 - t0), idleSeconds,
                    (heapWith - heapBefore) / 1024.0 / count, groups);
        } finally {
            sessions.forEach(WsSession::close);
            if (timer != null) {
                timer.shutdownNow();
            }
        }
        Thread.sleep(1500);
        System.out.printf("    after close: %d live threads: %s%n", ManagementFactory.getThreadMXBean().getThreadCount(),
                threadGroups());
    }

    /** Live threads counted by name, with numbers and session names folded ("OkHttp ws://…", "relaykit-*-timer"). */
    private static Map<String, Integer> threadGroups() {
        Map<String, Integer> groups = new TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String n = t.getName().replaceAll("relaykit-idle-\\d+-", "relaykit-*-").replaceAll("\\d+", "N");
            if (n.startsWith("OkHttp http") || n.startsWith("OkHttp ws")) {
                n = "OkHttp <url> (reader)";
            }
            groups.merge(n, 1, Integer::sum);
        }
        return groups;
    }

    private static long heapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The child process: a WebSocket server that accepts and stays quiet; prints its URL, runs until killed. */
    private static void serve() throws Exception {
        try (BlastServer server = new BlastServer()) {
            System.out.println(server.url());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
