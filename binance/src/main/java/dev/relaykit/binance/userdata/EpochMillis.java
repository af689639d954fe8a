package dev.relaykit.binance.userdata;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.time.Instant;

/** Reads Binance's epoch-millisecond times (a number, or a number in a string) as {@link Instant}. */
final class EpochMillis extends StdDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    EpochMillis() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return Instant.ofEpochMilli(p.getLongValue());
        }
        String text = p.getValueAsString();
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not epoch milliseconds");
        }
    }
}
