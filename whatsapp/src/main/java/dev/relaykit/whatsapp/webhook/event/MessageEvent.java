package dev.relaykit.whatsapp.webhook.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A message a WhatsApp user sent to your business number ({@code value.messages[]}).
 *
 * @param businessAccountId the WhatsApp Business Account ID
 * @param metadata the business phone number that received the message
 * @param contact the sender's profile ({@code value.contacts[]}); {@code null} for system messages
 * @param id the message ID ({@code wamid...}); reply to it or mark it as read with it
 * @param from the sender's phone number; may be empty for users with a username (see
 *     {@link #fromUserId()})
 * @param fromUserId the sender's business-scoped user ID, or {@code null}
 * @param groupId the group the message was sent in, or {@code null}
 * @param timestamp when the message was sent, or {@code null} if absent
 * @param context what the message replies to or was forwarded from, or {@code null}
 * @param referral the Click to WhatsApp ad it came through, or {@code null}
 * @param errors errors Meta attached (unsupported messages); empty otherwise
 * @param content what the message holds
 * @param raw the message object as received
 */
public record MessageEvent(String businessAccountId, Metadata metadata, Contact contact, String id, String from,
        String fromUserId, String groupId, Instant timestamp, MessageContext context, Referral referral,
        List<ErrorDetail> errors, MessageContent content, JsonNode raw) implements WebhookEvent {

    /** @return the sender's profile name, or {@code null} */
    public String senderName() {
        return contact == null ? null : contact.name();
    }

    /**
     * The sender's phone number if known, otherwise their business-scoped user ID: the address to
     * reply to.
     *
     * @return the phone number or user ID; {@code null} if neither was sent
     */
    public String sender() {
        return from != null && !from.isEmpty() ? from : fromUserId;
    }

    /** @return the business phone number ID that received the message, or {@code null} */
    public String phoneNumberId() {
        return metadata == null ? null : metadata.phoneNumberId();
    }
}
