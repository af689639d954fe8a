package dev.relaykit.whatsapp.webhook.event;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Something a webhook delivered that this version of RelayKit does not model: a change {@code field}
 * other than {@code messages} (for example {@code user_preferences} or
 * {@code message_template_status_update}), out-of-band {@code errors} in a {@code messages} change,
 * or a payload whose {@code object} is not {@code whatsapp_business_account}. Nothing is dropped:
 * read what you need from {@link #raw()}.
 *
 * @param businessAccountId the WhatsApp Business Account ID, or {@code null}
 * @param metadata the business phone number, or {@code null}
 * @param field the change's {@code field} (for example {@code user_preferences}), or {@code null}
 *     when the payload itself was not recognised
 * @param raw the change object ({@code field} and {@code value}), or the whole payload
 */
public record UnknownEvent(String businessAccountId, Metadata metadata, String field, JsonNode raw)
        implements WebhookEvent {
}
