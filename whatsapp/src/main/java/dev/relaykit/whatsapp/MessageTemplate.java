package dev.relaykit.whatsapp;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A message template of the business account ({@code GET /{waba-id}/message_templates}).
 *
 * @param id the template id
 * @param name the name to send it by
 * @param language its language code ({@code "en_US"})
 * @param status {@code "APPROVED"}, {@code "PENDING"}, {@code "REJECTED"}, {@code "PAUSED"}, ...
 * @param category {@code "MARKETING"}, {@code "UTILITY"} or {@code "AUTHENTICATION"}
 * @param parameterFormat {@code "POSITIONAL"} or {@code "NAMED"}, or {@code null}
 * @param components the header, body, footer and buttons as defined
 */
public record MessageTemplate(String id, String name, String language, String status, String category,
        @JsonProperty("parameter_format") String parameterFormat, List<Component> components) {

    /**
     * One component of a template definition.
     *
     * @param type {@code "HEADER"}, {@code "BODY"}, {@code "FOOTER"} or {@code "BUTTONS"}
     * @param format a header's format ({@code "TEXT"}, {@code "IMAGE"}, ...), or {@code null}
     * @param text the text with its {@code {{1}}} placeholders, or {@code null}
     * @param buttons the buttons of a {@code BUTTONS} component, raw
     * @param example example values, raw
     */
    public record Component(String type, String format, String text, JsonNode buttons, JsonNode example) {
    }
}
