package dev.relaykit.pusher.server;

import dev.relaykit.core.rest.RequestSigner;
import dev.relaykit.core.rest.RestRequest;
import dev.relaykit.pusher.crypto.PusherSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * Signs HTTP API requests as the HTTP API reference's "Generating authentication signatures" says:
 * adds {@code auth_key}, {@code auth_timestamp} (seconds), {@code auth_version=1.0} and, for a
 * non-empty body, {@code body_md5} (hex MD5 of the body bytes), then {@code auth_signature}: the
 * hex HMAC-SHA256, with the app secret, of {@code METHOD\nPATH\nQUERY}, where QUERY is every
 * parameter but the signature, keys lower-cased, sorted by key, joined as {@code k=v} with
 * {@code &}, and <em>not</em> URL-escaped. Run by the RestClient once per attempt, so a retried
 * request gets a fresh timestamp.
 */
final class ApiSigner implements RequestSigner {
    static final String SIGNATURE = "auth_signature";

    private final PusherSigner signer;
    private final Clock clock;

    ApiSigner(PusherSigner signer, Clock clock) {
        this.signer = signer;
        this.clock = clock;
    }

    @Override
    public RestRequest sign(RestRequest request) {
        RestRequest.Builder b = request.toBuilder()
                .param("auth_key", signer.key())
                .param("auth_timestamp", clock.millis() / 1000)
                .param("auth_version", "1.0");
        String body = request.bodyString();
        if (!body.isEmpty()) {
            b.param("body_md5", DigestUtils.md5Hex(body.getBytes(StandardCharsets.UTF_8)));
        }
        RestRequest withAuth = b.build();
        return withAuth.toBuilder().param(SIGNATURE, signer.sign(stringToSign(withAuth))).build();
    }

    /** {@code METHOD\nPATH\nsorted unescaped query}, exactly what Pusher recomputes on its side. */
    static String stringToSign(RestRequest r) {
        List<RestRequest.Param> params = new ArrayList<>(r.queryParams());
        params.removeIf(p -> p.name().equalsIgnoreCase(SIGNATURE));
        String query = params.stream()
                .map(p -> new RestRequest.Param(p.name().toLowerCase(Locale.ROOT), p.value()))
                .sorted(Comparator.comparing(RestRequest.Param::name))
                .map(p -> p.name() + "=" + p.value())
                .collect(Collectors.joining("&"));
        return r.method() + "\n" + r.path() + "\n" + query;
    }

    @Override
    public Set<String> sensitiveNames() {
        return Set.of(SIGNATURE);
    }

    @Override
    public String toString() {
        return "Pusher ApiSigner[key=" + signer.key() + "]";
    }
}
