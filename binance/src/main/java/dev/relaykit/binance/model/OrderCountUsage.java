package dev.relaykit.binance.model;

/**
 * The account's unfilled order count in one window ({@code GET /api/v3/rateLimit/order}).
 *
 * @param rateLimitType {@code ORDERS}
 * @param interval {@code SECOND}, {@code MINUTE}, {@code DAY}
 * @param intervalNum how many intervals the window spans
 * @param limit the limit
 * @param count the count used
 */
public record OrderCountUsage(String rateLimitType, String interval, Integer intervalNum, Long limit, Long count) {
}
