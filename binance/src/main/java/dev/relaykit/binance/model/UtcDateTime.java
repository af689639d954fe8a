package dev.relaykit.binance.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads the wallet API's UTC date-time strings ({@code "2019-10-12 11:12:02"}, as in withdraw history's
 * {@code applyTime}) as an {@link Instant}; an empty string reads as {@code null}. Epoch milliseconds
 * (a number) are accepted too.
 */
public final class UtcDateTime extends JsonDeserializer<Instant> {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Used by Jackson through {@code @JsonDeserialize(using = UtcDateTime.class)}. */
    public UtcDateTime() {
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
        if (p.currentToken().isNumeric()) {
            return Instant.ofEpochMilli(p.getValueAsLong());
        }
        String text = p.getText().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return (Instant) ctx.handleWeirdStringValue(Instant.class, text, "not a yyyy-MM-dd HH:mm:ss UTC time");
        }
    }
}
