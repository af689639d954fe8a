package dev.relaykit.whatsapp;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What {@code GET /{media-id}} says about uploaded or received media.
 *
 * @param id the media id
 * @param url where to download it from, with the access token, for 5 minutes
 * @param mimeType the MIME type ({@code "image/jpeg"})
 * @param sha256 the SHA-256 of the file, hex
 * @param fileSize the size in bytes
 * @param messagingProduct {@code "whatsapp"}
 */
public record MediaInfo(String id, String url, @JsonProperty("mime_type") String mimeType, String sha256,
        @JsonProperty("file_size") long fileSize, @JsonProperty("messaging_product") String messagingProduct) {
}
