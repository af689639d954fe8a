package dev.relaykit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.jna.Library;
import com.sun.jna.Native;
import dev.relaykit.core.json.Json;
import dev.relaykit.telegram.tdlib.FormattedText;
import dev.relaykit.telegram.tdlib.NativeTdJson;
import dev.relaykit.telegram.tdlib.ParseMode;
import dev.relaykit.telegram.tdlib.TdExecute;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one {@code td_execute} call on the real libtdjson (TDLib 1.8.67), through JNA, three ways each for
 * {@code getOption("version")} (TDLib's cheapest synchronous call) and {@code parseTextEntities} (MarkdownV2 with
 * bold, italic and a link):
 * <ul>
 *   <li>{@code raw*}: the bare JNA call of a pre-made request string, returning TDLib's answer string (JNA interface
 *       mapping, as {@link NativeTdJson} binds it);</li>
 *   <li>{@code rawJackson*}: the same, then the answer parsed with Jackson and read (for the entities, into the
 *       same {@link FormattedText});</li>
 *   <li>{@code relayKit*}: {@link TdExecute}: the request built as a Jackson object and written, the call, the
 *       answer parsed, checked for TDLib's {@code error}, typed.</li>
 * </ul>
 * and {@code directVersion}: the bare call through JNA's direct mapping ({@code Native.register}), which skips the
 * interface proxy, for what the binding style itself costs.
 *
 * <p>The library: {@code -Drelaykit.tdjson.path} or {@code RELAYKIT_TDJSON_PATH}, else the copy the telegram build
 * installs ({@code telegram/src/test/node/node_modules/@prebuilt-tdlib/linux-x64-glibc/libtdjson.so}, looked up from
 * the working directory and its parent). Run:
 * {@code java -jar benchmarks/target/benchmarks.jar TdExecuteBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TdExecuteBenchmark {
    static final String PINNED = "telegram/src/test/node/node_modules/@prebuilt-tdlib/linux-x64-glibc/libtdjson.so";
    static final String MARKDOWN = "*Build 42* passed in _3 min_, see [the log](https://ci.example.com/42)";
    static final String VERSION_REQUEST = "{\"@type\":\"getOption\",\"name\":\"version\"}";
    static final String PARSE_REQUEST = "{\"@type\":\"parseTextEntities\",\"text\":\"" + MARKDOWN.replace("\"", "\\\"")
            + "\",\"parse_mode\":{\"@type\":\"textParseModeMarkdown\",\"version\":2}}";

    /** td_json_client.h's synchronous call, bound the way {@link NativeTdJson} binds it (an interface proxy). */
    public interface TdExecuteLibrary extends Library {
        /**
         * @param request the request
         * @return the answer
         */
        String td_execute(String request);
    }

    /** The same C function through JNA direct mapping (a static native method, no proxy). */
    public static final class Direct {
        private Direct() {
        }

        /**
         * @param request the request
         * @return the answer
         */
        public static native String td_execute(String request);
    }

    NativeTdJson td;
    TdExecuteLibrary raw;

    /** Loads the library three ways: RelayKit's, a bare interface mapping, a direct mapping. */
    @Setup(Level.Trial)
    public void setUp() {
        Path file = libraryFile();
        td = NativeTdJson.load(file);
        TdExecute.setLogVerbosityLevel(td, 1);
        Map<String, Object> utf8 = Map.of(Library.OPTION_STRING_ENCODING, "UTF-8");
        raw = Native.load(file.toString(), TdExecuteLibrary.class, utf8);
        Native.register(Direct.class, com.sun.jna.NativeLibrary.getInstance(file.toString(), utf8));
    }

    /**
     * @return the libtdjson to measure
     * @throws IllegalStateException saying where it looked
     */
    static Path libraryFile() {
        String named = System.getProperty(NativeTdJson.PATH_PROPERTY);
        if (named == null || named.isBlank()) {
            named = System.getenv(NativeTdJson.PATH_ENV);
        }
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(PINNED))) {
                return dir.resolve(PINNED);
            }
        }
        throw new IllegalStateException("libtdjson not found: set -D" + NativeTdJson.PATH_PROPERTY + " or "
                + NativeTdJson.PATH_ENV + ", or run from a RelayKit checkout where the telegram build (or ./relaykit"
                + " demo) installed " + PINNED);
    }

    /** @return TDLib's answer to getOption("version"), as a string: the bare JNA call */
    @Benchmark
    public String rawVersion() {
        return raw.td_execute(VERSION_REQUEST);
    }

    /** @return the same through JNA direct mapping */
    @Benchmark
    public String directVersion() {
        return Direct.td_execute(VERSION_REQUEST);
    }

    /** @return the version: the bare JNA call, then Jackson */
    @Benchmark
    public String rawJacksonVersion() {
        return Json.tree(raw.td_execute(VERSION_REQUEST)).path("value").asText();
    }

    /** @return the version through {@link TdExecute#version} */
    @Benchmark
    public String relayKitVersion() {
        return TdExecute.version(td);
    }

    /** @return TDLib's answer to parseTextEntities, as a string: the bare JNA call */
    @Benchmark
    public String rawParse() {
        return raw.td_execute(PARSE_REQUEST);
    }

    /** @return the entities: the bare JNA call, Jackson, the same {@link FormattedText} */
    @Benchmark
    public FormattedText rawJacksonParse() {
        JsonNode n = Json.tree(raw.td_execute(PARSE_REQUEST));
        return FormattedText.of(n);
    }

    /** @return the entities through {@link TdExecute#parseTextEntities} */
    @Benchmark
    public FormattedText relayKitParse() {
        return TdExecute.parseTextEntities(td, MARKDOWN, ParseMode.MARKDOWN_V2);
    }
}
