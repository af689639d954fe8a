package dev.relaykit.binance.userdata;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code balanceUpdate}: a deposit, withdrawal or transfer between accounts changed a balance.
 *
 * @param eventType {@code "balanceUpdate"}
 * @param eventTime {@code E}
 * @param asset {@code a}
 * @param delta {@code d}: the change (negative for an outflow)
 * @param clearTime {@code T}
 */
public record BalanceUpdate(
        @JsonProperty("e") String eventType,
        @JsonProperty("E") @JsonDeserialize(using = EpochMillis.class) Instant eventTime,
        @JsonProperty("a") String asset,
        @JsonProperty("d") BigDecimal delta,
        @JsonProperty("T") @JsonDeserialize(using = EpochMillis.class) Instant clearTime) implements UserDataEvent {
}
