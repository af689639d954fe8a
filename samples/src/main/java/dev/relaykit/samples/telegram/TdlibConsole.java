package dev.relaykit.samples.telegram;

import dev.relaykit.core.secret.Secret;
import dev.relaykit.samples.SampleRun;
import dev.relaykit.telegram.tdlib.AuthorizationState;
import dev.relaykit.telegram.tdlib.Chat;
import dev.relaykit.telegram.tdlib.ConnectionState;
import dev.relaykit.telegram.tdlib.Message;
import dev.relaykit.telegram.tdlib.NativeTdJson;
import dev.relaykit.telegram.tdlib.ParseMode;
import dev.relaykit.telegram.tdlib.TdClient;
import dev.relaykit.telegram.tdlib.TdException;
import dev.relaykit.telegram.tdlib.TdExecute;
import dev.relaykit.telegram.tdlib.TdFile;
import dev.relaykit.telegram.tdlib.TdJson;
import dev.relaykit.telegram.tdlib.TdListener;
import dev.relaykit.telegram.tdlib.User;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Telegram console client on TDLib: logs in (phone number, code and two-step password asked in the terminal, or
 * a bot token), lists chats, sends messages, prints incoming ones, and downloads files with a progress bar.
 *
 * <p>Needs, in the environment:
 * <ul>
 *   <li>{@code TELEGRAM_API_ID} and {@code TELEGRAM_API_HASH}: an application's id and hash from
 *       https://my.telegram.org ("API development tools");</li>
 *   <li>libtdjson: {@code RELAYKIT_TDJSON_PATH} (or {@code -Drelaykit.tdjson.path}), else the copy a RelayKit
 *       checkout installs ({@code ./relaykit demo} does, on Linux x64);</li>
 *   <li>optionally {@code TELEGRAM_BOT_TOKEN} (log in as that bot instead of a user),
 *       {@code TELEGRAM_DATABASE_DIR} (TDLib's database, so the next run is already logged in; default
 *       {@code ~/.relaykit/tdlib-sample}) and {@code TELEGRAM_DATABASE_KEY} (encrypts it).</li>
 * </ul>
 * {@code ./relaykit tdlib}; then {@code help} lists the commands.
 */
public final class TdlibConsole {
    /** The progress bar's width. */
    static final int BAR_WIDTH = 30;
    /** How long a step waits for TDLib (and, through it, Telegram). */
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String HELP = "commands: chats | send <chat id> <MarkdownV2 text> | download <file id> | quit";

    private TdlibConsole() {
    }

    /**
     * What the sample runs with, from the environment.
     *
     * @param apiId the application's id
     * @param apiHash the application's hash
     * @param library the libtdjson file
     * @param librarySource where {@code library} came from, for the narrative
     * @param botToken a bot's token, or {@code null} to log in as a user
     * @param databaseDirectory TDLib's database
     * @param databaseKey the database's encryption key, or {@code null}
     */
    record Settings(int apiId, Secret apiHash, Path library, String librarySource, Secret botToken,
                    Path databaseDirectory, Secret databaseKey) {

        /**
         * @param env the environment variables
         * @param library where {@link LocalTdLib#find} found libtdjson, or why not
         * @return the settings
         * @throws IllegalArgumentException naming everything missing, and how to get it
         */
        static Settings from(Map<String, String> env, LocalTdLib.Located library) {
            List<String> missing = new ArrayList<>();
            String id = blankToNull(env.get("TELEGRAM_API_ID"));
            String hash = blankToNull(env.get("TELEGRAM_API_HASH"));
            int apiId = 0;
            if (id == null || hash == null) {
                missing.add("set TELEGRAM_API_ID and TELEGRAM_API_HASH to your application's api_id and api_hash"
                        + " (log in at https://my.telegram.org, \"API development tools\")");
            } else {
                try {
                    apiId = Integer.parseInt(id.trim());
                } catch (NumberFormatException e) {
                    missing.add("TELEGRAM_API_ID must be the number my.telegram.org shows as api_id, was \"" + id + "\"");
                }
            }
            if (library.file() == null) {
                missing.add("set " + NativeTdJson.PATH_ENV + " to your libtdjson (" + library.why() + "); to get one: "
                        + LocalTdLib.HOW_TO_GET + " (in a RelayKit checkout on Linux x64, ./relaykit demo installs it"
                        + " into " + LocalTdLib.PINNED + ")");
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(String.join("; and ", missing));
            }
            String token = blankToNull(env.get("TELEGRAM_BOT_TOKEN"));
            String dir = blankToNull(env.get("TELEGRAM_DATABASE_DIR"));
            String key = blankToNull(env.get("TELEGRAM_DATABASE_KEY"));
            return new Settings(apiId, Secret.of(hash.trim()), library.file(), library.source(),
                    token == null ? null : Secret.of(token.trim()),
                    dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".relaykit", "tdlib-sample"),
                    key == null ? null : Secret.of(key));
        }

