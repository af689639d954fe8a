package dev.relaykit.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import java.util.Map;

/**
 * The control topic's records: what consumers of a shared feed want. One record per (stream, consumer), key
 * {@code <stream>|<consumer>}, value {@code {"stream":"btcusdt@trade","consumer":"c1"}}, a tombstone (null) when
 * the consumer no longer wants it, so compaction keeps exactly the live wants. Every record of one stream goes to
 * the same partition (the stream name's hash), so the feed holding that partition sees all wants of the stream.
 */
final class ControlRecords {
    private ControlRecords() {
    }

    static String key(String stream, String consumer) {
        return stream + "|" + consumer;
    }

    static String value(String stream, String consumer) {
        return Json.write(Map.of("stream", stream, "consumer", consumer));
    }

    static int partition(String stream, int partitions) {
        return Math.floorMod(stream.hashCode(), partitions);
    }

    /** @return {stream, consumer} of a record key */
    static String[] parseKey(String key) {
        int bar = key.lastIndexOf('|');
        if (bar <= 0) {
            return null;
        }
        return new String[] {key.substring(0, bar), key.substring(bar + 1)};
    }

    static String stream(JsonNode value) {
        return value.path("stream").asText(null);
    }

    static JsonNode parse(String value) {
        return Json.tree(value);
    }
}
