package dev.relaykit.telegram.tdlib;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.secret.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The javadoc examples of the public types, as written, so they keep compiling. Those that work
 * offline run: against the REAL libtdjson (TdExecute, NativeTdJson) or the SCRIPTED fake (the
 * client's groups); those that need a Telegram account only compile (never called).
 */
class JavadocExamplesTest {

    @Test
    void tdExecuteAndNativeTdJsonExamplesRunOnTheRealLibrary() {
        RealTdLib.file();
        // TdExecute
        TdJson td = NativeTdJson.load();
        TdExecute.setLogVerbosityLevel(td, 1);
        String v = TdExecute.version(td);                                        // "1.8.67"
        FormattedText f = TdExecute.parseTextEntities(td, "*hi*", ParseMode.MARKDOWN_V2);
        // TdJson
        String version = td.execute("{\"@type\":\"getOption\",\"name\":\"version\"}");
        // FormattedText
        FormattedText h = TdExecute.parseTextEntities(td, "<b>hi</b> there", ParseMode.HTML);
        assertThat(v).isEqualTo("1.8.67");
        assertThat(f.text()).isEqualTo("hi");
        assertThat(version).contains("1.8.67");
        assertThat(h.text()).isEqualTo("hi there");
        assertThat(h.entities().get(0).type()).isEqualTo("Bold");
        assertThat(((NativeTdJson) td).version()).isEqualTo("1.8.67");
    }

    @Test
    void groupExamplesRunOnTheScriptedFake() {
        ScriptedTdJson fake = new ScriptedTdJson();
        fake.on("getChat", (c, r) -> fake.answer(c, r, "{\"@type\":\"chat\",\"id\":123456789,\"type\":{\"@type\":"
                + "\"chatTypePrivate\",\"user_id\":123456789},\"title\":\"Ada\",\"unread_count\":0}"));
        try (TdClient client = TdClient.builder(fake).apiId(1).apiHash("h").build()) {
            // TdClient.function
            JsonNode chat = client.send(TdClient.function("getChat").put("chat_id", 123456789L));
            // TdClient.awaitAuthorization
            client.awaitAuthorization(AuthorizationState.WaitPhoneNumber.class, Duration.ofSeconds(10));
            assertThat(chat.path("title").asText()).isEqualTo("Ada");
        }
    }

    /** Needs a Telegram account: compiled, never called. */
    @SuppressWarnings("unused")
    static void accountExamples(TdClient client, long chatId, long serverId, Message message) {
        // TdChats
        TdChats chats = client.chats();
        User me = chats.me();
        List<Chat> top = chats.list(20);
        List<Message> last = chats.history(top.get(0).id(), 0, 50);
        // TdMessages
        TdMessages m = client.messages();
        Message sent = m.sendText(chatId, "<b>Build</b> passed", ParseMode.HTML);
        m.editText(chatId, serverId, "Build *failed*", ParseMode.MARKDOWN_V2);
        m.delete(chatId, List.of(serverId), true);
        // InputFile
        client.messages().sendDocument(chatId, InputFile.local(Path.of("report.pdf")), FormattedText.plain("Q3"));
        client.messages().sendPhoto(chatId, InputFile.remote("https://example.com/cat.jpg"), null);
        // TdFiles
        TdFile done = client.files().download(message.fileId(),
                f -> System.out.print("\r" + "#".repeat(f.percent() / 5) + " " + f.percent() + "%")).join();
        Path file = Path.of(done.localPath());
        // TdProxies
        TdProxies.Proxy p = client.proxies().add("127.0.0.1", 1080, TdProxies.socks5("user", Secret.of("pw")), true);
        client.proxies().disable();
        client.proxies().remove(p.id());
        // TdClient class comment
        TdJson td = NativeTdJson.load();
        try (TdClient bot = TdClient.builder(td)
                .apiId(12345).apiHash("0123456789abcdef0123456789abcdef")
                .databaseDirectory(Path.of("tdlib-db"))
                .botToken(Secret.of(System.getenv("BOT_TOKEN")))
                .build()) {
            bot.awaitAuthorization(AuthorizationState.Ready.class, Duration.ofSeconds(30));
            JsonNode meRaw = bot.send(TdClient.function("getMe"));
        }
    }
}
