package dev.relaykit.binance.futures.userdata;

import java.time.Instant;

/**
 * Events may have been missed: the connection was lost and re-established, or the listen key
 * expired (or Binance answered -1125) and a new key and connection replaced it. Re-read what matters
 * over REST (open orders, positions, balances) after a gap.
 *
 * <pre>{@code
 * new FuturesUserDataListener() {
 *     public void onEvent(FuturesUserDataEvent e) { }
 *     public void onGap(FuturesUserDataGap gap) { System.out.println("resync: " + gap.reason()); }
 * };
 * }</pre>
 *
 * @param at when the stream was live again
 * @param reason what happened
 */
public record FuturesUserDataGap(Instant at, String reason) {
}
