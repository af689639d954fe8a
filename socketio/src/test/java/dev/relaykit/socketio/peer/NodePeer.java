package dev.relaykit.socketio.peer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Node.js socket.io server of one {@link Generation}, running {@code node server.js <port>}
 * from its folder under {@code src/test/node/} and listening on 127.0.0.1 only.
 *
 * <pre>{@code
 * try (NodePeer peer = NodePeer.start(Generation.V4)) {
 *     String url = peer.url();   // http://127.0.0.1:<port>, Socket.IO path /socket.io
 * }
 * }</pre>
 *
 * <p>The peers need their npm dependencies ({@code .ci/run} installs them); without them
 * {@link #start} fails and names the command to run. {@link #close()} stops the process and waits
 * for it to be gone.
 */
public final class NodePeer implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern READY = Pattern.compile("READY (\\d+)");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");

    private final Generation generation;
    private final Process process;
    private final int port;
    private final StringBuffer output;
    private final Thread[] readers;

    private NodePeer(Generation generation, Process process, int port, StringBuffer output, Thread[] readers) {
        this.generation = generation;
        this.process = process;
        this.port = port;
        this.output = output;
        this.readers = readers;
    }

    /** Starts the generation's peer on a port the OS picks and waits for it to be ready. */
    public static NodePeer start(Generation generation) {
        return start(generation, 0);
    }

    /**
     * Starts the generation's peer on the given loopback port (0: the OS picks a free one), e.g. to
     * restart a server where a client expects it; waits for it to be ready.
     */
    public static NodePeer start(Generation generation, int port) {
        return start(generation, nodeRoot(), port);
    }

    /** Starts {@code server.js} from {@code root/<generation folder>}; package-private for the harness's own tests. */
    static NodePeer start(Generation generation, Path root, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        Path dir = root.resolve(generation.folder()).toAbsolutePath().normalize();
        requireInstalled(generation, dir);
        ProcessBuilder pb = new ProcessBuilder("node", "server.js", Integer.toString(port)).directory(dir.toFile());
        // the peer exits when our end of its stdin closes: it never outlives this JVM, even if close() is never called
        pb.environment().put("RELAYKIT_PEER_EXIT_WITH_STDIN", "1");
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run `node server.js` in " + dir + " (is Node.js on the PATH?)", e);
        }
        StringBuffer output = new StringBuffer();
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread[] readers = {
            reader(process.getInputStream(), "", output, ready, generation),
            reader(process.getErrorStream(), "[stderr] ", output, null, generation)
        };
        NodePeer peer;
        try {
            int actual = ready.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            peer = new NodePeer(generation, process, actual, output, readers);
        } catch (TimeoutException | ExecutionException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            stop(process, readers);
            String why = e instanceof TimeoutException ? "did not print READY within " + READY_TIMEOUT.toSeconds() + " s"
                    : e instanceof InterruptedException ? "was interrupted while starting"
                    : "exited before READY (exit code " + exitCode(process) + ")";
            throw new IllegalStateException("socket.io " + generation.socketIoVersion() + " peer in " + dir + " " + why
                    + "; its output:\n" + output, e);
        }
        return peer;
    }

    /** The generation this peer runs. */
    public Generation generation() {
        return generation;
    }

    /** The loopback port it listens on. */
    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}: the base URL a client connects to (path {@code /socket.io}). */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Whether the Node process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The Node process's id. */
    public long pid() {
        return process.pid();
    }

    /** Everything the process printed so far (stderr lines prefixed {@code [stderr] }), for failure messages. */
    public String output() {
        return output.toString();
    }

    /** Stops the process and its descendants (closes its stdin, then SIGTERM, then SIGKILL) and waits until it is gone. */
    @Override
    public void close() {
        stop(process, readers);
    }

    @Override
    public String toString() {
        return "NodePeer[" + generation + " socket.io " + generation.socketIoVersion() + " at " + url()
                + (process.isAlive() ? "" : ", exited") + "]";
    }

    private static void stop(Process process, Thread[] readers) {
        try {
            process.getOutputStream().close();   // the contract: the peer exits when stdin closes
        } catch (IOException ignored) {
            // already closed
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            for (Thread t : readers) {
                t.join(EXIT_TIMEOUT.toMillis());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Thread reader(InputStream in, String prefix, StringBuffer output,
                                 CompletableFuture<Integer> ready, Generation generation) {
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
                // the process went away; what it printed is in output
            } finally {
                if (ready != null) {
                    ready.completeExceptionally(new IllegalStateException("stdout closed"));
                }
            }
        }, "node-peer-" + generation.folder() + (ready == null ? "-stderr" : "-stdout"));
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String exitCode(Process process) {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static void requireInstalled(Generation generation, Path dir) {
        if (!Files.isRegularFile(dir.resolve("server.js"))) {
            throw new IllegalStateException("no socket.io peer at " + dir + " (server.js missing)");
        }
        Path pkg = dir.resolve("node_modules/socket.io/package.json");
        String install = "run `npm ci --ignore-scripts --no-audit --no-fund` in " + dir
                + " (.ci/run installs every peer)";
        if (!Files.isRegularFile(pkg)) {
            throw new IllegalStateException("socket.io " + generation.socketIoVersion() + " peer is not installed: " + install);
        }
        String installed;
        try {
            Matcher m = VERSION.matcher(Files.readString(pkg));
            installed = m.find() ? m.group(1) : "unknown";
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + pkg + ": " + install, e);
        }
        if (!installed.equals(generation.socketIoVersion())) {
            throw new IllegalStateException("socket.io peer " + generation.folder() + " has socket.io " + installed
                    + " installed, expected " + generation.socketIoVersion() + ": " + install);
        }
    }

    /** {@code src/test/node} of the socketio module, from the module (Maven) or the repository root (IDE). */
    private static Path nodeRoot() {
        String configured = System.getProperty("relaykit.socketio.peers");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path candidate : new Path[] {Path.of("src/test/node"), Path.of("socketio/src/test/node")}) {
            if (Files.isDirectory(candidate.resolve(Generation.V4.folder()))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find socketio/src/test/node from " + Path.of("").toAbsolutePath()
                + "; run the tests from the socketio module or the repository root, or set -Drelaykit.socketio.peers=<dir>");
    }
}
