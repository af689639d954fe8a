package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A long/short ratio sample ({@code GET /futures/data/topLongShortAccountRatio}, {@code topLongShortPositionRatio},
 * {@code globalLongShortAccountRatio}). USD-M answers per symbol, COIN-M per pair; COIN-M's position ratio names
 * its shares {@code longPosition} / {@code shortPosition}, read here as {@link #longAccount()} /
 * {@link #shortAccount()} (USD-M's position ratio uses those names for the same shares).
 *
 * @param symbol symbol (USD-M), else {@code null}
 * @param pair pair (COIN-M), else {@code null}
 * @param longShortRatio long/short ratio
 * @param longAccount long share (of accounts, or of positions for the position ratio)
 * @param shortAccount short share (of accounts, or of positions for the position ratio)
 * @param time time
 */
public record LongShortRatio(
        String symbol,
        String pair,
        BigDecimal longShortRatio,
        @JsonAlias("longPosition") BigDecimal longAccount,
        @JsonAlias("shortPosition") BigDecimal shortAccount,
        @JsonProperty("timestamp") @JsonDeserialize(using = InstantMillis.class) Instant time) {
}
