package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Price change statistics over a window: the 24 hour rolling ticker ({@code GET /api/v3/ticker/24hr}),
 * the trading day ticker ({@code GET /api/v3/ticker/tradingDay}) and the rolling window ticker
 * ({@code GET /api/v3/ticker}).
 *
 * <p>Fields a response does not carry are {@code null}: a {@link TickerType#MINI MINI} answer has no
 * {@code priceChange}, {@code priceChangePercent} or {@code weightedAvgPrice}, and only the 24 hour
 * ticker's {@code FULL} answer has {@code prevClosePrice}, {@code lastQty} and the best bid/ask.
 *
 * @param symbol the symbol
 * @param priceChange absolute price change ({@code FULL} only)
 * @param priceChangePercent relative price change in percent ({@code FULL} only)
 * @param weightedAvgPrice quote volume / volume ({@code FULL} only)
 * @param prevClosePrice previous close price (24 hour {@code FULL} only)
 * @param lastPrice last price
 * @param lastQty last quantity (24 hour {@code FULL} only)
 * @param bidPrice best bid price (24 hour {@code FULL} only)
 * @param bidQty best bid quantity (24 hour {@code FULL} only)
 * @param askPrice best ask price (24 hour {@code FULL} only)
 * @param askQty best ask quantity (24 hour {@code FULL} only)
 * @param openPrice open price of the window
 * @param highPrice highest price in the window
 * @param lowPrice lowest price in the window
 * @param volume base asset volume
 * @param quoteVolume quote asset volume
 * @param openTime start of the window
 * @param closeTime end of the window
 * @param firstId first trade id in the window
 * @param lastId last trade id in the window
 * @param count number of trades in the window
 */
public record TickerStatistics(
        String symbol,
        BigDecimal priceChange,
        BigDecimal priceChangePercent,
        BigDecimal weightedAvgPrice,
        BigDecimal prevClosePrice,
        BigDecimal lastPrice,
        BigDecimal lastQty,
        BigDecimal bidPrice,
        BigDecimal bidQty,
        BigDecimal askPrice,
        BigDecimal askQty,
        BigDecimal openPrice,
        BigDecimal highPrice,
        BigDecimal lowPrice,
        BigDecimal volume,
        BigDecimal quoteVolume,
        @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant openTime,
        @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant closeTime,
        long firstId,
        long lastId,
        long count) {
}
