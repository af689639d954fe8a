package dev.relaykit.binance.userdata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.DecodeException;
import dev.relaykit.core.json.Json;
import java.time.Instant;

/**
 * Decodes user data events.
 *
 * <pre>{@code
 * String text = "{\"e\":\"balanceUpdate\",\"E\":1573200697110,\"a\":\"BTC\",\"d\":\"100.00000000\",\"T\":1573200697068}";
 * UserDataEvent e = UserDataEvents.decode(Json.tree(text));   // {"subscriptionId":0,"event":{..}} or the bare event
 * }</pre>
 */
public final class UserDataEvents {
    private UserDataEvents() {
    }

    /**
     * @param json an event as the WebSocket API sends it ({@code {"subscriptionId":0,"event":{..}}})
     *     or the bare event object
     * @return the typed event; {@link UnknownEvent} for a type this version does not know
     * @throws DecodeException if the event is not an object with an {@code "e"} field, or a known
     *     event's fields cannot be read
     */
    public static UserDataEvent decode(JsonNode json) {
        JsonNode event = json.has("event") ? json.get("event") : json;
        if (!event.isObject() || !event.path("e").isTextual()) {
            throw new DecodeException("not a user data event: no \"e\" field");
        }
        String type = event.get("e").asText();
        Class<? extends UserDataEvent> cls = switch (type) {
            case "outboundAccountPosition" -> AccountPosition.class;
            case "balanceUpdate" -> BalanceUpdate.class;
            case "executionReport" -> ExecutionReport.class;
            case "listStatus" -> ListStatus.class;
            case "externalLockUpdate" -> ExternalLockUpdate.class;
            case "eventStreamTerminated" -> EventStreamTerminated.class;
            case "listenKeyExpired" -> ListenKeyExpired.class;
            default -> null;
        };
        if (cls == null) {
            JsonNode time = event.get("E");
            return new UnknownEvent(type, time != null && time.canConvertToLong()
                    ? Instant.ofEpochMilli(time.asLong()) : null, event);
        }
        return Json.read(event, cls);
    }
}
