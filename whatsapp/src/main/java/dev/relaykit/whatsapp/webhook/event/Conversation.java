package dev.relaykit.whatsapp.webhook.event;

import java.time.Instant;

/**
 * The conversation a status belongs to ({@code statuses[].conversation}). From Graph API v24.0 Meta
 * omits it except for free entry point conversations.
 *
 * @param id the conversation ID
 * @param originType the conversation category ({@code origin.type}), for example {@code service},
 *     {@code marketing}, {@code utility}, {@code authentication}, {@code referral_conversion}
 * @param expiration when the conversation expires (only on {@code sent}), or {@code null}
 */
public record Conversation(String id, String originType, Instant expiration) {
}
