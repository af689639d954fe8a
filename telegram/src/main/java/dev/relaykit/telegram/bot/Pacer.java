package dev.relaykit.telegram.bot;

import dev.relaykit.core.limit.RateLimit;
import dev.relaykit.core.limit.RateLimiter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies a {@link Pacing} with sdk-core's {@link RateLimiter}s: one overall, one per chat (kept
 * for the 10,000 most recently used chats, so a bot that writes to millions of users does not keep
 * a limiter for each).
 */
final class Pacer {
    private static final int MAX_CHATS = 10_000;

    private final Pacing pacing;
    private final RateLimiter overall;
    private final Map<String, RateLimiter> chats = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
            return size() > MAX_CHATS;
        }
    };

    Pacer(Pacing pacing) {
        this.pacing = pacing;
        this.overall = pacing.overallPerSecond() == 0 ? null : limiter("overall",
                RateLimit.requests(pacing.overallPerSecond(), Duration.ofSeconds(1)));
    }

    static boolean isPaced(String method) {
        // a chat action ("typing...") posts no message: pacing it would hold back the message it announces
        return (method.startsWith("send") && !method.equals("sendChatAction")) || method.startsWith("forwardMessage") || method.startsWith("copyMessage");
    }

    /** The limiters a send to {@code chatId} waits for, per chat first; empty when not paced. */
    RateLimiter[] limitersFor(String method, Object chatId) {
        if (pacing.isNone() || chatId == null || !isPaced(method)) {
            return new RateLimiter[0];
        }
        RateLimiter chat = chatLimiter(String.valueOf(chatId));
        if (chat == null) {
            return overall == null ? new RateLimiter[0] : new RateLimiter[] {overall};
        }
        return overall == null ? new RateLimiter[] {chat} : new RateLimiter[] {chat, overall};
    }

    private RateLimiter chatLimiter(String chatId) {
        boolean group = chatId.startsWith("-") || chatId.startsWith("@"); // @channelusername is a channel
        if (group ? pacing.perGroupPerMinute() == 0 : pacing.perChat() == 0) {
            return null;
        }
        synchronized (chats) {
            return chats.computeIfAbsent(chatId, id -> group
                    ? limiter("group " + id, RateLimit.requests(pacing.perGroupPerMinute(), Duration.ofMinutes(1)))
                    : limiter("chat " + id, RateLimit.requests(pacing.perChat(), Duration.ofSeconds(1))));
        }
    }

    private RateLimiter limiter(String name, RateLimit limit) {
        return RateLimiter.builder().limit(limit.named(name)).mode(RateLimiter.Mode.WAIT)
                .maxWait(pacing.maxWait()).build();
    }
}
