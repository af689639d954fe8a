package dev.relaykit.core.sign;

import dev.relaykit.core.rest.RequestSigner;
import dev.relaykit.core.rest.RestRequest;
import dev.relaykit.core.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Signs requests the way Binance (and exchanges modelled on it) expects.
 *
 * <p>For a {@link RestRequest.Security#SIGNED SIGNED} request it appends {@code recvWindow} (if
 * configured and not already given), then {@code timestamp} from its clock, then signs the exact
 * query string as sent followed by the body ({@code totalParams = query + body}) and appends the
 * result as {@code signature}. The query string is {@link RestRequest#queryString()}: an absolute
 * URL's own query, then the added parameters, in wire order, so every parameter that is sent is
 * signed. A signed request with a multipart body is refused ({@link IllegalArgumentException}):
 * its parts could not be covered by the signature. Every request that is not
 * {@link RestRequest.Security#NONE NONE} gets the API key header. Parameter and header names are
 * configurable.
 *
 * <p>Give it a {@link dev.relaykit.core.time.ServerClock} as its clock so timestamps follow the
 * server's time.
 *
 * <pre>{@code
 * ServerClock serverClock = ServerClock.create();   // measure() it against the server's time endpoint
 * RequestSigner signer = QuerySignatureSigner.builder(PayloadSigner.hmacSha256Hex(secret))
 *         .apiKey(Secret.of(apiKey))
 *         .clock(serverClock)
 *         .recvWindow(Duration.ofSeconds(5))
 *         .build();
 * }</pre>
 */
public final class QuerySignatureSigner implements RequestSigner {
    private final PayloadSigner payloadSigner;
    private final Secret apiKey;
    private final String apiKeyHeader;
    private final Clock clock;
    private final Duration recvWindow;
    private final String timestampParam;
    private final String recvWindowParam;
    private final String signatureParam;

    private QuerySignatureSigner(Builder b) {
        this.payloadSigner = b.payloadSigner;
        this.apiKey = b.apiKey;
        this.apiKeyHeader = b.apiKeyHeader;
        this.clock = b.clock;
        this.recvWindow = b.recvWindow;
        this.timestampParam = b.timestampParam;
        this.recvWindowParam = b.recvWindowParam;
        this.signatureParam = b.signatureParam;
    }

    /**
     * @param payloadSigner computes the signature over {@code query + body}
     * @return a builder
     */
    public static Builder builder(PayloadSigner payloadSigner) {
        return new Builder(payloadSigner);
    }

    @Override
    public RestRequest sign(RestRequest request) {
        if (request.security() == RestRequest.Security.NONE) {
            return request;
        }
        RestRequest.Builder b = request.toBuilder();
        if (apiKey != null) {
            b.header(apiKeyHeader, apiKey.reveal());
        }
        if (request.security() == RestRequest.Security.SIGNED) {
            if (request.hasMultipartBody()) {
                // the signature covers query + body text; multipart parts would go out unsigned
                throw new IllegalArgumentException(request.method() + " " + request.path()
                        + ": a signed request cannot have a multipart body (the signature covers the query"
                        + " string and a form or JSON body only)");
            }
            if (recvWindow != null && !request.hasParam(recvWindowParam)) {
                b.param(recvWindowParam, recvWindow.toMillis());
            }
            if (!request.hasParam(timestampParam)) {
                b.param(timestampParam, clock.millis());
            }
            RestRequest unsigned = b.build();
            String payload = unsigned.queryString() + unsigned.bodyString();
            b.param(signatureParam, payloadSigner.sign(payload.getBytes(StandardCharsets.UTF_8)));
        }
        return b.build();
    }

    @Override
    public Set<String> sensitiveNames() {
        return Set.of(apiKeyHeader, signatureParam);
    }

    /** @return the payload signer, API key header and parameter names; never the key */
    @Override
    public String toString() {
        return "QuerySignatureSigner[" + payloadSigner + ", apiKeyHeader=" + apiKeyHeader
                + (apiKey == null ? " (no key)" : "") + ", recvWindow="
                + (recvWindow == null ? "none" : recvWindow.toMillis() + "ms") + "]";
    }

    /** Builds a {@link QuerySignatureSigner}. */
    public static final class Builder {
        private final PayloadSigner payloadSigner;
        private Secret apiKey;
        private String apiKeyHeader = "X-MBX-APIKEY";
        private Clock clock = Clock.systemUTC();
        private Duration recvWindow;
        private String timestampParam = "timestamp";
        private String recvWindowParam = "recvWindow";
        private String signatureParam = "signature";

        private Builder(PayloadSigner payloadSigner) {
            this.payloadSigner = Objects.requireNonNull(payloadSigner, "payloadSigner");
        }

        /**
         * @param apiKey the API key sent in the API key header; none by default
         * @return this builder
         */
        public Builder apiKey(Secret apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * @param header the API key header's name; default {@code X-MBX-APIKEY}
         * @return this builder
         */
        public Builder apiKeyHeader(String header) {
            this.apiKeyHeader = Objects.requireNonNull(header, "header");
            return this;
        }

        /**
         * @param clock where timestamps come from; use a {@code ServerClock} to follow the server.
         *     Default: the system UTC clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param recvWindow the {@code recvWindow} to add to signed requests, or {@code null} for none
         *     (the server's default applies); default none
         * @return this builder
         */
        public Builder recvWindow(Duration recvWindow) {
            this.recvWindow = recvWindow;
            return this;
        }

        /**
         * @param timestamp the timestamp parameter's name; default {@code timestamp}
         * @param recvWindow the receive-window parameter's name; default {@code recvWindow}
         * @param signature the signature parameter's name; default {@code signature}
         * @return this builder
         */
        public Builder paramNames(String timestamp, String recvWindow, String signature) {
            this.timestampParam = Objects.requireNonNull(timestamp, "timestamp");
            this.recvWindowParam = Objects.requireNonNull(recvWindow, "recvWindow");
            this.signatureParam = Objects.requireNonNull(signature, "signature");
            return this;
        }

        /** @return the signer */
        public QuerySignatureSigner build() {
            return new QuerySignatureSigner(this);
        }
    }
}
