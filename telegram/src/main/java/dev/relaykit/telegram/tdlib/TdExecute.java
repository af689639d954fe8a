package dev.relaykit.telegram.tdlib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.json.Json;
import java.nio.file.Path;

/**
 * TDLib's synchronous functions ({@code td_execute}): no client, no network, answered at once on
 * the caller's thread. Log settings set here are global to the process.
 *
 * <pre>{@code
 * TdJson td = NativeTdJson.load();
 * TdExecute.setLogVerbosityLevel(td, 1);
 * String v = TdExecute.version(td);                                        // "1.8.67"
 * FormattedText f = TdExecute.parseTextEntities(td, "*hi*", ParseMode.MARKDOWN_V2);
 * }</pre>
 */
public final class TdExecute {
    private TdExecute() {
    }

    /**
     * Runs any synchronous TDLib function.
     *
     * @param td the interface
     * @param request the function ({@link TdClient#function(String)})
     * @return the answer, never an {@code error}
     * @throws TdException if TDLib answered with an error (also for a function it cannot run synchronously)
     */
    public static JsonNode execute(TdJson td, ObjectNode request) {
        String answer = td.execute(Json.write(request));
        String type = request.path("@type").asText();
        if (answer == null) {
            throw new TdException(400, "td_execute returned nothing", type);
        }
        JsonNode n = Json.tree(answer);
        if ("error".equals(n.path("@type").asText())) {
            throw new TdException(n.path("code").asInt(), n.path("message").asText(), type);
        }
        return n;
    }

    /**
     * @param td the interface
     * @return TDLib's version ({@code getOption("version")}): {@code "1.8.67"}
     */
    public static String version(TdJson td) {
        return execute(td, TdClient.function("getOption").put("name", "version")).path("value").asText();
    }

    /**
     * @param td the interface
     * @param level 0 fatal only, 1 errors, 2 warnings, 3 info, 4 debug, 5 verbose
     */
    public static void setLogVerbosityLevel(TdJson td, int level) {
        execute(td, TdClient.function("setLogVerbosityLevel").put("new_verbosity_level", level));
    }

    /**
     * @param td the interface
     * @return the current log verbosity ({@code getLogVerbosityLevel})
     */
    public static int logVerbosityLevel(TdJson td) {
        return execute(td, TdClient.function("getLogVerbosityLevel")).path("verbosity_level").asInt();
    }

    /**
     * Writes TDLib's log to a file ({@code setLogStream} with {@code logStreamFile}).
     *
     * @param td the interface
     * @param file the file
     * @param maxBytes the size after which TDLib rotates it
     */
    public static void setLogFile(TdJson td, Path file, long maxBytes) {
        ObjectNode f = TdClient.function("setLogStream");
        f.putObject("log_stream").put("@type", "logStreamFile").put("path", file.toAbsolutePath().toString())
                .put("max_file_size", maxBytes).put("redirect_stderr", false);
        execute(td, f);
    }

    /**
     * Turns Markdown or HTML into text and entities ({@code parseTextEntities}).
     *
     * @param td the interface
     * @param text the marked-up text
     * @param mode its markup
     * @return the plain text and its entities
     * @throws TdException if the markup is invalid (TDLib's message says where)
     */
    public static FormattedText parseTextEntities(TdJson td, String text, ParseMode mode) {
        ObjectNode f = TdClient.function("parseTextEntities").put("text", text);
        f.set("parse_mode", mode.toTd());
        return FormattedText.of(execute(td, f));
    }
}
