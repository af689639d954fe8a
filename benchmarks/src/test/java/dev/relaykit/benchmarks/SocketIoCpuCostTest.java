package dev.relaykit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs {@link SocketIoCpuCost} with little work, untimed, so the measurement cannot rot unnoticed. */
class SocketIoCpuCostTest {

    @Test
    void measuresEveryScenarioForEveryClient() throws Exception {
        List<SocketIoCpuCost.Cost> costs = SocketIoCpuCost.measure(1, 0.1);
        assertThat(costs).extracting(c -> c.scenario() + "/" + c.client()).containsExactly(
                "flood/RelayKit", "flood/io.socket client", "flood/bare OkHttp", "batched/RelayKit",
                "batched/io.socket client", "batched/bare OkHttp", "acks x64/RelayKit", "acks x64/io.socket client");
        assertThat(costs).allSatisfy(c -> {
            assertThat(c.messages()).isPositive();
            // process CPU time ticks in jiffies (10 ms): a bare client's few thousand events may read as zero
            assertThat(c.clientCpuSeconds()).isNotNegative();
            assertThat(c.toString()).contains("µs CPU/msg");
        });
        assertThat(costs.stream().mapToDouble(SocketIoCpuCost.Cost::clientCpuSeconds).sum()).isPositive();
    }
}
