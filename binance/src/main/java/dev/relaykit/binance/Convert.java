package dev.relaykit.binance;

import dev.relaykit.core.rest.RestRequest;

/**
 * Binance Convert ({@code /sapi/v1/convert}). Get it from {@link BinanceSpot#convert()}.
 *
 * <p>Not typed yet: call the Convert endpoints through {@link BinanceSpot#call(RestRequest)}, e.g.
 * {@code binance.call(RestRequest.post("/sapi/v1/convert/getQuote").signed().param("fromAsset", "USDT")...build())}.
 * {@code acceptQuote} and limit-order placement are POSTs and are never retried.
 */
public final class Convert {
    Convert(BinanceSpot spot) {
        // typed endpoints to come; the client is kept by BinanceSpot for raw calls
    }
}
