package dev.relaykit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.core.json.Json;
import org.junit.jupiter.api.Test;

/** Runs the benchmark body untimed, so that the benchmark cannot rot unnoticed. */
class WebhookBenchmarkTest {

    @Test
    void everyPostedDeliveryIsAcknowledgedAndReachesTheListener() throws Exception {
        WebhookBenchmark bench = new WebhookBenchmark();
        bench.start();
        WebhookBenchmark.Client client = new WebhookBenchmark.Client();
        try {
            client.connect(bench, 0);
            for (int i = 0; i < 300; i++) {
                assertThat(bench.deliveries(client)).isEqualTo(200);
            }
        } finally {
            client.disconnect();
            bench.stop(); // throws unless all 300 reached the listener
        }
        assertThat(bench.accepted.get()).isEqualTo(300);
        assertThat(bench.delivered.get()).isEqualTo(300);
        assertThat(Json.tree(WebhookBenchmark.delivery("1", "wamid.x", "t")).path("entry").path(0)
                .path("changes").path(0).path("value").path("messages").path(0).path("id").asText()).isEqualTo("wamid.x");
    }
}
