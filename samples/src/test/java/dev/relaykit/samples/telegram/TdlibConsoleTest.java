package dev.relaykit.samples.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.core.secret.Secret;
import dev.relaykit.samples.SampleRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console sample's pieces offline. Telegram's side (codes, password, chats, messages, a download) is the
 * scripted {@link ScriptedTd} behind the same {@code TdJson} interface as the real libtdjson, with objects shaped
 * as td_api.tl (TDLib 1.8.67) documents them; the questions are answered by a scripted terminal.
 */
class TdlibConsoleTest {
    private static final long GROUP = -1001234567890L;
    private static final LocalTdLib.Located LIBRARY = new LocalTdLib.Located(Path.of("/opt/tdlib/libtdjson.so"),
            "RELAYKIT_TDJSON_PATH", null);

    /** A terminal that answers from a script and writes each question into the output, where the user sees it. */
    static final class ScriptedTerminal implements Terminal {
        final Deque<String> answers;
        final PrintStream out;

        ScriptedTerminal(PrintStream out, String... answers) {
            this.out = out;
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public String line(String prompt) {
            out.println(prompt);
            return answers.poll();
        }

        @Override
        public String secret(String prompt) {
            out.println("(secret) " + prompt);
            return answers.poll();
        }
    }

    private static TdlibConsole.Settings settings(Path dir, String botToken) {
        return new TdlibConsole.Settings(94575, Secret.of("a3406de8d171bb422bb6ddf3bbd800e2"), LIBRARY.file(),
                LIBRARY.source(), botToken == null ? null : Secret.of(botToken), dir, null);
    }

    /** A user's login as td_api.tl's states go: phone, code (a wrong one first), two-step password, ready. */
    private static ScriptedTd userLogin(ScriptedTd td) {
        return td.on("setAuthenticationPhoneNumber", (c, r) -> td.reply(c, r, "{\"@type\":\"ok\"}").state(c,
                        "{\"@type\":\"authorizationStateWaitCode\",\"code_info\":{\"@type\":\"authenticationCodeInfo\","
                                + "\"phone_number\":\"+15550001111\",\"type\":{\"@type\":\"authenticationCodeTypeSms\","
                                + "\"length\":5},\"next_type\":null,\"timeout\":60}}"))
                .on("checkAuthenticationCode", (c, r) -> {
                    if (r.path("code").asText().equals("22222")) {
                        td.reply(c, r, "{\"@type\":\"ok\"}").state(c, "{\"@type\":\"authorizationStateWaitPassword\","
                                + "\"password_hint\":\"first pet\",\"has_recovery_email_address\":false,"
                                + "\"recovery_email_address_pattern\":\"\"}");
                    } else {
                        td.fail(c, r, 400, "PHONE_CODE_INVALID");
                    }
                })
                .on("checkAuthenticationPassword", (c, r) -> td.reply(c, r, "{\"@type\":\"ok\"}")
                        .state(c, "authorizationStateReady"))
                .on("getMe", (c, r) -> td.reply(c, r, "{\"@type\":\"user\",\"id\":5550001,\"first_name\":\"Ada\","
                        + "\"last_name\":\"Lovelace\",\"usernames\":{\"@type\":\"usernames\",\"active_usernames\":[\"ada\"]},"
                        + "\"phone_number\":\"15550001111\",\"type\":{\"@type\":\"userTypeRegular\"}}"))
                .on("getChats", (c, r) -> td.reply(c, r, "{\"@type\":\"chats\",\"total_count\":1,\"chat_ids\":[" + GROUP + "]}"))
                .on("getChat", (c, r) -> td.reply(c, r, "{\"@type\":\"chat\",\"id\":" + GROUP + ",\"type\":{\"@type\":"
                        + "\"chatTypeSupergroup\",\"supergroup_id\":1234567890,\"is_channel\":false},"
                        + "\"title\":\"RelayKit builds\",\"unread_count\":3}"));
    }

