package dev.relaykit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the per-connection measurement once with a few connections, so it cannot rot unnoticed (no timing asserted). */
class SocketIoMemoryTest {

    @Test
    void bothClientsOpenEveryConnection() throws Exception {
        List<SocketIoMemory.Cost> costs = SocketIoMemory.measure(5);
        assertThat(costs).extracting(SocketIoMemory.Cost::client)
                .containsExactly("RelayKit", "socket.io-client 2.1.2");
        assertThat(costs).extracting(SocketIoMemory.Cost::connections).containsOnly(5);
    }
}
