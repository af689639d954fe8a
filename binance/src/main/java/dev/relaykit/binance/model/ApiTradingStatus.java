package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.Map;

/**
 * Whether Binance has locked the key's API trading, and the thresholds that trigger a lock
 * ({@code GET /sapi/v1/account/apiTradingStatus}, the {@code data} object).
 *
 * @param locked whether API trading is locked ({@code isLocked})
 * @param plannedRecoverTime when a lock ends, {@code null} when not locked ({@code 0})
 * @param triggerCondition the trigger thresholds by name ({@code GCR}, {@code IFER}, {@code UFR}), never {@code null}
 * @param updateTime when the status was last updated
 */
public record ApiTradingStatus(
        @JsonProperty("isLocked") boolean locked,
        @JsonDeserialize(using = InstantMillis.class) Instant plannedRecoverTime,
        Map<String, Integer> triggerCondition,
        @JsonDeserialize(using = InstantMillis.class) Instant updateTime) {

    /** Reads a recover time of {@code 0} ("none") as {@code null}; the map is unmodifiable, empty when absent. */
    public ApiTradingStatus {
        plannedRecoverTime = Instant.EPOCH.equals(plannedRecoverTime) ? null : plannedRecoverTime;
        triggerCondition = triggerCondition == null ? Map.of() : Map.copyOf(triggerCondition);
    }
}
