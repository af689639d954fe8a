package dev.relaykit.core.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads an HTTP {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110 10.2.3). */
final class RetryAfter {
    private RetryAfter() {
    }

    static Instant parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return clock.instant().plusSeconds(Math.max(0, seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
