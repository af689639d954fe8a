package dev.relaykit.telegram.tdlib;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An advertisement Telegram shows in a channel or bot chat: TDLib's {@code sponsoredMessage}, from
 * {@link TdMessages#sponsored}. Mark it seen with {@link TdMessages#viewSponsored} and report clicks with
 * {@link TdMessages#clickSponsored}.
 *
 * <pre>{@code
 * for (SponsoredMessage ad : client.messages().sponsored(chatId).messages()) {
 *     System.out.println(ad.title() + " [" + ad.buttonText() + "] " + ad.sponsorUrl());
 * }
 * }</pre>
 *
 * @param messageId its id, for viewing and clicking (valid in this chat only)
 * @param recommended whether it recommends Telegram's own content rather than an advertiser's
 * @param title the title
 * @param buttonText the button's label
 * @param contentType the content's class without {@code message}: {@code "Text"}, {@code "Photo"},
 *     {@code "Video"}, {@code "Animation"}
 * @param text its text, or the caption of its media
 * @param sponsorUrl where a click leads ({@code advertisementSponsor.url})
 * @param sponsorInfo who the sponsor is, as shown under "About"
 * @param additionalInfo further disclosure, or {@code ""}
 * @param raw the object as TDLib sent it
 */
public record SponsoredMessage(long messageId, boolean recommended, String title, String buttonText,
                               String contentType, FormattedText text, String sponsorUrl, String sponsorInfo,
                               String additionalInfo, JsonNode raw) {

    /**
     * @param m TDLib's {@code sponsoredMessage}
     * @return the message
     */
    public static SponsoredMessage of(JsonNode m) {
        JsonNode content = m.path("content");
        String type = content.path("@type").asText();
        JsonNode text = content.has("text") ? content.path("text") : content.path("caption");
        JsonNode sponsor = m.path("sponsor");
        return new SponsoredMessage(m.path("message_id").asLong(), m.path("is_recommended").asBoolean(),
                m.path("title").asText(""), m.path("button_text").asText(""),
                type.startsWith("message") ? type.substring(7) : type, FormattedText.of(text),
                sponsor.path("url").asText(""), sponsor.path("info").asText(""), m.path("additional_info").asText(""), m);
    }

    /**
     * TDLib's {@code sponsoredMessages}: the messages for a chat and where they go.
     *
     * <pre>{@code
     * SponsoredMessage.Page page = client.messages().sponsored(chatId);
     * int every = page.messagesBetween();        // 0: only one, after the last message
     * }</pre>
     *
     * @param messages the messages, in order
     * @param messagesBetween for channels: how many ordinary messages go between two sponsored ones (0 when
     *     only one is shown, after all the others)
     */
    public record Page(List<SponsoredMessage> messages, int messagesBetween) {
        static Page of(JsonNode n) {
            List<SponsoredMessage> list = new ArrayList<>();
            for (JsonNode m : n.path("messages")) {
                list.add(SponsoredMessage.of(m));
            }
            return new Page(List.copyOf(list), n.path("messages_between").asInt());
        }
    }
}
