package dev.relaykit.binance.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * Reads Binance's epoch-millisecond times (a number, or a number in a string) as an {@link Instant}.
 * Binance's "not yet" markers ({@code -1}, as in {@code "workingTime": -1}) and other negative values
 * read as {@code null}.
 */
public final class InstantMillis extends JsonDeserializer<Instant> {
    /** Used by Jackson through {@code @JsonDeserialize(using = InstantMillis.class)}. */
    public InstantMillis() {
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
        long millis;
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            String text = p.getText().trim();
            if (text.isEmpty()) {
                return null;
            }
            try {
                millis = Long.parseLong(text);
            } catch (NumberFormatException e) {
                return (Instant) ctx.handleWeirdStringValue(Instant.class, text, "not epoch milliseconds");
            }
        } else {
            millis = p.getValueAsLong();
        }
        return millis < 0 ? null : Instant.ofEpochMilli(millis);
    }
}
