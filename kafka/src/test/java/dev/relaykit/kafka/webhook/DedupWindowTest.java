package dev.relaykit.kafka.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The window is the partition's last N records within a time span, whatever they were. */
class DedupWindowTest {

    @Test
    void anIdIsRecognisedWhileItIsAmongTheLastRecordsAndWithinTheTimeWindow() {
        DedupWindow w = new DedupWindow(3, 1_000);
        w.add("a", 0);
        assertThat(w.contains("a", 500)).isTrue();
        assertThat(w.contains("a", 1_000)).isTrue();
        assertThat(w.contains("a", 1_001)).as("older than the time window").isFalse();
        w.add("b", 10);
        w.add("c", 20);
        assertThat(w.contains("a", 30)).isTrue();
        w.add("d", 30);
        assertThat(w.contains("a", 40)).as("pushed out by three later records").isFalse();
        assertThat(w.size()).isEqualTo(3);
    }

    @Test
    void aRepeatedIdStaysWhileAnyOfItsRecordsIsInTheWindow() {
        DedupWindow w = new DedupWindow(2, 10_000);
        w.add("a", 0);
        w.add("a", 5); // a duplicate still counts as one of the last records
        w.add("b", 6);
        assertThat(w.contains("a", 7)).isTrue();
        w.add("c", 8);
        assertThat(w.contains("a", 9)).isFalse();
    }

    @Test
    void capacityZeroRemembersNothing() {
        DedupWindow w = new DedupWindow(0, 10_000);
        w.add("a", 0);
        assertThat(w.contains("a", 1)).isFalse();
    }
}
