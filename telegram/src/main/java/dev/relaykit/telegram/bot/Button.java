package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One keyboard button: an inline one (core.telegram.org/bots/api#inlinekeyboardbutton: callback
 * data, URL) for {@link ReplyMarkup#inlineKeyboard}, or a reply keyboard one
 * (core.telegram.org/bots/api#keyboardbutton: text, request the user's phone number or location) for
 * {@link ReplyMarkup#keyboard}. Limits Telegram would refuse with a 400 are checked here, before
 * anything is sent.
 *
 * <pre>{@code
 * ReplyMarkup menu = ReplyMarkup.inlineKeyboard(
 *         List.of(Button.callback("Buy", "buy:42"), Button.url("Docs", "https://example.com/docs")));
 * ReplyMarkup share = ReplyMarkup.keyboard(List.of(Button.requestContact("Share my phone"))).resize().oneTime();
 * }</pre>
 */
public final class Button {
    private final boolean inline;
    private final Map<String, Object> fields;

    private Button(boolean inline, Map<String, Object> fields) {
        this.inline = inline;
        this.fields = Collections.unmodifiableMap(fields);
    }

    private static Map<String, Object> text(String text, String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", Objects.requireNonNull(text, "text"));
        if (key != null) {
            m.put(key, value);
        }
        return m;
    }

    /**
     * An inline button that sends {@code data} back in a {@code callback_query} update when pressed.
     *
     * <pre>{@code
     * Button yes = Button.callback("Yes", "vote:yes");
     * }</pre>
     *
     * @param text the label
     * @param data {@code callback_data}: 1-64 bytes in UTF-8
     * @return the button
     * @throws IllegalArgumentException if {@code data} is empty or longer than 64 bytes
     */
    public static Button callback(String text, String data) {
        Objects.requireNonNull(data, "data");
        int bytes = data.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 1 || bytes > 64) {
            throw new IllegalArgumentException("callback_data must be 1-64 bytes in UTF-8, this one is " + bytes
                    + " bytes (keep an id in it and the rest on your side): " + data);
        }
        return new Button(true, text(text, "callback_data", data));
    }

    /**
     * An inline button that opens a URL.
     *
     * <pre>{@code
     * Button docs = Button.url("Docs", "https://example.com/docs");
     * }</pre>
     *
     * @param text the label
     * @param url an {@code http(s)://} or {@code tg://} URL
     * @return the button
     */
    public static Button url(String text, String url) {
        return new Button(true, text(text, "url", Objects.requireNonNull(url, "url")));
    }

    /**
     * A reply keyboard button that sends its text as a message.
     *
     * <pre>{@code
     * Button help = Button.text("Help");
     * }</pre>
     *
     * @param text the label and the message sent
     * @return the button
     */
    public static Button text(String text) {
        return new Button(false, text(text, null, null));
    }

    /**
     * A reply keyboard button that sends the user's phone number as a contact (private chats only).
     *
     * <pre>{@code
     * Button phone = Button.requestContact("Share my phone");
     * }</pre>
     *
     * @param text the label
     * @return the button
     */
    public static Button requestContact(String text) {
        return new Button(false, text(text, "request_contact", true));
    }

    /**
     * A reply keyboard button that sends the user's current location (private chats only).
     *
     * <pre>{@code
     * Button where = Button.requestLocation("Send my location");
     * }</pre>
     *
     * @param text the label
     * @return the button
     */
    public static Button requestLocation(String text) {
        return new Button(false, text(text, "request_location", true));
    }

    /**
     * Any button by its documented fields ({@code web_app}, {@code switch_inline_query},
     * {@code copy_text}, {@code request_users}, a field added after this release, ...).
     *
     * <pre>{@code
     * Button share = Button.raw(true, Map.of("text", "Share", "switch_inline_query", ""));
     * }</pre>
     *
     * @param inline whether it is an InlineKeyboardButton (else a KeyboardButton)
     * @param fields its fields, with {@code text}
     * @return the button
     * @throws IllegalArgumentException if there is no {@code text}
     */
    public static Button raw(boolean inline, Map<String, ?> fields) {
        if (!(fields.get("text") instanceof String)) {
            throw new IllegalArgumentException("a button needs its text");
        }
        return new Button(inline, new LinkedHashMap<>(fields));
    }

    /** @return whether this is an inline keyboard button */
    public boolean isInline() {
        return inline;
    }

    /** @return the button's JSON fields, as sent */
    @JsonValue
    public Map<String, Object> fields() {
        return fields;
    }

    /** @return the button's fields */
    @Override
    public String toString() {
        return (inline ? "InlineButton" : "Button") + fields;
    }
}
