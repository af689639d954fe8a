package dev.relaykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OkHttpSupportTest {

    /**
     * The build runs this module's tests twice: on OkHttp 4.12 (the default run) and on OkHttp 5 (the
     * {@code okhttp5} surefire execution sets {@code relaykit.test.okhttp} to 5). This is the proof that the
     * second run really has OkHttp 5, and only OkHttp 5, on its classpath.
     */
    @Test
    void theTestsRunOnTheOkHttpThisRunIsFor() {
        String line = System.getProperty("relaykit.test.okhttp", "4");

        assertThat(OkHttpSupport.version()).startsWith(line + ".");
        assertThat(OkHttpSupport.copiesOnClasspath()).hasSize(1);
        assertThat(OkHttpSupport.pingCountersAvailable()).isTrue();
    }

    @Test
    void supportedVersionsPass() {
        assertThat(OkHttpSupport.problem("4.12.0", null)).isNull();
        assertThat(OkHttpSupport.problem("5.0.0-alpha.14", null)).isNull();
        assertThat(OkHttpSupport.problem("5.5.1", null)).isNull();
    }

    @Test
    void anOlderOkHttpIsRefusedByNameWithTheSupportedVersions() {
        assertThat(OkHttpSupport.problem("4.10.0", "file:/m2/okhttp-4.10.0.jar"))
                .contains("OkHttp 4.10.0", "okhttp-4.10.0.jar", "OkHttp 4.12.x or 5.x", "okhttp-jvm");
        // OkHttp 3 has no okhttp3.OkHttp.VERSION
        assertThat(OkHttpSupport.problem(null, null)).contains("older than 4", "OkHttp 4.12.x or 5.x");
        assertThat(OkHttpSupport.problem("6.0.0", null)).contains("OkHttp 6.0.0");
    }
}
