package dev.relaykit.telegram.tdlib;

import dev.relaykit.core.RelayKitException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Downloads with progress: {@code downloadFile}, then TDLib's {@code updateFile} reports each step
 * until the file is complete. The progress listener runs on the client's dispatcher, in order.
 *
 * <pre>{@code
 * TdFile done = client.files().download(message.fileId(),
 *         f -> System.out.print("\r" + "#".repeat(f.percent() / 5) + " " + f.percent() + "%")).join();
 * Path file = Path.of(done.localPath());
 * }</pre>
 */
public final class TdFiles {
    private final TdCalls calls;
    private final Map<Integer, Download> downloads = new ConcurrentHashMap<>();

    TdFiles(TdCalls calls) {
        this.calls = calls;
    }

    private static final class Download {
        final Consumer<? super TdFile> progress;
        final CompletableFuture<TdFile> done = new CompletableFuture<>();
        long reported = -1; // guarded by this

        Download(Consumer<? super TdFile> progress) {
            this.progress = progress;
        }
    }

    /**
     * Starts downloading a file (priority 1, whole file) and reports its progress.
     *
     * @param fileId TDLib's file id (from a {@link Message#fileId()}, a {@link TdFile#id()})
     * @param progress called with each state TDLib reports, the last one complete; on the client's dispatcher
     * @return completes with the downloaded file; fails with a {@link TdException} if TDLib refused,
     *     or a {@link RelayKitException} if the download stopped before it was complete
     */
    public CompletableFuture<TdFile> download(int fileId, Consumer<? super TdFile> progress) {
        Objects.requireNonNull(progress, "progress");
        Download d = new Download(progress);
        if (downloads.putIfAbsent(fileId, d) != null) {
            return CompletableFuture.failedFuture(new IllegalStateException("file " + fileId
                    + " is already being downloaded through this client"));
        }
        d.done.whenComplete((f, x) -> downloads.remove(fileId, d));
        calls.call(TdClient.function("downloadFile").put("file_id", fileId).put("priority", 1).put("offset", 0)
                .put("limit", 0).put("synchronous", false)).whenComplete((f, x) -> {
                    if (x != null) {
                        d.done.completeExceptionally(x instanceof java.util.concurrent.CompletionException
                                ? x.getCause() : x);
                    } else {
                        report(d, TdFile.of(f));
                    }
                });
        return d.done;
    }

    /** An {@code updateFile}: on the client's dispatcher. */
    void onUpdateFile(TdFile f) {
        Download d = downloads.get(f.id());
        if (d != null) {
            report(d, f);
        }
    }

    /**
     * From the dispatcher (updates) or wherever the answer to downloadFile completed: a caller may
     * attach to the answer after TDLib already sent later updates, so a state older than one reported
     * is dropped and the listener never sees progress go back.
     */
    private static void report(Download d, TdFile f) {
        synchronized (d) {
            if (d.done.isDone() || f.downloadedSize() < d.reported) {
                return;
            }
            d.reported = f.downloadedSize();
            reportNewer(d, f);
        }
    }

    private static void reportNewer(Download d, TdFile f) {
        try {
            d.progress.accept(f);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(TdFiles.class).warn("a download progress listener threw", e);
        }
        if (f.downloaded()) {
            d.done.complete(f);
        } else if (!f.downloading() && f.downloadedSize() < Math.max(f.size(), 1)) {
            d.done.completeExceptionally(new RelayKitException("the download of file " + f.id() + " stopped at "
                    + f.downloadedSize() + " of " + f.size() + " bytes (cancelled, or TDLib could not fetch it)"));
        }
    }

    /** The client closed: downloads still running fail. */
    void closed() {
        for (Download d : downloads.values()) {
            d.done.completeExceptionally(new RelayKitException("the client closed before the download completed"));
        }
    }
}
