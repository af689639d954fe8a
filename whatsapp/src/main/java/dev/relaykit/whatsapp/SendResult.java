package dev.relaykit.whatsapp;

import static dev.relaykit.whatsapp.WhatsAppApiException.text;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the messages endpoint answered for an accepted message. Accepted is not delivered: the
 * {@code statuses} webhook reports sent, delivered, read or failed later, under {@link #messageId()}.
 *
 * @param messageId the new message's id ({@code wamid...}), or {@code null} for a read receipt or
 *     typing indicator
 * @param input the recipient as sent ({@code contacts[0].input}), or {@code null}
 * @param waId the recipient's WhatsApp id ({@code contacts[0].wa_id}), or {@code null}
 * @param messageStatus {@code messages[0].message_status} ({@code "accepted"},
 *     {@code "held_for_quality_assessment"}, ...) when Meta gives one, or {@code null}
 */
public record SendResult(String messageId, String input, String waId, String messageStatus) {

    static SendResult from(JsonNode body) {
        JsonNode m = body.path("messages").path(0);
        JsonNode c = body.path("contacts").path(0);
        return new SendResult(text(m.path("id")), text(c.path("input")), text(c.path("wa_id")), text(m.path("message_status")));
    }
}
