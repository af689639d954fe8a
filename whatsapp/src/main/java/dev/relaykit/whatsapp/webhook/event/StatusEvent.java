package dev.relaykit.whatsapp.webhook.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A status change of a message you sent ({@code value.statuses[]}): sent, delivered, read, played
 * or failed.
 *
 * @param businessAccountId the WhatsApp Business Account ID
 * @param metadata the business phone number that sent the message
 * @param contact the recipient's profile if Meta included one, or {@code null}
 * @param id the ID of the message you sent
 * @param status the status
 * @param statusValue the {@code status} value as sent (useful when {@code status} is
 *     {@link MessageStatus#UNKNOWN})
 * @param timestamp when the status changed, or {@code null} if absent
 * @param recipientId the recipient's phone number or group ID; may be empty
 * @param recipientUserId the recipient's business-scoped user ID, or {@code null}
 * @param recipientType {@code group} for group messages, otherwise {@code null}
 * @param recipientParticipantId the group participant's phone number, or {@code null}
 * @param recipientIdentityKeyHash the identity key hash (identity change check), or {@code null}
 * @param bizOpaqueCallbackData the {@code biz_opaque_callback_data} you sent with the message, or {@code null}
 * @param conversation the conversation (omitted from v24.0 except free entry points), or {@code null}
 * @param pricing billing information, or {@code null}
 * @param errors why the message failed; empty unless {@code status} is {@link MessageStatus#FAILED}
 * @param raw the status object as received
 */
public record StatusEvent(String businessAccountId, Metadata metadata, Contact contact, String id,
        MessageStatus status, String statusValue, Instant timestamp, String recipientId, String recipientUserId,
        String recipientType, String recipientParticipantId, String recipientIdentityKeyHash,
        String bizOpaqueCallbackData, Conversation conversation, Pricing pricing, List<ErrorDetail> errors,
        JsonNode raw) implements WebhookEvent {
}
