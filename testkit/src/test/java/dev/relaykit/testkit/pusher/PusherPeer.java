package dev.relaykit.testkit.pusher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One run of {@code src/test/node/pusher/peer.js <mode>}: the official pusher-js client and {@code pusher} server
 * library pointed at a {@link PusherServer}. What they observed arrives as JSON lines ({@code {"t": ...}}), read
 * here. The process is limited to 30 s by the script itself, and {@link #close()} kills it and waits until it is gone.
 */
final class PusherPeer implements AutoCloseable {
    /** The master key the library encrypts with (32 bytes, base64); the server never needs it. */
    static final String MASTER_KEY = "MzItYnl0ZS1tYXN0ZXIta2V5LWZvci10aGUtdGVzdHM=";

    private final Process process;
    private final BlockingQueue<JsonNode> lines = new LinkedBlockingQueue<>();
    private final List<JsonNode> all = new CopyOnWriteArrayList<>();
    private final StringBuffer stderr = new StringBuffer();
    private final Thread[] readers;

    private PusherPeer(Process process) {
        this.process = process;
        this.readers = new Thread[] {
            reader("stdout", line -> {
                JsonNode node;
                try {
                    node = Json.tree(line);
                } catch (RuntimeException e) {
                    stderr.append("[stdout, not JSON] ").append(line).append('\n');
                    return;
                }
                all.add(node);
                lines.add(node);
            }, process.getInputStream()),
            reader("stderr", line -> stderr.append(line).append('\n'), process.getErrorStream())
        };
    }

    static PusherPeer run(String mode, PusherServer server) throws IOException {
        Path dir = nodeDir();
        if (!Files.isRegularFile(dir.resolve("node_modules/pusher-js/package.json"))) {
            throw new IllegalStateException("the Pusher peers are not installed: run " + dir.resolve("install-peers.sh")
                    + " (the testkit's Maven build does)");
        }
        String config = Json.write(java.util.Map.of("wsPort", server.wsPort(), "httpPort", server.httpPort(),
                "appId", server.appId(), "key", server.key(), "secret", PusherServerNodeTest.SECRET,
                "masterKey", MASTER_KEY));
        ProcessBuilder pb = new ProcessBuilder("node", "peer.js", mode).directory(dir.toFile());
        pb.environment().put("RELAYKIT_PUSHER", config);
        return new PusherPeer(pb.start());
    }

    /** Waits for the next line of type {@code t} (earlier lines of other types are kept in {@link #lines()}). */
    JsonNode await(String t, Duration timeout) throws InterruptedException {
        return await(n -> n.path("t").asText().equals(t), timeout, "a \"" + t + "\" line");
    }

    JsonNode await(Predicate<JsonNode> matches, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode next = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("peer.js did not print " + what + " within " + timeout.toMillis() + " ms; "
                        + describe());
            }
            if (next.path("t").asText().equals("failure")) {
                throw new AssertionError("peer.js failed: " + next.path("message").asText() + "; " + describe());
            }
            if (matches.test(next)) {
                return next;
            }
        }
    }

    /** Waits for {@code {"t":"done"}} and returns every line printed. */
    List<JsonNode> awaitDone(Duration timeout) throws InterruptedException {
        await("done", timeout);
        return lines();
    }

    /** @return every line printed so far */
    List<JsonNode> lines() {
        return List.copyOf(all);
    }

    /** @return the lines of type {@code t} printed so far */
    List<JsonNode> lines(String t) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : all) {
            if (n.path("t").asText().equals(t)) {
                out.add(n);
            }
        }
        return out;
    }

    void send(String command) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    String describe() {
        return "lines: " + all + "\nstderr: " + stderr;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close(); // the script exits when its stdin closes
        } catch (IOException ignored) {
            // already gone
        }
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        for (Thread t : readers) {
            t.join(5000);
        }
    }

    private static Thread reader(String name, java.util.function.Consumer<String> sink, java.io.InputStream in) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException ignored) {
                // the process went away
            }
        }, "pusher-peer-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** {@code src/test/node/pusher} of the testkit, from the module (Maven) or the repository root (IDE). */
    private static Path nodeDir() {
        for (Path candidate : new Path[] {Path.of("src/test/node/pusher"), Path.of("testkit/src/test/node/pusher")}) {
            if (Files.isRegularFile(candidate.resolve("peer.js"))) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException("cannot find testkit/src/test/node/pusher from " + Path.of("").toAbsolutePath());
    }
}
