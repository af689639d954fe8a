package dev.relaykit.core.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.core.internal.OkHttpSupport;
import org.junit.jupiter.api.Test;

/** The tests of this package run on OkHttp 4.12 and again on OkHttp 5 (surefire execution okhttp5). */
class OkHttpLineTest {

    @Test
    void theseTestsRunOnTheOkHttpThisRunIsFor() throws Exception {
        String line = System.getProperty("relaykit.test.okhttp", "4");
        // read at run time: okhttp3.OkHttp.VERSION is a constant the compiler would inline as 4.12.0
        Object version = Class.forName("okhttp3.OkHttp").getField("VERSION").get(null);

        assertThat(version).asString().startsWith(line + ".");
        assertThat(OkHttpSupport.version()).isEqualTo(version);
        assertThat(getClass().getClassLoader().getResources("okhttp3/OkHttpClient.class").asIterator())
                .toIterable().hasSize(1);
    }
}
