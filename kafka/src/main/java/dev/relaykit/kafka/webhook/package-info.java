/**
 * Webhook intake at scale: many receiver instances behind a load balancer verify WhatsApp, Telegram and Pusher
 * webhooks and write them to Kafka ({@link dev.relaykit.kafka.webhook.KafkaWebhookIntake}); dispatchers in one
 * consumer group drop the copies retries left and hand each delivery to the service module's usual listener
 * ({@link dev.relaykit.kafka.webhook.KafkaWebhookDispatcher}, which documents exactly what is guaranteed).
 */
package dev.relaykit.kafka.webhook;
