package dev.relaykit.whatsapp.webhook.event;

/**
 * The WhatsApp user a message came from (or a status concerns), from {@code value.contacts[]}.
 *
 * <p>Since business-scoped user IDs (BSUIDs) arrived, {@code waId} can be empty for users who adopted
 * a username; {@code userId} then identifies them.
 *
 * @param waId the user's WhatsApp ID (normally their phone number); may be empty or {@code null}
 * @param userId the business-scoped user ID ({@code user_id}), or {@code null}
 * @param name the user's profile name ({@code profile.name}), or {@code null}
 * @param username the user's username ({@code profile.username}), or {@code null}
 * @param countryCode the user's country code ({@code profile.country_code}), or {@code null}
 * @param identityKeyHash the identity key hash (only with the identity change check), or {@code null}
 */
public record Contact(String waId, String userId, String name, String username, String countryCode,
        String identityKeyHash) {
}
