package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A message's {@code reply_markup}: an inline keyboard (core.telegram.org/bots/api#inlinekeyboardmarkup),
 * a reply keyboard (#replykeyboardmarkup), its removal (#replykeyboardremove) or a force-reply
 * (#forcereply). Immutable; the {@code with} methods return a copy.
 *
 * <pre>{@code
 * ReplyMarkup inline = ReplyMarkup.inlineKeyboard(
 *         List.of(Button.callback("Yes", "yes"), Button.callback("No", "no")),
 *         List.of(Button.url("Help", "https://example.com/help")));
 * ReplyMarkup keyboard = ReplyMarkup.keyboard(List.of(Button.text("Menu"), Button.requestLocation("Where am I")))
 *         .resize().oneTime().placeholder("Pick one");
 * bot.messages().sendMessage(chatId, "Choose:", SendOptions.create().replyMarkup(inline));
 * bot.messages().sendMessage(chatId, "Done", SendOptions.create().replyMarkup(ReplyMarkup.remove()));
 * }</pre>
 */
public final class ReplyMarkup {
    private final Map<String, Object> fields;

    private ReplyMarkup(Map<String, Object> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    /**
     * An inline keyboard: buttons under the message.
     *
     * @param rows the rows, each a list of {@link Button#callback}, {@link Button#url} or inline
     *     {@link Button#raw} buttons
     * @return the markup
     * @throws IllegalArgumentException if a button is a reply keyboard button
     */
    @SafeVarargs
    public static ReplyMarkup inlineKeyboard(List<Button>... rows) {
        List<List<Button>> list = new ArrayList<>();
        for (List<Button> row : rows) { // iterated, not passed on: the array never escapes
            list.add(row);
        }
        return new ReplyMarkup(new LinkedHashMap<>(Map.of("inline_keyboard", rows(true, list))));
    }

    /**
     * A reply keyboard: buttons in place of the user's keyboard.
     *
     * @param rows the rows, each a list of {@link Button#text}, {@link Button#requestContact},
     *     {@link Button#requestLocation} or reply {@link Button#raw} buttons
     * @return the markup
     * @throws IllegalArgumentException if a button is an inline button
     */
    @SafeVarargs
    public static ReplyMarkup keyboard(List<Button>... rows) {
        List<List<Button>> list = new ArrayList<>();
        for (List<Button> row : rows) {
            list.add(row);
        }
        return new ReplyMarkup(new LinkedHashMap<>(Map.of("keyboard", rows(false, list))));
    }

    private static List<List<Button>> rows(boolean inline, List<List<Button>> rows) {
        List<List<Button>> out = new ArrayList<>();
        for (List<Button> row : rows) {
            for (Button b : row) {
                if (b.isInline() != inline) {
                    throw new IllegalArgumentException((inline ? "an inline keyboard takes inline buttons"
                            : "a reply keyboard takes reply keyboard buttons") + ", not " + b);
                }
            }
            out.add(List.copyOf(row));
        }
        return List.copyOf(out);
    }

    /**
     * {@code {"remove_keyboard": true}}: the client hides the bot's reply keyboard.
     *
     * @return the markup
     */
    public static ReplyMarkup remove() {
        return new ReplyMarkup(new LinkedHashMap<>(Map.of("remove_keyboard", true)));
    }

    /**
     * {@code {"force_reply": true}}: the client opens a reply to the message.
     *
     * @return the markup
     */
    public static ReplyMarkup forceReply() {
        return new ReplyMarkup(new LinkedHashMap<>(Map.of("force_reply", true)));
    }

    /**
     * @param name a field of the markup object ({@code is_persistent}, {@code selective}, ...)
     * @param value its value
     * @return a copy with the field set
     */
    public ReplyMarkup with(String name, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(fields);
        m.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new ReplyMarkup(m);
    }

    /** @return a copy with {@code resize_keyboard: true} (a reply keyboard as small as its buttons) */
    public ReplyMarkup resize() {
        return with("resize_keyboard", true);
    }

    /** @return a copy with {@code one_time_keyboard: true} (a reply keyboard hidden once used) */
    public ReplyMarkup oneTime() {
        return with("one_time_keyboard", true);
    }

    /**
     * @param text {@code input_field_placeholder} of a reply keyboard or force-reply (1-64 characters)
     * @return a copy with it set
     */
    public ReplyMarkup placeholder(String text) {
        return with("input_field_placeholder", text);
    }

    /** @return the markup's JSON fields, as sent */
    @JsonValue
    public Map<String, Object> fields() {
        return fields;
    }

    /** @return the markup's fields */
    @Override
    public String toString() {
        return "ReplyMarkup" + fields;
    }
}
