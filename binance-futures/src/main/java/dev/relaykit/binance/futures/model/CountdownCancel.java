package dev.relaykit.binance.futures.model;


/**
 * The answer to an auto-cancel countdown ({@code POST /fapi/v1/countdownCancelAll}).
 *
 * @param symbol symbol
 * @param countdownTime the countdown in milliseconds (0: off)
 */
public record CountdownCancel(
        String symbol,
        long countdownTime) {
}
