package dev.relaykit.binance.futures.model;


/**
 * Binance's plain acknowledgement {@code {"code":200,"msg":"success"}} (margin type, position mode, cancel all, ...). Errors never arrive as this: they are thrown as {@code BinanceApiException}.
 *
 * @param code Binance's code (200)
 * @param msg Binance's message
 */
public record BinanceResult(
        int code,
        String msg) {
}
