package dev.relaykit.core.rest;

import dev.relaykit.core.json.Json;
import dev.relaykit.core.secret.Redactor;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * One REST call, described: method, path, query parameters in order, an optional form or JSON
 * body, extra headers, how it is authenticated, whether it may be retried, and its weight.
 *
 * <p>Immutable. Parameters keep the order they were added in, and {@link #queryString()} and
 * {@link #bodyString()} are exactly the bytes that go on the wire, so a signature computed over
 * them matches what the server sees. Values are percent-encoded per RFC 3986 (only
 * {@code A-Z a-z 0-9 - _ . ~} stay as they are), in UTF-8.
 *
 * <p>The body is one of: none, a form ({@link Builder#formParam}), JSON ({@link Builder#jsonBody}) or
 * {@code multipart/form-data} parts ({@link Builder#part}, files streamed from disk). The path is
 * normally relative to the client's base URL; an absolute {@code http(s)} URL (a download link the
 * service handed out) is sent to as is, with the client's default headers.
 *
 * <p>An absolute URL may carry a query of its own. That query is part of what is sent and of what
 * is signed: {@link #queryString()} is the URL's own query (as OkHttp puts it on the wire) followed
 * by the parameters added with {@link Builder#param}, so a signer that signs {@code queryString()}
 * signs exactly the query the server receives. A relative path never carries a query (use
 * {@link Builder#param}).
 *
 * <pre>{@code
 * RestRequest order = RestRequest.post("/api/v3/order")
 *         .param("symbol", "BTCUSDT").param("side", "BUY").param("quantity", new BigDecimal("0.001"))
 *         .security(RestRequest.Security.SIGNED)
 *         .weight(1)
 *         .build();
 * }</pre>
 */
public final class RestRequest {

    /** How a request is authenticated; the client's {@link RequestSigner} acts on anything but NONE. */
    public enum Security {
        /** Public: sent as is. */
        NONE,
        /** Needs the API key (Binance's USER_STREAM endpoints) but no signature. */
        API_KEY,
        /** Needs the API key and a signature (Binance's TRADE and USER_DATA endpoints). */
        SIGNED
    }

    /**
     * One name/value parameter. {@code toString()} hides the value of a sensitive name.
     *
     * @param name the name
     * @param value the value, as text
     */
    public record Param(String name, String value) {
        /**
         * @param name the name, not {@code null}
         * @param value the value, not {@code null}
         */
        public Param {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return name + "=" + (Redactor.standard().isSensitive(name) ? Redactor.MASK : value);
        }
    }

    /**
     * One part of a {@code multipart/form-data} body: a text field, or a file streamed from disk
     * when the request is sent (never read into memory). {@code toString()} shows the name and
     * file name only.
     *
     * @param name the form field name
     * @param value the text value, or {@code null} for a file part
     * @param file the file, or {@code null} for a text part
     * @param filename the file name sent in {@code Content-Disposition}, or {@code null} for a text part
     * @param contentType the file part's {@code Content-Type}, or {@code null} for a text part
     */
    public record Part(String name, String value, Path file, String filename, String contentType) {
        /**
         * Validates the part.
         *
         * @param name the field name
         * @param value the text value (text part)
         * @param file the file (file part)
         * @param filename the file name (file part)
         * @param contentType the content type (file part)
         */
        public Part {
            Objects.requireNonNull(name, "name");
            if ((value == null) == (file == null)) {
                throw new IllegalArgumentException("a part has either a text value or a file: " + name);
            }
            if (file != null && (filename == null || contentType == null)) {
                throw new IllegalArgumentException("a file part needs a file name and a content type: " + name);
            }
        }

        /**
         * @param name the field name
         * @param value its text
         * @return a text part
         */
        public static Part text(String name, String value) {
            return new Part(name, Objects.requireNonNull(value, "value"), null, null, null);
        }

        /**
         * @param name the field name ({@code "file"})
         * @param file the file, streamed when the request is sent
         * @param filename the file name to send
         * @param contentType its MIME type ({@code "image/png"})
         * @return a file part
         */
        public static Part file(String name, Path file, String filename, String contentType) {
            return new Part(name, null, Objects.requireNonNull(file, "file"), filename, contentType);
        }

        @Override
        public String toString() {
            return file == null ? "Part[" + name + "]" : "Part[" + name + ", file " + filename + ", " + contentType + "]";
        }
    }

    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    private final String method;
    private final String path;
    private final String urlQuery;
    private final List<Param> urlQueryParams;
    private final List<Param> query;
    private final List<Param> form;
    private final String json;
    private final List<Part> parts;
    private final Map<String, String> headers;
    private final Security security;
    private final boolean idempotent;
    private final int weight;

    private RestRequest(Builder b) {
        this.method = b.method;
        this.path = b.path;
        this.urlQuery = b.urlQuery;
        this.urlQueryParams = b.urlQueryParams;
        this.query = List.copyOf(b.query);
        this.form = b.form == null ? null : List.copyOf(b.form);
        this.json = b.json;
        this.parts = b.parts == null ? null : List.copyOf(b.parts);
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.security = b.security;
        this.idempotent = b.idempotent != null ? b.idempotent : IDEMPOTENT_METHODS.contains(method);
        this.weight = b.weight;
    }

    /**
     * @param path the path below the client's base URL, starting with {@code /}, or an absolute
     *     {@code http(s)} URL
     * @return a builder for a GET
     */
    public static Builder get(String path) {
        return builder("GET", path);
    }

    /**
     * @param path the path below the client's base URL
     * @return a builder for a POST (not idempotent unless said so)
     */
    public static Builder post(String path) {
        return builder("POST", path);
    }

    /**
     * @param path the path below the client's base URL
     * @return a builder for a PUT
     */
    public static Builder put(String path) {
        return builder("PUT", path);
    }

    /**
     * @param path the path below the client's base URL
     * @return a builder for a DELETE
     */
    public static Builder delete(String path) {
        return builder("DELETE", path);
    }

    /**
     * @param method the HTTP method, any case
     * @param path the path below the client's base URL, starting with {@code /}, without a query;
     *     or an absolute {@code http(s)} URL, which may carry a query of its own
     * @return a builder
     */
    public static Builder builder(String method, String path) {
        return new Builder(method, path);
    }

    /** @return a builder holding this request's contents, to derive a changed copy */
    public Builder toBuilder() {
        Builder b = new Builder(method, path);
        b.query.addAll(query);
        b.form = form == null ? null : new ArrayList<>(form);
        b.json = json;
        b.parts = parts == null ? null : new ArrayList<>(parts);
        b.headers.putAll(headers);
        b.security = security;
        b.idempotent = idempotent;
        b.weight = weight;
        return b;
    }

    /** @return the HTTP method, upper case */
    public String method() {
        return method;
    }

    /** @return the path below the base URL, or the absolute URL (see {@link #isAbsoluteUrl()}) */
    public String path() {
        return path;
    }

    /** @return {@code true} if {@link #path()} is an absolute URL, sent to as is instead of below the base URL */
    public boolean isAbsoluteUrl() {
        return absolute(path);
    }

    private static boolean absolute(String path) {
        return path.startsWith("https://") || path.startsWith("http://");
    }

    /**
     * @return the query parameters added with {@link Builder#param}, in order; an absolute URL's own
     *     query is in {@link #urlQueryParams()}
     */
    public List<Param> queryParams() {
        return query;
    }

    /**
     * @return the parameters of an absolute URL's own query, decoded, in the order they are sent
     *     (before {@link #queryParams()}); empty for a relative path or a URL without a query
     */
    public List<Param> urlQueryParams() {
        return urlQueryParams;
    }

    /** @return the form body's parameters in order, or an empty list when the body is not a form */
    public List<Param> formParams() {
        return form == null ? List.of() : form;
    }

    /** @return {@code true} if the body is a form ({@code application/x-www-form-urlencoded}) */
    public boolean hasFormBody() {
        return form != null;
    }

    /** @return the multipart body's parts in order, or an empty list when the body is not multipart */
    public List<Part> parts() {
        return parts == null ? List.of() : parts;
    }

    /** @return {@code true} if the body is {@code multipart/form-data} */
    public boolean hasMultipartBody() {
        return parts != null;
    }

    /** @return the JSON body text, or {@code null} when the body is not JSON */
    public String jsonBody() {
        return json;
    }

    /** @return the request's own headers (the client adds its defaults) */
    public Map<String, String> headers() {
        return headers;
    }

    /** @return how the request is authenticated */
    public Security security() {
        return security;
    }

    /**
     * @return {@code true} if sending it twice does no harm, so the client may retry it; by default
     *     GET, HEAD, PUT, DELETE and OPTIONS are, POST and PATCH are not
     */
    public boolean idempotent() {
        return idempotent;
    }

    /** @return what the request costs against weight budgets */
    public int weight() {
        return weight;
    }

    /**
     * @return the query string exactly as sent, without {@code ?}: an absolute URL's own query
     *     first, then the {@link #queryParams()} percent-encoded, joined by {@code &}; empty when
     *     there is neither
     */
    public String queryString() {
        String params = encode(query);
        if (urlQuery.isEmpty()) {
            return params;
        }
        return params.isEmpty() ? urlQuery : urlQuery + "&" + params;
    }

    /**
     * @return the body exactly as sent: the percent-encoded form, the JSON text, or an empty string
     *     (also for a multipart body)
     */
    public String bodyString() {
        if (form != null) {
            return encode(form);
        }
        return json == null ? "" : json;
    }

    /**
     * @param name a parameter name
     * @return {@code true} if the query or the form body has a parameter of that name
     */
    public boolean hasParam(String name) {
        return query.stream().anyMatch(p -> p.name().equals(name))
                || urlQueryParams.stream().anyMatch(p -> p.name().equals(name))
                || formParams().stream().anyMatch(p -> p.name().equals(name));
    }

    /**
     * @param name the parameter name
     * @param value the value; see {@link Builder#param(String, Object)}
     * @return a copy with the parameter appended to the query
     */
    public RestRequest withQueryParam(String name, Object value) {
        return toBuilder().param(name, value).build();
    }

    /**
     * @param name the header name
     * @param value the header value
     * @return a copy with the header set
     */
    public RestRequest withHeader(String name, String value) {
        return toBuilder().header(name, value).build();
    }

    /**
     * Percent-encodes text per RFC 3986 in UTF-8: only {@code A-Z a-z 0-9 - _ . ~} stay as they are.
     *
     * @param text the text
     * @return the encoded text
     */
    public static String percentEncode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static String encode(List<Param> params) {
        StringBuilder sb = new StringBuilder();
        for (Param p : params) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(percentEncode(p.name())).append('=').append(percentEncode(p.value()));
        }
        return sb.toString();
    }

    /**
     * @return method, path and query with sensitive values hidden; header values and the body are
     *     never shown
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("RestRequest[").append(method).append(' ')
                .append(Redactor.standard().redact(path));
        if (!query.isEmpty()) {
            sb.append(urlQuery.isEmpty() ? '?' : '&').append(Redactor.standard().redact(encode(query)));
        }
        if (form != null) {
            sb.append(", form body ").append(form.size()).append(" params");
        } else if (json != null) {
            sb.append(", JSON body ").append(json.length()).append(" chars");
        } else if (parts != null) {
            sb.append(", multipart body ").append(parts.stream().map(Part::name).toList());
        }
        sb.append(", security=").append(security).append(", idempotent=").append(idempotent)
                .append(", weight=").append(weight);
        if (!headers.isEmpty()) {
            sb.append(", headers=").append(headers.keySet());
        }
        return sb.append(']').toString();
    }

    /** Builds a {@link RestRequest}. */
    public static final class Builder {
        private final String method;
        private final String path;
        private final String urlQuery;
        private final List<Param> urlQueryParams;
        private final List<Param> query = new ArrayList<>();
        private List<Param> form;
        private String json;
        private List<Part> parts;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Security security = Security.NONE;
        private Boolean idempotent;
        private int weight = 1;

        private Builder(String method, String path) {
            this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
            Objects.requireNonNull(path, "path");
            if (absolute(path)) {
                HttpUrl url;
                try {
                    URI uri = new URI(path);
                    if (uri.getHost() == null || uri.getFragment() != null) {
                        throw new IllegalArgumentException("not an absolute http(s) URL without a fragment");
                    }
                    url = HttpUrl.get(path);
                } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                    throw new IllegalArgumentException("not a valid absolute URL: " + Redactor.standard().redact(path));
                }
                // The URL's own query as OkHttp writes it on the wire (it re-encodes a few characters
                // such as ' on the way out): queryString() and so the signature use these exact bytes.
                String own = url.encodedQuery();
                this.urlQuery = own == null ? "" : own;
                List<Param> ownParams = new ArrayList<>();
                if (!urlQuery.isEmpty()) {
                    for (int i = 0; i < url.querySize(); i++) {
                        String value = url.queryParameterValue(i);
                        ownParams.add(new Param(url.queryParameterName(i), value == null ? "" : value));
                    }
                }
                this.urlQueryParams = List.copyOf(ownParams);
            } else {
                this.urlQuery = "";
                this.urlQueryParams = List.of();
                if (!path.startsWith("/")) {
                    throw new IllegalArgumentException("path must start with '/': " + path);
                }
                if (path.contains("?") || path.contains("#")) {
                    throw new IllegalArgumentException("put query parameters in param(), not in the path");
                }
            }
            this.path = path;
        }

        /**
         * Appends a query parameter. {@code BigDecimal} is written in plain notation, an enum as its
         * name, anything else with {@code String.valueOf}; a {@code null} value leaves the parameter
         * out, which suits optional parameters.
         *
         * @param name the name
         * @param value the value, or {@code null} to skip
         * @return this builder
         */
        public Builder param(String name, Object value) {
            if (value != null) {
                query.add(new Param(name, text(value)));
            }
            return this;
        }

        /**
         * Appends a parameter to a form body ({@code application/x-www-form-urlencoded}).
         *
         * @param name the name
         * @param value the value, or {@code null} to skip; written as in {@link #param(String, Object)}
         * @return this builder
         * @throws IllegalStateException if the request already has a JSON or multipart body
         */
        public Builder formParam(String name, Object value) {
            if (json != null || parts != null) {
                throw new IllegalStateException("a request has only one kind of body: form, JSON or multipart");
            }
            if (form == null) {
                form = new ArrayList<>();
            }
            if (value != null) {
                form.add(new Param(name, text(value)));
            }
            return this;
        }

        /**
         * Sets a JSON body, encoded with the shared mapper now. A {@code String} is encoded as a JSON
         * string; pass a {@code JsonNode}, a record or a map for an object.
         *
         * @param value the body
         * @return this builder
         * @throws IllegalStateException if the request already has a form or multipart body
         */
        public Builder jsonBody(Object value) {
            if (form != null || parts != null) {
                throw new IllegalStateException("a request has only one kind of body: form, JSON or multipart");
            }
            this.json = Json.write(Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Appends a part to a {@code multipart/form-data} body.
         *
         * @param part a text or file part
         * @return this builder
         * @throws IllegalStateException if the request already has a form or JSON body
         */
        public Builder part(Part part) {
            if (form != null || json != null) {
                throw new IllegalStateException("a request has only one kind of body: form, JSON or multipart");
            }
            if (parts == null) {
                parts = new ArrayList<>();
            }
            parts.add(Objects.requireNonNull(part, "part"));
            return this;
        }

        /**
         * @param name a header name
         * @param value its value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @param security how the request is authenticated; default {@link Security#NONE}
         * @return this builder
         */
        public Builder security(Security security) {
            this.security = Objects.requireNonNull(security, "security");
            return this;
        }

        /**
         * Shorthand for {@code security(Security.SIGNED)}.
         *
         * @return this builder
         */
        public Builder signed() {
            return security(Security.SIGNED);
        }

        /**
         * Says whether the request may be sent twice. Set {@code true} on a POST only if the service
         * deduplicates it (for example by a client order id); the client never retries a request
         * that is not idempotent.
         *
         * @param idempotent whether a retry is harmless
         * @return this builder
         */
        public Builder idempotent(boolean idempotent) {
            this.idempotent = idempotent;
            return this;
        }

        /**
         * @param weight what the request costs against weight budgets; default 1
         * @return this builder
         */
        public Builder weight(int weight) {
            if (weight < 0) {
                throw new IllegalArgumentException("weight must not be negative: " + weight);
            }
            this.weight = weight;
            return this;
        }

        /**
         * @return the request
         * @throws IllegalStateException if a GET or HEAD has a body
         */
        public RestRequest build() {
            if ((form != null || json != null || parts != null) && (method.equals("GET") || method.equals("HEAD"))) {
                throw new IllegalStateException(method + " cannot have a body");
            }
            return new RestRequest(this);
        }

        private static String text(Object value) {
            if (value instanceof BigDecimal bd) {
                return bd.toPlainString();
            }
            if (value instanceof Enum<?> e) {
                return e.name();
            }
            return String.valueOf(value);
        }
    }
}
