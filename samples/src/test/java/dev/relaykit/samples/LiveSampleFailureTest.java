package dev.relaykit.samples;

import dev.relaykit.testkit.Loopback;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A live sample that cannot reach its server says what it was doing and why it failed, in one line, and
 * exits non-zero at once: each main runs in its own JVM (as {@code ./relaykit} runs it) against a
 * 127.0.0.1 port nothing listens on.
 */
class LiveSampleFailureTest {

    private record Ran(int exit, String out, String err, long millis) {
    }

    private static Ran runMain(String mainClass, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().keySet().removeIf(k -> k.startsWith("BINANCE_") || k.startsWith("WHATSAPP_")
                || k.equals("RELAYKIT_DEBUG"));
        pb.environment().putAll(env);
        File out = File.createTempFile("sample-out", ".txt");
        File err = File.createTempFile("sample-err", ".txt");
        try {
            long start = System.nanoTime();
            Process p = pb.redirectOutput(out).redirectError(err).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError(mainClass + " still running after 60 s");
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            return new Ran(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                    Files.readString(err.toPath(), StandardCharsets.UTF_8), millis);
        } finally {
            out.delete();
            err.delete();
        }
    }

    @Test
    void theOrderBookSampleSaysItIsConnectingAndWhyItFailed() throws Exception {
        int port = Loopback.refusedPort();
        String url = "http://127.0.0.1:" + port;
        Ran ran = runMain("dev.relaykit.samples.binance.LiveOrderBook", Map.of("BINANCE_ENV", "custom",
                "BINANCE_REST_URL", url, "BINANCE_STREAM_URL", "ws://127.0.0.1:" + port));
        assertThat(ran.exit()).isEqualTo(1);
        assertThat(ran.out()).isEqualTo("connecting to Binance custom at " + url + " ...\n");
        assertThat(ran.err().lines()).singleElement().asString()
                .startsWith("binance-book failed: connecting to Binance custom at " + url + ": ")
                .contains("Failed to connect to /127.0.0.1:" + port);
        assertThat(ran.millis()).isLessThan(10_000);
    }

    @Test
    void theOrderSampleSaysItIsConnectingAndWhyItFailed() throws Exception {
        int port = Loopback.refusedPort();
        String url = "http://127.0.0.1:" + port;
        Ran ran = runMain("dev.relaykit.samples.binance.PlaceAndCancelOrder", Map.of("BINANCE_ENV", "custom",
                "BINANCE_REST_URL", url, "BINANCE_STREAM_URL", "ws://127.0.0.1:" + port,
                "BINANCE_API_KEY", "k", "BINANCE_SECRET_KEY", "s"));
        assertThat(ran.exit()).isEqualTo(1);
        assertThat(ran.out()).isEqualTo("connecting to Binance custom at " + url + " ...\n");
        assertThat(ran.err().lines()).singleElement().asString()
                .startsWith("binance-order failed: connecting to Binance custom at " + url + ": ")
                .contains("Failed to connect to /127.0.0.1:" + port);
        assertThat(ran.err()).doesNotContain("secret", "BINANCE_SECRET_KEY");
        assertThat(ran.millis()).isLessThan(10_000);
    }

    @Test
    void theOrderSampleWithoutAKeyNamesWhatToSet() throws Exception {
        Ran ran = runMain("dev.relaykit.samples.binance.PlaceAndCancelOrder", Map.of("BINANCE_ENV", "testnet"));
        assertThat(ran.exit()).isEqualTo(1);
        assertThat(ran.err()).isEqualTo("binance-order failed: IllegalArgumentException: set BINANCE_API_KEY and"
                + " BINANCE_SECRET_KEY (or BINANCE_PRIVATE_KEY_FILE) to run against Binance, or BINANCE_ENV=offline\n");
    }

    @Test
    void theFuturesSampleWithoutAKeyNamesWhatToSet() throws Exception {
        Ran ran = runMain("dev.relaykit.samples.binance.FuturesBot", Map.of("BINANCE_FUTURES_ENV", "testnet"));
        assertThat(ran.exit()).isEqualTo(1);
        assertThat(ran.err()).startsWith("binance-futures failed: IllegalArgumentException: set BINANCE_API_KEY and"
                + " BINANCE_SECRET_KEY").contains("or BINANCE_FUTURES_ENV=offline").doesNotContain("BINANCE_ENV=");
    }

    @Test
    void theChatSampleSaysItIsConnectingAndWhyItFailed() throws Exception {
        int port = Loopback.refusedPort();
        String url = "http://127.0.0.1:" + port;
        Ran ran = runMain("dev.relaykit.samples.socketio.SocketIoChat", Map.of(), url, "lobby", "dave");
        assertThat(ran.exit()).isEqualTo(1);
        assertThat(ran.out()).isEqualTo("connecting to the socket.io server at " + url + " ...\n");
        assertThat(ran.err().lines()).singleElement().asString()
                .startsWith("socketio-chat failed: connecting to the socket.io server at " + url + ": ")
                .contains("Failed to connect to /127.0.0.1:" + port);
        assertThat(ran.millis()).isLessThan(10_000);
    }
}
