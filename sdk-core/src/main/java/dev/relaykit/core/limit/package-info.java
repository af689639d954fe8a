/**
 * Local rate-limit budgets that also listen to the server: {@link dev.relaykit.core.limit.RateLimit}
 * describes one limit, {@link dev.relaykit.core.limit.RateLimiter} enforces a set of them.
 */
package dev.relaykit.core.limit;
