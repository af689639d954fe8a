package dev.relaykit.telegram.tdlib;

import static dev.relaykit.telegram.tdlib.ScriptedTdJson.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.RelayKitException;
import dev.relaykit.core.json.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The typed daily methods against {@link ScriptedTdJson}, a SCRIPTED JSON-level fake of
 * td_send/td_receive (not the real TDLib: these need a logged-in account on Telegram's servers).
 * Answers are td_api.tl objects saved under src/test/resources/tdlib.
 */
class TdDailyScriptedTest {
    private final ScriptedTdJson td = new ScriptedTdJson();
    private TdClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    private TdClient start() {
        client = td.client().build();
        return client;
    }

    @Test
    void meChatsAndHistoryAreTyped() {
        td.on("getMe", (c, r) -> td.answer(c, r, fixture("user.json")));
        td.on("getChats", (c, r) -> td.answer(c, r, "{\"@type\":\"chats\",\"total_count\":1,\"chat_ids\":[-1001234567890]}"));
        td.on("getChat", (c, r) -> td.answer(c, r, fixture("chat.json")));
        td.on("getChatHistory", (c, r) -> td.answer(c, r, "{\"@type\":\"messages\",\"total_count\":2,\"messages\":["
                + fixture("message-text.json") + "," + fixture("message-document.json") + "]}"));
        start();
        User me = client.chats().me();
        assertThat(me.id()).isEqualTo(777000123L);
        assertThat(me.username()).isEqualTo("ada");
        assertThat(me.bot()).isFalse();

        List<Chat> chats = client.chats().list(10);
        assertThat(chats).singleElement().satisfies(ch -> {
            assertThat(ch.id()).isEqualTo(-1001234567890L);
            assertThat(ch.kind()).isEqualTo("Supergroup");
            assertThat(ch.channel()).isTrue();
            assertThat(ch.title()).isEqualTo("Releases");
        });
        assertThat(td.last("getChats").path("chat_list").path("@type").asText()).isEqualTo("chatListMain");
        assertThat(td.last("getChats").path("limit").asInt()).isEqualTo(10);

        List<Message> history = client.chats().history(-1001234567890L, 0, 50);
        assertThat(history).hasSize(2);
        assertThat(history.get(0).contentType()).isEqualTo("Text");
        assertThat(history.get(0).text().text()).isEqualTo("bold it");
        assertThat(history.get(0).senderUserId()).isEqualTo(777000123L);
        assertThat(history.get(0).date()).isEqualTo(Instant.ofEpochSecond(1733480000));
        assertThat(history.get(0).sending()).isEqualTo("pending");
        assertThat(history.get(1).contentType()).isEqualTo("Document");
        assertThat(history.get(1).fileId()).isEqualTo(42);
        assertThat(history.get(1).senderChatId()).isEqualTo(-1001234567890L);
        assertThat(history.get(1).text().text()).isEqualTo("Q3");
        JsonNode req = td.last("getChatHistory");
        assertThat(req.path("chat_id").asLong()).isEqualTo(-1001234567890L);
        assertThat(req.path("limit").asInt()).isEqualTo(50);
    }

    @Test
    void markdownIsParsedByTdlibIntoEntitiesBeforeTheSend() {
        // td_execute parseTextEntities answered as TDLib does (the real library's answer is TdExecuteTest's)
        td.onExecute(r -> {
            assertThat(r.path("@type").asText()).isEqualTo("parseTextEntities");
            assertThat(r.path("parse_mode").path("@type").asText()).isEqualTo("textParseModeMarkdown");
            assertThat(r.path("parse_mode").path("version").asInt()).isEqualTo(2);
            return "{\"@type\":\"formattedText\",\"text\":\"bold it\",\"entities\":[{\"@type\":\"textEntity\",\"offset\":0,"
                    + "\"length\":4,\"type\":{\"@type\":\"textEntityTypeBold\"}}]}";
        });
        td.on("sendMessage", (c, r) -> td.answer(c, r, fixture("message-text.json")));
        start();
        Message m = client.messages().sendText(-1001234567890L, "*bold* it", ParseMode.MARKDOWN_V2);
        assertThat(m.sending()).isEqualTo("pending");
        JsonNode sent = td.last("sendMessage");
        assertThat(sent.path("chat_id").asLong()).isEqualTo(-1001234567890L);
        JsonNode content = sent.path("input_message_content");
        assertThat(content.path("@type").asText()).isEqualTo("inputMessageText");
        assertThat(content.path("text").path("@type").asText()).isEqualTo("formattedText");
        assertThat(content.path("text").path("text").asText()).isEqualTo("bold it");
        assertThat(content.path("text").path("entities").get(0).path("type").path("@type").asText())
                .isEqualTo("textEntityTypeBold");
    }

    @Test
    void invalidMarkupSendsNothing() {
        td.onExecute(r -> "{\"@type\":\"error\",\"code\":400,\"message\":\"Can't find end of Bold entity at byte offset 0\"}");
        start().awaitAuthorization(AuthorizationState.WaitPhoneNumber.class, Duration.ofSeconds(10));
        int before = td.sent.size();
        assertThatThrownBy(() -> client.messages().sendText(1L, "*oops", ParseMode.MARKDOWN_V2))
                .isInstanceOf(TdException.class).hasMessageContaining("Bold");
        assertThat(td.last("sendMessage")).isNull();
        assertThat(td.sent).hasSize(before);
    }

    @Test
    void documentsAndPhotosGoOutInTheirInputDocumentAndInputPhoto() {
        td.on("sendMessage", (c, r) -> td.answer(c, r, fixture("message-document.json")));
        start();
        Message m = client.messages().sendDocument(5L, InputFile.local(Path.of("/tmp/report.pdf")), FormattedText.plain("Q3"));
        assertThat(m.fileId()).isEqualTo(42);
        JsonNode doc = td.last("sendMessage").path("input_message_content");
        assertThat(doc.path("@type").asText()).isEqualTo("inputMessageDocument");
        // TDLib 1.8.67 wraps the file: inputMessageDocument.document is an inputDocument
        assertThat(doc.path("document").path("@type").asText()).isEqualTo("inputDocument");
        assertThat(doc.path("document").path("document").path("@type").asText()).isEqualTo("inputFileLocal");
        assertThat(doc.path("document").path("document").path("path").asText()).isEqualTo("/tmp/report.pdf");
        assertThat(doc.path("caption").path("text").asText()).isEqualTo("Q3");

        client.messages().sendPhoto(5L, InputFile.remote("https://example.com/cat.jpg"), null);
        JsonNode photo = td.last("sendMessage").path("input_message_content");
        assertThat(photo.path("@type").asText()).isEqualTo("inputMessagePhoto");
        assertThat(photo.path("photo").path("@type").asText()).isEqualTo("inputPhoto");
        assertThat(photo.path("photo").path("photo").path("@type").asText()).isEqualTo("inputFileRemote");
        assertThat(photo.path("photo").path("photo").path("id").asText()).isEqualTo("https://example.com/cat.jpg");
        assertThat(photo.has("caption")).isFalse();
    }

    @Test
    void editDeleteAndForwardSendTheDocumentedFields() {
        td.onExecute(r -> "{\"@type\":\"formattedText\",\"text\":\"" + r.path("text").asText() + "\",\"entities\":[]}");
        td.on("editMessageText", (c, r) -> td.answer(c, r, fixture("message-text.json")));
        td.on("deleteMessages", (c, r) -> td.answer(c, r, "{\"@type\":\"ok\"}"));
        td.on("forwardMessages", (c, r) -> td.answer(c, r, "{\"@type\":\"messages\",\"total_count\":2,\"messages\":["
                + fixture("message-text.json") + ",null]}"));
        start();
        client.messages().editText(5L, 1048576L, "new", ParseMode.HTML);
        JsonNode edit = td.last("editMessageText");
        assertThat(edit.path("message_id").asLong()).isEqualTo(1048576L);
        assertThat(edit.path("input_message_content").path("text").path("text").asText()).isEqualTo("new");

        client.messages().delete(5L, List.of(1L, 2L), true);
        JsonNode del = td.last("deleteMessages");
        assertThat(del.path("message_ids").toString()).isEqualTo("[1,2]");
        assertThat(del.path("revoke").asBoolean()).isTrue();

        List<Message> fwd = client.messages().forward(6L, 5L, List.of(1L, 2L), false);
        assertThat(fwd).as("a message TDLib could not forward is null in its answer, and left out").hasSize(1);
        JsonNode f = td.last("forwardMessages");
        assertThat(f.path("chat_id").asLong()).isEqualTo(6L);
        assertThat(f.path("from_chat_id").asLong()).isEqualTo(5L);
        assertThat(f.path("message_ids").toString()).isEqualTo("[1,2]");
    }

    private static String fileAt(long downloaded, boolean active, boolean complete) {
        ObjectNode f = (ObjectNode) Json.tree(fixture("file.json"));
        ((ObjectNode) f.path("local")).put("downloaded_size", downloaded).put("downloaded_prefix_size", downloaded)
                .put("is_downloading_active", active).put("is_downloading_completed", complete);
        return Json.write(f);
    }

    @Test
    void aDownloadReportsProgressInOrderUntilComplete() throws Exception {
        td.on("downloadFile", (c, r) -> {
            td.answer(c, r, fileAt(0, true, false));
            td.push(c, "{\"@type\":\"updateFile\",\"file\":" + fileAt(250, true, false) + "}");
            td.push(c, "{\"@type\":\"updateFile\",\"file\":" + fileAt(700, true, false) + "}");
            td.push(c, "{\"@type\":\"updateFile\",\"file\":" + fileAt(1000, false, true) + "}");
        });
        start();
        List<Integer> percents = new CopyOnWriteArrayList<>();
        TdFile done = client.files().download(42, f -> percents.add(f.percent())).get(10, TimeUnit.SECONDS);
        // the answer (0 %) may be attached after TDLib's later updates were dispatched: it is then dropped,
        // progress never goes back
        assertThat(percents).isSorted().contains(25, 70).endsWith(100).doesNotHaveDuplicates();
        assertThat(done.downloaded()).isTrue();
        assertThat(done.localPath()).isEqualTo("/tmp/td/documents/report.pdf");
        JsonNode req = td.last("downloadFile");
        assertThat(req.path("file_id").asInt()).isEqualTo(42);
        assertThat(req.path("priority").asInt()).isBetween(1, 32);
        assertThat(req.path("synchronous").asBoolean()).isFalse();
    }

    @Test
    void aDownloadThatStopsFailsInsteadOfWaitingForever() {
        td.on("downloadFile", (c, r) -> {
            td.answer(c, r, fileAt(0, true, false));
            td.push(c, "{\"@type\":\"updateFile\",\"file\":" + fileAt(300, false, false) + "}");
        });
        start();
        assertThatThrownBy(() -> client.files().download(42, f -> { }).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(RelayKitException.class).hasMessageContaining("stopped at 300 of 1000");
    }

    @Test
    void newMessagesChatsAndSendOutcomesArriveTyped() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch failed = new java.util.concurrent.CountDownLatch(1);
        client = td.client().listener(new TdListener() {
            @Override
            public void onNewMessage(TdClient c, Message m) {
                events.add("new " + m.contentType() + " " + m.text().text());
            }

            @Override
            public void onNewChat(TdClient c, Chat chat) {
                events.add("chat " + chat.title());
            }

            @Override
            public void onMessageSendSucceeded(TdClient c, Message m, long old) {
                events.add("sent " + old + "->" + m.id());
            }

            @Override
            public void onMessageSendFailed(TdClient c, Message m, long old, TdException e) {
                events.add("failed " + old + " " + e.tdCode() + " " + e.serviceMessage());
                failed.countDown();
            }
        }).build();
        int id = client.clientId();
        td.push(id, "{\"@type\":\"updateNewChat\",\"chat\":" + fixture("chat.json") + "}");
        td.push(id, "{\"@type\":\"updateNewMessage\",\"message\":" + fixture("message-document.json") + "}");
        ObjectNode done = (ObjectNode) Json.tree(fixture("message-text.json"));
        done.put("id", 1048577).remove("sending_state");
        td.push(id, "{\"@type\":\"updateMessageSendSucceeded\",\"message\":" + Json.write(done)
                + ",\"old_message_id\":1048576}");
        td.push(id, "{\"@type\":\"updateMessageSendFailed\",\"message\":" + fixture("message-text.json")
                + ",\"old_message_id\":1048576,\"error\":{\"@type\":\"error\",\"code\":403,"
                + "\"message\":\"USER_IS_BLOCKED\"}}");
        assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(events).containsExactly("chat Releases", "new Document Q3", "sent 1048576->1048577",
                "failed 1048576 403 USER_IS_BLOCKED");
    }
}
