package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A symbol's current average price ({@code GET /api/v3/avgPrice}).
 *
 * @param mins the averaging interval, in minutes
 * @param price the average price
 * @param closeTime the time of the last trade included
 */
public record AveragePrice(
        int mins,
        BigDecimal price,
        @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant closeTime) {
}
