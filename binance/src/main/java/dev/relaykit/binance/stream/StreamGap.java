package dev.relaykit.binance.stream;

import java.time.Instant;

/**
 * Events of a stream may have been missed: the connection carrying it was lost and has been
 * re-established (and the stream subscribed again). Rebuild what depends on continuity (a local
 * order book resyncs by itself).
 *
 * @param stream the stream name
 * @param at when the stream was flowing again
 * @param reason why a gap is possible
 */
public record StreamGap(String stream, Instant at, String reason) {
}
