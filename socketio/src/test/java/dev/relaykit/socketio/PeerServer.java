package dev.relaykit.socketio;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs one real Node socket.io peer (socketio/src/test/node/<gen>/server.js) on a free loopback port. */
final class PeerServer implements AutoCloseable {
    private final Process process;
    private final int port;

    PeerServer(String gen) throws Exception {
        File dir = new File("src/test/node/" + gen);
        process = new ProcessBuilder("node", "server.js", "0").directory(dir)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("READY ")) {
                        ready.complete(Integer.parseInt(line.substring(6).trim()));
                    }
                }
                ready.completeExceptionally(new IllegalStateException("peer " + gen + " exited before READY"));
            } catch (Exception e) {
                ready.completeExceptionally(e);
            }
        }, "peer-" + gen);
        reader.setDaemon(true);
        reader.start();
        port = ready.get(30, TimeUnit.SECONDS);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
