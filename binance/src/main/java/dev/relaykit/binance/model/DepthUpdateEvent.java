package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A diff of the order book, from {@code <symbol>@depth} and {@code <symbol>@depth@100ms} (Binance
 * "WebSocket Streams", Diff. Depth Stream). Quantities are absolute; a quantity of zero removes the
 * level. Keep a local book with {@code dev.relaykit.binance.book.OrderBook}.
 *
 * @param eventTime when Binance sent the event ({@code E})
 * @param symbol the symbol ({@code s})
 * @param firstUpdateId the first update id in the event ({@code U})
 * @param finalUpdateId the final update id in the event ({@code u})
 * @param bids bid levels to set ({@code b})
 * @param asks ask levels to set ({@code a})
 * @param previousFinalUpdateId the final update id of the previous event ({@code pu}); futures diff
 *     streams send it (their local book checks {@code pu} against the last {@code u}), spot does not:
 *     {@code null} there
 */
public record DepthUpdateEvent(
        @JsonProperty("E") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant eventTime,
        @JsonProperty("s") String symbol,
        @JsonProperty("U") long firstUpdateId,
        @JsonProperty("u") long finalUpdateId,
        @JsonProperty("b") List<PriceLevel> bids,
        @JsonProperty("a") List<PriceLevel> asks,
        @JsonProperty("pu") Long previousFinalUpdateId) {

    /**
     * Missing level lists become empty lists.
     *
     * @param eventTime event time
     * @param symbol symbol
     * @param firstUpdateId first update id
     * @param finalUpdateId final update id
     * @param bids bids
     * @param asks asks
     * @param previousFinalUpdateId {@code pu}, or {@code null} (spot)
     */
    public DepthUpdateEvent {
        bids = bids == null ? List.of() : bids;
        asks = asks == null ? List.of() : asks;
    }

    /**
     * A spot diff, which has no {@code pu}.
     *
     * <pre>{@code
     * new DepthUpdateEvent(Instant.now(), "BNBBTC", 157, 160, List.of(), List.of());
     * }</pre>
     *
     * @param eventTime event time
     * @param symbol symbol
     * @param firstUpdateId first update id
     * @param finalUpdateId final update id
     * @param bids bids
     * @param asks asks
     */
    public DepthUpdateEvent(Instant eventTime, String symbol, long firstUpdateId, long finalUpdateId,
                            List<PriceLevel> bids, List<PriceLevel> asks) {
        this(eventTime, symbol, firstUpdateId, finalUpdateId, bids, asks, null);
    }
}
