package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Taker buy/sell volume: USD-M's {@code GET /futures/data/takerlongshortRatio} (ratio and volumes) or COIN-M's
 * {@code GET /futures/data/takerBuySellVol} (volumes in contracts, {@code takerBuyVol} / {@code takerSellVol}, and
 * their values in the base asset, per pair and contract type).
 *
 * @param buySellRatio buy/sell ratio (USD-M), else {@code null}
 * @param buyVol taker buy volume
 * @param sellVol taker sell volume
 * @param buyVolValue taker buy volume's value in the base asset (COIN-M), else {@code null}
 * @param sellVolValue taker sell volume's value in the base asset (COIN-M), else {@code null}
 * @param pair pair (COIN-M), else {@code null}
 * @param contractType contract type (COIN-M), else {@code null}
 * @param time time
 */
public record TakerVolume(
        BigDecimal buySellRatio,
        @JsonAlias("takerBuyVol") BigDecimal buyVol,
        @JsonAlias("takerSellVol") BigDecimal sellVol,
        @JsonProperty("takerBuyVolValue") BigDecimal buyVolValue,
        @JsonProperty("takerSellVolValue") BigDecimal sellVolValue,
        String pair,
        ContractType contractType,
        @JsonProperty("timestamp") @JsonDeserialize(using = InstantMillis.class) Instant time) {
}
