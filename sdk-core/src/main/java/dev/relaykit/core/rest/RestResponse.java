package dev.relaykit.core.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A successful (2xx) HTTP answer: status, headers and body text, for callers that need the
 * headers (rate-limit counters, pagination) or the raw body.
 *
 * @param status the HTTP status
 * @param headers the headers, names in lower case, values in order
 * @param body the body as text (UTF-8 unless the response says otherwise)
 */
public record RestResponse(int status, Map<String, List<String>> headers, String body) {

    /**
     * Copies the headers so the response stays immutable.
     *
     * @param status the HTTP status
     * @param headers the headers
     * @param body the body text
     */
    public RestResponse {
        headers = Map.copyOf(headers);
    }

    /**
     * @param name a header name, any case
     * @return the header's first value, or {@code null}
     */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * @return the body as a JSON tree
     * @throws dev.relaykit.core.DecodeException if the body is not JSON
     */
    public JsonNode json() {
        return Json.tree(body);
    }

    /** @return status, header count and body length; never the body, which may hold a listen key */
    @Override
    public String toString() {
        return "RestResponse[status=" + status + ", headers=" + headers.size() + ", body=" + body.length() + " chars]";
    }
}
