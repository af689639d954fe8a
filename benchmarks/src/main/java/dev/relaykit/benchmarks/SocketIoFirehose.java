package dev.relaykit.benchmarks;

import dev.relaykit.socketio.Generation;
import dev.relaykit.socketio.SocketIoClient;
import dev.relaykit.socketio.SocketIoSocket;
import dev.relaykit.socketio.TransportMode;
import io.socket.client.Socket;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The firehose of {@link SocketIoBenchmark} ({@code firehose*}: plain {@code socket.emit("f", "p")} on the real
 * socket.io 4.8.1 server, {@code batch} emits per event-loop turn) with ONE client in this JVM, so that what this
 * process costs is that client's alone. Per round it prints the events per second, each side's CPU time per event, and
 * each side's context switches per event (voluntary: a thread went to sleep and had to be woken; involuntary: a
 * runnable thread was pushed off its core), read from {@code /proc} for every live thread of both processes. On a
 * two-core machine shared with the one-core Node server, a client's wake-ups are what the server loses.
 *
 * <p>Run from the repository root, one client per JVM (alternate them to judge noise):
 * {@code java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar dev.relaykit.benchmarks.SocketIoFirehose
 * relaykit|iosocket|bare|relaykit-inline [events per round, default 1000000] [batch, default 1000] [rounds, default 3]}
 */
public final class SocketIoFirehose {
    private SocketIoFirehose() {
    }

    /** One client connected to the server, able to ask it for a firehose and count what arrives. */
    private interface Client extends AutoCloseable {
        void firehose(int events, int batch);

        @Override
        void close();
    }

