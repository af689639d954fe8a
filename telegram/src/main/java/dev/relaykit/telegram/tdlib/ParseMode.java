package dev.relaykit.telegram.tdlib;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.json.Json;

/**
 * How message text marks up bold, links and the rest: TDLib's {@code TextParseMode}. TDLib turns
 * such text into plain text plus entities ({@code parseTextEntities}), which is what a message carries.
 *
 * <pre>{@code
 * FormattedText f = TdExecute.parseTextEntities(td, "*bold* and _italic_", ParseMode.MARKDOWN_V2);
 * }</pre>
 */
public enum ParseMode {
    /** Telegram's MarkdownV2 ({@code textParseModeMarkdown} version 2): {@code *bold*}, {@code _italic_}, {@code [link](url)}. */
    MARKDOWN_V2,
    /** The old Markdown ({@code textParseModeMarkdown} version 1). */
    MARKDOWN,
    /** HTML ({@code textParseModeHTML}): {@code <b>}, {@code <i>}, {@code <a href>}, {@code <code>}, {@code <pre>}. */
    HTML;

    /** @return TDLib's {@code TextParseMode} object */
    ObjectNode toTd() {
        ObjectNode n = Json.mapper().createObjectNode();
        switch (this) {
            case HTML:
                return n.put("@type", "textParseModeHTML");
            case MARKDOWN:
                return n.put("@type", "textParseModeMarkdown").put("version", 1);
            default:
                return n.put("@type", "textParseModeMarkdown").put("version", 2);
        }
    }
}
