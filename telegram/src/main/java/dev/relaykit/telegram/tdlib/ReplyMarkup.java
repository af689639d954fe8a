package dev.relaykit.telegram.tdlib;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Buttons under a sent message: TDLib's {@code ReplyMarkup} (bots only). An inline keyboard hangs under
 * the message (callback buttons raise {@link TdListener#onCallbackQuery}, URL buttons open a link); a
 * reply keyboard replaces the user's keyboard (plain text buttons, or buttons that ask for the user's
 * phone number or location). Shapes as in td_api.tl of TDLib 1.8.67 ({@code replyMarkupInlineKeyboard},
 * {@code replyMarkupShowKeyboard}, {@code replyMarkupRemoveKeyboard}).
 *
 * <pre>{@code
 * ReplyMarkup vote = ReplyMarkup.inlineKeyboard(List.of(
 *         List.of(ReplyMarkup.callback("Yes", "vote:yes"), ReplyMarkup.callback("No", "vote:no")),
 *         List.of(ReplyMarkup.url("Rules", "https://example.com/rules"))));
 * client.messages().send(chatId, TdMessages.text(FormattedText.plain("Deploy?")), vote);
 *
 * ReplyMarkup ask = ReplyMarkup.keyboard(List.of(
 *         List.of(ReplyMarkup.requestPhone("Share my number"), ReplyMarkup.requestLocation("Where am I")),
 *         List.of(ReplyMarkup.text("Cancel"))), true, true);
 * }</pre>
 */
public final class ReplyMarkup {
    private final ObjectNode td;

    private ReplyMarkup(ObjectNode td) {
        this.td = td;
    }

    /**
     * @param rows rows of {@link #callback} and {@link #url} buttons
     * @return an inline keyboard under the message ({@code replyMarkupInlineKeyboard})
     * @throws IllegalArgumentException if a button is a reply keyboard button
     */
    public static ReplyMarkup inlineKeyboard(List<List<Button>> rows) {
        ObjectNode m = TdClient.function("replyMarkupInlineKeyboard");
        addRows(m, rows, true);
        return new ReplyMarkup(m);
    }

    /**
     * @param rows rows of {@link #text}, {@link #requestPhone} and {@link #requestLocation} buttons
     * @param resize let the app shrink the keyboard to fit its buttons
     * @param oneTime hide the keyboard after a button was pressed
     * @return a keyboard shown in place of the user's ({@code replyMarkupShowKeyboard})
     * @throws IllegalArgumentException if a button is an inline button
     */
    public static ReplyMarkup keyboard(List<List<Button>> rows, boolean resize, boolean oneTime) {
        ObjectNode m = TdClient.function("replyMarkupShowKeyboard").put("is_persistent", false).put("resize_keyboard", resize)
                .put("one_time", oneTime).put("is_personal", false).put("input_field_placeholder", "");
        addRows(m, rows, false);
        return new ReplyMarkup(m);
    }

    /** @return removes a reply keyboard sent earlier ({@code replyMarkupRemoveKeyboard}) */
    public static ReplyMarkup removeKeyboard() {
        return new ReplyMarkup(TdClient.function("replyMarkupRemoveKeyboard").put("is_personal", false));
    }

    /**
     * @param text the label
     * @param data what {@link CallbackQuery#data()} carries back, 1 to 64 bytes
     * @return an inline button that raises a callback query ({@code inlineKeyboardButtonTypeCallback})
     */
    public static Button callback(String text, byte[] data) {
        if (data.length == 0 || data.length > 64) {
            throw new IllegalArgumentException("callback data must be 1 to 64 bytes (Telegram's limit), not "
                    + data.length);
        }
        return inline(text, TdClient.function("inlineKeyboardButtonTypeCallback").put("data", Base64.getEncoder().encodeToString(data)));
    }

    /**
     * @param text the label
     * @param data what {@link CallbackQuery#dataText()} carries back, up to 64 bytes in UTF-8
     * @return an inline button that raises a callback query
     */
    public static Button callback(String text, String data) {
        return callback(text, data.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param text the label
     * @param url the link the app opens ({@code http(s)://} or {@code tg://})
     * @return an inline button that opens a link ({@code inlineKeyboardButtonTypeUrl})
     */
    public static Button url(String text, String url) {
        return inline(text, TdClient.function("inlineKeyboardButtonTypeUrl").put("url", Objects.requireNonNull(url, "url")));
    }

    /**
     * @param text the label, sent as a message when pressed
     * @return a reply keyboard button ({@code keyboardButtonTypeText})
     */
    public static Button text(String text) {
        return reply(text, "keyboardButtonTypeText");
    }

    /**
     * @param text the label
     * @return a reply keyboard button that sends the user's phone number as a contact, after they agree
     *     ({@code keyboardButtonTypeRequestPhoneNumber}; private chats only)
     */
    public static Button requestPhone(String text) {
        return reply(text, "keyboardButtonTypeRequestPhoneNumber");
    }

    /**
     * @param text the label
     * @return a reply keyboard button that sends the user's location, after they agree
     *     ({@code keyboardButtonTypeRequestLocation}; private chats only)
     */
    public static Button requestLocation(String text) {
        return reply(text, "keyboardButtonTypeRequestLocation");
    }

    private static Button inline(String text, ObjectNode type) {
        ObjectNode b = TdClient.function("inlineKeyboardButton").put("text", Objects.requireNonNull(text, "text"));
        b.set("type", type);
        return new Button(b, true);
    }

    private static Button reply(String text, String type) {
        ObjectNode b = TdClient.function("keyboardButton").put("text", Objects.requireNonNull(text, "text"));
        b.set("type", TdClient.function(type));
        return new Button(b, false);
    }

    private static void addRows(ObjectNode markup, List<List<Button>> rows, boolean inline) {
        ArrayNode out = markup.putArray("rows");
        for (List<Button> row : rows) {
            ArrayNode r = out.addArray();
            for (Button b : row) {
                if (b.inline != inline) {
                    throw new IllegalArgumentException("the " + (b.inline ? "inline" : "reply keyboard") + " button \""
                            + b.td.path("text").asText() + "\" does not belong in " + (inline
                            ? "an inline keyboard (use callback or url)" : "a reply keyboard (use text, requestPhone"
                            + " or requestLocation)"));
                }
                r.add(b.td.deepCopy());
            }
        }
    }

    /** @return TDLib's object (a copy) */
    ObjectNode toTd() {
        return td.deepCopy();
    }

    @Override
    public String toString() {
        return td.toString();
    }

    /**
     * One button of a {@link ReplyMarkup}: made by {@link #callback}, {@link #url} (inline) or
     * {@link #text}, {@link #requestPhone}, {@link #requestLocation} (reply keyboard).
     *
     * <pre>{@code
     * ReplyMarkup.Button yes = ReplyMarkup.callback("Yes", "vote:yes");
     * }</pre>
     */
    public static final class Button {
        private final ObjectNode td;
        private final boolean inline;

        private Button(ObjectNode td, boolean inline) {
            this.td = td;
            this.inline = inline;
        }

        @Override
        public String toString() {
            return td.toString();
        }
    }
}
