package dev.relaykit.whatsapp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.json.Json;
import java.net.URI;
import java.util.Objects;

/**
 * Media for a message: a public {@code https} link WhatsApp downloads itself, or the id of media
 * uploaded with {@link WhatsAppClient#uploadMedia(java.nio.file.Path, String)}.
 *
 * <pre>{@code
 * String to = "+16505551234";
 * String mediaId = client.uploadMedia(Path.of("invoice.pdf"), "application/pdf");
 * client.send(Message.image(to, MediaRef.link("https://example.com/menu.png")).caption("Today's menu"));
 * client.send(Message.document(to, MediaRef.id(mediaId)).filename("invoice.pdf"));
 * }</pre>
 *
 * @param link the URL, or {@code null} when {@code id} is set
 * @param id the uploaded media id, or {@code null} when {@code link} is set
 */
public record MediaRef(String link, String id) {

    /**
     * Checks that exactly one of link and id is set and that the link is an http(s) URL.
     *
     * @param link the URL
     * @param id the media id
     */
    public MediaRef {
        if ((link == null) == (id == null)) {
            throw new IllegalArgumentException("media needs either a link or an uploaded media id");
        }
        if (link != null) {
            URI uri;
            try {
                uri = URI.create(link);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("media link is not a URL: " + link);
            }
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("media link must be an http(s) URL: " + link);
            }
        }
        if (id != null && id.isBlank()) {
            throw new IllegalArgumentException("media id is blank");
        }
    }

    /**
     * @param url where WhatsApp downloads the media from (https in production)
     * @return a reference by link
     */
    public static MediaRef link(String url) {
        return new MediaRef(Objects.requireNonNull(url, "url"), null);
    }

    /**
     * @param mediaId the id {@link WhatsAppClient#uploadMedia(java.nio.file.Path, String)} returned
     * @return a reference by uploaded media id
     */
    public static MediaRef id(String mediaId) {
        return new MediaRef(null, Objects.requireNonNull(mediaId, "mediaId"));
    }

    ObjectNode toJson() {
        ObjectNode n = Json.mapper().createObjectNode();
        if (id != null) {
            n.put("id", id);
        } else {
            n.put("link", link);
        }
        return n;
    }
}
