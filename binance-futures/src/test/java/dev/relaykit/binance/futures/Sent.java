package dev.relaykit.binance.futures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.relaykit.binance.BinanceKey;
import dev.relaykit.testkit.FakeBinanceFutures;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** A fake futures Binance with clients on it, and what reached it. */
final class Sent implements AutoCloseable {
    static final String KEY = "futures-key";
    static final String SECRET = "futures-secret";
    private static final List<String> SIGNATURE_PARAMS = List.of("timestamp", "recvWindow", "signature");

    final FakeBinanceFutures fake = FakeBinanceFutures.start().acceptHmacKey(KEY, SECRET);
    final UsdmFutures usdm = UsdmFutures.builder()
            .environment(FuturesEnvironment.custom(FuturesProduct.USD_M, fake.restBaseUrl(), "ws://127.0.0.1:1",
                    "ws://127.0.0.1:1"))
            .key(BinanceKey.hmac(KEY, SECRET)).build();
    final CoinmFutures coinm = CoinmFutures.builder()
            .environment(FuturesEnvironment.custom(FuturesProduct.COIN_M, fake.restBaseUrl(), "ws://127.0.0.1:1",
                    "ws://127.0.0.1:1"))
            .key(BinanceKey.hmac(KEY, SECRET)).build();

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    /** The one request the fake received since the last reset. */
    LoggedRequest only() {
        List<LoggedRequest> all = fake.rest().requests();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    /** The last request's parameters (query or form), decoded, in order; checks method and path and that nothing was refused. */
    Map<String, String> last(String method, String path) {
        assertThat(fake.rejectedRequests()).isEmpty();
        List<LoggedRequest> all = fake.rest().requests();
        assertThat(all).isNotEmpty();
        LoggedRequest r = all.get(all.size() - 1);
        assertThat(r.getMethod().getName() + " " + r.getUrl().split("\\?", 2)[0]).isEqualTo(method + " " + path);
        Map<String, String> params = new LinkedHashMap<>();
        String query = r.getUrl().contains("?") ? r.getUrl().split("\\?", 2)[1] : "";
        String body = r.getBodyAsString() == null ? "" : r.getBodyAsString();
        for (String part : (query + "&" + body).split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            params.put(part.substring(0, eq), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    /** {@link #last}, checking the key header and signature parameters, which are removed. */
    Map<String, String> signed(String method, String path) {
        Map<String, String> params = last(method, path);
        LoggedRequest r = fake.rest().requests().get(fake.rest().requests().size() - 1);
        assertThat(r.getHeader("X-MBX-APIKEY")).isEqualTo(KEY);
        assertThat(params).containsKeys(SIGNATURE_PARAMS.toArray(String[]::new));
        params.keySet().removeAll(SIGNATURE_PARAMS);
        return params;
    }

    void reset() {
        fake.rest().wireMock().resetRequests();
    }

    /** The call is refused locally with a message naming the problem, and nothing reaches Binance. */
    void rejectedLocally(ThrowingCallable call, String message) {
        reset();
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
        assertThat(fake.rest().requests()).isEmpty();
    }

    @Override
    public void close() {
        usdm.close();
        coinm.close();
        fake.close();
    }
}
