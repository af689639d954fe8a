package dev.relaykit.telegram.bot;

import dev.relaykit.core.RateLimitedException;
import java.time.Instant;

/**
 * HTTP 429 "Too Many Requests: retry after N": Telegram refused the request without acting on it
 * and says in {@code parameters.retry_after} when it may be repeated. {@link #retryAt()} is that
 * moment. The client waits it out and repeats the request itself when the wait is within the
 * builder's {@link TelegramBot.Builder#maxRetryAfter(java.time.Duration) maxRetryAfter}; a longer
 * wait reaches the caller as this exception.
 *
 * <pre>{@code
 * try {
 *     bot.sendMessage(chatId, "hello");
 * } catch (TelegramRateLimitedException e) {
 *     System.err.println("Telegram asks to wait " + e.retryAfterSeconds() + " s");
 * }
 * }</pre>
 */
public final class TelegramRateLimitedException extends RateLimitedException {
    private static final long serialVersionUID = 1L;

    private final String description;
    private final int retryAfterSeconds;

    /**
     * @param description Telegram's description
     * @param retryAfterSeconds {@code parameters.retry_after}
     * @param retryAt when the request may be repeated
     */
    public TelegramRateLimitedException(String description, int retryAfterSeconds, Instant retryAt) {
        super("telegram error 429: " + description, retryAt, 429, false);
        this.description = description;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** @return always 429, Telegram's {@code error_code} */
    public int errorCode() {
        return 429;
    }

    /** @return Telegram's description ("Too Many Requests: retry after 5") */
    public String description() {
        return description;
    }

    /** @return {@code parameters.retry_after} in seconds */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
