package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A long/short ratio sample ({@code GET /futures/data/topLongShortAccountRatio}, {@code topLongShortPositionRatio}, {@code globalLongShortAccountRatio}).
 *
 * @param symbol symbol
 * @param longShortRatio long/short ratio
 * @param longAccount long share
 * @param shortAccount short share
 * @param time time
 */
public record LongShortRatio(
        String symbol,
        BigDecimal longShortRatio,
        BigDecimal longAccount,
        BigDecimal shortAccount,
        @JsonProperty("timestamp") @JsonDeserialize(using = InstantMillis.class) Instant time) {
}
