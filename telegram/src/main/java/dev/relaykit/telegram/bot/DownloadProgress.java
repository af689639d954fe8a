package dev.relaykit.telegram.bot;

/**
 * Told how far a download is, on the thread that downloads, after every chunk read (and once at
 * the end). Keep it quick: the next chunk waits for it.
 *
 * <pre>{@code
 * DownloadProgress bar = (done, total) -> System.out.printf("\r%d / %d bytes", done, total);
 * bot.files().download("BQACAgIAAxkBAAIC", Path.of("video.mp4"), bar);
 * }</pre>
 */
@FunctionalInterface
public interface DownloadProgress {
    /** Tells nothing. */
    DownloadProgress NONE = (done, total) -> { };

    /**
     * @param bytesDone bytes received so far
     * @param bytesTotal the file's size, or {@code -1} if neither Telegram nor the answer said
     */
    void progress(long bytesDone, long bytesTotal);
}
