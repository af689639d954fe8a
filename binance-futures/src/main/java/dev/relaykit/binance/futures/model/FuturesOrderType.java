package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * A futures order type. The five conditional types ({@link #conditional()}) are placed through the algo-order
 * service on USD-M since 2025-12-09 ({@code /fapi/v1/order} answers them with -4120); COIN-M still takes them on
 * {@code /dapi/v1/order}.
 *
 * <pre>{@code
 * boolean viaAlgo = FuturesOrderType.STOP_MARKET.conditional();   // true
 * }</pre>
 */
public enum FuturesOrderType {
    /** Limit: quantity, price, timeInForce. */
    LIMIT,
    /** Market: quantity. */
    MARKET,
    /** Stop-limit: quantity, price, trigger price. */
    STOP,
    /** Stop-market: trigger price (quantity, or closePosition). */
    STOP_MARKET,
    /** Take-profit limit: quantity, price, trigger price. */
    TAKE_PROFIT,
    /** Take-profit market: trigger price (quantity, or closePosition). */
    TAKE_PROFIT_MARKET,
    /** Trailing stop: quantity, callbackRate (activation price optional). */
    TRAILING_STOP_MARKET,
    /** A value this version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN;

    /** @return whether this is a conditional (stop, take-profit or trailing) type */
    public boolean conditional() {
        return this == STOP || this == STOP_MARKET || this == TAKE_PROFIT || this == TAKE_PROFIT_MARKET
                || this == TRAILING_STOP_MARKET;
    }
}
