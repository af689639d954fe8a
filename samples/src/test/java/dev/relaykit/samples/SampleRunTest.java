package dev.relaykit.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The one-line failures of the samples: never {@code null: TimeoutException}. */
class SampleRunTest {

    @Test
    void aStepThatGetsNoAnswerSaysWhatItWaitedForAndHowLong() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SampleRun.await(out, "subscribing to BTCUSDT trades at ws://127.0.0.1:9",
                new CompletableFuture<Void>(), Duration.ofMillis(100)))
                .isInstanceOf(SampleRun.Failure.class)
                .hasMessage("subscribing to BTCUSDT trades at ws://127.0.0.1:9: no answer within 100 ms");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("subscribing to BTCUSDT trades at ws://127.0.0.1:9 ...\n");
    }

    @Test
    void aFailedStepNamesTheStepAndTheRootCause() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CompletableFuture<Void> failed = CompletableFuture.failedFuture(
                new IllegalStateException("handshake failed", new ConnectException("Connection refused")));
        assertThatThrownBy(() -> SampleRun.await(out, "opening a V3_V4 connection", failed, Duration.ofSeconds(1)))
                .hasMessage("opening a V3_V4 connection: IllegalStateException: handshake failed"
                        + " (ConnectException: Connection refused)");
    }

    @Test
    void describeLooksThroughWrappersAndNamesExceptionsWithoutAMessage() {
        assertThat(SampleRun.describe(new TimeoutException())).isEqualTo("timed out");
        assertThat(SampleRun.describe(new ExecutionException(new TimeoutException()))).isEqualTo("timed out");
        assertThat(SampleRun.describe(new NullPointerException())).isEqualTo("NullPointerException");
        assertThat(SampleRun.describe(new RuntimeException("two\nlines"))).isEqualTo("RuntimeException: two lines");
    }
}
