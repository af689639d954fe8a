package dev.relaykit.kafka.webhook;

/**
 * One record the intake writes for a verified delivery: the raw body, the id a retry of the same message carries
 * too (the de-duplication key), and the Kafka key (a conversation when the service has one, so that a retry, having
 * the same conversation, lands in the same partition, and one conversation's messages keep their order).
 */
record Delivery(String kafkaKey, String id, byte[] body) {
}
