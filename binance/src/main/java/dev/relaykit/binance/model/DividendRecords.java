package dev.relaykit.binance.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Asset dividend (distribution) records ({@code GET /sapi/v1/asset/assetDividend}).
 *
 * @param rows the records, never {@code null}
 * @param total how many records match
 */
public record DividendRecords(List<Dividend> rows, int total) {
    /** Normalises the list to an unmodifiable list, empty when absent. */
    public DividendRecords {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /**
     * One distribution.
     *
     * @param id the record id
     * @param amount the amount
     * @param asset the asset
     * @param divTime when it was paid
     * @param enInfo its description, e.g. {@code "BHFT distribution"}
     * @param tranId the transfer id
     * @param direction {@code 1} credited (inflow), {@code -1} debited (outflow); {@code null} if not sent
     */
    public record Dividend(
            long id,
            BigDecimal amount,
            String asset,
            @JsonDeserialize(using = InstantMillis.class) Instant divTime,
            String enInfo,
            long tranId,
            Integer direction) {
    }
}
