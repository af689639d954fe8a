package dev.relaykit.samples.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code ./relaykit kafka-feed} offline: a broker JVM, a feed JVM and two strategy JVMs, all on 127.0.0.1. */
class KafkaFeedSampleTest {

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void twoStrategyProcessesGetTheTradesOfTheirOverlappingStreamsInOrderThroughOneFeed() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long before = ProcessHandle.current().descendants().count();
        Map<String, List<String>> got = KafkaFeedSample.run(null, 6,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(got).containsOnlyKeys("alpha", "beta");
        // each strategy: exactly its streams, every trade once, in the order Binance played them (per stream)
        assertThat(perStream(got.get("alpha"), "btcusdt@trade")).isEqualTo(ids(6));
        assertThat(perStream(got.get("alpha"), "ethusdt@trade")).isEqualTo(ids(6));
        assertThat(perStream(got.get("beta"), "ethusdt@trade")).isEqualTo(ids(6));
        assertThat(perStream(got.get("beta"), "bnbusdt@trade")).isEqualTo(ids(6));
        assertThat(got.get("alpha")).hasSize(12).noneMatch(l -> l.startsWith("bnbusdt"));
        assertThat(got.get("beta")).hasSize(12).noneMatch(l -> l.startsWith("btcusdt"));

        assertThat(out).as("one feed subscribed the union of the wants at Binance, ETHUSDT once")
                .contains("streams [bnbusdt@trade, btcusdt@trade, ethusdt@trade]")
                .contains("[alpha] ethusdt@trade trade 1 at 3400.1", "[beta] ethusdt@trade trade 1 at 3400.1",
                        "both strategies got every trade of their streams");
        assertThat(out).doesNotContain("gap ");
        // the broker, feed and strategy JVMs are gone
        ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .forEach(p -> p.onExit().orTimeout(10, TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count())
                .isLessThanOrEqualTo(before);
    }

    private static List<Long> perStream(List<String> lines, String stream) {
        return lines.stream().filter(l -> l.startsWith(stream + " "))
                .map(l -> Long.parseLong(l.substring(stream.length() + 1))).toList();
    }

    private static List<Long> ids(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> (long) i).toList();
    }
}
