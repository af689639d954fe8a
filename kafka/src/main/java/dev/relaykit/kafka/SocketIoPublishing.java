package dev.relaykit.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.relaykit.socketio.EventListener;
import dev.relaykit.socketio.SocketEvent;
import java.util.Objects;
import java.util.function.Function;

/**
 * Publishes Socket.IO events to Kafka. The value is the event as Socket.IO puts it on the wire: a JSON array of the
 * event name and its arguments ({@code ["trade",{"px":"1.5"}]}); binary arguments become base64 strings.
 *
 * <pre>{@code
 * EventListener publish = SocketIoPublishing.listener(kafka, "/prices", e -> e.arg(0).path("symbol").asText());
 * // socket.on("trade", publish);   keyed by the symbol in the first argument
 * }</pre>
 */
public final class SocketIoPublishing {
    /** {@link RelayKitHeaders#SOURCE} of Socket.IO records. */
    public static final String SOURCE = "socketio";

    private SocketIoPublishing() {
    }

    /**
     * A listener that publishes every event it receives, keyed by the event name (one order per event name).
     *
     * @param publisher where to publish
     * @param namespace the namespace, written as {@link RelayKitHeaders#STREAM} with the event name
     * @return the listener
     */
    public static EventListener listener(KafkaEventPublisher publisher, String namespace) {
        return listener(publisher, namespace, SocketEvent::name);
    }

    /**
     * A listener that publishes every event it receives, keyed as {@code key} says (a room, a chat id, an
     * instrument in the first argument): records of one key keep their order.
     *
     * @param publisher where to publish
     * @param namespace the namespace
     * @param key the order key of an event
     * @return the listener
     */
    public static EventListener listener(KafkaEventPublisher publisher, String namespace,
            Function<SocketEvent, String> key) {
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(key, "key");
        return event -> {
            ArrayNode wire = JsonNodeFactory.instance.arrayNode();
            wire.add(event.name());
            for (JsonNode a : event.args()) {
                wire.add(a);
            }
            publisher.publish(SOURCE, key.apply(event), namespace + "#" + event.name(), null, wire.toString());
        };
    }
}
