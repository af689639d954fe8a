package dev.relaykit.testkit.pusher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import dev.relaykit.testsupport.LineProcess;
import java.io.IOException;
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

    private final LineProcess process;
    private final BlockingQueue<JsonNode> lines = new LinkedBlockingQueue<>();
    private final List<JsonNode> all = new CopyOnWriteArrayList<>();

    private PusherPeer(ProcessBuilder command) throws IOException {
        this.process = LineProcess.start(command, "pusher-peer", this::onLine);
    }

    private void onLine(String line) {
        JsonNode node;
        try {
            node = Json.tree(line);
        } catch (RuntimeException e) {
            process.note("[stdout, not JSON] " + line);
            return;
        }
        all.add(node);
        lines.add(node);
    }

    static PusherPeer run(String mode, PusherServer server) throws IOException {
        // the testkit's node directory, from the module (Maven) or the repository root (IDE)
        Path dir = LineProcess.findDir("peer.js", "src/test/node/pusher", "testkit/src/test/node/pusher");
        if (!Files.isRegularFile(dir.resolve("node_modules/pusher-js/package.json"))) {
            throw new IllegalStateException("the Pusher peers are not installed: run " + dir.resolve("install-peers.sh")
                    + " (the testkit's Maven build does)");
        }
        String config = Json.write(java.util.Map.of("wsPort", server.wsPort(), "httpPort", server.httpPort(),
                "appId", server.appId(), "key", server.key(), "secret", PusherServerNodeTest.SECRET,
                "masterKey", MASTER_KEY));
        ProcessBuilder pb = new ProcessBuilder("node", "peer.js", mode).directory(dir.toFile());
        pb.environment().put("RELAYKIT_PUSHER", config);
        return new PusherPeer(pb);
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
        process.send(command);
    }

    String describe() {
        return "lines: " + all + "\nstderr: " + process.stderr();
    }

    @Override
    public void close() throws InterruptedException {
        process.close(); // the script exits when its stdin closes
    }
}
