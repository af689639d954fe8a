package dev.relaykit.binance.userdata;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@code outboundAccountPosition}: sent whenever an account balance changed, with the assets the
 * change may have touched.
 *
 * @param eventType {@code "outboundAccountPosition"}
 * @param eventTime {@code E}
 * @param lastUpdateTime {@code u}: time of the last account update
 * @param balances {@code B}: the balances that may have changed
 */
public record AccountPosition(
        @JsonProperty("e") String eventType,
        @JsonProperty("E") @JsonDeserialize(using = EpochMillis.class) Instant eventTime,
        @JsonProperty("u") @JsonDeserialize(using = EpochMillis.class) Instant lastUpdateTime,
        @JsonProperty("B") List<Balance> balances) implements UserDataEvent {

    /**
     * Copies the list.
     *
     * @param eventType event type
     * @param eventTime event time
     * @param lastUpdateTime last account update
     * @param balances balances
     */
    public AccountPosition {
        balances = balances == null ? List.of() : List.copyOf(balances);
    }

    /**
     * One asset's balance.
     *
     * @param asset {@code a}
     * @param free {@code f}: available
     * @param locked {@code l}: in open orders or otherwise locked
     */
    public record Balance(@JsonProperty("a") String asset, @JsonProperty("f") BigDecimal free,
                          @JsonProperty("l") BigDecimal locked) {
    }
}
