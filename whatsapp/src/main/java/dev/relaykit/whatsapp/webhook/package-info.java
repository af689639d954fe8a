/**
 * Receiving WhatsApp Cloud API webhooks: {@link dev.relaykit.whatsapp.webhook.WebhookHandler}
 * verifies, decodes, deduplicates and dispatches deliveries from any HTTP stack (servlet, Spring,
 * ...). It implements sdk-core's {@link dev.relaykit.core.webhook.WebhookReceiver}, so the embedded
 * server of the {@code webhook-server} module ({@code dev.relaykit.webhook.WebhookServer}, on Jetty)
 * runs it as it is. The events are in {@link dev.relaykit.whatsapp.webhook.event}.
 */
package dev.relaykit.whatsapp.webhook;
