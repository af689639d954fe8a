package dev.relaykit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.relaykit.telegram.tdlib.FormattedText;
import org.junit.jupiter.api.Test;

/** Runs the TDLib benchmarks' bodies with little work, untimed, so that they cannot rot unnoticed. */
class TdBenchmarksTest {

    @Test
    void bothPathsDeliverEveryUpdateOfEveryBatch() throws Exception {
        TdUpdatesBenchmark b = new TdUpdatesBenchmark();
        b.setUp();
        try {
            for (int i = 0; i < 2; i++) {
                b.relayKitClient();     // each returns only once the listener saw all BATCH, else throws
                b.bareLoopSameThread();
            }
            assertThat(b.relayTotal.get()).isEqualTo(2L * TdUpdatesBenchmark.BATCH);
            assertThat(b.bareTotal.get()).isEqualTo(2L * TdUpdatesBenchmark.BATCH);
        } finally {
            b.tearDown();   // TdClient.close() returns only once the fake reported Closed
        }
    }

    @Test
    void everyExecutePathGetsTheSameAnswerFromTheRealLibtdjson() {
        String arch = System.getProperty("os.arch", "");
        assumeTrue(System.getProperty("os.name", "").startsWith("Linux") && (arch.equals("amd64") || arch.equals("x86_64")),
                "the prebuilt libtdjson the build installs exists for Linux x64 only");
        TdExecuteBenchmark b = new TdExecuteBenchmark();
        b.setUp();
        assertThat(b.rawVersion()).contains("\"value\":\"1.8.67\"");
        assertThat(b.directVersion()).isEqualTo(b.rawVersion());
        assertThat(b.rawJacksonVersion()).isEqualTo("1.8.67");
        assertThat(b.relayKitVersion()).isEqualTo("1.8.67");
        FormattedText expected = b.relayKitParse();
        assertThat(expected.text()).isEqualTo("Build 42 passed in 3 min, see the log");
        assertThat(expected.entities()).extracting(FormattedText.TextEntity::type)
                .containsExactly("Bold", "Italic", "TextUrl");
        assertThat(b.rawJacksonParse().text()).isEqualTo(expected.text());
        assertThat(b.rawParse()).contains("textEntityTypeTextUrl");
    }
}
