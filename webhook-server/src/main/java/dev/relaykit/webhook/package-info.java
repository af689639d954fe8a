/**
 * RelayKit's embedded webhook server: {@link dev.relaykit.webhook.WebhookServer} runs any
 * {@link dev.relaykit.core.webhook.WebhookReceiver} (WhatsApp's {@code WebhookHandler} today) on
 * Jetty 12, with idle and whole-request timeouts, bodies gathered without holding a thread, and
 * bounded header size, body size and threads. This module is the only one that brings an HTTP server
 * onto the classpath; receivers themselves depend only on sdk-core.
 */
package dev.relaykit.webhook;
