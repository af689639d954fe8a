package dev.relaykit.whatsapp.webhook.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * What an incoming message holds, one record per message kind ({@code messages[].type}).
 *
 * <pre>{@code
 * WebhookHandler handler = WebhookHandler.builder()
 *     .appSecret(Secret.of(System.getenv("WHATSAPP_APP_SECRET")))
 *     .verifyToken(Secret.of(System.getenv("WHATSAPP_VERIFY_TOKEN")))
 *     .listener(event -> {
 *         if (!(event instanceof MessageEvent message)) {
 *             return;
 *         }
 *         MessageContent c = message.content();
 *         if (c instanceof MessageContent.Text t) {
 *             System.out.println("text: " + t.body());
 *         } else if (c instanceof MessageContent.Media media) {
 *             client.downloadMedia(media.id(), Path.of("inbox", media.id()));
 *         } else if (c instanceof MessageContent.ButtonReply b) {
 *             System.out.println("pressed: " + b.id());
 *         } else if (c instanceof MessageContent.Unknown u) {
 *             System.out.println("not modelled yet: " + u.raw());
 *         }
 *     })
 *     .build();
 * }</pre>
 *
 * <p>A kind this version does not know (or an interactive reply of an unknown sub-type) is an
 * {@link Unknown} carrying the message's raw JSON; decoding never fails because of it.
 */
public sealed interface MessageContent {

    /**
     * @return the message kind as Meta names it, for example {@code "text"}, {@code "image"},
     *     {@code "interactive"}
     */
    String type();

    /**
     * A media attachment (image, audio, video, document or sticker). Download it with the media
     * ID through the client's media API, or from {@link #url()} with your access token.
     */
    sealed interface Media extends MessageContent {
        /** @return the media ID */
        String id();

        /** @return the MIME type, for example {@code image/jpeg} */
        String mimeType();

        /** @return the SHA-256 hash of the file, base64, as sent */
        String sha256();

        /** @return the media URL, or {@code null} (Meta is rolling this field out gradually) */
        String url();
    }

    /**
     * A text message ({@code type = text}).
     *
     * @param body the text
     */
    record Text(String body) implements MessageContent {
        @Override
        public String type() {
            return "text";
        }
    }

    /**
     * An image ({@code type = image}).
     *
     * @param id media ID
     * @param mimeType MIME type
     * @param sha256 file hash
     * @param url media URL, or {@code null}
     * @param caption caption, or {@code null}
     */
    record Image(String id, String mimeType, String sha256, String url, String caption) implements Media {
        @Override
        public String type() {
            return "image";
        }
    }

    /**
     * An audio file or voice recording ({@code type = audio}).
     *
     * @param id media ID
     * @param mimeType MIME type, for example {@code audio/ogg; codecs=opus}
     * @param sha256 file hash
     * @param url media URL, or {@code null}
     * @param voice {@code true} if recorded with WhatsApp's voice recording feature
     */
    record Audio(String id, String mimeType, String sha256, String url, boolean voice) implements Media {
        @Override
        public String type() {
            return "audio";
        }
    }

    /**
     * A video ({@code type = video}).
     *
     * @param id media ID
     * @param mimeType MIME type
     * @param sha256 file hash
     * @param url media URL, or {@code null}
     * @param caption caption, or {@code null}
     */
    record Video(String id, String mimeType, String sha256, String url, String caption) implements Media {
        @Override
        public String type() {
            return "video";
        }
    }

    /**
     * A document ({@code type = document}).
     *
     * @param id media ID
     * @param mimeType MIME type
     * @param sha256 file hash
     * @param url media URL, or {@code null}
     * @param caption caption, or {@code null}
     * @param filename the file name, or {@code null}
     */
    record Document(String id, String mimeType, String sha256, String url, String caption, String filename)
            implements Media {
        @Override
        public String type() {
            return "document";
        }
    }

