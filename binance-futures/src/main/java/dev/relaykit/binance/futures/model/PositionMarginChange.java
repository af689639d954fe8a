package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One isolated-margin change ({@code GET /fapi/v1/positionMargin/history}).
 *
 * @param symbol symbol
 * @param type 1: added, 2: reduced
 * @param deltaType {@code USER_ADJUST}, ...
 * @param amount amount
 * @param asset asset
 * @param time time
 * @param positionSide position side
 */
public record PositionMarginChange(
        String symbol,
        int type,
        String deltaType,
        BigDecimal amount,
        String asset,
        @JsonDeserialize(using = InstantMillis.class) Instant time,
        PositionSide positionSide) {
}
