package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.RelayKitException;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.rest.ErrorParser;
import java.time.Instant;

/**
 * Reads the Bot API's error answer, {@code {"ok":false,"error_code":429,"description":"...",
 * "parameters":{"retry_after":5}}} (core.telegram.org/bots/api, "Making requests" and
 * "ResponseParameters"). The body arrives already redacted.
 */
final class BotErrors implements ErrorParser {

    @Override
    public RelayKitException parse(String service, int httpStatus, String body, Instant retryAt) {
        JsonNode n = null;
        if (body != null && !body.isBlank()) {
            try {
                n = Json.tree(body);
            } catch (RelayKitException notJson) {
                n = null;
            }
        }
        if (n == null || !n.isObject()) {
            String text = body == null || body.isBlank() ? null
                    : body.strip().length() > 200 ? body.strip().substring(0, 200) + "..." : body.strip();
            if (httpStatus == 429) {
                return new TelegramRateLimitedException(text, 1, retryAt != null ? retryAt : Instant.now().plusSeconds(1));
            }
            return httpStatus == 409 ? new TelegramConflictException(text)
                    : new TelegramApiException(httpStatus, httpStatus, text, null, null);
        }
        return fromBody(httpStatus, n, retryAt);
    }

    /** The exception for an {@code ok:false} body, whatever HTTP status carried it. */
    static RelayKitException fromBody(int httpStatus, JsonNode n, Instant retryAt) {
        int code = n.path("error_code").isNumber() ? n.path("error_code").asInt() : httpStatus;
        String description = n.path("description").isTextual() ? n.path("description").asText() : null;
        JsonNode params = n.path("parameters");
        Integer retryAfter = params.path("retry_after").isNumber() ? params.path("retry_after").asInt() : null;
        Long migrate = params.path("migrate_to_chat_id").isNumber() ? params.path("migrate_to_chat_id").asLong() : null;
        if (code == 429 || httpStatus == 429) {
            int seconds = retryAfter != null ? retryAfter : 1;
            // the body's retry_after is Telegram's word; a Retry-After header, if any, says the same
            Instant at = Instant.now().plusSeconds(seconds);
            return new TelegramRateLimitedException(description, seconds, at);
        }
        if (code == 409) {
            return new TelegramConflictException(description);
        }
        return new TelegramApiException(httpStatus, code, description, migrate, retryAfter);
    }
}
