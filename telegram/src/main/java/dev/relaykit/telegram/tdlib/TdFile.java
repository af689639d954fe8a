package dev.relaykit.telegram.tdlib;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A file as TDLib tracks it: TDLib's {@code file} (what {@code downloadFile} returns and
 * {@code updateFile} reports while it downloads).
 *
 * <pre>{@code
 * TdFile f = client.files().download(fileId, p -> System.out.printf("%d%%%n", p.percent())).join();
 * System.out.println(f.localPath());
 * }</pre>
 *
 * @param id TDLib's file id (valid in this client only)
 * @param size the size in bytes, or 0 if unknown
 * @param expectedSize the expected size when the size is unknown
 * @param localPath where it is on disk, or {@code ""} before any part is
 * @param downloadedSize bytes downloaded so far
 * @param downloading whether a download is active
 * @param downloaded whether the download is complete
 * @param remoteId the remote id, usable across clients and restarts, or {@code ""}
 * @param raw the object as TDLib sent it
 */
public record TdFile(int id, long size, long expectedSize, String localPath, long downloadedSize, boolean downloading,
                     boolean downloaded, String remoteId, JsonNode raw) {

    /**
     * @param f TDLib's {@code file}
     * @return the file
     */
    public static TdFile of(JsonNode f) {
        JsonNode local = f.path("local");
        return new TdFile(f.path("id").asInt(), f.path("size").asLong(), f.path("expected_size").asLong(),
                local.path("path").asText(""), local.path("downloaded_size").asLong(),
                local.path("is_downloading_active").asBoolean(), local.path("is_downloading_completed").asBoolean(),
                f.path("remote").path("id").asText(""), f);
    }

    /** @return bytes uploaded so far, while TDLib uploads a file being sent ({@code remote.uploaded_size}) */
    public long uploadedSize() {
        return raw == null ? 0 : raw.path("remote").path("uploaded_size").asLong();
    }

    /** @return whether an upload is active ({@code remote.is_uploading_active}) */
    public boolean uploading() {
        return raw != null && raw.path("remote").path("is_uploading_active").asBoolean();
    }

    /** @return how much is downloaded, 0 to 100 (0 when the size is unknown) */
    public int percent() {
        long total = size > 0 ? size : expectedSize;
        return total <= 0 ? 0 : (int) Math.min(100, downloadedSize * 100 / total);
    }
}
