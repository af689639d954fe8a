/**
 * The framework-neutral webhook contract every RelayKit webhook receiver implements:
 * {@link dev.relaykit.core.webhook.WebhookReceiver} answers a
 * {@link dev.relaykit.core.webhook.WebhookRequest} with a
 * {@link dev.relaykit.core.webhook.WebhookResponse}. Mount a receiver in your own server (servlet,
 * Spring, ...) or run it on the embedded server of the {@code webhook-server} module
 * ({@code dev.relaykit.webhook.WebhookServer}), which lives in a module of its own so that users who
 * receive no webhooks carry no HTTP server.
 */
package dev.relaykit.core.webhook;
