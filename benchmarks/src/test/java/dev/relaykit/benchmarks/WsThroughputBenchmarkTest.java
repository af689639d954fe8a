package dev.relaykit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs each benchmark body once, untimed, so the benchmarks cannot rot unnoticed. */
class WsThroughputBenchmarkTest {

    @Test
    void bothClientsReceiveEveryFrameOfABatch() throws Exception {
        WsThroughputBenchmark b = new WsThroughputBenchmark();
        b.setUp();
        try {
            b.bareOkHttp();
            b.relayKitSession();
            b.relayKitSession();
        } finally {
            b.tearDown();
        }
        assertThat(BlastServer.PAYLOAD).hasSize(200);
    }
}