        @Override
        public String toString() {
            return "Settings[apiId=" + apiId + ", apiHash=***, library=" + library + ", "
                    + (botToken == null ? "user" : "bot, token=***") + ", database=" + databaseDirectory + "]";
        }
    }

    /**
     * Runs the sample against Telegram.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        SampleRun.main("tdlib", () -> {
            Map<String, String> env = System.getenv();
            Settings s = Settings.from(env, LocalTdLib.find(env, LocalTdLib.checkoutRoot()));
            NativeTdJson td = SampleRun.step(System.out, "loading libtdjson from " + s.library() + " ("
                    + s.librarySource() + ")", () -> NativeTdJson.load(s.library()));
            TdExecute.setLogVerbosityLevel(td, 1); // TDLib logs everything to stderr until told otherwise
            System.out.println("TDLib " + td.version() + "; database in " + s.databaseDirectory());
            run(td, s, Terminal.system(System.out), System.out);
        });
    }

    /**
     * Logs in, lists chats, then runs commands from the terminal until {@code quit} or the end of input; incoming
     * messages are printed as they come. Closes the client (TDLib's close, waiting for Closed) on the way out.
     *
     * @param td TDLib
     * @param s the settings
     * @param term where the questions and commands come from
     * @param out where to print
     */
    static void run(TdJson td, Settings s, Terminal term, PrintStream out) {
        BlockingQueue<AuthorizationState> states = new LinkedBlockingQueue<>();
        TdClient client = TdClient.builder(td).apiId(s.apiId()).apiHash(s.apiHash().reveal())
                .databaseDirectory(s.databaseDirectory()).filesDirectory(s.databaseDirectory().resolve("files"))
                .databaseEncryptionKey(s.databaseKey())
                .deviceModel("RelayKit sample").applicationVersion("RelayKit tdlib sample")
                .listener(new Printer(out, states))
                .build();
        try {
            login(client, states, s.botToken(), term, out);
            User me = SampleRun.step(out, "asking who I am (getMe)", () -> client.chats().me());
            out.println("logged in as " + me.firstName() + (me.lastName().isEmpty() ? "" : " " + me.lastName())
                    + (me.username().isEmpty() ? "" : " (@" + me.username() + ")") + (me.bot() ? ", a bot" : "")
                    + ", id " + me.id());
            chats(client, out);
            out.println(HELP);
            commands(client, term, out);
        } finally {
            client.close();
        }
    }

    /**
     * Answers each authorization question TDLib asks, in the terminal, until Ready. A refused answer (a wrong
     * code or password) is said and asked again; a refused bot token ends the sample.
     */
    static void login(TdClient client, BlockingQueue<AuthorizationState> states, Secret botToken, Terminal term,
                      PrintStream out) {
        AuthorizationState s = next(states, "the first authorization state");
        while (true) {
            CompletableFuture<Void> answered;
            if (s instanceof AuthorizationState.Ready) {
                return;
            } else if (s instanceof AuthorizationState.WaitTdlibParameters) {
                s = next(states, "TDLib to take its parameters"); // the client answers this one itself
                continue;
            } else if (s instanceof AuthorizationState.WaitPhoneNumber) {
                if (botToken != null) {
                    out.println("logging in as a bot with TELEGRAM_BOT_TOKEN ...");
                    answered = client.checkBotToken(botToken);
                } else {
                    answered = client.setPhoneNumber(ask(term.line("phone number (international format, +15550001111): ")));
                }
            } else if (s instanceof AuthorizationState.WaitCode code) {
                answered = client.checkCode(ask(term.line("code sent by " + code.type().kind() + " to "
                        + code.phoneNumber() + (code.type().length() > 0 ? " (" + code.type().length() + " digits)" : "")
                        + ": ")));
            } else if (s instanceof AuthorizationState.WaitPassword p) {
                answered = client.checkPassword(Secret.of(ask(term.secret("two-step verification password"
                        + (p.hint().isEmpty() ? "" : " (hint: " + p.hint() + ")") + ": "))));
            } else if (s instanceof AuthorizationState.WaitRegistration) {
                out.println("this phone number has no Telegram account yet: registering one");
                answered = client.registerUser(ask(term.line("first name: ")), ask(term.line("last name (may be empty): ")));
            } else if (s instanceof AuthorizationState.WaitEmailAddress) {
                answered = client.setEmailAddress(ask(term.line("e-mail address for login codes: ")));
            } else if (s instanceof AuthorizationState.WaitEmailCode e) {
                answered = client.checkEmailCode(ask(term.line("code sent to " + e.emailAddressPattern() + ": ")));
            } else if (s instanceof AuthorizationState.WaitOtherDeviceConfirmation qr) {
                out.println("open this link as a QR code in a logged-in Telegram app: " + qr.link());
                s = next(states, "the confirmation on the other device");
                continue;
            } else {
                throw new SampleRun.Failure("TDLib went to " + s + " while logging in", null);
            }
            try {
                SampleRun.await(out, "sending it to Telegram", answered, WAIT);
            } catch (SampleRun.Failure f) {
                if (!(f.getCause() instanceof TdException e)) {
                    throw f;
                }
                if (botToken != null) {
                    throw new SampleRun.Failure("Telegram refused TELEGRAM_BOT_TOKEN: " + e.serviceMessage(), e);
                }
                out.println("Telegram refused it: " + e.serviceMessage() + "; try again");
                continue; // the same question again: TDLib stays in the state it was in
            }
            s = next(states, "TDLib's next step after " + s.getClass().getSimpleName());
        }
    }

    private static AuthorizationState next(BlockingQueue<AuthorizationState> states, String what) {
        try {
            AuthorizationState s = states.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (s == null) {
                throw new SampleRun.Failure("waited " + WAIT.toSeconds() + " s for " + what
                        + " (is Telegram reachable from here?)", null);
            }
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SampleRun.Failure("interrupted waiting for " + what, e);
        }
    }

    private static String ask(String answer) {
        if (answer == null) {
            throw new SampleRun.Failure("the input ended before the login was done", null);
        }
        return answer.trim();
    }

    private static void chats(TdClient client, PrintStream out) {
        List<Chat> chats = SampleRun.step(out, "listing the first 20 chats (getChats)", () -> client.chats().list(20));
        for (Chat c : chats) {
            out.println(String.format("  %15d  %-10s %s%s", c.id(), c.kind() + (c.channel() ? "/channel" : ""),
                    c.title(), c.unreadCount() > 0 ? "  (" + c.unreadCount() + " unread)" : ""));
        }
        if (chats.isEmpty()) {
            out.println("  (no chats yet: a bot sees a chat once someone writes to it)");
        }
    }

    /** Runs commands until {@code quit} or the end of input; TDLib's refusals are printed, not fatal. */
    static void commands(TdClient client, Terminal term, PrintStream out) {
        for (String line = term.line("> "); line != null; line = term.line("> ")) {
            String[] words = line.trim().split("\\s+", 3);
            try {
                switch (words[0]) {
                    case "" -> { }
                    case "quit", "exit" -> {
                        return;
                    }
                    case "chats" -> chats(client, out);
                    case "send" -> {
                        if (words.length < 3) {
                            out.println("usage: send <chat id> <MarkdownV2 text>");
                            break;
                        }
                        Message m = client.messages().sendText(Long.parseLong(words[1]), words[2], ParseMode.MARKDOWN_V2);
                        out.println("sent: message " + m.id() + " (" + m.sending() + ") in chat " + m.chatId());
                    }
                    case "download" -> {
                        if (words.length < 2) {
                            out.println("usage: download <file id>");
                            break;
                        }
                        download(client, Integer.parseInt(words[1]), out);
                    }
                    default -> out.println(HELP);
                }
            } catch (NumberFormatException e) {
                out.println("not a number: " + e.getMessage() + "; " + HELP);
            } catch (TdException e) {
                out.println("TDLib refused it: " + e.getMessage());
            }
        }
    }

    /** Downloads a file, redrawing a progress bar on each of TDLib's updates. */
    static TdFile download(TdClient client, int fileId, PrintStream out) {
        CompletableFuture<TdFile> done = client.files().download(fileId, f -> {
            out.print("\r" + ProgressBar.render(f.downloadedSize(), f.size() > 0 ? f.size() : f.expectedSize(),
                    BAR_WIDTH));
            out.flush();
        });
        try {
            TdFile f = done.get(30, TimeUnit.MINUTES);
            out.println();
            out.println("saved to " + f.localPath());
            return f;
        } catch (ExecutionException e) {
            out.println();
            if (e.getCause() instanceof TdException t) {
                throw t;
            }
            out.println("the download failed: " + SampleRun.describe(e));
            return null;
        } catch (TimeoutException e) {
            out.println();
            out.println("the download took over 30 minutes; left running in TDLib");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Prints incoming messages and delivery reports, and hands the authorization states to {@link #login}. */
    private static final class Printer implements TdListener {
        private final PrintStream out;
        private final BlockingQueue<AuthorizationState> states;

        Printer(PrintStream out, BlockingQueue<AuthorizationState> states) {
            this.out = out;
            this.states = states;
        }

        @Override
        public void onAuthorizationState(TdClient client, AuthorizationState state) {
            states.add(state);
        }

        @Override
        public void onConnectionState(TdClient client, ConnectionState state) {
            out.println("connection: " + state);
        }

        @Override
        public void onNewMessage(TdClient client, Message m) {
            if (m.raw().path("is_outgoing").asBoolean()) {
                return;
            }
            String from = m.senderUserId() != 0 ? "user " + m.senderUserId() : "chat " + m.senderChatId();
            String text = m.text() == null ? "" : " " + m.text().text();
            out.println("message in chat " + m.chatId() + " from " + from + ": [" + m.contentType() + "]" + text
                    + (m.fileId() != 0 ? "  (download " + m.fileId() + " saves its file)" : ""));
        }

        @Override
        public void onMessageSendSucceeded(TdClient client, Message m, long oldMessageId) {
            out.println("delivered: message " + oldMessageId + " is now " + m.id() + " in chat " + m.chatId());
        }

        @Override
        public void onMessageSendFailed(TdClient client, Message m, long oldMessageId, TdException error) {
            out.println("not delivered: message " + oldMessageId + " in chat " + m.chatId() + ": " + error.serviceMessage());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
