/**
 * Receiving WhatsApp Cloud API webhooks: {@link dev.relaykit.whatsapp.webhook.WebhookHandler}
 * verifies, decodes, deduplicates and dispatches deliveries from any HTTP stack (servlet, Spring,
 * ...); {@link dev.relaykit.whatsapp.webhook.WebhookServer} runs it on the JDK's HTTP server. The
 * events are in {@link dev.relaykit.whatsapp.webhook.event}.
 */
package dev.relaykit.whatsapp.webhook;
