package dev.relaykit.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretTest {
    @Test
    void neverPrintsItself() {
        Secret s = Secret.of("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j");
        assertThat(s.toString()).isEqualTo("Secret[***]");
        assertThat(String.valueOf(s)).doesNotContain("Nhq");
        assertThat("" + java.util.List.of(s)).isEqualTo("[Secret[***]]");
    }

    @Test
    void revealsOnlyOnRequestAndCopiesBytes() {
        Secret s = Secret.of("tökén");
        assertThat(s.reveal()).isEqualTo("tökén");
        byte[] b = s.bytes();
        assertThat(b).isEqualTo("tökén".getBytes(StandardCharsets.UTF_8));
        b[0] = 'X';
        assertThat(s.reveal()).isEqualTo("tökén");
        byte[] raw = {1, 2, 3};
        Secret bin = Secret.ofBytes(raw);
        raw[0] = 9;
        assertThat(bin.bytes()).containsExactly(1, 2, 3);
    }

    @Test
    void equalityIsIdentityAndMatchesComparesContent() {
        Secret a = Secret.of("same-value");
        Secret b = Secret.of("same-value");
        assertThat(a).isNotEqualTo(b);
        assertThat(a).isEqualTo(a);
        assertThat(a.matches(b)).isTrue();
        assertThat(a.matches(Secret.of("other-value"))).isFalse();
        assertThat(a.matches(null)).isFalse();
        assertThat(Secret.of("").isEmpty()).isTrue();
    }
}
