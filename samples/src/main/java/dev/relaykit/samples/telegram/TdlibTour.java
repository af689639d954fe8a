package dev.relaykit.samples.telegram;

import dev.relaykit.telegram.tdlib.AuthorizationState;
import dev.relaykit.telegram.tdlib.FormattedText;
import dev.relaykit.telegram.tdlib.NativeTdJson;
import dev.relaykit.telegram.tdlib.ParseMode;
import dev.relaykit.telegram.tdlib.TdClient;
import dev.relaykit.telegram.tdlib.TdExecute;
import dev.relaykit.telegram.tdlib.TdLibraryException;
import dev.relaykit.telegram.tdlib.TdListener;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The offline demo's TDLib part, on the real {@code libtdjson}: TDLib's version, Markdown turned into text and
 * entities by TDLib itself ({@code td_execute}), and a client's authorization flow as far as it goes without
 * Telegram's servers (its parameters, then the phone-number question), then closed.
 */
public final class TdlibTour {
    /** What the demo parses: bold, italic and a link in Telegram's MarkdownV2. */
    static final String MARKDOWN = "*Build 42* passed in _3 min_, see [the log](https://ci.example.com/42)";
    /** Any api id and hash do until TDLib talks to Telegram; these are placeholders, not an application's. */
    private static final int OFFLINE_API_ID = 12345;
    private static final String OFFLINE_API_HASH = "0123456789abcdef0123456789abcdef";

    private TdlibTour() {
    }

    /**
     * What the tour saw, for its test.
     *
     * @param version TDLib's version, as the library reports it
     * @param parsed the Markdown's text and entities
     * @param states the authorization states, in order, by class name
     */
    public record Report(String version, FormattedText parsed, List<String> states) {
    }

    /**
     * Runs the tour on the library {@link LocalTdLib} finds or installs; when there is none, prints one line
     * saying why and returns {@code null}.
     *
     * @param out where to print
     * @return what was seen, or {@code null} when no libtdjson could be had
     * @throws Exception if TDLib misbehaves
     */
    public static Report runOffline(PrintStream out) throws Exception {
        LocalTdLib.Located where = LocalTdLib.findOrInstall(System.getenv(), LocalTdLib.checkoutRoot(), out);
        if (where.file() == null) {
            out.println("skipped: no libtdjson here: " + where.why());
            return null;
        }
        NativeTdJson td;
        try {
            td = NativeTdJson.load(where.file());
        } catch (TdLibraryException e) {
            out.println("skipped: " + e.getMessage());
            return null;
        }
        return run(td, out);
    }

    /**
     * Runs the tour on this library.
     *
     * @param td the loaded library
     * @param out where to print
     * @return what was seen
     * @throws IOException if the temporary database directory cannot be made
     */
    static Report run(NativeTdJson td, PrintStream out) throws IOException {
        // TDLib logs at verbosity 5 to stderr until told otherwise; errors only, so that the story stays readable
        TdExecute.setLogVerbosityLevel(td, 1);
        out.println("libtdjson " + td.file() + ": TDLib " + td.version() + " (td_execute getOption \"version\")");
        FormattedText parsed = TdExecute.parseTextEntities(td, MARKDOWN, ParseMode.MARKDOWN_V2);
        out.println("MarkdownV2 " + MARKDOWN);
        out.println("  parsed by TDLib (td_execute parseTextEntities) into \"" + parsed.text() + "\" with "
                + describe(parsed));
        List<String> states = new CopyOnWriteArrayList<>();
        Path dir = Files.createTempDirectory("relaykit-demo-tdlib");
        try {
            TdClient client = TdClient.builder(td).apiId(OFFLINE_API_ID).apiHash(OFFLINE_API_HASH)
                    .databaseDirectory(dir.resolve("db")).filesDirectory(dir.resolve("files"))
                    .databases(false, false, false)
                    .listener(new TdListener() {
                        @Override
                        public void onAuthorizationState(TdClient c, AuthorizationState s) {
                            String name = s.getClass().getSimpleName();
                            states.add(name);
                            out.println("authorization: " + name + NOTES.getOrDefault(name, ""));
                        }
                    })
                    .build();
            try {
                client.awaitAuthorization(AuthorizationState.WaitPhoneNumber.class, Duration.ofSeconds(30));
            } finally {
                client.close();
            }
        } finally {
            deleteTree(dir);
        }
        return new Report(td.version(), parsed, List.copyOf(states));
    }

    private static final Map<String, String> NOTES = Map.of(
            "WaitTdlibParameters", " (the client answers it from its settings: setTdlibParameters)",
            "WaitPhoneNumber", " (the first question for the user; code, password and the rest need Telegram's"
                    + " servers, so the demo closes the client here)",
            "Closed", " (TDLib's close finished; the client and its receive loop are gone)");

    /** {@code Bold "Build 42" [0+8], Italic "3 min" [...], TextUrl "the log" -> https://...}. */
    static String describe(FormattedText f) {
        List<String> parts = new ArrayList<>();
        for (FormattedText.TextEntity e : f.entities()) {
            parts.add(e.type() + " \"" + f.text().substring(e.offset(), e.offset() + e.length()) + "\" [" + e.offset()
                    + "+" + e.length() + "]" + (e.url() == null ? "" : " -> " + e.url()));
        }
        return parts.isEmpty() ? "no entities" : String.join(", ", parts);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
