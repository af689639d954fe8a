package dev.relaykit.telegram.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each typed method of {@link BotMessages} sends the request core.telegram.org/bots/api documents
 * (method path, parameter names, JSON or multipart with attach://) and decodes the documented result.
 */
class BotMessagesTest extends BotServerTest {

    @Test
    void sendMessageSendsEveryCommonOptionByItsDocumentedNameAndDecodesTheMessage() throws Exception {
        t.ok(BotFixtures.TEXT_MESSAGE);

        BotMessage m = t.bot.messages().sendMessage(987654321L, "<b>hi</b>", SendOptions.create()
                .parseMode(SendOptions.HTML)
                .replyTo(41)
                .disableLinkPreview()
                .replyMarkup(ReplyMarkup.inlineKeyboard(List.of(Button.callback("Yes", "y"))))
                .disableNotification()
                .protectContent()
                .messageThreadId(7)
                .param("message_effect_id", "5104841245755180586"));

        // core.telegram.org/bots/api#sendmessage (Bot API 7.0 replaced reply_to_message_id and
        // disable_web_page_preview with reply_parameters and link_preview_options)
        JsonNode body = t.json("sendMessage");
        assertThat(body.path("chat_id").asLong()).isEqualTo(987654321L);
        assertThat(body.path("text").asText()).isEqualTo("<b>hi</b>");
        assertThat(body.path("parse_mode").asText()).isEqualTo("HTML");
        assertThat(body.path("reply_parameters")).isEqualTo(Json.tree("{\"message_id\":41}"));
        assertThat(body.path("link_preview_options")).isEqualTo(Json.tree("{\"is_disabled\":true}"));
        assertThat(body.path("reply_markup")).isEqualTo(
                Json.tree("{\"inline_keyboard\":[[{\"text\":\"Yes\",\"callback_data\":\"y\"}]]}"));
        assertThat(body.path("disable_notification").asBoolean()).isTrue();
        assertThat(body.path("protect_content").asBoolean()).isTrue();
        assertThat(body.path("message_thread_id").asLong()).isEqualTo(7);
        assertThat(body.path("message_effect_id").asText()).isEqualTo("5104841245755180586");
        assertThat(body.has("reply_to_message_id")).isFalse();
        assertThat(body.has("disable_web_page_preview")).isFalse();

        assertThat(m.messageId()).isEqualTo(4242);
        assertThat(m.messageThreadId()).isEqualTo(7L);
        assertThat(m.chat().id()).isEqualTo(987654321L);
        assertThat(m.chat().type()).isEqualTo("private");
        assertThat(m.from().username()).isEqualTo("ada");
        assertThat(m.date()).isEqualTo(Instant.ofEpochSecond(1764979200));
        assertThat(m.text()).isEqualTo("/start hello");
        assertThat(m.raw().path("entities").get(0).path("type").asText()).isEqualTo("bot_command");
        assertThat(m.raw().path("field_from_bot_api_99").path("x").asInt()).isEqualTo(1);
        assertThat(m.toString()).doesNotContain("hello");
    }

    @Test
    void eachOneFileSendUploadsALocalFileAsThePartOfItsDocumentedNameAndAFileIdAsJson(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("thing.bin");
        Files.write(file, new byte[] {1, 2, 3, (byte) 0xff});
        // core.telegram.org/bots/api#sendphoto, #sendaudio, #senddocument, #sendvideo, #sendanimation,
        // #sendvoice, #sendsticker: the file parameter is named after the kind
        record Send(String method, String field, java.util.function.BiFunction<InputFile, Map<String, ?>, BotMessage> call) {
        }
        BotMessages m = t.bot.messages();
        List<Send> sends = List.of(
                new Send("sendPhoto", "photo", (f, o) -> m.sendPhoto(42L, f, o)),
                new Send("sendAudio", "audio", (f, o) -> m.sendAudio(42L, f, o)),
                new Send("sendDocument", "document", (f, o) -> m.sendDocument(42L, f, o)),
                new Send("sendVideo", "video", (f, o) -> m.sendVideo(42L, f, o)),
                new Send("sendAnimation", "animation", (f, o) -> m.sendAnimation(42L, f, o)),
                new Send("sendVoice", "voice", (f, o) -> m.sendVoice(42L, f, o)),
                new Send("sendSticker", "sticker", (f, o) -> m.sendSticker(42L, f, o)));
        for (Send s : sends) {
            t.ok(BotFixtures.PHOTO_MESSAGE).ok(BotFixtures.PHOTO_MESSAGE).ok(BotFixtures.PHOTO_MESSAGE);

            BotMessage sent = s.call().apply(InputFile.upload(file, "application/x-test"),
                    SendOptions.create().caption("today").replyTo(5));
            s.call().apply(InputFile.fileId("AgACAgIAAxkBAAIB"), SendOptions.create());
            s.call().apply(InputFile.url("https://example.com/x"), Map.of());

            Map<String, BotServer.Part> parts = t.multipart(s.method());
            assertThat(parts.keySet()).as(s.method()).containsExactly("chat_id", "caption", "reply_parameters", s.field());
            assertThat(parts.get("chat_id").text()).isEqualTo("42");
            assertThat(parts.get("caption").text()).isEqualTo("today");
            assertThat(Json.tree(parts.get("reply_parameters").text())).isEqualTo(Json.tree("{\"message_id\":5}"));
            assertThat(parts.get(s.field()).filename()).isEqualTo("thing.bin");
            assertThat(parts.get(s.field()).contentType()).isEqualTo("application/x-test");
            assertThat(parts.get(s.field()).bytes()).containsExactly(1, 2, 3, 0xff);
            assertThat(t.json(s.method()).path(s.field()).asText()).isEqualTo("AgACAgIAAxkBAAIB");
            assertThat(t.json(s.method()).path(s.field()).asText()).isEqualTo("https://example.com/x");
            assertThat(sent.caption()).isEqualTo("today");
            assertThat(sent.raw().path("photo").get(0).path("file_id").asText()).isEqualTo("AgACAgIAAxkBAAIB");
        }
    }

    @Test
    void anUploadedThumbnailIsSentAsAttachWithAPartOfThatName(@TempDir Path dir) throws Exception {
        Path video = Files.write(dir.resolve("clip.mp4"), new byte[] {9, 9});
        Path thumb = Files.write(dir.resolve("thumb.jpg"), new byte[] {7});
        t.ok(BotFixtures.PHOTO_MESSAGE);

        t.bot.messages().sendVideo(42L, InputFile.upload(video, "video/mp4"),
                SendOptions.create().param("thumbnail", InputFile.upload(thumb, "image/jpeg")));

        // core.telegram.org/bots/api#sendvideo: "thumbnail ... can be only uploaded as a new file, so you can
        // pass attach://<file_attach_name> if the thumbnail was uploaded using multipart/form-data"
        Map<String, BotServer.Part> parts = t.multipart("sendVideo");
        assertThat(parts.get("thumbnail").text()).startsWith("attach://");
        String attached = parts.get("thumbnail").text().substring("attach://".length());
        assertThat(parts.get(attached).bytes()).containsExactly(7);
        assertThat(parts.get("video").bytes()).containsExactly(9, 9);
    }

    @Test
    void aMediaGroupSendsUploadsAsAttachPartsNamedInEachItem(@TempDir Path dir) throws Exception {
        Path a = Files.write(dir.resolve("a.jpg"), new byte[] {1});
        Path b = Files.write(dir.resolve("b.mp4"), new byte[] {2, 2});
        t.ok("[" + BotFixtures.PHOTO_MESSAGE + "," + BotFixtures.PHOTO_MESSAGE + "," + BotFixtures.PHOTO_MESSAGE + "]");

        List<BotMessage> album = t.bot.messages().sendMediaGroup(42L, List.of(
                InputMedia.photo(InputFile.upload(a, "image/jpeg")).caption("first").with("has_spoiler", true),
                InputMedia.video(InputFile.upload(b, "video/mp4")),
                InputMedia.photo(InputFile.fileId("AgACAgIAAxkBAAIB"))), SendOptions.create().disableNotification());

        // core.telegram.org/bots/api#sendmediagroup and #inputmediaphoto: "attach://<file_attach_name> to
        // upload a new one using multipart/form-data under <file_attach_name> name"
        Map<String, BotServer.Part> parts = t.multipart("sendMediaGroup");
        assertThat(parts.get("chat_id").text()).isEqualTo("42");
        assertThat(parts.get("disable_notification").text()).isEqualTo("true");
        JsonNode media = Json.tree(parts.get("media").text());
        assertThat(media).hasSize(3);
        assertThat(media.get(0).path("type").asText()).isEqualTo("photo");
        assertThat(media.get(0).path("caption").asText()).isEqualTo("first");
        assertThat(media.get(0).path("has_spoiler").asBoolean()).isTrue();
        assertThat(media.get(1).path("type").asText()).isEqualTo("video");
        assertThat(media.get(2).path("media").asText()).isEqualTo("AgACAgIAAxkBAAIB");
        String first = media.get(0).path("media").asText();
        String second = media.get(1).path("media").asText();
        assertThat(first).startsWith("attach://");
        assertThat(second).startsWith("attach://").isNotEqualTo(first);
        assertThat(parts.get(first.substring(9)).bytes()).containsExactly(1);
        assertThat(parts.get(first.substring(9)).filename()).isEqualTo("a.jpg");
        assertThat(parts.get(second.substring(9)).bytes()).containsExactly(2, 2);
        assertThat(parts.get(second.substring(9)).contentType()).isEqualTo("video/mp4");
        assertThat(album).hasSize(3).allSatisfy(m -> assertThat(m.caption()).isEqualTo("today"));
    }

    @Test
    void aMediaGroupOfOneOrElevenIsRefusedBeforeSending() {
        InputMedia one = InputMedia.photo(InputFile.fileId("x"));
        assertThatThrownBy(() -> t.bot.messages().sendMediaGroup(42L, List.of(one), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2-10");
        assertThatThrownBy(() -> t.bot.messages().sendMediaGroup(42L, java.util.Collections.nCopies(11, one), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(t.server.getRequestCount()).isZero();
    }

    @Test
    void locationContactPollAndDiceSendTheirDocumentedParameters() throws Exception {
        t.ok(BotFixtures.TEXT_MESSAGE).ok(BotFixtures.TEXT_MESSAGE).ok(BotFixtures.TEXT_MESSAGE)
                .ok(BotFixtures.TEXT_MESSAGE).ok(BotFixtures.TEXT_MESSAGE);
        BotMessages m = t.bot.messages();

        m.sendLocation(42L, 52.52, 13.405, Map.of("live_period", 900));
        m.sendContact(42L, "+15551234567", "Ada", Map.of("last_name", "Lovelace"));
        m.sendPoll(42L, "Lunch?", List.of("Pizza", "Salad"), Map.of("is_anonymous", false));
        m.sendDice(42L, "🎯", Map.of());
        m.sendDice("@channel", null, Map.of());

        // core.telegram.org/bots/api#sendlocation
        JsonNode loc = t.json("sendLocation");
        assertThat(loc.path("latitude").asDouble()).isEqualTo(52.52);
        assertThat(loc.path("longitude").asDouble()).isEqualTo(13.405);
        assertThat(loc.path("live_period").asInt()).isEqualTo(900);
        // #sendcontact
        JsonNode contact = t.json("sendContact");
        assertThat(contact.path("phone_number").asText()).isEqualTo("+15551234567");
        assertThat(contact.path("first_name").asText()).isEqualTo("Ada");
        assertThat(contact.path("last_name").asText()).isEqualTo("Lovelace");
        // #sendpoll: options is an array of InputPollOption (Bot API 7.3), not of strings
        JsonNode poll = t.json("sendPoll");
        assertThat(poll.path("question").asText()).isEqualTo("Lunch?");
        assertThat(poll.path("options")).isEqualTo(Json.tree("[{\"text\":\"Pizza\"},{\"text\":\"Salad\"}]"));
        assertThat(poll.path("is_anonymous").asBoolean(true)).isFalse();
        // #senddice
        assertThat(t.json("sendDice").path("emoji").asText()).isEqualTo("🎯");
        JsonNode die = t.json("sendDice");
        assertThat(die.path("chat_id").asText()).isEqualTo("@channel");
        assertThat(die.has("emoji")).isFalse();
    }

    @Test
    void editDeleteForwardAndCopySendTheirDocumentedParameters() throws Exception {
        t.ok(BotFixtures.TEXT_MESSAGE).ok(BotFixtures.PHOTO_MESSAGE).ok(BotFixtures.TEXT_MESSAGE)
                .ok(BotFixtures.TEXT_MESSAGE).ok("true").ok("true").ok(BotFixtures.TEXT_MESSAGE).ok("{\"message_id\":77}");
        BotMessages m = t.bot.messages();

        BotMessage edited = m.editMessageText(42L, 4242, "new", SendOptions.create().parseMode(SendOptions.MARKDOWN_V2));
        m.editMessageCaption(42L, 4243, "new caption", Map.of());
        m.editMessageReplyMarkup(42L, 4242, ReplyMarkup.inlineKeyboard(List.of(Button.url("Docs", "https://example.com"))));
        m.editMessageReplyMarkup(42L, 4242, null);
        assertThat(m.deleteMessage(42L, 4242)).isTrue();
        assertThat(m.deleteMessages(42L, List.of(1L, 2L, 3L))).isTrue();
        m.forwardMessage(42L, -1001234567890L, 9, SendOptions.create().protectContent());
        long copy = m.copyMessage(42L, -1001234567890L, 9, SendOptions.create().caption("c"));

        // core.telegram.org/bots/api#editmessagetext
        JsonNode text = t.json("editMessageText");
        assertThat(text.path("chat_id").asLong()).isEqualTo(42);
        assertThat(text.path("message_id").asLong()).isEqualTo(4242);
        assertThat(text.path("text").asText()).isEqualTo("new");
        assertThat(text.path("parse_mode").asText()).isEqualTo("MarkdownV2");
        assertThat(edited.messageId()).isEqualTo(4242);
        // #editmessagecaption
        assertThat(t.json("editMessageCaption").path("caption").asText()).isEqualTo("new caption");
        // #editmessagereplymarkup: without reply_markup the keyboard is removed
        assertThat(t.json("editMessageReplyMarkup").path("reply_markup").path("inline_keyboard").get(0).get(0)
                .path("url").asText()).isEqualTo("https://example.com");
        assertThat(t.json("editMessageReplyMarkup").has("reply_markup")).isFalse();
        // #deletemessage, #deletemessages
        assertThat(t.json("deleteMessage").path("message_id").asLong()).isEqualTo(4242);
        assertThat(t.json("deleteMessages").path("message_ids")).isEqualTo(Json.tree("[1,2,3]"));
        // #forwardmessage
        JsonNode fwd = t.json("forwardMessage");
        assertThat(fwd.path("from_chat_id").asLong()).isEqualTo(-1001234567890L);
        assertThat(fwd.path("message_id").asLong()).isEqualTo(9);
        assertThat(fwd.path("protect_content").asBoolean()).isTrue();
        // #copymessage answers a MessageId
        JsonNode cp = t.json("copyMessage");
        assertThat(cp.path("caption").asText()).isEqualTo("c");
        assertThat(copy).isEqualTo(77);
    }

    @Test
    void deleteMessagesTakesOneToAHundredIds() {
        assertThatThrownBy(() -> t.bot.messages().deleteMessages(42L, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1-100");
        assertThatThrownBy(() -> t.bot.messages().deleteMessages(42L, java.util.Collections.nCopies(101, 1L)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(t.server.getRequestCount()).isZero();
    }

    @Test
    void chatActionCallbackAnswerAndInlineAnswerSendTheirDocumentedParameters() throws Exception {
        t.ok("true").ok("true").ok("true").ok("true");
        BotMessages m = t.bot.messages();

        assertThat(m.sendChatAction(42L, "typing")).isTrue();
        assertThat(m.answerCallbackQuery("4382bfdwdsb323b2d9", "Saved", true)).isTrue();
        assertThat(m.answerCallbackQuery("4382bfdwdsb323b2d9", null, false)).isTrue();
        assertThat(m.answerInlineQuery("2834293", List.of(
                InlineQueryResult.article("1", "Hello", "Hello, world").with("description", "says hello"),
                InlineQueryResult.raw(Map.of("type", "photo", "id", "2", "photo_url", "https://example.com/a.jpg",
                        "thumbnail_url", "https://example.com/t.jpg"))), Map.of("cache_time", 0, "is_personal", true)))
                .isTrue();

        // core.telegram.org/bots/api#sendchataction
        JsonNode action = t.json("sendChatAction");
        assertThat(action.path("action").asText()).isEqualTo("typing");
        // #answercallbackquery
        JsonNode answer = t.json("answerCallbackQuery");
        assertThat(answer.path("callback_query_id").asText()).isEqualTo("4382bfdwdsb323b2d9");
        assertThat(answer.path("text").asText()).isEqualTo("Saved");
        assertThat(answer.path("show_alert").asBoolean()).isTrue();
        JsonNode quiet = t.json("answerCallbackQuery");
        assertThat(quiet.has("text")).isFalse();
        assertThat(quiet.has("show_alert")).isFalse();
        // #answerinlinequery and #inlinequeryresultarticle, #inputtextmessagecontent
        JsonNode inline = t.json("answerInlineQuery");
        assertThat(inline.path("inline_query_id").asText()).isEqualTo("2834293");
        assertThat(inline.path("cache_time").asInt()).isZero();
        assertThat(inline.path("is_personal").asBoolean()).isTrue();
        assertThat(inline.path("results").get(0)).isEqualTo(Json.tree("{\"type\":\"article\",\"id\":\"1\","
                + "\"title\":\"Hello\",\"input_message_content\":{\"message_text\":\"Hello, world\"},"
                + "\"description\":\"says hello\"}"));
        assertThat(inline.path("results").get(1).path("photo_url").asText()).isEqualTo("https://example.com/a.jpg");
    }

    @Test
    void anInlineQueryResultIdOver64BytesIsRefused() {
        assertThatThrownBy(() -> InlineQueryResult.article("x".repeat(65), "t", "m"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1-64 bytes");
        assertThatThrownBy(() -> InlineQueryResult.raw(Map.of("type", "photo")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typedMethodsGoThroughTheAsyncRawCallTooWithUploads(@TempDir Path dir) throws Exception {
        Path photo = Files.write(dir.resolve("p.png"), new byte[] {5});
        t.ok(BotFixtures.PHOTO_MESSAGE);

        BotMessage m = t.bot.callAsync("sendPhoto", SendOptions.create().param("chat_id", 42L)
                        .param("photo", InputFile.upload(photo, "image/png")).caption("x"))
                .thenApply(BotMessage::of).get(5, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(t.multipart("sendPhoto").get("photo").bytes()).containsExactly(5);
        assertThat(m.messageId()).isEqualTo(4243);
    }
}
