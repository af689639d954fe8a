package dev.relaykit.telegram.bot;

import dev.relaykit.core.ApiException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The Bot API answered {@code "ok": false}: its {@code error_code}, {@code description} and, where
 * Telegram sent them, the {@code parameters} of its ResponseParameters object
 * ({@code migrate_to_chat_id}, {@code retry_after}).
 *
 * <pre>{@code
 * try {
 *     bot.call("sendMessage", Map.of("chat_id", chatId, "text", "hi"));
 * } catch (TelegramApiException e) {
 *     if (e.migrateToChatId().isPresent()) {
 *         long supergroup = e.migrateToChatId().getAsLong(); // the group became a supergroup: send there
 *     }
 *     System.err.println(e.errorCode() + " " + e.description());
 * }
 * }</pre>
 */
public class TelegramApiException extends ApiException {
    private static final long serialVersionUID = 1L;

    private final int errorCode;
    private final String description;
    private final Long migrateToChatId;
    private final Integer retryAfterSeconds;

    /**
     * @param httpStatus the HTTP status of the answer
     * @param errorCode Telegram's {@code error_code} (the HTTP status when the body had none)
     * @param description Telegram's {@code description}, or {@code null}
     * @param migrateToChatId {@code parameters.migrate_to_chat_id}, or {@code null}
     * @param retryAfterSeconds {@code parameters.retry_after}, or {@code null}
     */
    public TelegramApiException(int httpStatus, int errorCode, String description, Long migrateToChatId,
                                Integer retryAfterSeconds) {
        super("telegram", httpStatus, Integer.toString(errorCode), description);
        this.errorCode = errorCode;
        this.description = description;
        this.migrateToChatId = migrateToChatId;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** @return Telegram's {@code error_code} (400, 401, 403, 404, 409, 429, ...) */
    public int errorCode() {
        return errorCode;
    }

    /** @return Telegram's {@code description} ("Bad Request: chat not found"), or {@code null} */
    public String description() {
        return description;
    }

    /** @return {@code parameters.migrate_to_chat_id}: the group moved to this supergroup */
    public OptionalLong migrateToChatId() {
        return migrateToChatId == null ? OptionalLong.empty() : OptionalLong.of(migrateToChatId);
    }

    /** @return {@code parameters.retry_after}: how long to wait before the request may be repeated */
    public Optional<Duration> retryAfter() {
        return retryAfterSeconds == null ? Optional.empty() : Optional.of(Duration.ofSeconds(retryAfterSeconds));
    }
}
