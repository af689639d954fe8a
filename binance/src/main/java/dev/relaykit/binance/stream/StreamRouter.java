package dev.relaykit.binance.stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.json.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routing: the streams' routes by name, and every incoming message sent where it belongs: a stream
 * event to its {@link Route}, an answer to the requests, a {@code serverShutdown} to the rotation.
 * No lock: the routes sit in a concurrent map; adding and removing them happens under the pool's
 * lock, reading them on the connections' dispatchers.
 */
final class StreamRouter {
    private static final Logger LOG = LoggerFactory.getLogger(MarketStreams.class);

    final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final BiConsumer<StreamConnection, JsonNode> answers;
    private final Consumer<StreamConnection> serverShutdown;

    /**
     * @param answers takes a request's answer ({@code {"result":..,"id":n}} or an error)
     * @param serverShutdown takes a connection Binance announced it will close
     */
    StreamRouter(BiConsumer<StreamConnection, JsonNode> answers, Consumer<StreamConnection> serverShutdown) {
        this.answers = answers;
        this.serverShutdown = serverShutdown;
    }

    void onText(StreamConnection c, String text) {
        JsonNode m;
        try {
            m = text.startsWith("{\"stream\":") ? onStreamText(c, text) : Json.mapper().readTree(text);
        } catch (IOException e) {
            LOG.warn("{}: undecodable message ignored: {}", c.session.name(), e.getMessage());
            return;
        }
        if (m == null) {
            return; // delivered
        }
        JsonNode data = m.get("data");
        JsonNode stream = m.get("stream");
        if (data != null && stream != null) {
            Route r = routes.get(stream.asText());
            if (r != null) {
                r.onEvent(c, data);
            }
            return;
        }
        if (m.has("id") && (m.has("result") || m.has("error"))) {
            answers.accept(c, m);
            return;
        }
        JsonNode event = m.has("event") ? m.get("event") : m;
        if ("serverShutdown".equals(event.path("e").asText())) {
            LOG.info("{}: Binance announced a server shutdown; moving to a new connection", c.session.name());
            serverShutdown.accept(c);
            return;
        }
        if (m.has("error") || m.has("code")) {
            LOG.warn("{}: Binance reported an error for no request of ours: {}", c.session.name(), text);
        }
    }

    /**
     * The hot path: a combined-stream message ({@code {"stream":"<name>","data":{..}}}) read in one
     * pass, its route looked up once. For a route with a single-pass decoder the text goes straight to
     * the typed event, no tree; for any other route the parser goes on into the tree the general path
     * would have built.
     *
     * @return {@code null} once delivered; otherwise the message's tree for the general path (which
     *     also decodes what the single-pass decoder could not, or reports why it cannot)
     * @throws IOException if the message is not JSON (only where the general path would throw it too)
     */
    private JsonNode onStreamText(StreamConnection c, String text) throws IOException {
        try (JsonParser p = Json.mapper().getFactory().createParser(text)) {
            String name = MarketStream.streamName(p);
            Route r = name == null ? null : routes.get(name);
            if (r != null && r.fast) {
                Object event;
                try {
                    event = MarketStream.toData(p) ? r.stream.fastDecode(p) : null;
                } catch (IOException | RuntimeException e) {
                    event = null;
                }
                if (event != null) {
                    r.onEvent(c, new Route.Typed(event), r.stream.typedOrder(event));
                    return null;
                }
            } else if (r != null) {
                JsonNode m = restOfMessage(p, name);
                JsonNode data = m.get("data");
                if (data != null && name.equals(m.get("stream").asText())) {
                    r.onEvent(c, data);
                    return null;
                }
                return m;
            }
        }
        return Json.mapper().readTree(text);
    }

    /**
     * Reads the rest of a message whose {@code "stream"} field the parser has just read, into the
     * same tree {@code readTree} gives for the whole text.
     */
    private static JsonNode restOfMessage(JsonParser p, String name) throws IOException {
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("stream", name);
        while (p.nextToken() == JsonToken.FIELD_NAME) { // the parser throws on anything but a field or the end
            String field = p.currentName();
            p.nextToken();
            m.set(field, Json.mapper().readTree(p));
        }
        return m;
    }

    /** Tells the listeners of every stream {@code c} carries that events may have been missed. */
    void reconnected(StreamConnection c) {
        Instant at = Instant.now();
        for (Route r : routes.values()) {
            if (r.primary == c) {
                r.gap(new StreamGap(r.name, at,
                        "the connection was lost and re-established; events in between may be missing"));
            }
        }
    }
}
