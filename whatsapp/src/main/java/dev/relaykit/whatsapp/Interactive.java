package dev.relaykit.whatsapp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.json.Json;
import java.util.List;
import java.util.Objects;

/**
 * An interactive message: reply buttons, a list, a call-to-action URL button, or a location
 * request. Made by {@link Message#buttons}, {@link Message#list}, {@link Message#ctaUrl} and
 * {@link Message#locationRequest}; {@link #header(String)} and {@link #footer(String)} add the
 * optional parts where the kind allows them.
 *
 * <pre>{@code
 * client.send(Message.buttons("+16505551234", "Confirm your appointment for tomorrow at 10:00?",
 *         List.of(Interactive.Button.reply("yes", "Confirm"), Interactive.Button.reply("no", "Reschedule")))
 *     .footer("Reply within 24 hours"));
 * }</pre>
 *
 * <p>Limits checked before sending (Meta's): body 1024 characters (4096 for lists), header text
 * and footer 60, button titles 20, button ids 256; lists: button text 20, at most 10 sections and
 * 10 rows in all, row titles 24, row ids 200, row descriptions 72, section titles 24.
 */
public final class Interactive extends Message<Interactive> {
    /** Most reply buttons in one message. */
    public static final int MAX_BUTTONS = 3;
    /** Most rows in a list message, over all sections. */
    public static final int MAX_ROWS = 10;
    /** Most sections in a list message. */
    public static final int MAX_SECTIONS = 10;

    /**
     * A reply button.
     *
     * @param id what the button's tap reports back in the webhook, at most 256 characters
     * @param title the text on the button, at most 20 characters
     */
    public record Button(String id, String title) {
        /**
         * Checks the limits.
         *
         * @param id the id
         * @param title the title
         */
        public Button {
            limit(id, "button id", 256);
            limit(title, "button title", 20);
        }

        /**
         * @param id the reply id
         * @param title the button text
         * @return a reply button
         */
        public static Button reply(String id, String title) {
            return new Button(id, title);
        }
    }

    /**
     * A row of a list message.
     *
     * @param id what the row's selection reports back, at most 200 characters
     * @param title the row's title, at most 24 characters
     * @param description the row's description, at most 72 characters, or {@code null}
     */
    public record Row(String id, String title, String description) {
        /**
         * Checks the limits.
         *
         * @param id the id
         * @param title the title
         * @param description the description
         */
        public Row {
            limit(id, "row id", 200);
            limit(title, "row title", 24);
            if (description != null) {
                limit(description, "row description", 72);
            }
        }
    }

    /**
     * A section of a list message.
     *
     * @param title the section title, at most 24 characters; required when there are several sections
     * @param rows the section's rows, at least one
     */
    public record Section(String title, List<Row> rows) {
        /**
         * Checks the limits.
         *
         * @param title the title
         * @param rows the rows
         */
        public Section {
            if (title != null) {
                limit(title, "section title", 24);
            }
            if (rows == null || rows.isEmpty()) {
                throw new IllegalArgumentException("list section " + (title == null ? "" : "\"" + title + "\" ") + "has no rows");
            }
            rows = List.copyOf(rows);
        }
    }

    private final String kind;

    private Interactive(String to, String replyTo, ObjectNode content, String kind) {
        super(to, replyTo, content);
        this.kind = kind;
    }

    private static ObjectNode base(String kind, String body, int maxBody) {
        ObjectNode c = Json.mapper().createObjectNode();
        c.put("type", kind);
        c.putObject("body").put("text", limit(body, "body text", maxBody));
        return c;
    }

    static Interactive makeButtons(String to, String body, List<Button> buttons) {
        if (buttons == null || buttons.isEmpty() || buttons.size() > MAX_BUTTONS) {
            throw new IllegalArgumentException("reply buttons: 1 to " + MAX_BUTTONS + " buttons allowed, got "
                    + (buttons == null ? 0 : buttons.size()));
        }
        distinct(buttons.stream().map(Button::id).toList(), "button ids");
        distinct(buttons.stream().map(Button::title).toList(), "button titles");
        ObjectNode c = base("button", body, 1024);
        ArrayNode a = c.putObject("action").putArray("buttons");
        for (Button b : buttons) {
            ObjectNode reply = a.addObject().put("type", "reply").putObject("reply");
            reply.put("id", b.id());
            reply.put("title", b.title());
        }
        return new Interactive(to, null, c, "button");
    }

