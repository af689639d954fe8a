package dev.relaykit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.kafkabroker.KafkaTestBroker;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs {@link KafkaThroughput} with little work, untimed, so it cannot rot unnoticed. */
class KafkaThroughputTest {

    @Test
    @Timeout(300)
    void bothPathsDeliverEveryEventAtOneAndThreePartitions() throws Exception {
        try (KafkaTestBroker broker = KafkaTestBroker.start()) {
            List<KafkaThroughput.Result> results = KafkaThroughput.run(broker, 1, 2_000, 200);
            // each run returns only once the listener saw every event, else throws
            assertThat(results).extracting(KafkaThroughput.Result::path)
                    .containsExactly("RelayKit", "plain", "plain+hdr", "RelayKit", "plain", "plain+hdr");
            assertThat(results).extracting(KafkaThroughput.Result::partitions).containsExactly(1, 1, 1, 3, 3, 3);
            assertThat(results).allSatisfy(r -> assertThat(r.perSecond()).isPositive());
        }
    }
}
