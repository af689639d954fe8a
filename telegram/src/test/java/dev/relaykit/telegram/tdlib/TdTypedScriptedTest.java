package dev.relaykit.telegram.tdlib;

import static dev.relaykit.telegram.tdlib.ScriptedTdJson.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Keyboards, video/audio/invoice sends, callback queries, file updates, sponsored messages and groups against
 * {@link ScriptedTdJson}, a SCRIPTED JSON-level fake of td_send/td_receive (not the real TDLib: these need a
 * logged-in account on Telegram's servers). Each test checks the JSON sent against td_api.tl of TDLib 1.8.67
 * and decodes an answer saved under src/test/resources/tdlib in the schema's shape;
 * {@link TdTypedRequestsNativeTest} has the real library's parser read the same requests.
 */
class TdTypedScriptedTest {
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

    private void answer(String function, String fixture) {
        td.on(function, (c, r) -> td.answer(c, r, fixture(fixture)));
    }

    @Test
    void inlineAndReplyKeyboardsGoOutAsReplyMarkup() {
        answer("sendMessage", "message-text.json");
        start();
        client.messages().send(5L, TdMessages.text(FormattedText.plain("Deploy?")), ReplyMarkup.inlineKeyboard(List.of(
                List.of(ReplyMarkup.callback("Yes", "deploy:yes"), ReplyMarkup.url("Log", "https://example.com/log")))));
        JsonNode inline = td.last("sendMessage").path("reply_markup");
        assertThat(inline.path("@type").asText()).isEqualTo("replyMarkupInlineKeyboard");
        JsonNode yes = inline.path("rows").get(0).get(0);
        assertThat(yes.path("@type").asText()).isEqualTo("inlineKeyboardButton");
        assertThat(yes.path("text").asText()).isEqualTo("Yes");
        assertThat(yes.path("type").path("@type").asText()).isEqualTo("inlineKeyboardButtonTypeCallback");
        assertThat(yes.path("type").path("data").asText()).as("bytes go as base64").isEqualTo("ZGVwbG95Onllcw==");
        JsonNode log = inline.path("rows").get(0).get(1);
        assertThat(log.path("type").path("@type").asText()).isEqualTo("inlineKeyboardButtonTypeUrl");
        assertThat(log.path("type").path("url").asText()).isEqualTo("https://example.com/log");
        assertThat(td.last("sendMessage").path("input_message_content").path("text").path("text").asText())
                .isEqualTo("Deploy?");

        client.messages().send(5L, TdMessages.text(FormattedText.plain("Share?")), ReplyMarkup.keyboard(List.of(
                List.of(ReplyMarkup.requestPhone("Phone"), ReplyMarkup.requestLocation("Where")),
                List.of(ReplyMarkup.text("Cancel"))), true, true));
        JsonNode kb = td.last("sendMessage").path("reply_markup");
        assertThat(kb.path("@type").asText()).isEqualTo("replyMarkupShowKeyboard");
        assertThat(kb.path("resize_keyboard").asBoolean()).isTrue();
        assertThat(kb.path("one_time").asBoolean()).isTrue();
        assertThat(kb.path("rows").get(0).get(0).path("@type").asText()).isEqualTo("keyboardButton");
        assertThat(kb.path("rows").get(0).get(0).path("type").path("@type").asText())
                .isEqualTo("keyboardButtonTypeRequestPhoneNumber");
        assertThat(kb.path("rows").get(0).get(1).path("type").path("@type").asText())
                .isEqualTo("keyboardButtonTypeRequestLocation");
        assertThat(kb.path("rows").get(1).get(0).path("type").path("@type").asText()).isEqualTo("keyboardButtonTypeText");
        assertThat(kb.path("rows").get(1).get(0).path("text").asText()).isEqualTo("Cancel");

        client.messages().send(5L, TdMessages.text(FormattedText.plain("bye")), ReplyMarkup.removeKeyboard());
        assertThat(td.last("sendMessage").path("reply_markup").path("@type").asText()).isEqualTo("replyMarkupRemoveKeyboard");
    }

    @Test
    void aButtonOfTheOtherKindOfKeyboardIsRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> ReplyMarkup.inlineKeyboard(List.of(List.of(ReplyMarkup.requestPhone("Phone")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Phone");
        assertThatThrownBy(() -> ReplyMarkup.keyboard(List.of(List.of(ReplyMarkup.url("x", "https://x"))), true, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReplyMarkup.callback("x", new byte[65])).hasMessageContaining("64 bytes");
    }

    @Test
    void videoAndAudioGoOutLocalOrRemoteWithTheirCaptions() {
        answer("sendMessage", "message-video.json");
        start();
        Message sent = client.messages().sendVideo(5L, InputFile.local(Path.of("/tmp/demo.mp4")),
                FormattedText.plain("Release demo"));
        assertThat(sent.contentType()).isEqualTo("Video");
        assertThat(sent.fileId()).isEqualTo(77);
        JsonNode video = td.last("sendMessage").path("input_message_content");
        assertThat(video.path("@type").asText()).isEqualTo("inputMessageVideo");
        assertThat(video.path("video").path("@type").asText()).isEqualTo("inputVideo");
        assertThat(video.path("video").path("video").path("@type").asText()).isEqualTo("inputFileLocal");
        assertThat(video.path("video").path("video").path("path").asText()).isEqualTo("/tmp/demo.mp4");
        assertThat(video.path("video").path("supports_streaming").asBoolean()).isTrue();
        assertThat(video.path("caption").path("text").asText()).isEqualTo("Release demo");

        client.messages().sendAudio(5L, InputFile.remote("https://example.com/track.mp3"), FormattedText.plain("Track 1"));
        JsonNode audio = td.last("sendMessage").path("input_message_content");
        assertThat(audio.path("@type").asText()).isEqualTo("inputMessageAudio");
        assertThat(audio.path("audio").path("@type").asText()).isEqualTo("inputAudio");
        assertThat(audio.path("audio").path("audio").path("@type").asText()).isEqualTo("inputFileRemote");
        assertThat(audio.path("audio").path("audio").path("id").asText()).isEqualTo("https://example.com/track.mp3");
        assertThat(audio.path("caption").path("text").asText()).isEqualTo("Track 1");
    }

    @Test
    void anInvoiceGoesOutAsInputMessageInvoice() {
        answer("sendMessage", "message-text.json");
        start();
        client.messages().send(5L, TdMessages.invoice("Pro", "One month of Pro", "XTR",
                List.of(new TdMessages.Price("Pro, 1 month", 250), new TdMessages.Price("Tip", 10)),
                "order-1042".getBytes(StandardCharsets.UTF_8), Secret.of("")), null);
        JsonNode c = td.last("sendMessage").path("input_message_content");
        assertThat(c.path("@type").asText()).isEqualTo("inputMessageInvoice");
        assertThat(c.path("title").asText()).isEqualTo("Pro");
        assertThat(c.path("description").asText()).isEqualTo("One month of Pro");
        assertThat(c.path("payload").asText()).isEqualTo("b3JkZXItMTA0Mg==");
        assertThat(c.path("provider_token").asText()).isEmpty();
        JsonNode invoice = c.path("invoice");
        assertThat(invoice.path("@type").asText()).isEqualTo("invoice");
        assertThat(invoice.path("currency").asText()).isEqualTo("XTR");
        assertThat(invoice.path("price_parts")).hasSize(2);
        assertThat(invoice.path("price_parts").get(0).path("@type").asText()).isEqualTo("labeledPricePart");
        assertThat(invoice.path("price_parts").get(0).path("label").asText()).isEqualTo("Pro, 1 month");
        assertThat(invoice.path("price_parts").get(0).path("amount").asLong()).isEqualTo(250);
        assertThat(td.last("sendMessage").has("reply_markup")).isFalse();
    }

    @Test
    void aCallbackQueryArrivesTypedAndIsAnswered() throws Exception {
        td.on("answerCallbackQuery", (c, r) -> td.answer(c, r, "{\"@type\":\"ok\"}"));
        List<CallbackQuery> queries = new CopyOnWriteArrayList<>();
        CountDownLatch answered = new CountDownLatch(1);
        client = td.client().listener(new TdListener() {
            @Override
            public void onCallbackQuery(TdClient c, CallbackQuery q) {
                queries.add(q);
                // answered from the callback itself: the async form does not wait on the dispatcher
                c.messages().answerCallbackQuery(q.id(), "Voted " + q.dataText(), true, "", 30)
                        .thenRun(answered::countDown);
            }
        }).build();
        td.push(client.clientId(), fixture("update-new-callback-query.json"));
        assertThat(answered.await(10, TimeUnit.SECONDS)).isTrue();
        CallbackQuery q = queries.get(0);
        assertThat(q.id()).as("TDLib writes int64 as a JSON string").isEqualTo(5981243150290841601L);
        assertThat(q.senderUserId()).isEqualTo(777000123L);
        assertThat(q.messageId()).isEqualTo(2097152L);
        assertThat(q.chatInstance()).isEqualTo(-6420383957021530471L);
        assertThat(q.payloadType()).isEqualTo("Data");
        assertThat(q.dataText()).isEqualTo("vote:yes");
        JsonNode a = td.last("answerCallbackQuery");
        assertThat(a.path("callback_query_id").asLong()).isEqualTo(5981243150290841601L);
        assertThat(a.path("text").asText()).isEqualTo("Voted vote:yes");
        assertThat(a.path("show_alert").asBoolean()).isTrue();
        assertThat(a.path("cache_time").asInt()).isEqualTo(30);
    }

    @Test
    void fileUpdatesAndVideoMessagesArriveTyped() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        client = td.client().listener(new TdListener() {
            @Override
            public void onFile(TdClient c, TdFile f) {
                events.add("file " + f.id() + " up " + f.uploadedSize() + (f.uploading() ? " uploading" : ""));
            }

            @Override
            public void onNewMessage(TdClient c, Message m) {
                events.add("new " + m.contentType() + " " + m.fileId() + " " + m.text().text());
                done.countDown();
            }
        }).build();
        String file = fixture("file.json").replace("\"is_uploading_active\":false", "\"is_uploading_active\":true")
                .replace("\"uploaded_size\":1000", "\"uploaded_size\":400");
        td.push(client.clientId(), "{\"@type\":\"updateFile\",\"file\":" + file + "}");
        td.push(client.clientId(), "{\"@type\":\"updateNewMessage\",\"message\":" + fixture("message-video.json") + "}");
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(events).containsExactly("file 42 up 400 uploading", "new Video 77 Release demo");
    }

    @Test
    void sponsoredMessagesAreListedViewedAndClicked() {
        answer("getChatSponsoredMessages", "sponsored-messages.json");
        td.on("viewMessages", (c, r) -> td.answer(c, r, "{\"@type\":\"ok\"}"));
        td.on("clickChatSponsoredMessage", (c, r) -> td.answer(c, r, "{\"@type\":\"ok\"}"));
        start();
        SponsoredMessage.Page page = client.messages().sponsored(-1001234567890L);
        assertThat(td.last("getChatSponsoredMessages").path("chat_id").asLong()).isEqualTo(-1001234567890L);
        assertThat(page.messagesBetween()).isEqualTo(20);
        SponsoredMessage ad = page.messages().get(0);
        assertThat(ad.messageId()).isEqualTo(-1L);
        assertThat(ad.title()).isEqualTo("Acme CI");
        assertThat(ad.buttonText()).isEqualTo("Try it");
        assertThat(ad.contentType()).isEqualTo("Text");
        assertThat(ad.text().text()).isEqualTo("Ship faster with Acme CI");
        assertThat(ad.sponsorUrl()).isEqualTo("https://acme.example/ci");
        assertThat(ad.sponsorInfo()).isEqualTo("Acme Ltd., acme.example");

        client.messages().viewSponsored(-1001234567890L, ad.messageId());
        JsonNode view = td.last("viewMessages");
        assertThat(view.path("chat_id").asLong()).isEqualTo(-1001234567890L);
        assertThat(view.path("message_ids").toString()).isEqualTo("[-1]");
        client.messages().clickSponsored(-1001234567890L, ad.messageId(), true);
        JsonNode click = td.last("clickChatSponsoredMessage");
        assertThat(click.path("message_id").asLong()).isEqualTo(-1L);
        assertThat(click.path("is_media_click").asBoolean()).isTrue();
    }

    @Test
    void supergroupMembersGoOutWithEveryFilter() {
        answer("getSupergroupMembers", "chat-members.json");
        start();
        TdGroups g = client.groups();
        TdGroups.Members page = g.members(1234567890L, TdGroups.Filter.banned("spam"), 10, 50);
        JsonNode req = td.last("getSupergroupMembers");
        assertThat(req.path("supergroup_id").asLong()).isEqualTo(1234567890L);
        assertThat(req.path("offset").asInt()).isEqualTo(10);
        assertThat(req.path("limit").asInt()).isEqualTo(50);
        assertThat(req.path("filter").path("@type").asText()).isEqualTo("supergroupMembersFilterBanned");
        assertThat(req.path("filter").path("query").asText()).isEqualTo("spam");
        assertThat(page.totalCount()).isEqualTo(2);
        assertThat(page.members().get(0).userId()).isEqualTo(777000123L);
        assertThat(page.members().get(0).status()).isEqualTo("Creator");
        assertThat(page.members().get(0).joined()).isEqualTo(Instant.ofEpochSecond(1733300000));
        assertThat(page.members().get(1).userId()).isZero();
        assertThat(page.members().get(1).chatId()).isEqualTo(-1009876543210L);
        assertThat(page.members().get(1).status()).isEqualTo("Banned");

        List<String> sent = new CopyOnWriteArrayList<>();
        for (TdGroups.Filter f : List.of(TdGroups.Filter.recent(), TdGroups.Filter.contacts("a"),
                TdGroups.Filter.administrators(), TdGroups.Filter.search("a"), TdGroups.Filter.restricted("a"),
                TdGroups.Filter.banned("a"), TdGroups.Filter.mention("a"), TdGroups.Filter.bots())) {
            g.members(1L, f, 0, 10);
            JsonNode filter = td.last("getSupergroupMembers").path("filter");
            sent.add(filter.path("@type").asText() + (filter.has("query") ? "(" + filter.path("query").asText() + ")" : ""));
        }
        assertThat(sent).containsExactly("supergroupMembersFilterRecent", "supergroupMembersFilterContacts(a)",
                "supergroupMembersFilterAdministrators", "supergroupMembersFilterSearch(a)",
                "supergroupMembersFilterRestricted(a)", "supergroupMembersFilterBanned(a)",
                "supergroupMembersFilterMention(a)", "supergroupMembersFilterBots");
    }

    @Test
    void basicGroupAndSupergroupInfoAreTyped() {
        answer("getBasicGroup", "basic-group.json");
        answer("getBasicGroupFullInfo", "basic-group-full-info.json");
        answer("getSupergroup", "supergroup.json");
        answer("getSupergroupFullInfo", "supergroup-full-info.json");
        start();
        TdGroups g = client.groups();
        assertThat(TdGroups.groupId(Chat.of(Json.tree(fixture("chat.json"))))).isEqualTo(1234567890L);

        TdGroups.BasicGroup basic = g.basicGroup(4004004L);
        assertThat(td.last("getBasicGroup").path("basic_group_id").asLong()).isEqualTo(4004004L);
        assertThat(basic.memberCount()).isEqualTo(3);
        assertThat(basic.status()).isEqualTo("Creator");
        assertThat(basic.active()).isTrue();
        TdGroups.FullInfo basicInfo = g.basicGroupInfo(4004004L);
        assertThat(td.last("getBasicGroupFullInfo").path("basic_group_id").asLong()).isEqualTo(4004004L);
        assertThat(basicInfo.description()).isEqualTo("release crew");
        assertThat(basicInfo.inviteLink()).isEqualTo("https://t.me/+AbCdEf123");
        assertThat(basicInfo.memberCount()).isEqualTo(2);
        assertThat(basicInfo.members()).extracting(TdGroups.Member::userId).containsExactly(777000123L, 777000124L);
        assertThat(basicInfo.members().get(1).inviterUserId()).isEqualTo(777000123L);

        TdGroups.Supergroup sg = g.supergroup(1234567890L);
        assertThat(td.last("getSupergroup").path("supergroup_id").asLong()).isEqualTo(1234567890L);
        assertThat(sg.username()).isEqualTo("releases");
        assertThat(sg.channel()).isTrue();
        assertThat(sg.status()).isEqualTo("Administrator");
        assertThat(sg.memberCount()).isEqualTo(1500);
        TdGroups.FullInfo sgInfo = g.supergroupInfo(1234567890L);
        assertThat(td.last("getSupergroupFullInfo").path("supergroup_id").asLong()).isEqualTo(1234567890L);
        assertThat(sgInfo.administratorCount()).isEqualTo(3);
        assertThat(sgInfo.memberCount()).isEqualTo(1500);
        assertThat(sgInfo.inviteLink()).isEqualTo("https://t.me/+XyZ789");
        assertThat(sgInfo.members()).isEmpty();
    }

    @Test
    void inviteLinksAreCheckedAndJoined() {
        answer("checkChatInviteLink", "chat-invite-link-info.json");
        td.on("joinChatByInviteLink", (c, r) -> td.answer(c, r, "{\"@type\":\"chatJoinResultRequestSent\"}"));
        start();
        TdGroups.InviteLinkInfo info = client.groups().checkInviteLink("https://t.me/+AbCdEf123");
        assertThat(td.last("checkChatInviteLink").path("invite_link").asText()).isEqualTo("https://t.me/+AbCdEf123");
        assertThat(info.kind()).isEqualTo("Supergroup");
        assertThat(info.title()).isEqualTo("Beta testers");
        assertThat(info.memberCount()).isEqualTo(42);
        assertThat(info.createsJoinRequest()).isTrue();
        TdGroups.JoinResult r = client.groups().joinByInviteLink("https://t.me/+AbCdEf123");
        assertThat(td.last("joinChatByInviteLink").path("invite_link").asText()).isEqualTo("https://t.me/+AbCdEf123");
        assertThat(r.kind()).isEqualTo("RequestSent");
        assertThat(r.joined()).isFalse();

        td.on("joinChatByInviteLink", (c, q) -> td.answer(c, q, "{\"@type\":\"chatJoinResultSuccess\",\"chat_id\":-1001}"));
        TdGroups.JoinResult ok = client.groups().joinByInviteLink("https://t.me/+AbCdEf123");
        assertThat(ok.joined()).isTrue();
        assertThat(ok.chatId()).isEqualTo(-1001L);
    }

    @Test
    void chatsAreCreatedAndMembersAdded() {
        String privateChat = "{\"@type\":\"chat\",\"id\":777000124,\"type\":{\"@type\":\"chatTypePrivate\",\"user_id\":777000124},"
                + "\"title\":\"Bob\",\"unread_count\":0}";
        td.on("createPrivateChat", (c, r) -> td.answer(c, r, privateChat));
        td.on("createNewSecretChat", (c, r) -> td.answer(c, r, "{\"@type\":\"chat\",\"id\":-42,\"type\":{\"@type\":"
                + "\"chatTypeSecret\",\"secret_chat_id\":7,\"user_id\":777000124},\"title\":\"Bob\",\"unread_count\":0}"));
        answer("createNewBasicGroupChat", "created-basic-group-chat.json");
        answer("createNewSupergroupChat", "chat.json");
        td.on("addChatMember", (c, r) -> td.answer(c, r, "{\"@type\":\"failedToAddMembers\",\"failed_to_add_members\":[]}"));
        td.on("addChatMembers", (c, r) -> td.answer(c, r, "{\"@type\":\"failedToAddMembers\",\"failed_to_add_members\":"
                + "[{\"@type\":\"failedToAddMember\",\"user_id\":777000126,\"premium_would_allow_invite\":false,"
                + "\"premium_required_to_send_messages\":true}]}"));
        start();
        assertThat(client.chats().createPrivate(777000124L).kind()).isEqualTo("Private");
        assertThat(td.last("createPrivateChat").path("user_id").asLong()).isEqualTo(777000124L);
        assertThat(client.chats().createSecret(777000124L).kind()).isEqualTo("Secret");
        assertThat(td.last("createNewSecretChat").path("user_id").asLong()).isEqualTo(777000124L);

        TdGroups g = client.groups();
        TdGroups.CreatedBasicGroup created = g.createBasicGroup("Release crew", List.of(777000124L, 777000125L));
        JsonNode basic = td.last("createNewBasicGroupChat");
        assertThat(basic.path("title").asText()).isEqualTo("Release crew");
        assertThat(basic.path("user_ids").toString()).isEqualTo("[777000124,777000125]");
        assertThat(created.chatId()).isEqualTo(-4004004L);
        assertThat(created.failed()).singleElement().satisfies(f -> {
            assertThat(f.userId()).isEqualTo(777000125L);
            assertThat(f.premiumWouldAllowInvite()).isTrue();
        });

        Chat channel = g.createSupergroup("Releases", "Release notes", true, false);
        JsonNode sg = td.last("createNewSupergroupChat");
        assertThat(sg.path("title").asText()).isEqualTo("Releases");
        assertThat(sg.path("description").asText()).isEqualTo("Release notes");
        assertThat(sg.path("is_channel").asBoolean()).isTrue();
        assertThat(sg.path("is_forum").asBoolean()).isFalse();
        assertThat(channel.channel()).isTrue();

        assertThat(g.addMember(-4004004L, 777000126L, 50)).isEmpty();
        JsonNode one = td.last("addChatMember");
        assertThat(one.path("chat_id").asLong()).isEqualTo(-4004004L);
        assertThat(one.path("user_id").asLong()).isEqualTo(777000126L);
        assertThat(one.path("forward_limit").asInt()).isEqualTo(50);
        assertThat(g.addMembers(-1001234567890L, List.of(777000126L, 777000127L)))
                .extracting(TdGroups.FailedToAdd::userId).containsExactly(777000126L);
        assertThat(td.last("addChatMembers").path("user_ids").toString()).isEqualTo("[777000126,777000127]");
    }
}
