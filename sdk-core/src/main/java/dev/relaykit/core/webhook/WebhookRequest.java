package dev.relaykit.core.webhook;

import java.io.InputStream;
import java.util.Objects;
import java.util.function.Function;

/**
 * One HTTP request as a {@link WebhookReceiver} sees it: method, path, query parameters, headers and
 * the raw body, with no dependency on a server API. Wrap your framework's request with
 * {@link #of(String, String, Function, Function, InputStream, long)}:
 *
 * <pre class="java-members">{@code
 * WebhookRequest wrap(jakarta.servlet.http.HttpServletRequest req) throws java.io.IOException {
 *     return WebhookRequest.of(req.getMethod(), req.getRequestURI(), req::getParameter,
 *             req::getHeader, req.getInputStream(), req.getContentLengthLong());
 * }
 * }</pre>
 *
 * <p>The body must be the exact bytes the sender sent (signatures are computed over them): hand
 * over the raw stream, never a body your framework has already parsed or re-encoded.
 */
public interface WebhookRequest {

    /** @return the HTTP method as sent, for example {@code POST} */
    String method();

    /** @return the decoded request path without the query, for example {@code /webhook}; may be empty */
    String path();

    /**
     * @param name the parameter name, for example {@code hub.challenge}
     * @return the first decoded value of this query parameter, or {@code null} if absent
     */
    String queryParameter(String name);

    /**
     * @param name the header name, matched case-insensitively
     * @return the first value of this header, or {@code null} if absent
     */
    String header(String name);

    /** @return the raw body; a receiver reads it (up to its own limit) and does not close it */
    InputStream body();

    /** @return the declared {@code Content-Length}, or {@code -1} if unknown (for example, chunked) */
    long contentLength();

    /**
     * A request made of lookups, for any HTTP stack.
     *
     * @param method the HTTP method
     * @param path the decoded path ({@code null} is taken as empty)
     * @param queryParameter looks up the first decoded value of a query parameter; {@code null} when absent
     * @param header looks up the first value of a header, case-insensitively; {@code null} when absent
     * @param body the raw body ({@code null} is taken as empty)
     * @param contentLength the declared length, or {@code -1} if unknown
     * @return the request
     */
    static WebhookRequest of(String method, String path, Function<String, String> queryParameter,
            Function<String, String> header, InputStream body, long contentLength) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(queryParameter, "queryParameter");
        Objects.requireNonNull(header, "header");
        String p = path == null ? "" : path;
        InputStream b = body == null ? InputStream.nullInputStream() : body;
        return new WebhookRequest() {
            @Override
            public String method() {
                return method;
            }

            @Override
            public String path() {
                return p;
            }

            @Override
            public String queryParameter(String name) {
                return queryParameter.apply(name);
            }

            @Override
            public String header(String name) {
                return header.apply(name);
            }

            @Override
            public InputStream body() {
                return b;
            }

            @Override
            public long contentLength() {
                return contentLength;
            }

            @Override
            public String toString() {
                return "WebhookRequest[" + method + " " + p + "]"; // never the query, headers or body
            }
        };
    }
}