    static Interactive makeList(String to, String body, String buttonText, List<Section> sections) {
        if (sections == null || sections.isEmpty() || sections.size() > MAX_SECTIONS) {
            throw new IllegalArgumentException("list: 1 to " + MAX_SECTIONS + " sections allowed, got "
                    + (sections == null ? 0 : sections.size()));
        }
        int rows = sections.stream().mapToInt(s -> s.rows().size()).sum();
        if (rows > MAX_ROWS) {
            throw new IllegalArgumentException("list: at most " + MAX_ROWS + " rows in all sections, got " + rows);
        }
        if (sections.size() > 1 && sections.stream().anyMatch(s -> s.title() == null)) {
            throw new IllegalArgumentException("list: every section needs a title when there are several sections");
        }
        distinct(sections.stream().flatMap(s -> s.rows().stream()).map(Row::id).toList(), "row ids");
        ObjectNode c = base("list", body, 4096);
        ObjectNode action = c.putObject("action");
        action.put("button", limit(buttonText, "list button text", 20));
        ArrayNode sa = action.putArray("sections");
        for (Section s : sections) {
            ObjectNode sn = sa.addObject();
            if (s.title() != null) {
                sn.put("title", s.title());
            }
            ArrayNode ra = sn.putArray("rows");
            for (Row r : s.rows()) {
                ObjectNode rn = ra.addObject().put("id", r.id()).put("title", r.title());
                if (r.description() != null) {
                    rn.put("description", r.description());
                }
            }
        }
        return new Interactive(to, null, c, "list");
    }

    static Interactive makeCtaUrl(String to, String body, String displayText, String url) {
        MediaRef.link(Objects.requireNonNull(url, "url")); // same URL check as media links
        ObjectNode c = base("cta_url", body, 1024);
        ObjectNode action = c.putObject("action");
        action.put("name", "cta_url");
        action.putObject("parameters").put("display_text", limit(displayText, "button display text", 20)).put("url", url);
        return new Interactive(to, null, c, "cta_url");
    }

    static Interactive makeLocationRequest(String to, String body) {
        ObjectNode c = base("location_request_message", body, 1024);
        c.putObject("action").put("name", "send_location");
        return new Interactive(to, null, c, "location_request_message");
    }

    /** @return the interactive kind: {@code button}, {@code list}, {@code cta_url} or {@code location_request_message} */
    public String kind() {
        return kind;
    }

    /**
     * @param text a text header, at most 60 characters; not for location requests
     * @return a copy with the header
     */
    public Interactive header(String text) {
        ObjectNode h = Json.mapper().createObjectNode().put("type", "text").put("text", limit(text, "header text", 60));
        return withHeader(h, "text");
    }

    /**
     * @param mediaType {@code "image"}, {@code "video"} or {@code "document"}
     * @param media the header media; reply buttons and CTA URL messages only
     * @return a copy with the media header
     */
    public Interactive header(String mediaType, MediaRef media) {
        if (!List.of("image", "video", "document").contains(mediaType)) {
            throw new IllegalArgumentException("header media type must be image, video or document: " + mediaType);
        }
        ObjectNode h = Json.mapper().createObjectNode().put("type", mediaType);
        h.set(mediaType, Objects.requireNonNull(media, "media").toJson());
        return withHeader(h, mediaType);
    }

    private Interactive withHeader(ObjectNode header, String headerType) {
        if (kind.equals("location_request_message")) {
            throw new IllegalArgumentException("a location request message has no header");
        }
        if (kind.equals("list") && !headerType.equals("text")) {
            throw new IllegalArgumentException("a list message allows only a text header, not " + headerType);
        }
        ObjectNode c = content.deepCopy();
        c.set("header", header);
        return new Interactive(to, replyTo, c, kind);
    }

    /**
     * @param text the footer, at most 60 characters; not for location requests
     * @return a copy with the footer
     */
    public Interactive footer(String text) {
        if (kind.equals("location_request_message")) {
            throw new IllegalArgumentException("a location request message has no footer");
        }
        ObjectNode c = content.deepCopy();
        c.putObject("footer").put("text", limit(text, "footer text", 60));
        return new Interactive(to, replyTo, c, kind);
    }

    @Override
    public String type() {
        return "interactive";
    }

    @Override
    Interactive copy(ObjectNode content, String replyTo) {
        return new Interactive(to, replyTo, content, kind);
    }
}
