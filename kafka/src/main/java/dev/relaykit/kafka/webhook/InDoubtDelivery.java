package dev.relaykit.kafka.webhook;

/**
 * A record whose listener call may or may not have happened: the consumer that owned its partition had begun
 * handing it to the listener and then stopped (crashed, or was fenced out of the group) before it could record that
 * it had finished. No consumer can know which; {@link KafkaWebhookDispatcher.Builder#inDoubt} decides whether it is
 * delivered again (the default: a message is never lost, at the price of a possible second call) or skipped.
 *
 * <pre>{@code
 * KafkaWebhookDispatcher.Builder b = KafkaWebhookDispatcher.builder()
 *         .inDoubt(d -> {
 *             System.err.println("maybe handled already: " + d);
 *             return true;                      // deliver it again; your listener checks the id
 *         });
 * }</pre>
 *
 * @param source {@code whatsapp}, {@code telegram} or {@code pusher}
 * @param id the delivery's id (WhatsApp message id, or status id and status; Telegram {@code update_id}; Pusher
 *     {@code time_ms} and the events' digest)
 * @param topic the topic
 * @param partition the partition
 * @param offset the record's offset
 */
public record InDoubtDelivery(String source, String id, String topic, int partition, long offset) {
}
