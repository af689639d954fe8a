package dev.relaykit.binance.futures.stream;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.relaykit.binance.model.DepthUpdateEvent;
import dev.relaykit.binance.model.PriceLevel;
import java.time.Instant;
import java.util.List;

/**
 * A diff of the order book, from {@code <symbol>@depth[@500ms|@100ms]} ("Diff. Book Depth
 * Streams"); travels on {@code /public}. Quantities are absolute, zero removes a level. Keep a local
 * book with {@code dev.relaykit.binance.futures.book.FuturesOrderBook}, which checks {@code pu}.
 *
 * <pre>{@code
 * futuresStreams.subscribe(FuturesStream.diffDepth("BTCUSDT", DepthSpeed.MS_100), d -> System.out.println(d.finalUpdateId()));
 * }</pre>
 *
 * @param eventTime {@code E}
 * @param transactionTime {@code T}
 * @param symbol {@code s}
 * @param firstUpdateId {@code U}
 * @param finalUpdateId {@code u}
 * @param previousFinalUpdateId {@code pu}: the {@code u} of the stream's previous event
 * @param bids {@code b}
 * @param asks {@code a}
 */
public record FuturesDepthUpdate(
        @JsonProperty("E") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant eventTime,
        @JsonProperty("T") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant transactionTime,
        @JsonProperty("s") String symbol,
        @JsonProperty("U") long firstUpdateId,
        @JsonProperty("u") long finalUpdateId,
        @JsonProperty("pu") long previousFinalUpdateId,
        @JsonProperty("b") List<PriceLevel> bids,
        @JsonProperty("a") List<PriceLevel> asks) {

    /**
     * Missing level lists become empty lists.
     *
     * @param eventTime E
     * @param transactionTime T
     * @param symbol s
     * @param firstUpdateId U
     * @param finalUpdateId u
     * @param previousFinalUpdateId pu
     * @param bids b
     * @param asks a
     */
    public FuturesDepthUpdate {
        bids = bids == null ? List.of() : bids;
        asks = asks == null ? List.of() : asks;
    }

    /** @return the same event in the shape the shared order-book algorithm takes (with {@code pu}) */
    public DepthUpdateEvent toDepthUpdateEvent() {
        return new DepthUpdateEvent(eventTime, symbol, firstUpdateId, finalUpdateId, bids, asks, previousFinalUpdateId);
    }
}
