package dev.relaykit.telegram.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.core.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reply markup is written as the Bot API documents it, and limits are checked before anything is sent. */
class KeyboardsTest {

    @Test
    void callbackDataOf65BytesIsRefusedLocallyWithAClearMessageAnd64BytesPass() {
        String ascii64 = "a".repeat(64);
        String multiByte65 = "é".repeat(32) + "a"; // 32 two-byte characters and one: 33 characters, 65 bytes

        assertThat(Button.callback("ok", ascii64).fields().get("callback_data")).isEqualTo(ascii64);
        assertThatThrownBy(() -> Button.callback("too long", "a".repeat(65)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("callback_data must be 1-64 bytes in UTF-8, this one is 65 bytes");
        assertThatThrownBy(() -> Button.callback("too long", multiByte65))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65 bytes");
        assertThatThrownBy(() -> Button.callback("empty", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("this one is 0 bytes");
    }

    @Test
    void aTooLongCallbackDataNeverReachesTelegram() throws Exception {
        try (BotServer t = new BotServer()) {
            assertThatThrownBy(() -> t.bot.messages().sendMessage(42L, "pick", SendOptions.create()
                    .replyMarkup(ReplyMarkup.inlineKeyboard(List.of(Button.callback("x", "id:" + "9".repeat(62)))))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(t.server.getRequestCount()).isZero();
        }
    }

    @Test
    void replyKeyboardButtonsAndOptionsAreTheDocumentedFields() {
        ReplyMarkup k = ReplyMarkup.keyboard(
                        List.of(Button.text("Menu")),
                        List.of(Button.requestContact("Phone"), Button.requestLocation("Where")))
                .resize().oneTime().placeholder("Pick one");

        // core.telegram.org/bots/api#replykeyboardmarkup and #keyboardbutton
        assertThat(Json.tree(Json.write(k))).isEqualTo(Json.tree("{\"keyboard\":[[{\"text\":\"Menu\"}],"
                + "[{\"text\":\"Phone\",\"request_contact\":true},{\"text\":\"Where\",\"request_location\":true}]],"
                + "\"resize_keyboard\":true,\"one_time_keyboard\":true,\"input_field_placeholder\":\"Pick one\"}"));
    }

    @Test
    void removeForceReplyAndInlineKeyboardAreTheDocumentedObjects() {
        // core.telegram.org/bots/api#replykeyboardremove, #forcereply, #inlinekeyboardmarkup
        assertThat(Json.write(ReplyMarkup.remove())).isEqualTo("{\"remove_keyboard\":true}");
        assertThat(Json.tree(Json.write(ReplyMarkup.forceReply().placeholder("Your name"))))
                .isEqualTo(Json.tree("{\"force_reply\":true,\"input_field_placeholder\":\"Your name\"}"));
        assertThat(Json.tree(Json.write(ReplyMarkup.inlineKeyboard(
                List.of(Button.callback("Yes", "y"), Button.url("Docs", "https://example.com")),
                List.of(Button.raw(true, java.util.Map.of("text", "Share", "switch_inline_query", "")))))))
                .isEqualTo(Json.tree("{\"inline_keyboard\":[[{\"text\":\"Yes\",\"callback_data\":\"y\"},"
                        + "{\"text\":\"Docs\",\"url\":\"https://example.com\"}],"
                        + "[{\"text\":\"Share\",\"switch_inline_query\":\"\"}]]}"));
    }

    @Test
    void inlineAndReplyButtonsDoNotMix() {
        assertThatThrownBy(() -> ReplyMarkup.inlineKeyboard(List.of(Button.requestContact("Phone"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inline keyboard takes inline buttons");
        assertThatThrownBy(() -> ReplyMarkup.keyboard(List.of(Button.callback("Yes", "y"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reply keyboard");
    }
}
