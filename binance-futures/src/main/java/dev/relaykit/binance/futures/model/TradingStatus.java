package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The account's standing under Binance's futures trading quantitative rules ({@code GET /fapi/v1/apiTradingStatus},
 * USD-M "Futures Trading Quantitative Rules Indicators"): per symbol, each indicator that reached its recording
 * threshold; under the key {@code ACCOUNT}, account-wide violations (indicator {@code TMV}, too many violations).
 *
 * <pre>{@code
 * TradingStatus status = usdm.account().tradingStatus("BTCUSDT");
 * boolean locked = status.indicators().getOrDefault("BTCUSDT", List.of()).stream()
 *         .anyMatch(TradingStatus.Indicator::locked);
 * }</pre>
 *
 * @param indicators the indicators per symbol (and {@code ACCOUNT}); empty when nothing reached a threshold
 * @param updateTime when Binance computed them
 */
public record TradingStatus(
        Map<String, List<Indicator>> indicators,
        @JsonDeserialize(using = InstantMillis.class) Instant updateTime) {

    /** @param indicators the indicators as Binance sent them; {@code null} becomes empty */
    public TradingStatus {
        indicators = indicators == null ? Map.of() : indicators;
    }

    /**
     * One indicator.
     *
     * @param locked whether trading the symbol (or the account) is disabled by this rule
     * @param plannedRecoverTime when trading is planned to be enabled again, or {@code null}
     * @param indicator the rule: {@code UFR} (unfilled ratio), {@code IFER} (IOC/FOK expiration ratio),
     *     {@code GCR} (GTC cancellation ratio), {@code DR} (dust ratio), {@code TMV} (too many violations), ...
     * @param value the account's current value
     * @param triggerValue the value that triggers the rule
     */
    public record Indicator(
            @JsonProperty("isLocked") boolean locked,
            @JsonDeserialize(using = InstantMillis.class) Instant plannedRecoverTime,
            String indicator,
            BigDecimal value,
            BigDecimal triggerValue) {
    }
}
