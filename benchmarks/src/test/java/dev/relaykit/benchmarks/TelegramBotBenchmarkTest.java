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

    @ParameterizedTest
    @ValueSource(strings = {"relaykit", "pengrad", "telegrambots"})
    void everyWebhookDeliveryIsAcknowledgedAndReachesTheBotCode(String client) throws Exception {
        TelegramWebhookBenchmark bench = new TelegramWebhookBenchmark();
        bench.client = client;
        bench.start();
        TelegramWebhookBenchmark.Sender sender = new TelegramWebhookBenchmark.Sender();
        try {
            sender.connect(bench, 0);
            for (int i = 0; i < 300; i++) {
                assertThat(bench.deliveries(sender)).isEqualTo(200);
            }
        } finally {
            sender.disconnect();
            bench.stop(); // throws unless all 300 reached the bot code
        }
        assertThat(bench.delivered.get()).isEqualTo(300);
    }
}
