package dev.relaykit.telegram.tdlib;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.json.Json;
import java.nio.file.Path;

/**
 * A file to send: TDLib's {@code InputFile} (a local file, a remote id or URL Telegram already
 * knows, or a TDLib file id).
 *
 * <pre>{@code
 * client.messages().sendDocument(chatId, InputFile.local(Path.of("report.pdf")), FormattedText.plain("Q3"));
 * client.messages().sendPhoto(chatId, InputFile.remote("https://example.com/cat.jpg"), null);
 * }</pre>
 */
public final class InputFile {
    private final ObjectNode td;

    private InputFile(ObjectNode td) {
        this.td = td;
    }

    /**
     * @param path a file on this machine ({@code inputFileLocal}); TDLib uploads it
     * @return the input file
     */
    public static InputFile local(Path path) {
        return new InputFile(node("inputFileLocal").put("path", path.toAbsolutePath().toString()));
    }

    /**
     * @param remoteIdOrUrl a remote file id, or an HTTP URL Telegram fetches itself ({@code inputFileRemote})
     * @return the input file
     */
    public static InputFile remote(String remoteIdOrUrl) {
        return new InputFile(node("inputFileRemote").put("id", remoteIdOrUrl));
    }

    /**
     * @param fileId a file this client already knows ({@code inputFileId})
     * @return the input file
     */
    public static InputFile id(int fileId) {
        return new InputFile(node("inputFileId").put("id", fileId));
    }

    private static ObjectNode node(String type) {
        return Json.mapper().createObjectNode().put("@type", type);
    }

    /** @return TDLib's object (a copy) */
    ObjectNode toTd() {
        return td.deepCopy();
    }

    @Override
    public String toString() {
        return td.toString();
    }
}
