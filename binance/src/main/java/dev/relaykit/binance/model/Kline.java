package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One kline (candlestick) bar, decoded from the array row {@code GET /api/v3/klines} and
 * {@code GET /api/v3/uiKlines} send:
 * {@code [openTime, open, high, low, close, volume, closeTime, quoteVolume, trades, takerBuyBase, takerBuyQuote, unused]}.
 * Binance's trailing unused field is ignored.
 *
 * @param openTime when the bar opens (it identifies the bar)
 * @param open open price
 * @param high highest price
 * @param low lowest price
 * @param close close price (the latest price while the bar is open)
 * @param volume base asset volume
 * @param closeTime when the bar closes
 * @param quoteVolume quote asset volume
 * @param tradeCount number of trades
 * @param takerBuyBaseVolume base asset volume bought by takers
 * @param takerBuyQuoteVolume quote asset volume bought by takers
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"openTime", "open", "high", "low", "close", "volume", "closeTime", "quoteVolume",
    "tradeCount", "takerBuyBaseVolume", "takerBuyQuoteVolume"})
public record Kline(
        @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant openTime,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigDecimal volume,
        @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant closeTime,
        BigDecimal quoteVolume,
        long tradeCount,
        BigDecimal takerBuyBaseVolume,
        BigDecimal takerBuyQuoteVolume) {
}
