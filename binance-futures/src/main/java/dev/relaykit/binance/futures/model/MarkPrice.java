package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Mark price, index price and funding of one contract ({@code GET /fapi/v1/premiumIndex}, {@code /dapi/v1/premiumIndex}).
 *
 * <pre>{@code
 * MarkPrice btc = usdm.market().markPrice("BTCUSDT");
 * System.out.println(btc.markPrice() + " funding " + btc.lastFundingRate() + " next " + btc.nextFundingTime());
 * }</pre>
 *
 * @param symbol symbol
 * @param pair COIN-M: the pair
 * @param markPrice mark price
 * @param indexPrice index price
 * @param estimatedSettlePrice estimated settle price (only useful in the last hour before settlement)
 * @param lastFundingRate the latest funding rate (perpetuals; empty for delivery contracts)
 * @param interestRate the interest rate
 * @param nextFundingTime next funding time
 * @param time when this was computed
 */
public record MarkPrice(
        String symbol,
        String pair,
        BigDecimal markPrice,
        BigDecimal indexPrice,
        BigDecimal estimatedSettlePrice,
        BigDecimal lastFundingRate,
        BigDecimal interestRate,
        @JsonDeserialize(using = InstantMillis.class) Instant nextFundingTime,
        @JsonDeserialize(using = InstantMillis.class) Instant time) {
}
