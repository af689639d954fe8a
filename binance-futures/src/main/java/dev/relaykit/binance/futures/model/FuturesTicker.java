package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * 24-hour rolling statistics ({@code GET /fapi/v1/ticker/24hr}).
 *
 * @param symbol symbol
 * @param pair COIN-M: pair
 * @param priceChange price change
 * @param priceChangePercent price change percent
 * @param weightedAvgPrice weighted average price
 * @param lastPrice last price
 * @param lastQty last quantity
 * @param openPrice open price
 * @param highPrice high
 * @param lowPrice low
 * @param volume volume (COIN-M: contracts)
 * @param quoteVolume quote volume (USD-M)
 * @param baseVolume base volume (COIN-M)
 * @param openTime window start
 * @param closeTime window end
 * @param firstId first trade id
 * @param lastId last trade id
 * @param count trade count
 */
public record FuturesTicker(
        String symbol,
        String pair,
        BigDecimal priceChange,
        BigDecimal priceChangePercent,
        BigDecimal weightedAvgPrice,
        BigDecimal lastPrice,
        BigDecimal lastQty,
        BigDecimal openPrice,
        BigDecimal highPrice,
        BigDecimal lowPrice,
        BigDecimal volume,
        BigDecimal quoteVolume,
        BigDecimal baseVolume,
        @JsonDeserialize(using = InstantMillis.class) Instant openTime,
        @JsonDeserialize(using = InstantMillis.class) Instant closeTime,
        Long firstId,
        Long lastId,
        Long count) {
}
