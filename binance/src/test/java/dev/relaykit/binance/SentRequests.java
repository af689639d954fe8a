package dev.relaykit.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.relaykit.testkit.FakeBinance;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** What reached the fake Binance, checked the same way by the tests of the signed endpoints. */
final class SentRequests {
    private static final List<String> SIGNATURE_PARAMS = List.of("timestamp", "recvWindow", "signature");

    private SentRequests() {
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    /** The one request the fake has received (since its last reset). */
    static LoggedRequest only(FakeBinance fake) {
        List<LoggedRequest> all = fake.rest().requests();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    /** Checks that the fake refused nothing and the request's method and path; returns its query, decoded, in order. */
    static Map<String, String> query(FakeBinance fake, LoggedRequest r, String method, String path) {
        assertThat(fake.rejectedRequests()).isEmpty();
        assertThat(r.getMethod().getName()).isEqualTo(method);
        assertThat(r.getUrl()).startsWith(path + "?");
        Map<String, String> params = new LinkedHashMap<>();
        for (String part : r.getUrl().substring(path.length() + 1).split("&")) {
            int eq = part.indexOf('=');
            params.put(part.substring(0, eq), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    /** {@link #query}, plus the API key header and the signature parameters, which are removed from the answer. */
    static Map<String, String> signedQuery(FakeBinance fake, LoggedRequest r, String method, String path,
                                           String apiKey) {
        Map<String, String> params = query(fake, r, method, path);
        assertThat(r.getHeader("X-MBX-APIKEY")).isEqualTo(apiKey);
        assertThat(params).containsKeys(SIGNATURE_PARAMS.toArray(String[]::new));
        params.keySet().removeAll(SIGNATURE_PARAMS);
        return params;
    }

    /** The call is refused with an {@link IllegalArgumentException} naming the problem, and nothing is sent. */
    static void rejectedLocally(FakeBinance fake, ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
        assertThat(fake.rest().requests()).isEmpty();
    }
}
