package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Taker buy/sell volume ({@code GET /futures/data/takerlongshortRatio}).
 *
 * @param buySellRatio buy/sell ratio
 * @param buyVol taker buy volume
 * @param sellVol taker sell volume
 * @param time time
 */
public record TakerVolume(
        BigDecimal buySellRatio,
        BigDecimal buyVol,
        BigDecimal sellVol,
        @JsonProperty("timestamp") @JsonDeserialize(using = InstantMillis.class) Instant time) {
}
