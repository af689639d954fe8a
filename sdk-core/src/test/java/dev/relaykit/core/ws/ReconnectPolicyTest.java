package dev.relaykit.core.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {

    @Test
    void exponentialDoublesUpToTheCap() {
        ReconnectPolicy p = ReconnectPolicy.exponential(Duration.ofMillis(100), Duration.ofSeconds(1));
        assertThat(p.baseDelay(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(p.baseDelay(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(p.baseDelay(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(p.baseDelay(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.baseDelay(500)).isEqualTo(Duration.ofSeconds(1)); // no overflow
        assertThat(p.withMultiplier(3).baseDelay(3)).isEqualTo(Duration.ofMillis(900));
    }

    @Test
    void linearAddsTheStepUpToTheCap() {
        ReconnectPolicy p = ReconnectPolicy.linear(Duration.ofMillis(50), Duration.ofMillis(25), Duration.ofMillis(120));
        assertThat(p.baseDelay(1)).isEqualTo(Duration.ofMillis(50));
        assertThat(p.baseDelay(3)).isEqualTo(Duration.ofMillis(100));
        assertThat(p.baseDelay(4)).isEqualTo(Duration.ofMillis(120));
    }

    @Test
    void jitterStaysWithinItsFractionAndUnderTheCap() {
        ReconnectPolicy p = ReconnectPolicy.exponential(Duration.ofMillis(1000), Duration.ofMillis(1500)).withJitter(0.2);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 5000; i++) {
            long d = p.delay(1).toMillis();
            min = Math.min(min, d);
            max = Math.max(max, d);
            assertThat(p.delay(2).toMillis()).isBetween(1200L, 1500L); // 2000 capped to 1500, then -20% .. cap
        }
        assertThat(min).isBetween(800L, 850L);
        assertThat(max).isBetween(1150L, 1200L);
    }

    @Test
    void attemptsAreLimitedOrExplicitlyUnlimited() {
        ReconnectPolicy limited = ReconnectPolicy.defaults().withMaxAttempts(3);
        assertThat(limited.allows(3)).isTrue();
        assertThat(limited.allows(4)).isFalse();
        assertThat(limited.maxAttempts()).hasValue(3);
        ReconnectPolicy unlimited = limited.withUnlimitedAttempts();
        assertThat(unlimited.allows(1_000_000)).isTrue();
        assertThat(unlimited.maxAttempts()).isEmpty();
        assertThat(ReconnectPolicy.none().allows(1)).isFalse();
    }

    @Test
    void badSettingsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> ReconnectPolicy.defaults().withMaxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("withUnlimitedAttempts()");
        assertThatThrownBy(() -> ReconnectPolicy.exponential(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .hasMessageContaining("maxDelay (PT1S) is below initialDelay (PT5S)");
        assertThatThrownBy(() -> ReconnectPolicy.defaults().withJitter(1.5)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> ReconnectPolicy.linear(Duration.ZERO, Duration.ofMillis(-1), Duration.ZERO))
                .hasMessageContaining("step must not be negative");
    }
}
