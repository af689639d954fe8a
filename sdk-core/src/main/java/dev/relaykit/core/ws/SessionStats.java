package dev.relaykit.core.ws;

import java.time.Instant;

/**
 * A snapshot of a session's counters since it was built.
 *
 * @param bytesIn payload bytes received (UTF-8 bytes for text messages)
 * @param bytesOut payload bytes handed to the socket
 * @param messagesIn messages received
 * @param messagesOut messages handed to the socket (subscription frames included)
 * @param reconnects successful reconnections
 * @param lastMessageAt when the last message arrived, or {@code null} if none has
 */
public record SessionStats(long bytesIn, long bytesOut, long messagesIn, long messagesOut, long reconnects,
                           Instant lastMessageAt) {
}
