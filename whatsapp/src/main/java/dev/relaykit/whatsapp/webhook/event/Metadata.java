package dev.relaykit.whatsapp.webhook.event;

/**
 * The business phone number a webhook change concerns ({@code value.metadata}).
 *
 * @param displayPhoneNumber the number as displayed, for example {@code 15550783881}
 * @param phoneNumberId the business phone number ID: the ID you send replies from and mark messages
 *     as read with
 */
public record Metadata(String displayPhoneNumber, String phoneNumberId) {
}