    @Test
    void logsInAskingEachQuestionThenListsSendsPrintsIncomingAndDownloadsWithAProgressBar() {
        ScriptedTd td = userLogin(new ScriptedTd());
        td.on("sendMessage", (c, r) -> {
            // a message from someone else arrives first; then the answer (pending), then its delivery report
            td.update(c, "{\"@type\":\"updateNewMessage\",\"message\":{\"@type\":\"message\",\"id\":2048,"
                    + "\"sender_id\":{\"@type\":\"messageSenderUser\",\"user_id\":999},\"chat_id\":" + GROUP + ","
                    + "\"is_outgoing\":false,\"date\":1733480000,\"content\":{\"@type\":\"messageDocument\","
                    + "\"document\":{\"@type\":\"document\",\"file_name\":\"report.pdf\",\"mime_type\":\"application/pdf\","
                    + "\"document\":{\"@type\":\"file\",\"id\":42,\"size\":3000,\"expected_size\":3000}},"
                    + "\"caption\":{\"@type\":\"formattedText\",\"text\":\"the report\",\"entities\":[]}}}}");
            td.reply(c, r, "{\"@type\":\"message\",\"id\":1,\"chat_id\":" + GROUP + ",\"is_outgoing\":true,"
                    + "\"sender_id\":{\"@type\":\"messageSenderUser\",\"user_id\":5550001},\"date\":1733480001,"
                    + "\"sending_state\":{\"@type\":\"messageSendingStatePending\"},\"content\":{\"@type\":\"messageText\","
                    + "\"text\":" + r.path("input_message_content").path("text") + "}}");
            td.update(c, "{\"@type\":\"updateMessageSendSucceeded\",\"old_message_id\":1,\"message\":{\"@type\":\"message\","
                    + "\"id\":1048576,\"chat_id\":" + GROUP + ",\"is_outgoing\":true,\"content\":{\"@type\":\"messageText\","
                    + "\"text\":{\"@type\":\"formattedText\",\"text\":\"hi there\",\"entities\":[]}}}}");
        });
        td.on("downloadFile", (c, r) -> td.reply(c, r, file(0, false))
                .update(c, "{\"@type\":\"updateFile\",\"file\":" + file(1500, false) + "}")
                .update(c, "{\"@type\":\"updateFile\",\"file\":" + file(3000, true) + "}"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ScriptedTerminal term = new ScriptedTerminal(out, "+15550001111", "11111", "22222", "hunter2 secret",
                "send " + GROUP + " *hi* there", "download 42", "quit");

        TdlibConsole.run(td, settings(Path.of("/tmp/never-used"), null), term, out);
        String printed = bytes.toString(StandardCharsets.UTF_8);

        // the questions, each driven by the authorization state TDLib reported, and the wrong code asked again
        assertThat(printed).containsSubsequence("phone number (international format",
                "code sent by Sms to +15550001111 (5 digits): ", "Telegram refused it: PHONE_CODE_INVALID; try again",
                "code sent by Sms to +15550001111 (5 digits): ", "(secret) two-step verification password (hint: first pet): ",
                "logged in as Ada Lovelace (@ada), id 5550001", "RelayKit builds  (3 unread)", "commands: chats");
        assertThat(td.sent("setAuthenticationPhoneNumber")).extracting(r -> r.path("phone_number").asText())
                .containsExactly("+15550001111");
        assertThat(td.sent("checkAuthenticationCode")).extracting(r -> r.path("code").asText())
                .containsExactly("11111", "22222");
        assertThat(td.sent("checkAuthenticationPassword")).extracting(r -> r.path("password").asText())
                .containsExactly("hunter2 secret");
        assertThat(printed).doesNotContain("hunter2");
        // the send: MarkdownV2 turned into text and a bold entity before it left
        assertThat(td.sent("sendMessage").get(0).path("input_message_content").path("text").path("entities").get(0)
                .path("type").path("@type").asText()).isEqualTo("textEntityTypeBold");
        assertThat(printed).contains("message in chat " + GROUP + " from user 999: [Document] the report"
                + "  (download 42 saves its file)", "sent: message 1 (pending) in chat " + GROUP,
                "delivered: message 1 is now 1048576");
        // the download: the bar redrawn in place for each update, then where the file is (the answer's 0 bytes may
        // come after TDLib's first update has been reported, and then is rightly not drawn: progress never goes back)
        assertThat(printed).containsSubsequence("\r" + ProgressBar.render(1500, 3000, TdlibConsole.BAR_WIDTH),
                "\r" + ProgressBar.render(3000, 3000, TdlibConsole.BAR_WIDTH), "saved to /tmp/tdlib/documents/report.pdf");
        // quit closed the client through TDLib's close
        assertThat(td.sent("close")).hasSize(1);
    }

    private static String file(long downloaded, boolean done) {
        return "{\"@type\":\"file\",\"id\":42,\"size\":3000,\"expected_size\":3000,\"local\":{\"@type\":\"localFile\","
                + "\"path\":\"" + (done ? "/tmp/tdlib/documents/report.pdf" : "") + "\",\"downloaded_size\":" + downloaded
                + ",\"is_downloading_active\":" + !done + ",\"is_downloading_completed\":" + done + "},"
                + "\"remote\":{\"@type\":\"remoteFile\",\"id\":\"BQACAgIAAxkBAAIC\"}}";
    }

    @Test
    void aBotLogsInWithItsTokenAskingNothingAndARefusedTokenEndsTheSampleWithoutShowingIt() {
        ScriptedTd td = userLogin(new ScriptedTd());
        td.on("checkAuthenticationBotToken", (c, r) -> td.fail(c, r, 401, "ACCESS_TOKEN_INVALID"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ScriptedTerminal term = new ScriptedTerminal(out);

        assertThatThrownBy(() -> TdlibConsole.run(td, settings(Path.of("/tmp/never-used"), "123456:wrong-token"), term, out))
                .isInstanceOf(SampleRun.Failure.class)
                .hasMessage("Telegram refused TELEGRAM_BOT_TOKEN: ACCESS_TOKEN_INVALID");
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("logging in as a bot with TELEGRAM_BOT_TOKEN").doesNotContain("phone number")
                .doesNotContain("wrong-token");
        assertThat(td.sent("checkAuthenticationBotToken")).extracting(r -> r.path("token").asText())
                .containsExactly("123456:wrong-token");
        assertThat(td.sent("close")).as("closed on the way out").hasSize(1);
    }

    @Test
    void missingSettingsSayWhatToSetAndHowToGetLibtdjson() {
        LocalTdLib.Located none = LocalTdLib.find(Map.of(), null);
        assertThat(none.file()).isNull();
        assertThatThrownBy(() -> TdlibConsole.Settings.from(Map.of(), none))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("set TELEGRAM_API_ID and TELEGRAM_API_HASH")
                .hasMessageContaining("https://my.telegram.org")
                .hasMessageContaining("set RELAYKIT_TDJSON_PATH to your libtdjson (RELAYKIT_TDJSON_PATH is not set and"
                        + " this is not a RelayKit checkout)")
                .hasMessageContaining("npm pack @prebuilt-tdlib/linux-x64-glibc@0.1008067.0")
                .hasMessageContaining("https://tdlib.github.io/td/build.html")
                .hasMessageContaining("./relaykit demo installs it into " + LocalTdLib.PINNED);
        assertThatThrownBy(() -> TdlibConsole.Settings.from(Map.of("TELEGRAM_API_ID", "my-app",
                "TELEGRAM_API_HASH", "h"), LIBRARY)).hasMessageContaining("TELEGRAM_API_ID must be the number");

        TdlibConsole.Settings s = TdlibConsole.Settings.from(Map.of("TELEGRAM_API_ID", "94575",
                "TELEGRAM_API_HASH", "a3406de8d171bb422bb6ddf3bbd800e2", "TELEGRAM_BOT_TOKEN", "123456:ABC-token"), LIBRARY);
        assertThat(s.apiId()).isEqualTo(94575);
        assertThat(s.library()).isEqualTo(LIBRARY.file());
        assertThat(s.databaseDirectory().toString()).endsWith(Path.of(".relaykit", "tdlib-sample").toString());
        assertThat(s.toString()).contains("bot").doesNotContain("a3406de8").doesNotContain("ABC-token");
    }
}
