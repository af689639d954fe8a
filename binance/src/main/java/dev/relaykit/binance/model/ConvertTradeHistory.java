package dev.relaykit.binance.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.List;

/**
 * Convert trades in a time window ({@code GET /sapi/v1/convert/tradeFlow}).
 *
 * @param list the trades, never {@code null}
 * @param startTime the window's start
 * @param endTime the window's end
 * @param limit the page size used
 * @param moreData whether more trades are in the window than this page holds
 */
public record ConvertTradeHistory(List<ConvertOrder> list,
        @JsonDeserialize(using = InstantMillis.class) Instant startTime,
        @JsonDeserialize(using = InstantMillis.class) Instant endTime,
        int limit, boolean moreData) {
    /** Normalises the list to an unmodifiable list, empty when absent. */
    public ConvertTradeHistory {
        list = list == null ? List.of() : List.copyOf(list);
    }
}
