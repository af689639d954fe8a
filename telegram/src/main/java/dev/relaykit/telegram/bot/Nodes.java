package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * Reads optional fields of a Bot API object leniently: a field that is missing or of another type
 * reads as {@code null} (or 0), never as a failure, so an object from a newer API version decodes.
 */
final class Nodes {
    private Nodes() {
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    static Long longOrNull(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isIntegralNumber() ? v.asLong() : null;
    }

    static Integer intOrNull(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isIntegralNumber() ? v.asInt() : null;
    }

    static boolean flag(JsonNode n, String field) {
        return n.path(field).asBoolean(false);
    }

    /** A Unix time in seconds ({@code date}, {@code until_date}); {@code null} if absent or 0 ("forever"). */
    static Instant time(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isIntegralNumber() && v.asLong() != 0 ? Instant.ofEpochSecond(v.asLong()) : null;
    }

    static BotUser user(JsonNode n) {
        if (!n.isObject()) {
            return null;
        }
        return new BotUser(n.path("id").asLong(), flag(n, "is_bot"), text(n, "first_name"), text(n, "last_name"),
                text(n, "username"), text(n, "language_code"));
    }
}
