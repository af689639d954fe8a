package dev.relaykit.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private final Redactor r = Redactor.standard();

    @Test
    void scrubsQueryAndFormParameters() {
        assertThat(r.redact("https://api.binance.com/api/v3/order?symbol=LTCBTC&timestamp=1499827319559"
                + "&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71"))
                .isEqualTo("https://api.binance.com/api/v3/order?symbol=LTCBTC&timestamp=1499827319559&signature=***");
        assertThat(r.redact("apiKey=abcd&listenKey=pqrs1234&access_token=EAAG&TOKEN=x1&keep=1"))
                .isEqualTo("apiKey=***&listenKey=***&access_token=***&TOKEN=***&keep=1");
        // a name that merely ends in a sensitive word is kept
        assertThat(r.redact("mytoken=visible&resign=visible")).isEqualTo("mytoken=visible&resign=visible");
    }

    @Test
    void scrubsJsonFieldsAndHeaders() {
        assertThat(r.redact("{\"listenKey\":\"pqrsFxbpl\",\"n\":1,\"secret\": \"s3\\\"cr\",\"token\":12345}"))
                .isEqualTo("{\"listenKey\":\"***\",\"n\":1,\"secret\": \"***\",\"token\":\"***\"}");
        assertThat(r.redact("Authorization: Bearer EAAGm0PX4ZCps\nX-MBX-APIKEY: vmPUZE6mv9\nAccept: */*"))
                .isEqualTo("Authorization: ***\nX-MBX-APIKEY: ***\nAccept: */*");
    }

    @Test
    void scrubsBotTokensInPaths() {
        assertThat(r.redact("https://api.telegram.org/bot123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11/getMe"))
                .isEqualTo("https://api.telegram.org/bot***/getMe");
    }

    @Test
    void scrubsKnownValuesRawAndEncoded() {
        Redactor withValue = r.withValues(List.of("k+y/v=lue", "abc")); // "abc" too short to scrub
        assertThat(withValue.redact("echo k+y/v=lue and k%2By%2Fv%3Dlue abc"))
                .isEqualTo("echo *** and *** abc");
        assertThat(r.withNames(List.of("X-Custom-Key")).redact("x-custom-key=v&X-Custom-Key: w"))
                .isEqualTo("x-custom-key=***&X-Custom-Key: ***");
        assertThat(withValue.toString()).doesNotContain("k+y");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "GET /api/v3/klines?symbol=BTCUSDT&interval=1m -> 200";
        assertThat(r.redact(text)).isEqualTo(text);
        assertThat(r.redact(null)).isNull();
    }
}
