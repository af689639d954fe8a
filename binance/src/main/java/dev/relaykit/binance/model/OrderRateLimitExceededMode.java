package dev.relaykit.binance.model;

/** What a cancel-replace does when the unfilled order count is exceeded. */
public enum OrderRateLimitExceededMode {
    /** Attempt the cancel only within the limit (default). */
    DO_NOTHING,
    /** Always cancel. */
    CANCEL_ONLY
}
