package dev.relaykit.binance.futures.model;

import java.math.BigDecimal;

/**
 * The answer to an isolated-margin change ({@code POST /fapi/v1/positionMargin}).
 *
 * @param amount the amount
 * @param code Binance's code (200)
 * @param msg Binance's message
 * @param type 1: added, 2: reduced
 */
public record MarginChangeResult(
        BigDecimal amount,
        int code,
        String msg,
        int type) {
}