    /**
     * Measures one client.
     *
     * @param args client ({@code relaykit}, {@code iosocket} or {@code bare}), events per round, batch, rounds
     * @throws Exception if the server does not start or the client cannot connect
     */
    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "relaykit";
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        long self = ProcessHandle.current().pid();
        try (NodeSocketIoServer server = new NodeSocketIoServer(); Client client = connect(which, server.url())) {
            client.firehose(Math.min(events, 200_000), batch); // warm-up, not reported
            for (int r = 1; r <= rounds; r++) {
                System.gc();
                long[] c0 = counters(self);
                long[] s0 = counters(server.pid());
                long t0 = System.nanoTime();
                client.firehose(events, batch);
                long t1 = System.nanoTime();
                long[] c1 = counters(self);
                long[] s1 = counters(server.pid());
                System.out.printf("%-8s batch %4d round %d: %7.0f ev/s | client %s | server %s%n", which, batch, r,
                        events / ((t1 - t0) / 1e9), perEvent(c0, c1, events), perEvent(s0, s1, events));
            }
        }
    }

    /** One side's costs per event: CPU (user + system), context switches, and read/write system calls. */
    private static String perEvent(long[] a, long[] b, int events) {
        double tick = 1e6 / 100; // µs per clock tick (USER_HZ is 100 on Linux)
        return String.format("%5.2f µs CPU/ev (%.2f user + %.2f sys), %.3f vol + %.3f invol switches/ev,"
                + " %.3f reads + %.3f writes/ev", (b[2] + b[3] - a[2] - a[3]) * tick / events,
                (b[2] - a[2]) * tick / events, (b[3] - a[3]) * tick / events, (double) (b[0] - a[0]) / events,
                (double) (b[1] - a[1]) / events, (double) (b[4] - a[4]) / events, (double) (b[5] - a[5]) / events);
    }

    /**
     * A process's counters from {@code /proc}: voluntary and involuntary context switches of its live threads (threads
     * that ended are lost), its user and system CPU ticks, and its read and write system calls (all zeros where there
     * is no {@code /proc}).
     */
    static long[] counters(long pid) {
        long[] c = new long[6];
        long[] sw = switches(pid);
        c[0] = sw[0];
        c[1] = sw[1];
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            c[2] = Long.parseLong(f[11]); // utime: field 14 of the line, 12 after the name
            c[3] = Long.parseLong(f[12]); // stime
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/io"))) {
                if (line.startsWith("syscr:")) {
                    c[4] = Long.parseLong(line.substring(6).trim());
                } else if (line.startsWith("syscw:")) {
                    c[5] = Long.parseLong(line.substring(6).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc here
        }
        return c;
    }

    /** Voluntary and involuntary context switches of every live thread of a process (threads that ended are lost). */
    static long[] switches(long pid) {
        long[] sum = new long[2];
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            tasks.forEach(t -> {
                try {
                    for (String line : Files.readAllLines(t.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            sum[0] += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
                            sum[1] += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            // no /proc here: zeros
        }
        return sum;
    }

    private static Client connect(String which, String url) throws Exception {
        WsThroughputBenchmark.Counter seen = new WsThroughputBenchmark.Counter();
        switch (which) {
            case "relaykit", "relaykit-inline" -> {
                SocketIoClient.Builder b = SocketIoClient.builder(url).generation(Generation.V3_V4)
                        .transport(TransportMode.WEBSOCKET);
                if (which.equals("relaykit-inline")) {
                    // an experiment, not a setting to use: everything (decode and listener) on OkHttp's reader thread,
                    // no hand-off at all; it shows what the hand-off costs on this pattern
                    b.dispatcher(Runnable::run);
                }
                SocketIoClient c = b.build();
                SocketIoSocket s = c.socket("/").on("f", e -> seen.increment());
                s.connect().get(10, TimeUnit.SECONDS);
                return new Client() {
                    @Override
                    public void firehose(int events, int batch) {
                        run(seen, events, () -> s.emit("firehose", events, batch));
                    }

                    @Override
                    public void close() {
                        c.close();
                    }
                };
            }
            case "iosocket" -> {
                OkHttpClient http = new OkHttpClient.Builder().readTimeout(0, TimeUnit.MILLISECONDS).build();
                CompletableFuture<Void> connected = new CompletableFuture<>();
                Socket s = SocketIoBenchmark.ioSocket(url, http, connected);
                s.on("f", a -> seen.increment());
                s.connect();
                connected.get(10, TimeUnit.SECONDS);
                return new Client() {
                    @Override
                    public void firehose(int events, int batch) {
                        run(seen, events, () -> s.emit("firehose", events, batch));
                    }

                    @Override
                    public void close() {
                        s.close();
                        http.dispatcher().executorService().shutdown();
                    }
                };
            }
            case "bare" -> {
                OkHttpClient http = new OkHttpClient.Builder().readTimeout(0, TimeUnit.MILLISECONDS).build();
                CompletableFuture<Void> joined = new CompletableFuture<>();
                WebSocket ws = http.newWebSocket(new Request.Builder()
                        .url(url.replaceFirst("^http", "ws") + "/socket.io/?EIO=4&transport=websocket").build(),
                        new WebSocketListener() {
                            @Override
                            public void onMessage(WebSocket w, String text) {
                                if (text.startsWith("42")) {
                                    seen.increment();
                                } else if (text.equals("2")) {
                                    w.send("3");
                                } else if (text.startsWith("0")) {
                                    w.send("40");
                                } else if (text.startsWith("40")) {
                                    joined.complete(null);
                                }
                            }

                            @Override
                            public void onFailure(WebSocket w, Throwable t, Response response) {
                                joined.completeExceptionally(t);
                            }
                        });
                joined.get(10, TimeUnit.SECONDS);
                return new Client() {
                    @Override
                    public void firehose(int events, int batch) {
                        run(seen, events, () -> ws.send("42[\"firehose\"," + events + "," + batch + "]"));
                    }

                    @Override
                    public void close() {
                        ws.close(1000, null);
                        http.dispatcher().executorService().shutdown();
                    }
                };
            }
            default -> throw new IllegalArgumentException("client must be relaykit, iosocket or bare, not " + which);
        }
    }

    private static void run(WsThroughputBenchmark.Counter seen, int events, Runnable request) {
        seen.expect(events);
        request.run();
        seen.awaitAndReset();
    }
}
