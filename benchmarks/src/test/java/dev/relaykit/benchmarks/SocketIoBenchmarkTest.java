package dev.relaykit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * Runs each {@link SocketIoBenchmark} body once, untimed, against the real socket.io 4.x Node server, so the
 * benchmarks cannot rot unnoticed. The server's npm dependencies are installed by the socketio module's build
 * (its install-peers.sh runs in process-test-resources), which the reactor builds before this module.
 */
class SocketIoBenchmarkTest {

    @Test
    void everyBenchmarkBodyGetsItsAcksAndTicks() throws Exception {
        SocketIoBenchmark b = new SocketIoBenchmark();
        b.setUp();
        try {
            assertThat(b.ackRelayKitSequential()).extracting(n -> n.get("symbol").asText()).containsExactly("BTCUSDT");
            Object[] javaAck = b.ackSocketIoJavaSequential();
            assertThat(javaAck).hasSize(1);
            assertThat(((JSONObject) javaAck[0]).getString("price")).isEqualTo("64123.50");
            b.ackRelayKitPipelined();
            b.ackSocketIoJavaPipelined();
            // each flood body waits until all FLOOD ticks arrived (or throws after 30 s); twice: the counter resets
            b.floodRelayKit();
            b.floodRelayKit();
            b.floodSocketIoJava();
            b.floodSocketIoJava();
            b.floodBatchedRelayKit();
            b.floodBatchedRelayKit();
            b.floodBatchedSocketIoJava();
            b.floodBatchedSocketIoJava();
            b.floodBareOkHttp();
            b.floodBatchedBareOkHttp();
        } finally {
            b.tearDown();
        }
    }
}
