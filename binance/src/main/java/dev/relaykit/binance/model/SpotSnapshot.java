package dev.relaykit.binance.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One day's snapshot of the spot account ({@code GET /sapi/v1/accountSnapshot?type=SPOT}).
 *
 * @param type {@code spot}
 * @param updateTime the time of the snapshot
 * @param data the balances
 */
public record SpotSnapshot(String type, @JsonDeserialize(using = InstantMillis.class) Instant updateTime, Data data) {
    /**
     * The balances at snapshot time.
     *
     * @param balances the balances, never {@code null}
     * @param totalAssetOfBtc the account's total value in BTC
     */
    public record Data(List<Account.Balance> balances, BigDecimal totalAssetOfBtc) {
        /** Normalises the balances to an unmodifiable list, empty when absent. */
        public Data {
            balances = balances == null ? List.of() : List.copyOf(balances);
        }
    }
}
