package dev.relaykit.core.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.ApiException;
import dev.relaykit.core.RateLimitedException;
import dev.relaykit.core.RelayKitException;
import dev.relaykit.core.json.Json;
import java.time.Instant;

/**
 * Turns a service's non-2xx answer into the exception the caller sees: an {@link ApiException}
 * with the service's own code and message, or a {@link RateLimitedException} for "slow down".
 *
 * <p>Each module plugs in its service's error shape; {@link #standard()} already reads the common
 * ones. The body it receives has already been redacted.
 */
@FunctionalInterface
public interface ErrorParser {

    /**
     * @param service the service's name, for messages
     * @param httpStatus the HTTP status (never 2xx)
     * @param body the response body, redacted; possibly empty
     * @param retryAt when the server's {@code Retry-After} says to try again, or {@code null}
     * @return the exception to throw: an {@link ApiException} or a {@link RateLimitedException}
     */
    RelayKitException parse(String service, int httpStatus, String body, Instant retryAt);

    /**
     * The default parser. Reads the code and message from the common JSON shapes: Binance's
     * {@code {"code":-1121,"msg":"..."}}, the Graph API's {@code {"error":{"code":..,"message":..}}},
     * the Bot API's {@code {"error_code":..,"description":..}} and plain {@code code}/{@code message};
     * a body that is not JSON becomes the message (first 200 characters). HTTP 429 and 418 become a
     * {@link RateLimitedException} retrying at {@code retryAt}, or one second from now without it.
     *
     * @return the default parser
     */
    static ErrorParser standard() {
        return (service, status, body, retryAt) -> {
            String code = null;
            String message = null;
            JsonNode n = null;
            if (body != null && !body.isBlank()) {
                try {
                    n = Json.tree(body);
                } catch (RelayKitException notJson) {
                    n = null;
                }
            }
            if (n != null && n.isObject()) {
                JsonNode err = n.path("error");
                JsonNode src = err.isObject() ? err : n;
                code = text(src, "code", "error_code");
                message = text(src, "msg", "message", "description", "error_description");
                if (message == null && err.isTextual()) {
                    message = err.asText();
                }
            }
            if (message == null && body != null && !body.isBlank()) {
                String b = body.strip();
                message = b.length() > 200 ? b.substring(0, 200) + "..." : b;
            }
            if (status == 429 || status == 418) {
                StringBuilder m = new StringBuilder(service).append(" rate limited (HTTP ").append(status).append(')');
                if (code != null) {
                    m.append(' ').append(code);
                }
                if (message != null) {
                    m.append(": ").append(message);
                }
                Instant at = retryAt != null ? retryAt : Instant.now().plusSeconds(1);
                return new RateLimitedException(m.toString(), at, status, false);
            }
            return new ApiException(service, status, code, message);
        };
    }

    private static String text(JsonNode node, String... fields) {
        for (String f : fields) {
            JsonNode v = node.get(f);
            if (v != null && !v.isNull() && !v.isContainerNode()) {
                return v.asText();
            }
        }
        return null;
    }
}
