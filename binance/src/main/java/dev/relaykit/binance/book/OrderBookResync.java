package dev.relaykit.binance.book;

import java.time.Instant;

/**
 * The local order book found a hole in the update ids and is rebuilding itself from a new
 * snapshot; until {@link OrderBookListener#onSynced} it reports {@link OrderBook#isSynced()} false.
 *
 * @param symbol the symbol
 * @param expectedFirstUpdateId the first update id the next event should have covered (local id + 1)
 * @param receivedFirstUpdateId the first update id ({@code U}) of the event that arrived instead
 * @param at when the gap was seen
 */
public record OrderBookResync(String symbol, long expectedFirstUpdateId, long receivedFirstUpdateId, Instant at) {
}
