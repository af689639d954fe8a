package dev.relaykit.telegram.bot;

import dev.relaykit.core.rest.RestClient;
import dev.relaykit.core.rest.RestRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;

/**
 * Files users sent the bot: {@code getFile}, then the download from
 * {@code https://api.telegram.org/file/bot<token>/<file_path>} (core.telegram.org/bots/api#getfile),
 * streamed to a file or stream with progress, never held in memory. Get it from
 * {@link TelegramBot#files()}. The public Bot API serves files up to 20 MB; the token in the
 * download URL is masked in every log line and exception like in any other call.
 *
 * <pre>{@code
 * String fileId = update.payload().path("document").path("file_id").asText();
 * BotFile file = bot.files().download(fileId, Path.of("downloads", "report.pdf"),
 *         (done, total) -> System.out.println(done + " of " + total + " bytes"));
 * }</pre>
 */
public final class BotFiles {
    private static final int CHUNK = 64 * 1024;

    private final BotCalls calls;
    private final RestClient files;

    BotFiles(BotCalls calls, RestClient files) {
        this.calls = calls;
        this.files = files;
    }

    /**
     * {@code getFile}: the file's {@code file_path}, valid for at least an hour.
     *
     * <pre>{@code
     * BotFile file = bot.files().getFile("BQACAgIAAxkBAAIC");
     * }</pre>
     *
     * @param fileId the file's id, from a message
     * @return the file
     */
    public BotFile getFile(String fileId) {
        return BotFile.of(calls.call("getFile", BotCalls.params(Map.of(), "file_id", fileId)));
    }

    /**
     * Downloads a file to a stream, in chunks; the stream is flushed, not closed. A failure once
     * bytes were written is not retried (they cannot be taken back); before that, a connection
     * failure or 5xx is retried as for any read.
     *
     * <pre>{@code
     * try (OutputStream out = Files.newOutputStream(Path.of("photo.jpg"))) {
     *     long bytes = bot.files().download(bot.files().getFile("BQACAgIAAxkBAAIC"), out, DownloadProgress.NONE);
     * }
     * }</pre>
     *
     * @param file a file from {@link #getFile}
     * @param out where the bytes go
     * @param progress told after each chunk
     * @return the number of bytes written
     * @throws IllegalArgumentException if the file has no {@code file_path}, or an absolute one (a
     *     local Bot API server in {@code --local} mode: read that path from disk instead)
     * @throws TelegramApiException if the file server answered an error (404 once the link expired)
     * @throws dev.relaykit.core.TransportException if the connection, or writing to {@code out}, failed
     */
    public long download(BotFile file, OutputStream out, DownloadProgress progress) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(progress, "progress");
        String path = Objects.requireNonNull(file, "file").filePath();
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("the file " + file.fileId() + " has no file_path to download"
                    + " (call getFile; the Bot API serves files up to 20 MB)");
        }
        if (path.startsWith("/") || path.contains("://") || path.contains("..")) {
            throw new IllegalArgumentException("file_path " + path + " is not a download path; a local Bot API"
                    + " server in --local mode gives an absolute path to read from disk");
        }
        long known = file.fileSize() == null ? -1 : file.fileSize();
        return files.executeStreaming(RestRequest.get("/" + path).build(), (head, in) -> {
            long total = known;
            String length = head.header("Content-Length");
            if (total < 0 && length != null) {
                try {
                    total = Long.parseLong(length.trim());
                } catch (NumberFormatException notANumber) {
                    total = -1;
                }
            }
            return copy(in, out, progress, total);
        });
    }

    private static long copy(InputStream in, OutputStream out, DownloadProgress progress, long total)
            throws IOException {
        byte[] buf = new byte[CHUNK];
        long done = 0;
        progress.progress(0, total);
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            out.write(buf, 0, n);
            done += n;
            progress.progress(done, total);
        }
        out.flush();
        return done;
    }

    /**
     * {@code getFile}, then downloads the file to {@code target}: into a temporary file beside it,
     * moved into place only once complete, so {@code target} never holds half a file.
     *
     * <pre>{@code
     * BotFile file = bot.files().download("BQACAgIAAxkBAAIC", Path.of("report.pdf"), DownloadProgress.NONE);
     * }</pre>
     *
     * @param fileId the file's id
     * @param target the file to write (replaced if it exists)
     * @param progress told after each chunk
     * @return the file's information
     * @throws UncheckedIOException if the temporary file cannot be created or moved
     */
    public BotFile download(String fileId, Path target, DownloadProgress progress) {
        Path absolute = target.toAbsolutePath();
        BotFile file = getFile(fileId);
        Path tmp = null;
        try {
            tmp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".part");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                download(file, out, progress);
            }
            Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("telegram: could not write " + absolute, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a leftover .part file names what it was
                }
            }
        }
    }
}
