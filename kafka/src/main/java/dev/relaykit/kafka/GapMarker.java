package dev.relaykit.kafka;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import java.time.Instant;

/**
 * The value of a gap marker record ({@link RelayKitHeaders#KIND} {@code gap}): events of {@link #key()} may be
 * missing at this point of its order. The same notion as a stream gap after a reconnect
 * ({@code StreamListener.onGap}): rebuild whatever depends on continuity.
 *
 * <p>Reasons: {@link #OVERFLOW} (Kafka was slower than the stream and the publisher's buffer was full: exactly
 * {@link #dropped()} events were not published), {@link #SEND_FAILED} (Kafka refused or timed out records after
 * the producer's own retries), {@link #UPSTREAM} (the service connection was lost and re-established) and
 * {@link #TAKEOVER} (a shared feed's stream moved to another feed process).
 *
 * <pre>{@code
 * org.apache.kafka.common.header.Header kind = record.headers().lastHeader(RelayKitHeaders.KIND);
 * if (kind != null && RelayKitHeaders.KIND_GAP.equals(new String(kind.value(), StandardCharsets.UTF_8))) {
 *     GapMarker gap = GapMarker.parse(new String(record.value(), StandardCharsets.UTF_8));
 *     System.out.println(gap.key() + ": " + gap.dropped() + " event(s) missing, " + gap.reason());
 * }
 * }</pre>
 *
 * @param source the publishing source, as in {@link RelayKitHeaders#SOURCE}
 * @param key the record key whose order has the hole (a symbol, a chat, a channel)
 * @param stream the stream within the source, or {@code null}
 * @param reason {@link #OVERFLOW}, {@link #SEND_FAILED}, {@link #UPSTREAM} or {@link #TAKEOVER}
 * @param detail a human-readable explanation
 * @param dropped how many events this publisher knows it did not publish ({@code 0} when unknown: upstream gaps)
 * @param firstSequence the publisher sequence of the first missing event, or {@code -1} when unknown
 * @param lastSequence the publisher sequence of the last missing event, or {@code -1} when unknown
 * @param from the event time of the first missing event (or when the gap began), or {@code null}
 * @param to the event time of the last missing event (or when the stream flowed again), or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GapMarker(String source, String key, String stream, String reason, String detail, long dropped,
        long firstSequence, long lastSequence, Instant from, Instant to) {

    /** The publisher's buffer was full: events were dropped rather than blocking the stream. */
    public static final String OVERFLOW = "overflow";
    /** Kafka did not take records after the producer's retries (delivery timeout or a fatal error). */
    public static final String SEND_FAILED = "send-failed";
    /** The service's own stream had a gap (reconnect), reported by the RelayKit client. */
    public static final String UPSTREAM = "upstream";
    /** A shared feed's stream moved from one feed process to another. */
    public static final String TAKEOVER = "takeover";

    /**
     * @return the marker as the JSON a record carries ({@code {"relaykitGap":{...}}})
     */
    public String toJson() {
        return "{\"relaykitGap\":" + Json.write(this) + "}";
    }

    /**
     * Reads a gap marker record's value.
     *
     * @param json the record value
     * @return the marker
     * @throws dev.relaykit.core.DecodeException if it is not a gap marker
     */
    public static GapMarker parse(String json) {
        JsonNode node = Json.tree(json).get("relaykitGap");
        if (node == null) {
            throw new dev.relaykit.core.DecodeException("not a RelayKit gap marker");
        }
        return Json.read(node, GapMarker.class);
    }
}
