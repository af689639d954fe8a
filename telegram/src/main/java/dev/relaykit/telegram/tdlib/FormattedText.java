package dev.relaykit.telegram.tdlib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Text with its entities: TDLib's {@code formattedText}, what a message's text is.
 *
 * <pre>{@code
 * FormattedText f = TdExecute.parseTextEntities(td, "<b>hi</b> there", ParseMode.HTML);
 * f.text();                      // "hi there"
 * f.entities().get(0).type();    // "Bold" (offset 0, length 2)
 * }</pre>
 *
 * @param text the plain text
 * @param entities its entities, in order
 */
public record FormattedText(String text, List<TextEntity> entities) {

    /**
     * @param text plain text without entities
     * @return the text with no entities
     */
    public static FormattedText plain(String text) {
        return new FormattedText(text, List.of());
    }

    /**
     * Reads TDLib's {@code formattedText}.
     *
     * @param n the object
     * @return the text
     */
    public static FormattedText of(JsonNode n) {
        List<TextEntity> entities = new ArrayList<>();
        for (JsonNode e : n.path("entities")) {
            entities.add(TextEntity.of(e));
        }
        return new FormattedText(n.path("text").asText(""), List.copyOf(entities));
    }

    /** @return TDLib's {@code formattedText} object */
    public ObjectNode toTd() {
        ObjectNode n = Json.mapper().createObjectNode().put("@type", "formattedText").put("text", text);
        ArrayNode a = n.putArray("entities");
        for (TextEntity e : entities) {
            a.add(e.raw() != null ? e.raw().deepCopy() : Json.mapper().createObjectNode().put("@type", "textEntity")
                    .put("offset", e.offset()).put("length", e.length()).set("type",
                            Json.mapper().createObjectNode().put("@type", "textEntityType" + e.type())));
        }
        return n;
    }

    /**
     * One entity: TDLib's {@code textEntity}. Offsets and lengths count UTF-16 code units, as Java's
     * {@code String} does.
     *
     * @param offset where it starts
     * @param length how long it is
     * @param type the type's class name without {@code textEntityType}: {@code "Bold"}, {@code "Italic"},
     *     {@code "TextUrl"}, {@code "Code"}, {@code "Pre"}, {@code "Mention"}, ...
     * @param url the URL of a {@code TextUrl}, else {@code null}
     * @param raw the object as TDLib sent it, or {@code null} for one made here
     */
    public record TextEntity(int offset, int length, String type, String url, JsonNode raw) {
        static TextEntity of(JsonNode e) {
            String type = e.path("type").path("@type").asText();
            String prefix = "textEntityType";
            JsonNode url = e.path("type").get("url");
            return new TextEntity(e.path("offset").asInt(), e.path("length").asInt(),
                    type.startsWith(prefix) ? type.substring(prefix.length()) : type,
                    url == null ? null : url.asText(), e);
        }
    }
}
