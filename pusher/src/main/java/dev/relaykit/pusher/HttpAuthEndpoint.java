package dev.relaykit.pusher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.ApiException;
import dev.relaykit.core.RelayKitException;
import dev.relaykit.core.rest.RestClient;
import dev.relaykit.core.rest.RestRequest;
import dev.relaykit.core.rest.RestResponse;
import dev.relaykit.core.rest.RetryPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Your backend's auth endpoint, asked the way pusher-js asks it: a form-encoded POST of
 * {@code socket_id} and {@code channel_name} (channel authorization) or {@code socket_id} alone (user
 * authentication), plus your extra parameters, with your headers. The answer is the JSON your backend's
 * Pusher library produces: {@code {"auth": ..., "channel_data"?: ..., "shared_secret"?: ...}} or
 * {@code {"auth": ..., "user_data": ...}}.
 *
 * <pre>{@code
 * var token = new java.util.concurrent.atomic.AtomicReference<>("t-1");   // renewed elsewhere
 * HttpAuthEndpoint endpoint = HttpAuthEndpoint.builder("https://app.example.com/pusher/auth")
 *     .header("X-App", "bot")
 *     .headers(() -> Map.of("Authorization", "Bearer " + token.get()))   // asked anew for every request
 *     .param("team", "blue")
 *     .build();
 * PusherClient client = PusherClient.builder("app-key").cluster("eu")
 *     .channelAuthorizer(ChannelAuthorizer.http(endpoint))
 *     .build();
 * }</pre>
 *
 * <p>Failures are an {@link AuthorizationException}: with the HTTP status when the endpoint answered
 * with an error (a 403 refusal), with status 0 when it could not be reached (the cause says why) or its
 * answer had no {@code auth}. Header values never appear in logs or messages. Requests are not retried:
 * a reconnect or your next subscribe asks again.
 */
public final class HttpAuthEndpoint {
    private final String url;
    private final List<String[]> headers;
    private final List<Supplier<Map<String, String>>> headerSuppliers;
    private final Map<String, String> params;
    private final RestClient rest;

    private HttpAuthEndpoint(Builder b) {
        this.url = b.url;
        this.headers = List.copyOf(b.headers);
        this.headerSuppliers = List.copyOf(b.headerSuppliers);
        this.params = Map.copyOf(b.params);
        RestClient.Builder rb = RestClient.builder().service("pusher auth endpoint").baseUrl(b.url)
                .retryPolicy(RetryPolicy.none());
        if (b.httpClient != null) {
            rb.httpClient(b.httpClient);
        }
        this.rest = rb.build();
    }

    /**
     * @param url the endpoint, {@code http://} or {@code https://}
     * @return a builder
     * @throws IllegalArgumentException if the URL is not http(s)
     */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    /** @return the endpoint URL */
    public String url() {
        return url;
    }

    /**
     * Posts the form and reads the JSON answer.
     *
     * @param form {@code socket_id} and, for channels, {@code channel_name}
     * @param channel the channel for error messages, or {@code null} for user authentication
     * @return the answer; fails with {@link AuthorizationException}
     */
    CompletableFuture<JsonNode> post(Map<String, String> form, String channel) {
        CompletableFuture<RestResponse> call;
        try {
            RestRequest.Builder rb = RestRequest.post(url).idempotent(false);
            form.forEach(rb::formParam);
            params.forEach(rb::formParam);
            headers.forEach(h -> rb.header(h[0], h[1]));
            for (Supplier<Map<String, String>> s : headerSuppliers) {
                Map<String, String> supplied = Objects.requireNonNull(s.get(), "a header supplier returned null");
                supplied.forEach(rb::header);
            }
            call = rest.exchangeAsync(rb.build());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new AuthorizationException(channel, 0,
                    what(channel) + ": the request could not be made (" + e.getClass().getSimpleName() + ")", e));
        }
        return call.handle((response, error) -> {
            if (error != null) {
                Throwable t = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                if (t instanceof ApiException api) {
                    throw new AuthorizationException(channel, api.httpStatus(), what(channel) + " refused: HTTP "
                            + api.httpStatus() + (api.serviceMessage() != null ? " " + api.serviceMessage() : ""), t);
                }
                throw new AuthorizationException(channel, 0, what(channel) + ": auth endpoint unreachable ("
                        + (t instanceof RelayKitException ? t.getMessage() : t.getClass().getSimpleName()) + ")", t);
            }
            JsonNode json;
            try {
                json = response.json();
            } catch (RuntimeException e) {
                throw new AuthorizationException(channel, response.status(), what(channel)
                        + ": the auth endpoint's answer is not JSON", e);
            }
            if (!json.path("auth").isTextual()) {
                throw new AuthorizationException(channel, response.status(), what(channel)
                        + ": the auth endpoint's answer has no \"auth\" string", null);
            }
            return json;
        });
    }

    private static String what(String channel) {
        return channel != null ? "authorization of " + channel : "user authentication";
    }

    @Override
    public String toString() {
        return "HttpAuthEndpoint[" + HttpUrl.parse(url).newBuilder().query(null).build() + "]";
    }

    /** Configures an {@link HttpAuthEndpoint}. */
    public static final class Builder {
        private final String url;
        private final List<String[]> headers = new ArrayList<>();
        private final List<Supplier<Map<String, String>>> headerSuppliers = new ArrayList<>();
        private final Map<String, String> params = new LinkedHashMap<>();
        private OkHttpClient httpClient;

        private Builder(String url) {
            Objects.requireNonNull(url, "url");
            if (HttpUrl.parse(url) == null) {
                throw new IllegalArgumentException("the auth endpoint must be an http:// or https:// URL");
            }
            this.url = url;
        }

        /**
         * @param name a header sent with every request
         * @param value its value (never logged)
         * @return this
         */
        public Builder header(String name, String value) {
            headers.add(new String[] {Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")});
            return this;
        }

        /**
         * Headers asked for anew before every request (a token that expires is fresh each time).
         *
         * @param supplier gives header names and values; called on the thread that starts the request
         * @return this
         */
        public Builder headers(Supplier<Map<String, String>> supplier) {
            headerSuppliers.add(Objects.requireNonNull(supplier, "supplier"));
            return this;
        }

        /**
         * @param name an extra form parameter sent with every request
         * @param value its value
         * @return this
         */
        public Builder param(String name, String value) {
            params.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @param client the OkHttp client to use (proxy, TLS, timeouts); default the SDK's shared one
         * @return this
         */
        public Builder httpClient(OkHttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /** @return the endpoint */
        public HttpAuthEndpoint build() {
            return new HttpAuthEndpoint(this);
        }
    }
}
