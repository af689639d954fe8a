package dev.relaykit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the benchmark bodies untimed for every client, so that the benchmark cannot rot unnoticed. */
class TelegramBotBenchmarkTest {

    @ParameterizedTest
    @ValueSource(strings = {"relaykit", "pengrad", "telegrambots"})
    void everyClientReceivesAndDispatchesEveryUpdateOfEachBurst(String client) throws Exception {
        TelegramBotBenchmark bench = new TelegramBotBenchmark();
        bench.client = client;
        bench.start();
        try {
            for (int i = 0; i < 5; i++) {
                bench.burst();
            }
        } finally {
            bench.stop();
        }
        assertThat(bench.dispatched.get()).isEqualTo(5L * TelegramBotBenchmark.BURST);
    }
}
