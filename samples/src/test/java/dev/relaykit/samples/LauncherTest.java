package dev.relaykit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@code ./relaykit} launcher at the repository root: what it says for help and for a name it does
 * not know. Neither needs the samples jar, so these never start a build. (Running a sample through it is
 * what {@link LiveSampleFailureTest} does with the same mains, and {@code OfflineDemoTest} checks the
 * demo's output.)
 */
class LauncherTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> SAMPLES = List.of("demo", "binance-book", "binance-order", "binance-futures",
            "whatsapp-echo", "pusher", "kafka-feed", "tdlib",
            "socketio-server", "socketio-chat");

    /** What a finished process printed and returned. */
    record Ran(int exit, String out, String err) {
    }

    static Ran run(String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(args).directory(ROOT.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        File out = File.createTempFile("relaykit-out", ".txt");
        File err = File.createTempFile("relaykit-err", ".txt");
        try {
            Process p = pb.redirectOutput(out).redirectError(err).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", args) + " did not finish within 60 s");
            }
            return new Ran(p.exitValue(), java.nio.file.Files.readString(out.toPath()),
                    java.nio.file.Files.readString(err.toPath(), StandardCharsets.UTF_8));
        } finally {
            out.delete();
            err.delete();
        }
    }

    @Test
    void helpListsEverySampleAndExitsZero() throws Exception {
        Ran help = run("./relaykit", "help");
        assertThat(help.exit()).isZero();
        assertThat(help.err()).isEmpty();
        for (String sample : SAMPLES) {
            assertThat(help.out()).contains("\n  " + sample + " ");
        }
        assertThat(run("./relaykit").out()).as("no argument: the same help").isEqualTo(help.out());
    }

    @Test
    void anUnknownSampleIsOneLineOnStderrAndExitCodeTwo() throws Exception {
        long start = System.nanoTime();
        Ran ran = run("./relaykit", "binance-boook");
        assertThat(ran.exit()).isEqualTo(2);
        assertThat(ran.out()).isEmpty();
        assertThat(ran.err()).isEqualTo("relaykit: unknown sample 'binance-boook' (./relaykit help lists them)\n");
        // no build, no JVM: it answers at once
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
    }

    @Test
    void anUnknownSocketIoGenerationIsOneLine() throws Exception {
        Ran ran = run("./relaykit", "socketio-server", "3000", "v5");
        assertThat(ran.exit()).isEqualTo(1);
        assertThat(ran.err()).isEqualTo("relaykit: socketio-server: unknown generation 'v5' (v09, v1, v2, v3 or v4)\n");
    }
}
