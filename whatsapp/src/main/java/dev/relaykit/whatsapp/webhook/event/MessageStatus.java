package dev.relaykit.whatsapp.webhook.event;

import java.util.Locale;

/** The status of a message you sent, as reported by a status webhook. */
public enum MessageStatus {
    /** Sent from Meta's servers (one check mark). */
    SENT,
    /** Delivered to the user's device (two check marks). */
    DELIVERED,
    /** Displayed in an open chat on the user's device (two blue check marks). */
    READ,
    /** A voice message was played for the first time. */
    PLAYED,
    /** Could not be sent or delivered; see {@link StatusEvent#errors()}. */
    FAILED,
    /** A status this version does not know; see {@link StatusEvent#statusValue()}. */
    UNKNOWN;

    /**
     * @param value the {@code status} value as sent, for example {@code "delivered"}
     * @return the matching constant, or {@link #UNKNOWN}
     */
    public static MessageStatus of(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "sent" -> SENT;
            case "delivered" -> DELIVERED;
            case "read" -> READ;
            case "played" -> PLAYED;
            case "failed" -> FAILED;
            default -> UNKNOWN;
        };
    }
}
