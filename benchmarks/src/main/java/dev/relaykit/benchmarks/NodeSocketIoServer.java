package dev.relaykit.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real socket.io 4.x Node server of the socketio module's tests ({@code socketio/src/test/node/v4/server.js},
 * behaviour in that folder's {@code README.md}), started with {@code node server.js 0} on a free loopback port.
 *
 * <p>The folder is looked up from the working directory: the repository root (where
 * {@code java -jar benchmarks/target/benchmarks.jar} runs) or the benchmarks module (where its tests run).
 * Its npm dependencies must be installed (the socketio module's build does it, or run
 * {@code socketio/src/test/node/install-peers.sh}).
 */
public final class NodeSocketIoServer implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("READY (\\d+)");

    private final Process process;
    private final int port;
    private final StringBuffer output = new StringBuffer();

    /** Starts the server and waits (up to 20 s) for its READY line. */
    public NodeSocketIoServer() {
        Path dir = serverDir();
        try {
            ProcessBuilder pb = new ProcessBuilder("node", "server.js", "0").directory(dir.toFile());
            pb.environment().put("RELAYKIT_PEER_EXIT_WITH_STDIN", "1");   // it dies with this JVM
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run `node server.js` in " + dir + " (is Node.js on the PATH?)", e);
        }
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        pump(process.getInputStream(), "", ready);
        pump(process.getErrorStream(), "[stderr] ", null);
        try {
            port = ready.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("socket.io server in " + dir + " did not start; its output:\n" + output, e);
        }
    }

    /** {@code http://127.0.0.1:<port>} (Socket.IO path {@code /socket.io}). */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** @return the Node process's id (for reading its scheduler counters in {@code /proc}) */
    public long pid() {
        return process.pid();
    }

    /** @return the CPU time the Node process has used so far (user + system), or zero where the OS does not say */
    public java.time.Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(java.time.Duration.ZERO);
    }

    /** Stops the server: closes its stdin (it exits then), SIGTERM, and SIGKILL if it lingers. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already gone
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void pump(java.io.InputStream in, String prefix, CompletableFuture<Integer> ready) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.append(prefix).append(line).append('\n');
                    Matcher m = READY.matcher(line);
                    if (ready != null && m.matches()) {
                        ready.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // the process went away
            } finally {
                if (ready != null) {
                    ready.completeExceptionally(new IllegalStateException("the server exited before READY"));
                }
            }
        }, "node-socketio-v4" + (ready == null ? "-stderr" : "-stdout"));
        t.setDaemon(true);
        t.start();
    }

    private static Path serverDir() {
        for (String candidate : new String[] {"socketio/src/test/node/v4", "../socketio/src/test/node/v4"}) {
            Path dir = Path.of(candidate).toAbsolutePath().normalize();
            if (Files.isRegularFile(dir.resolve("server.js"))) {
                if (!Files.isRegularFile(dir.resolve("node_modules/socket.io/package.json"))) {
                    throw new IllegalStateException("the socket.io 4.x server's npm dependencies are not installed in " + dir
                            + ": run socketio/src/test/node/install-peers.sh (or build the socketio module) first");
                }
                return dir;
            }
        }
        throw new IllegalStateException("cannot find socketio/src/test/node/v4/server.js from "
                + Path.of("").toAbsolutePath() + ": run the benchmarks from the repository root");
    }
}
