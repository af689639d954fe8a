package dev.relaykit.binance.userdata;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * An event type this version does not know (Binance added one): the raw JSON is kept.
 *
 * @param eventType Binance's {@code "e"}
 * @param eventTime {@code E}, or {@code null} if absent
 * @param raw the whole event object
 */
public record UnknownEvent(String eventType, Instant eventTime, JsonNode raw) implements UserDataEvent {
}
