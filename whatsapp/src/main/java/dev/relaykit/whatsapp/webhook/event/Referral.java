package dev.relaykit.whatsapp.webhook.event;

/**
 * The Click to WhatsApp ad a message came through ({@code referral}).
 *
 * @param sourceUrl the ad URL
 * @param sourceId the ad ID
 * @param sourceType the source type, {@code ad}
 * @param body the ad's primary text
 * @param headline the ad's headline
 * @param mediaType {@code image} or {@code video}
 * @param imageUrl the ad image URL (image ads), or {@code null}
 * @param videoUrl the ad video URL (video ads), or {@code null}
 * @param thumbnailUrl the ad video thumbnail URL (video ads), or {@code null}
 * @param ctwaClid the ad click ID; {@code null} for ads placed in WhatsApp Status
 * @param welcomeMessage the ad's greeting text ({@code welcome_message.text}), or {@code null}
 */
public record Referral(String sourceUrl, String sourceId, String sourceType, String body, String headline,
        String mediaType, String imageUrl, String videoUrl, String thumbnailUrl, String ctwaClid,
        String welcomeMessage) {
}
