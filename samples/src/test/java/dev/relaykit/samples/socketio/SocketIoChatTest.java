package dev.relaykit.samples.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chat sample against the real socket.io servers the socketio module tests with (installed by
 * that module's build, which runs before this one): two users in one room hear each other.
 */
class SocketIoChatTest {

    @ParameterizedTest
    @ValueSource(strings = {"v4", "v2", "v09"})
    void twoUsersInARoomHearEachOther(String gen) throws Exception {
        Path server = Path.of("..", "socketio", "src", "test", "node", gen, "server.js").toAbsolutePath().normalize();
        assertThat(server.resolveSibling("node_modules")).as("run socketio/src/test/node/install-peers.sh").exists();
        ProcessBuilder pb = new ProcessBuilder("node", server.toString(), "0").redirectErrorStream(true);
        pb.environment().put("RELAYKIT_PEER_EXIT_WITH_STDIN", "1");   // it dies with this JVM
        Process node = pb.start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
            String ready = lines.readLine();
            assertThat(ready).startsWith("READY ");
            String url = "http://127.0.0.1:" + ready.substring(6).trim();
            ByteArrayOutputStream aliceOut = new ByteArrayOutputStream();
            ByteArrayOutputStream bobOut = new ByteArrayOutputStream();
            try (SocketIoChat.Chat alice = SocketIoChat.Chat.open(url, "lobby", "alice",
                    new PrintStream(aliceOut, true, StandardCharsets.UTF_8));
                 SocketIoChat.Chat bob = SocketIoChat.Chat.open(url, "lobby", "bob",
                         new PrintStream(bobOut, true, StandardCharsets.UTF_8))) {
                waitFor(() -> aliceOut.toString(StandardCharsets.UTF_8).contains("* joined lobby")
                        && bobOut.toString(StandardCharsets.UTF_8).contains("* joined lobby"));
                alice.say("hello from alice");
                waitFor(() -> bobOut.toString(StandardCharsets.UTF_8).contains("alice: hello from alice"));
                bob.say("hi alice");
                waitFor(() -> aliceOut.toString(StandardCharsets.UTF_8).contains("bob: hi alice"));
            }
        } finally {
            node.destroy();
            assertThat(node.waitFor(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.exists(server)).isTrue();
    }

    /**
     * The server a person starts with {@code ./relaykit socketio-server} keeps running when its stdin is at
     * end-of-file ({@code &}, nohup, {@code < /dev/null}); only the test harnesses ask it to exit with stdin.
     */
    @Test
    void theLaunchersServerKeepsRunningWithItsStdinClosedAndServesTheChat() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Process server = new ProcessBuilder("./relaykit", "socketio-server", "0", "v4").directory(root.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            assertThat(lines.readLine()).startsWith("socket.io v4 server on http://127.0.0.1:");
            String ready = lines.readLine();
            assertThat(ready).startsWith("READY ");
            // an exit (what the old server did when its stdin closed) ends this wait at once and fails
            assertThat(server.waitFor(1, java.util.concurrent.TimeUnit.SECONDS))
                    .as("the server exited when its stdin closed").isFalse();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (SocketIoChat.Chat chat = SocketIoChat.Chat.open("http://127.0.0.1:" + ready.substring(6).trim(), "lobby",
                    "carol", new PrintStream(out, true, StandardCharsets.UTF_8))) {
                waitFor(() -> out.toString(StandardCharsets.UTF_8).contains("* joined lobby on a socket.io V3_V4 server"));
            }
        } finally {
            server.destroy();
            assertThat(server.waitFor(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
