package dev.relaykit.binance.userdata;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code externalLockUpdate}: part of the spot balance was locked or unlocked by an external system
 * (for example as margin collateral).
 *
 * @param eventType {@code "externalLockUpdate"}
 * @param eventTime {@code E}
 * @param asset {@code a}
 * @param delta {@code d}
 * @param transactionTime {@code T}
 */
public record ExternalLockUpdate(
        @JsonProperty("e") String eventType,
        @JsonProperty("E") @JsonDeserialize(using = EpochMillis.class) Instant eventTime,
        @JsonProperty("a") String asset,
        @JsonProperty("d") BigDecimal delta,
        @JsonProperty("T") @JsonDeserialize(using = EpochMillis.class) Instant transactionTime)
        implements UserDataEvent {
}
