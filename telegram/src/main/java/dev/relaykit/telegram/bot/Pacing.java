package dev.relaykit.telegram.bot;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast the client sends, by Telegram's published limits (core.telegram.org/bots/faq, "My bot is
 * hitting limits"): about one message per second to one chat, 20 messages per minute to one group,
 * about 30 messages per second overall. A send waits for room (never longer than {@code maxWait};
 * past that it fails with a local {@link dev.relaykit.core.RateLimitedException}) instead of
 * drawing a 429 from Telegram.
 *
 * <p>Paced are the methods that post into a chat ({@code send*} except {@code sendChatAction},
 * which posts no message, {@code forwardMessage(s)}, {@code copyMessage(s)}) by their {@code chat_id}: a negative id (a group or channel) counts against
 * the group limit, a positive one (a private chat) against the per-chat limit, and all of them
 * against the overall limit. Other methods are not paced. The windows are sdk-core's
 * {@link dev.relaykit.core.limit.RateLimiter}'s: whole seconds and minutes of the clock, so "1 per
 * second" means at most one message to a chat in any one clock second (two may go a few milliseconds
 * apart across a second's boundary; three never go within one second).
 *
 * <pre>{@code
 * TelegramBot bot = TelegramBot.builder(Secret.of(System.getenv("TELEGRAM_BOT_TOKEN")))
 *         .pacing(Pacing.telegramDefaults())   // or Pacing.none(), or your own numbers
 *         .build();
 * }</pre>
 *
 * @param perChat messages per second to one private chat (0: unlimited)
 * @param perGroupPerMinute messages per minute to one group or channel (0: unlimited)
 * @param overallPerSecond messages per second in all (0: unlimited)
 * @param maxWait the longest a send waits for room
 */
public record Pacing(int perChat, int perGroupPerMinute, int overallPerSecond, Duration maxWait) {

    /**
     * @param perChat per private chat per second
     * @param perGroupPerMinute per group per minute
     * @param overallPerSecond overall per second
     * @param maxWait longest wait
     */
    public Pacing {
        Objects.requireNonNull(maxWait, "maxWait");
        if (perChat < 0 || perGroupPerMinute < 0 || overallPerSecond < 0 || maxWait.isNegative()) {
            throw new IllegalArgumentException("pacing limits and maxWait must not be negative");
        }
    }

    /** @return 1/s per chat, 20/min per group, 30/s overall, waiting up to 60 s */
    public static Pacing telegramDefaults() {
        return new Pacing(1, 20, 30, Duration.ofSeconds(60));
    }

    /** @return no pacing: every send goes at once (the default) */
    public static Pacing none() {
        return new Pacing(0, 0, 0, Duration.ZERO);
    }

    boolean isNone() {
        return perChat == 0 && perGroupPerMinute == 0 && overallPerSecond == 0;
    }
}
