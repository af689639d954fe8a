package dev.relaykit.kafka;

import dev.relaykit.whatsapp.webhook.WebhookListener;
import dev.relaykit.whatsapp.webhook.event.MessageEvent;
import dev.relaykit.whatsapp.webhook.event.StatusEvent;
import dev.relaykit.whatsapp.webhook.event.WebhookEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * Publishes WhatsApp webhook events to Kafka. The value is the object Meta sent ({@link WebhookEvent#raw()}: the
 * message object, the status object, or the whole change of an unmodelled field), keyed by chat: the group, else
 * the user (sender of a message, recipient of a status), so one chat's messages and statuses keep their order.
 * Header {@link RelayKitHeaders#STREAM}: {@code message}, {@code status} or the unmodelled field.
 *
 * <pre>{@code
 * WebhookHandler handler = WebhookHandler.builder()
 *         .appSecret(Secret.of(System.getenv("WHATSAPP_APP_SECRET")))
 *         .verifyToken(Secret.of(System.getenv("WHATSAPP_VERIFY_TOKEN")))
 *         .listener(WhatsAppPublishing.listener(kafka))
 *         .build();
 * }</pre>
 */
public final class WhatsAppPublishing {
    /** {@link RelayKitHeaders#SOURCE} of WhatsApp webhook records. */
    public static final String SOURCE = "whatsapp.webhook";

    private WhatsAppPublishing() {
    }

    /**
     * @param publisher where to publish
     * @return a webhook listener that publishes every event
     */
    public static WebhookListener listener(KafkaEventPublisher publisher) {
        Objects.requireNonNull(publisher, "publisher");
        return event -> {
            String key;
            String stream;
            Instant at = null;
            if (event instanceof MessageEvent m) {
                key = m.groupId() != null ? m.groupId() : m.sender();
                stream = "message";
                at = m.timestamp();
            } else if (event instanceof StatusEvent s) {
                key = s.recipientId() != null && !s.recipientId().isEmpty() ? s.recipientId() : s.recipientUserId();
                stream = "status";
                at = s.timestamp();
            } else {
                key = null;
                stream = ((dev.relaykit.whatsapp.webhook.event.UnknownEvent) event).field();
            }
            if (key == null || key.isEmpty()) {
                key = event.metadata() != null && event.metadata().phoneNumberId() != null
                        ? event.metadata().phoneNumberId() : "unknown";
            }
            publisher.publish(SOURCE, key, stream, at, event.raw().toString());
        };
    }
}
