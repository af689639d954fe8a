package dev.relaykit.whatsapp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.json.Json;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One message to send with {@link WhatsAppClient#send(Message)}: built by a static factory per
 * kind, refined with the kind's options, immutable. Every factory and option checks the limits
 * Meta documents and throws {@link IllegalArgumentException} naming the problem, so a bad message
 * fails before anything is sent.
 *
 * <pre>{@code
 * String inboundId = "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=";   // MessageEvent.id()
 * client.send(Message.text("+16505551234", "Here is the link: https://example.com").previewUrl(true));
 * client.send(Message.image("+16505551234", MediaRef.link("https://example.com/a.png")).caption("Our menu"));
 * client.send(Message.reaction("+16505551234", inboundId, "\uD83D\uDC4D"));
 * client.send(Message.text("+16505551234", "Yes, it does").replyTo(inboundId));   // a quoted reply
 * }</pre>
 *
 * <p>The recipient ({@code to}) is a phone number with country code; {@code +}, spaces, dashes,
 * dots and parentheses are allowed and sent as given (WhatsApp normalises them).
 *
 * <p>Interactive messages ({@link Interactive}) and templates ({@link Template}) have factories of
 * their own kinds here too: {@link #buttons}, {@link #list}, {@link #ctaUrl},
 * {@link #locationRequest} and {@link #template}.
 *
 * @param <M> the concrete kind, so options chain
 */
public abstract class Message<M extends Message<M>> {
    /** Longest text message body. */
    public static final int MAX_TEXT = 4096;
    /** Longest media caption. */
    public static final int MAX_CAPTION = 1024;

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().\\-]+");

    final String to;
    final String replyTo;
    final ObjectNode content;

    Message(String to, String replyTo, ObjectNode content) {
        this.to = recipient(to);
        this.replyTo = replyTo;
        this.content = content;
    }

    /** @return the recipient as given */
    public String to() {
        return to;
    }

    /** @return the id of the message this one replies to, or {@code null} */
    public String replyToMessageId() {
        return replyTo;
    }

    /** @return the message type Meta knows it by ({@code "text"}, {@code "interactive"}, ...) */
    public abstract String type();

    /**
     * Makes this a reply that quotes an earlier message ({@code context.message_id}); works on
     * every kind.
     *
     * @param messageId the {@code wamid...} of the message replied to
     * @return a copy that replies to it
     */
    public M replyTo(String messageId) {
        return copy(content, require(messageId, "reply-to message id"));
    }

    /** @return the request body Meta's messages endpoint takes, as a new JSON object */
    public ObjectNode toJson() {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("messaging_product", "whatsapp");
        root.put("recipient_type", "individual");
        root.put("to", to);
        if (replyTo != null) {
            root.putObject("context").put("message_id", replyTo);
        }
        root.put("type", type());
        root.set(type(), content.deepCopy());
        return root;
    }

    abstract M copy(ObjectNode content, String replyTo);

    /** @return the kind, recipient and reply-to id; never the content (it may be personal) */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + type() + " to " + to + (replyTo == null ? "" : ", reply to " + replyTo) + "]";
    }

    // ------------------------------------------------------------------ factories

    /**
     * @param to the recipient's phone number
     * @param body the text, 1 to 4096 characters; URLs are clickable
     * @return a text message
     */
    public static Text text(String to, String body) {
        ObjectNode c = Json.mapper().createObjectNode();
        c.put("body", limit(body, "text body", MAX_TEXT));
        return new Text(to, null, c);
    }

    /**
     * @param to the recipient
     * @param media the image (JPEG or PNG, at most 5 MB)
     * @return an image message; add {@link Media#caption(String)} if you like
     */
    public static Media image(String to, MediaRef media) {
        return Media.of("image", to, media);
    }

    /**
     * @param to the recipient
     * @param media the audio (AAC, AMR, MP3, M4A or OGG/Opus, at most 16 MB); no caption
     * @return an audio message
     */
    public static Media audio(String to, MediaRef media) {
        return Media.of("audio", to, media);
    }

    /**
     * @param to the recipient
     * @param media the video (MP4 or 3GPP, H.264 + AAC, at most 16 MB)
     * @return a video message
     */
    public static Media video(String to, MediaRef media) {
        return Media.of("video", to, media);
    }

    /**
     * @param to the recipient
     * @param media the document (PDF, Office, text; at most 100 MB)
     * @return a document message; add {@link Media#filename(String)} and a caption if you like
     */
    public static Media document(String to, MediaRef media) {
        return Media.of("document", to, media);
    }

    /**
     * @param to the recipient
     * @param media the sticker (WebP: static at most 100 KB, animated at most 500 KB); no caption
     * @return a sticker message
     */
    public static Media sticker(String to, MediaRef media) {
        return Media.of("sticker", to, media);
    }

    /**
     * Reacts to a message with an emoji.
     *
     * @param to the recipient (the author of the message reacted to)
     * @param messageId the {@code wamid...} of the message
     * @param emoji the emoji; use {@link #removeReaction(String, String)} to take a reaction back
     * @return a reaction message
     */
    public static Reaction reaction(String to, String messageId, String emoji) {
        ObjectNode c = Json.mapper().createObjectNode();
        c.put("message_id", require(messageId, "reacted-to message id"));
        c.put("emoji", require(emoji, "emoji"));
        return new Reaction(to, null, c);
    }

    /**
     * Removes an earlier reaction (an empty emoji, as Meta documents).
     *
     * @param to the recipient
     * @param messageId the message whose reaction is removed
     * @return a reaction message with an empty emoji
     */
    public static Reaction removeReaction(String to, String messageId) {
        ObjectNode c = Json.mapper().createObjectNode();
        c.put("message_id", require(messageId, "reacted-to message id"));
        c.put("emoji", "");
        return new Reaction(to, null, c);
    }

    /**
     * @param to the recipient
     * @param latitude from -90 to 90
     * @param longitude from -180 to 180
     * @return a location message; add a name and an address if you like
     */
    public static Location location(String to, BigDecimal latitude, BigDecimal longitude) {
        Objects.requireNonNull(latitude, "latitude");
        Objects.requireNonNull(longitude, "longitude");
        if (latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0) {
            throw new IllegalArgumentException("latitude must be between -90 and 90: " + latitude);
        }
        if (longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            throw new IllegalArgumentException("longitude must be between -180 and 180: " + longitude);
        }
        ObjectNode c = Json.mapper().createObjectNode();
        c.put("latitude", latitude);
        c.put("longitude", longitude);
        return new Location(to, null, c);
    }

    /**
     * @param to the recipient
     * @param cards one or more contact cards
     * @return a contacts message
     */
    public static Contacts contacts(String to, List<ContactCard> cards) {
        if (cards == null || cards.isEmpty()) {
            throw new IllegalArgumentException("a contacts message needs at least one contact card");
        }
        ArrayNode a = Json.mapper().createArrayNode();
        cards.forEach(card -> a.add(Json.mapper().valueToTree(card)));
        return new Contacts(to, null, a);
    }

    /**
     * An interactive message with 1 to 3 reply buttons.
     *
     * @param to the recipient
     * @param body the body text, 1 to 1024 characters
     * @param buttons 1 to 3 buttons with distinct ids and titles
     * @return the message; add a header and footer if you like
     */
    public static Interactive buttons(String to, String body, List<Interactive.Button> buttons) {
        return Interactive.makeButtons(to, body, buttons);
    }

    /**
     * An interactive list: a button that opens up to 10 rows in up to 10 sections.
     *
     * @param to the recipient
     * @param body the body text, 1 to 4096 characters
     * @param buttonText the text of the button that opens the list, 1 to 20 characters
     * @param sections 1 to 10 sections with 1 to 10 rows in all; titled if more than one
     * @return the message; add a text header and a footer if you like
     */
    public static Interactive list(String to, String body, String buttonText, List<Interactive.Section> sections) {
        return Interactive.makeList(to, body, buttonText, sections);
    }

    /**
     * An interactive call-to-action button that opens a URL.
     *
     * @param to the recipient
     * @param body the body text, 1 to 1024 characters
     * @param displayText the button text, 1 to 20 characters
     * @param url the URL the button opens
     * @return the message; add a header and footer if you like
     */
    public static Interactive ctaUrl(String to, String body, String displayText, String url) {
        return Interactive.makeCtaUrl(to, body, displayText, url);
    }

    /**
     * An interactive message with a "send location" button.
     *
     * @param to the recipient
     * @param body the body text, 1 to 1024 characters
     * @return the message
     */
    public static Interactive locationRequest(String to, String body) {
        return Interactive.makeLocationRequest(to, body);
    }

    /**
     * A template message: the only kind that may start a conversation or be sent more than 24
     * hours after the user last wrote.
     *
     * @param to the recipient
     * @param name the approved template's name
     * @param languageCode its language ({@code "en_US"})
     * @return the message; add components with parameters as the template needs
     */
    public static Template template(String to, String name, String languageCode) {
        return Template.of(to, name, languageCode);
    }

    // ------------------------------------------------------------------ kinds

    /** A text message. */
    public static final class Text extends Message<Text> {
        private Text(String to, String replyTo, ObjectNode content) {
            super(to, replyTo, content);
        }

        /**
         * @param preview whether WhatsApp renders a preview of the first URL in the body
         * @return a copy with {@code preview_url} set
         */
        public Text previewUrl(boolean preview) {
            ObjectNode c = content.deepCopy();
            c.put("preview_url", preview);
            return new Text(to, replyTo, c);
        }

        @Override
        public String type() {
            return "text";
        }

        @Override
        Text copy(ObjectNode content, String replyTo) {
            return new Text(to, replyTo, content);
        }
    }

    /** An image, audio, video, document or sticker message. */
    public static final class Media extends Message<Media> {
        private final String type;

        private Media(String type, String to, String replyTo, ObjectNode content) {
            super(to, replyTo, content);
            this.type = type;
        }

        static Media of(String type, String to, MediaRef media) {
            return new Media(type, to, null, Objects.requireNonNull(media, "media").toJson());
        }

        /**
         * @param caption up to 1024 characters; image, video and document only
         * @return a copy with the caption
         */
        public Media caption(String caption) {
            if (!type.equals("image") && !type.equals("video") && !type.equals("document")) {
                throw new IllegalArgumentException("a caption is not allowed on " + type + " messages");
            }
            ObjectNode c = content.deepCopy();
            c.put("caption", limit(caption, "caption", MAX_CAPTION));
            return new Media(type, to, replyTo, c);
        }

        /**
         * @param filename the name shown for the document ({@code "invoice.pdf"}); document only
         * @return a copy with the file name
         */
        public Media filename(String filename) {
            if (!type.equals("document")) {
                throw new IllegalArgumentException("a file name is only allowed on document messages, not " + type);
            }
            ObjectNode c = content.deepCopy();
            c.put("filename", require(filename, "document file name"));
            return new Media(type, to, replyTo, c);
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        Media copy(ObjectNode content, String replyTo) {
            return new Media(type, to, replyTo, content);
        }
    }

    /** A reaction (or the removal of one). */
    public static final class Reaction extends Message<Reaction> {
        private Reaction(String to, String replyTo, ObjectNode content) {
            super(to, replyTo, content);
        }

        @Override
        public String type() {
            return "reaction";
        }

        @Override
        Reaction copy(ObjectNode content, String replyTo) {
            return new Reaction(to, replyTo, content);
        }
    }

    /** A location pin. */
    public static final class Location extends Message<Location> {
        private Location(String to, String replyTo, ObjectNode content) {
            super(to, replyTo, content);
        }

        /**
         * @param name the place's name ({@code "Philz Coffee"})
         * @return a copy with the name
         */
        public Location name(String name) {
            ObjectNode c = content.deepCopy();
            c.put("name", require(name, "location name"));
            return new Location(to, replyTo, c);
        }

        /**
         * @param address the place's address
         * @return a copy with the address
         */
        public Location address(String address) {
            ObjectNode c = content.deepCopy();
            c.put("address", require(address, "location address"));
            return new Location(to, replyTo, c);
        }

        @Override
        public String type() {
            return "location";
        }

        @Override
        Location copy(ObjectNode content, String replyTo) {
            return new Location(to, replyTo, content);
        }
    }

    /** One or more contact cards. */
    public static final class Contacts extends Message<Contacts> {
        private final ArrayNode cards;

        private Contacts(String to, String replyTo, ArrayNode cards) {
            super(to, replyTo, Json.mapper().createObjectNode());
            this.cards = cards;
        }

        @Override
        public String type() {
            return "contacts";
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode root = super.toJson();
            root.set("contacts", cards.deepCopy());
            return root;
        }

        @Override
        Contacts copy(ObjectNode content, String replyTo) {
            return new Contacts(to, replyTo, cards);
        }
    }

    // ------------------------------------------------------------------ checks

    static String recipient(String to) {
        String t = require(to, "recipient phone number");
        long digits = t.chars().filter(Character::isDigit).count();
        if (!PHONE.matcher(t).matches() || digits < 5 || digits > 15) {
            throw new IllegalArgumentException("recipient must be a phone number with country code"
                    + " (5 to 15 digits, optional +): " + t);
        }
        return t;
    }

    static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        return value;
    }

    static String limit(String value, String what, int max) {
        require(value, what);
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw new IllegalArgumentException(what + " is " + length + " characters, at most " + max + " allowed");
        }
        return value;
    }

    static void distinct(List<String> values, String what) {
        Set<String> seen = new HashSet<>();
        for (String v : values) {
            if (!seen.add(v)) {
                throw new IllegalArgumentException(what + " must be distinct: \"" + v + "\" appears twice");
            }
        }
    }
}
