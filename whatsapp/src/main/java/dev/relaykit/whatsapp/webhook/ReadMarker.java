package dev.relaykit.whatsapp.webhook;

import java.util.concurrent.CompletionStage;

/**
 * Marks an incoming message as read (blue check marks) for
 * {@link WebhookHandler.Builder#markAsRead(ReadMarker)}. The WhatsApp client's mark-as-read
 * operation fits it; a failure (a thrown exception or a failed stage) is reported to the handler's
 * error callback as {@link WebhookError.Kind#MARK_AS_READ_FAILED}.
 */
@FunctionalInterface
public interface ReadMarker {

    /**
     * @param phoneNumberId the business phone number ID that received the message
     * @param messageId the message ID ({@code wamid...})
     * @return completes when the message is marked as read
     */
    CompletionStage<?> markAsRead(String phoneNumberId, String messageId);
}
