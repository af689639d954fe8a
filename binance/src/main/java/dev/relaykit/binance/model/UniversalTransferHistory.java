package dev.relaykit.binance.model;

import java.util.List;

/**
 * A page of universal transfers ({@code GET /sapi/v1/asset/transfer}).
 *
 * @param total how many transfers match
 * @param rows this page's transfers, never {@code null} (Binance leaves {@code rows} out when there are none)
 */
public record UniversalTransferHistory(int total, List<UniversalTransfer> rows) {
    /** Normalises the list to an unmodifiable list, empty when absent. */
    public UniversalTransferHistory {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }
}
