package dev.relaykit.kafka;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.pusher.PusherEventListener;
import java.util.Objects;

/**
 * Publishes Pusher Channels events to Kafka, keyed by channel (one order per channel). The value is the event as
 * Pusher's protocol carries it: {@code {"event":"...","channel":"...","data":"<the data as text>"}} (plus
 * {@code user_id} on presence client events); for an encrypted channel, {@code data} is the decrypted plaintext.
 *
 * <pre>{@code
 * PusherEventListener publish = PusherPublishing.listener(kafka);   // then: pusherChannel.bindAll(publish)
 * }</pre>
 */
public final class PusherPublishing {
    /** {@link RelayKitHeaders#SOURCE} of Pusher records. */
    public static final String SOURCE = "pusher";

    private PusherPublishing() {
    }

    /**
     * @param publisher where to publish
     * @return a listener that publishes every event it receives
     */
    public static PusherEventListener listener(KafkaEventPublisher publisher) {
        Objects.requireNonNull(publisher, "publisher");
        return e -> {
            ObjectNode wire = JsonNodeFactory.instance.objectNode();
            wire.put("event", e.event());
            if (e.channel() != null) {
                wire.put("channel", e.channel());
            }
            if (e.data() != null) {
                wire.put("data", e.data());
            }
            if (e.userId() != null) {
                wire.put("user_id", e.userId());
            }
            String channel = e.channel() != null ? e.channel() : "(connection)";
            publisher.publish(SOURCE, channel, channel + "#" + e.event(), null, wire.toString());
        };
    }
}