    /**
     * A sticker ({@code type = sticker}).
     *
     * @param id media ID
     * @param mimeType MIME type, {@code image/webp}
     * @param sha256 file hash
     * @param url media URL, or {@code null}
     * @param animated {@code true} for an animated sticker
     */
    record Sticker(String id, String mimeType, String sha256, String url, boolean animated) implements Media {
        @Override
        public String type() {
            return "sticker";
        }
    }

    /**
     * A shared location ({@code type = location}).
     *
     * @param latitude latitude in decimal degrees, exactly as sent
     * @param longitude longitude in decimal degrees, exactly as sent
     * @param name the place name, or {@code null}
     * @param address the address, or {@code null}
     * @param url the place URL (usually business locations only), or {@code null}
     */
    record Location(BigDecimal latitude, BigDecimal longitude, String name, String address, String url)
            implements MessageContent {
        @Override
        public String type() {
            return "location";
        }
    }

    /**
     * One or more shared contact cards ({@code type = contacts}).
     *
     * @param contacts the cards
     */
    record Contacts(List<SharedContact> contacts) implements MessageContent {
        @Override
        public String type() {
            return "contacts";
        }
    }

    /**
     * The user tapped a button of an interactive reply button message ({@code type = interactive},
     * {@code interactive.type = button_reply}).
     *
     * @param id the button ID you set
     * @param title the button label
     */
    record ButtonReply(String id, String title) implements MessageContent {
        @Override
        public String type() {
            return "interactive";
        }
    }

    /**
     * The user picked a row of an interactive list message ({@code type = interactive},
     * {@code interactive.type = list_reply}).
     *
     * @param id the row ID you set
     * @param title the row title
     * @param description the row description, or {@code null}
     */
    record ListReply(String id, String title, String description) implements MessageContent {
        @Override
        public String type() {
            return "interactive";
        }
    }

    /**
     * The user tapped a quick-reply button of a template message ({@code type = button}).
     *
     * @param payload the button payload you set in the template
     * @param text the button label
     */
    record QuickReply(String payload, String text) implements MessageContent {
        @Override
        public String type() {
            return "button";
        }
    }

    /**
     * The user reacted to one of your messages, or removed a reaction ({@code type = reaction}).
     *
     * @param messageId the ID of the message reacted to
     * @param emoji the emoji, or {@code null} when the reaction was removed
     */
    record Reaction(String messageId, String emoji) implements MessageContent {
        @Override
        public String type() {
            return "reaction";
        }

        /** @return {@code true} if the user removed their reaction (no emoji) */
        public boolean removed() {
            return emoji == null || emoji.isEmpty();
        }
    }

    /**
     * The user ordered products from a catalog, single- or multi-product message ({@code type = order}).
     *
     * @param catalogId the catalog ID
     * @param text the text sent with the order, or {@code null}
     * @param items the ordered products
     */
    record Order(String catalogId, String text, List<ProductItem> items) implements MessageContent {
        @Override
        public String type() {
            return "order";
        }
    }

    /**
     * A system message ({@code type = system}), for example the user changed their phone number.
     * System messages carry no {@code contacts}.
     *
     * @param systemType {@code user_changed_number}, {@code user_changed_user_id}, ...
     * @param body the human-readable description
     * @param waId the user's new WhatsApp ID, or {@code null}
     * @param userId the user's new business-scoped user ID, or {@code null}
     */
    record SystemChange(String systemType, String body, String waId, String userId) implements MessageContent {
        @Override
        public String type() {
            return "system";
        }
    }

    /**
     * A message kind Cloud API does not support ({@code type = unsupported}); the reason is in
     * {@link MessageEvent#errors()}.
     *
     * @param unsupportedType what the user sent, for example {@code edit} or {@code poll}, or {@code null}
     */
    record Unsupported(String unsupportedType) implements MessageContent {
        @Override
        public String type() {
            return "unsupported";
        }
    }

    /**
     * A message kind this version of RelayKit does not model, with its raw JSON.
     *
     * @param type the {@code type} value as sent (for an unknown interactive reply:
     *     {@code interactive/<sub-type>})
     * @param raw the whole message object
     */
    record Unknown(String type, JsonNode raw) implements MessageContent {
    }
}
