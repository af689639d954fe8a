package dev.relaykit.kafka;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.relaykit.core.DecodeException;
import dev.relaykit.core.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/**
 * The documented JSON form of typed events that RelayKit does not keep raw (Binance user data): the records'
 * own {@code @JsonProperty} names, times as epoch milliseconds and decimals as strings, as Binance sends them, so
 * RelayKit's decoders read the value back into the same event.
 */
final class EventJson {
    private static final ObjectMapper WIRE = wire();

    private EventJson() {
    }

    private static ObjectMapper wire() {
        ObjectMapper m = Json.mapper().copy()
                .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS);
        m.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        return m;
    }

    /** @return the event as a tree in its documented form */
    static JsonNode tree(Object event) {
        return WIRE.valueToTree(event);
    }

    static String text(JsonNode tree) {
        try {
            return WIRE.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new DecodeException("cannot encode event: " + Json.describe(e), e);
        }
    }

    /** Binance's event time {@code E} (epoch millis), or {@code null}. */
    static Instant eventTime(JsonNode event) {
        JsonNode e = event.get("E");
        return e != null && e.canConvertToLong() ? Instant.ofEpochMilli(e.asLong()) : null;
    }

    /**
     * The order key of a Binance stream: its symbol, upper-cased ({@code btcusdt@trade} is {@code BTCUSDT}); an
     * all-market stream ({@code !miniTicker@arr}) is its own key.
     */
    static String binanceKey(String stream) {
        int at = stream.indexOf('@');
        if (stream.startsWith("!") || at <= 0) {
            return stream;
        }
        return stream.substring(0, at).toUpperCase(Locale.ROOT);
    }
}
