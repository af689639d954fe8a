package dev.relaykit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs {@link PusherBenchmark} and {@link PusherCost} with little work, untimed, so they cannot rot unnoticed. */
class PusherBenchmarkTest {

    @Test
    void bothClientsReceiveEveryEventOfEveryBatch() throws Exception {
        PusherBenchmark b = new PusherBenchmark();
        b.setUp();
        try {
            for (int i = 0; i < 2; i++) {
                b.eventsRelayKit();   // each returns only once the listener saw all EVENTS, else throws
                b.eventsPusherJava();
            }
            assertThat(b.relayTotal.get()).isEqualTo(2L * PusherBenchmark.EVENTS);
            assertThat(b.javaTotal.get()).isEqualTo(2L * PusherBenchmark.EVENTS);
        } finally {
            b.tearDown();
        }
    }

    @Test
    void measuresCpuPerEventAndMemoryPerConnectionForBothClients() throws Exception {
        List<PusherCost.Cost> costs = PusherCost.cpu(1, 1);
        assertThat(costs).extracting(PusherCost.Cost::client).containsExactly("RelayKit", "pusher-java-client");
        assertThat(costs).allSatisfy(c -> {
            assertThat(c.events()).isEqualTo(PusherBenchmark.EVENTS);
            assertThat(c.toString()).contains("µs CPU/event");
        });
        List<PusherCost.Footprint> footprints = PusherCost.memory(3);
        assertThat(footprints).extracting(PusherCost.Footprint::client).containsExactly("RelayKit", "pusher-java-client");
        assertThat(footprints).allSatisfy(f -> assertThat(f.toString()).contains("KiB heap/connection"));
    }
}
