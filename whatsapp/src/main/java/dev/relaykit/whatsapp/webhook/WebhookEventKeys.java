package dev.relaykit.whatsapp.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.whatsapp.webhook.event.MessageEvent;
import dev.relaykit.whatsapp.webhook.event.StatusEvent;
import dev.relaykit.whatsapp.webhook.event.WebhookEvent;
import java.util.List;
import java.util.Locale;

/**
 * What identifies a WhatsApp webhook event for de-duplication, and what orders it: the rules
 * {@link WebhookHandler} applies, public so that a receiver spread over several processes (the {@code kafka}
 * module's webhook intake) applies the same ones.
 *
 * <ul>
 *   <li>A message is identified by its {@code id} ({@code wamid.…}); a status by its {@code id} and its
 *       {@code status} (one message goes through sent, delivered, read: each is an event of its own). Meta
 *       delivers at least once, and a retry carries the same ids.</li>
 *   <li>Events are ordered per sender (messages) and per recipient (statuses).</li>
 * </ul>
 *
 * <pre>{@code
 * for (WebhookEvent event : WebhookEvents.parse(body)) {
 *     String id = WebhookEventKeys.deduplicationKey(event);   // null for an UnknownEvent
 *     String lane = WebhookEventKeys.orderKey(event);
 * }
 * }</pre>
 */
public final class WebhookEventKeys {
    private WebhookEventKeys() {
    }

    /**
     * @param event an event
     * @return the key a retry of this event has too: {@code m\0<id>} for a message, {@code s\0<id>\0<status>} for
     *     a status; {@code null} for an event without an id (an {@code UnknownEvent})
     */
    public static String deduplicationKey(WebhookEvent event) {
        if (event instanceof MessageEvent m && m.id() != null) {
            return "m\u0000" + m.id();
        }
        if (event instanceof StatusEvent s && s.id() != null) {
            return "s\u0000" + s.id() + "\u0000" + s.statusValue();
        }
        return null;
    }

    /**
     * @param event an event
     * @return the key whose events must reach a listener in order: the sender of a message, the recipient of a
     *     status, the business account of anything else (may be {@code null} for an unknown payload)
     */
    public static String orderKey(WebhookEvent event) {
        if (event instanceof MessageEvent m) {
            return m.sender();
        }
        if (event instanceof StatusEvent s) {
            return s.recipientId() != null && !s.recipientId().isEmpty() ? s.recipientId() : s.recipientUserId();
        }
        return event.businessAccountId();
    }

    /**
     * De-duplication keys on the id, so an event without a usable one would be delivered every time Meta
     * retries: a delivery with such an event is refused whole.
     *
     * @param events the events of one delivery
     * @return what is wrong (naming the JSON type, never the value), or {@code null} if every message and status
     *     has a non-empty string id
     */
    public static String idProblem(List<WebhookEvent> events) {
        for (WebhookEvent event : events) {
            JsonNode raw = event instanceof MessageEvent m ? m.raw() : event instanceof StatusEvent s ? s.raw() : null;
            if (raw == null) {
                continue;
            }
            JsonNode id = raw.get("id");
            if (id == null || !id.isTextual() || id.textValue().isEmpty()) {
                return "a " + (event instanceof MessageEvent ? "message" : "status") + " has "
                        + (id == null ? "no id" : id.isTextual() ? "an empty id" : "an id that is a JSON "
                                + id.getNodeType().name().toLowerCase(Locale.ROOT) + ", not a string");
            }
        }
        return null;
    }
}
