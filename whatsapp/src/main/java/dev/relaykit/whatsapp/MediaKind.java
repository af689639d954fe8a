package dev.relaykit.whatsapp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * The kinds of media WhatsApp accepts, with their MIME types and size limits as Meta documents
 * them ("Supported media types"). {@link WhatsAppClient#uploadMedia(java.nio.file.Path, String)}
 * checks a file against these before uploading.
 */
public enum MediaKind {
    /** AAC, AMR, MP3, M4A, OGG (Opus only); 16 MB. */
    AUDIO(16L << 20, "audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"),
    /** Text, PDF, Word, Excel, PowerPoint; 100 MB. */
    DOCUMENT(100L << 20, "text/plain", "application/pdf", "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.ms-powerpoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    /** JPEG, PNG; 5 MB. */
    IMAGE(5L << 20, "image/jpeg", "image/png"),
    /** WebP; 500 KB (animated; a static sticker must stay within 100 KB). */
    STICKER(500L << 10, "image/webp"),
    /** MP4, 3GPP (H.264 video, AAC audio); 16 MB. */
    VIDEO(16L << 20, "video/mp4", "video/3gpp", "video/3gp");

    private final long maxBytes;
    private final Set<String> mimeTypes;

    MediaKind(long maxBytes, String... mimeTypes) {
        this.maxBytes = maxBytes;
        this.mimeTypes = Set.of(mimeTypes);
    }

    /** @return the largest file WhatsApp accepts for this kind, in bytes */
    public long maxBytes() {
        return maxBytes;
    }

    /** @return the MIME types of this kind */
    public Set<String> mimeTypes() {
        return mimeTypes;
    }

    /**
     * @param mimeType a MIME type, parameters ({@code ; codecs=opus}) ignored
     * @return the kind it belongs to
     * @throws IllegalArgumentException if WhatsApp does not accept that type; the message lists the accepted ones
     */
    public static MediaKind forMimeType(String mimeType) {
        String base = baseType(mimeType);
        for (MediaKind k : values()) {
            if (k.mimeTypes.contains(base)) {
                return k;
            }
        }
        throw new IllegalArgumentException("WhatsApp does not accept media of type \"" + mimeType + "\"; accepted: "
                + Arrays.stream(values()).map(k -> k.name().toLowerCase(Locale.ROOT) + " " + k.mimeTypes).toList());
    }

    static String baseType(String mimeType) {
        if (mimeType == null || mimeType.isBlank()) {
            throw new IllegalArgumentException("media MIME type is empty");
        }
        int semi = mimeType.indexOf(';');
        return (semi < 0 ? mimeType : mimeType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }
}
