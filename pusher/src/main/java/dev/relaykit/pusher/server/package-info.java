/**
 * The server side of Pusher Channels, for backends that hold the app secret:
 * {@link dev.relaykit.pusher.server.PusherServerClient} (the signed HTTP API: trigger, batch trigger,
 * channel queries, presence users, terminating user connections; the bodies a backend's auth
 * endpoints return; webhook verification) and
 * {@link dev.relaykit.pusher.server.PusherWebhookHandler} (webhooks as a framework-neutral
 * {@link dev.relaykit.core.webhook.WebhookReceiver}, ready for the SDK's embedded webhook server).
 * The signatures themselves are {@link dev.relaykit.pusher.crypto.PusherSigner}'s, shared with the
 * client.
 */
package dev.relaykit.pusher.server;
