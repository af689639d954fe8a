package dev.relaykit.binance;

import dev.relaykit.core.ApiException;

/**
 * Binance answered with an error: {@code {"code":-1121,"msg":"Invalid symbol."}}.
 *
 * <p>{@link #binanceCode()} is Binance's numeric code (see "Error codes" in Binance's spot API
 * documentation): -1021 timestamp outside recvWindow, -1022 invalid signature, -1121 invalid
 * symbol, -1013 a filter failure, -2010 new order rejected, -2011 cancel rejected, ...
 */
public class BinanceApiException extends ApiException {
    private static final long serialVersionUID = 1L;

    private final int binanceCode;

    /**
     * @param httpStatus the HTTP status, or 0 on the WebSocket API
     * @param binanceCode Binance's numeric code
     * @param message Binance's message
     */
    public BinanceApiException(int httpStatus, int binanceCode, String message) {
        super("binance", httpStatus, Integer.toString(binanceCode), message);
        this.binanceCode = binanceCode;
    }

    /** @return Binance's numeric error code */
    public int binanceCode() {
        return binanceCode;
    }
}
