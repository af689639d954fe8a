package dev.relaykit.samples.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void drawsTheShareDoneThePercentAndBothSizesInOneUnit() {
        assertThat(ProgressBar.render(0, 3_000_000, 20)).isEqualTo("[--------------------]   0%  0.0 / 2.9 MiB");
        assertThat(ProgressBar.render(1_500_000, 3_000_000, 20)).isEqualTo("[##########----------]  50%  1.4 / 2.9 MiB");
        assertThat(ProgressBar.render(3_000_000, 3_000_000, 20)).isEqualTo("[####################] 100%  2.9 / 2.9 MiB");
        assertThat(ProgressBar.render(512, 1000, 10)).isEqualTo("[#####-----]  51%  512 / 1000 B");
    }

    @Test
    void neverOverflowsOrGoesNegativeAndSaysWhenTheSizeIsUnknown() {
        assertThat(ProgressBar.render(5_000, 3_000, 10)).isEqualTo("[##########] 100%  2.9 / 2.9 KiB");
        assertThat(ProgressBar.render(-1, 3_000, 10)).isEqualTo("[----------]   0%  0.0 / 2.9 KiB");
        assertThat(ProgressBar.render(2_048, 0, 10)).isEqualTo("[??????????]  2.0 KiB");
    }
}
