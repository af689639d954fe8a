package dev.relaykit.kafka.webhook;

import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.webhook.WebhookReceiver;
import dev.relaykit.core.webhook.WebhookRequest;
import dev.relaykit.core.webhook.WebhookResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One webhook receiver instance of many behind a load balancer: it verifies each request with the service module's
 * own verifier (WhatsApp {@code X-Hub-Signature-256}, Telegram {@code X-Telegram-Bot-Api-Secret-Token}, Pusher
 * {@code X-Pusher-Key} and {@code X-Pusher-Signature}) and writes the raw verified delivery to a Kafka topic, where
 * {@link KafkaWebhookDispatcher}s de-duplicate it and hand it to the usual listeners. It is a
 * {@link WebhookReceiver}: run it on the SDK's embedded server (module {@code webhook-server}) or mount it in a
 * servlet or a Spring controller.
 *
 * <pre>{@code
 * KafkaWebhookIntake intake = KafkaWebhookIntake.builder()
 *         .whatsApp(Secret.of(System.getenv("WHATSAPP_APP_SECRET")), Secret.of(System.getenv("WHATSAPP_VERIFY_TOKEN")))
 *         .topic("webhooks.whatsapp")
 *         .producerConfig(Map.of("bootstrap.servers", "kafka-1:9092,kafka-2:9092"))
 *         .build();
 * // on each receiver instance: WebhookServer.builder().route("/whatsapp", intake).port(8080).start();
 * }</pre>
 *
 * <p><b>The answer waits for Kafka.</b> A delivery is answered 200 only after Kafka acknowledged every record
 * written for it (an idempotent producer, {@code enable.idempotence=true}, {@code acks=all}: written to every
 * in-sync replica). If Kafka does not acknowledge within the {@link Builder#ackTimeout(Duration) ack timeout}
 * (default 3 s: Pusher waits about 4 s for an answer) or refuses, the answer is 503, and the service delivers again
 * later (Meta, Telegram and Pusher all retry a non-2xx answer). A record that reaches Kafka after a 503 is then
 * written twice; the dispatchers drop the second copy. So a delivery the service saw acknowledged is in Kafka, and
 * one it did not see acknowledged is delivered again: none is lost between the two.
 *
 * <p><b>What is written</b>: one record per message id, its value the exact body the service signed, with headers
 * {@value #SOURCE_HEADER} ({@code whatsapp}, {@code telegram} or {@code pusher}) and {@value #ID_HEADER}, the id
 * every retry of the same message carries too: WhatsApp the message id, or a status's id and status (a delivery
 * with several messages becomes several records, each holding the whole body); Telegram the {@code update_id};
 * Pusher, whose docs define no delivery id, the webhook's {@code time_ms} with a digest of its events. The record
 * key is the conversation (WhatsApp sender or status recipient, Telegram chat, Pusher channel), which every retry
 * of a message shares as well: retries land in the same partition (where the de-duplication looks for them) and
 * one conversation's messages keep their order.
 *
 * <p><b>Answers that write nothing</b>: a request that fails verification is answered 401 (Pusher also 400 for a
 * signed body that is not a webhook), as the module's own handler answers it; a body over
 * {@link Builder#maxBodyBytes(int)} 413; WhatsApp's subscription challenge ({@code GET}) is answered here too.
 * The topic is trusted: allow only the intake to write to it (Kafka ACLs).
 *
 * <p>Thread-safe; a request thread waits for Kafka's acknowledgement (at most the ack timeout).
 */
public final class KafkaWebhookIntake implements WebhookReceiver {
    /** Record header naming the service: {@code whatsapp}, {@code telegram} or {@code pusher}. */
    public static final String SOURCE_HEADER = "relaykit-webhook-source";
    /** Record header holding the delivery's id, the same for every retry of one message. */
    public static final String ID_HEADER = "relaykit-webhook-id";
    /** The default body limit, 900 KiB: a record must stay below Kafka's default limit of 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 900 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(KafkaWebhookIntake.class);

    private final Service service;
    private final String topic;
    private final Producer<byte[], byte[]> producer;
    private final boolean ownProducer;
    private final Duration ackTimeout;
    private final int maxBodyBytes;
    private volatile boolean closed;

    private KafkaWebhookIntake(Builder b, Producer<byte[], byte[]> producer, boolean ownProducer) {
        this.service = b.service.get();
        this.topic = b.topic;
        this.producer = producer;
        this.ownProducer = ownProducer;
        this.ackTimeout = b.ackTimeout;
        this.maxBodyBytes = b.maxBodyBytes;
    }

    /** @return a new builder; a service, the topic and a producer (or its configuration) are required */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies one request and, for a genuine delivery, writes it to Kafka and waits for the acknowledgement.
     *
     * <pre>{@code
     * KafkaWebhookIntake intake = KafkaWebhookIntake.builder().telegram(secret).topic("webhooks.telegram")
     *         .producerConfig(Map.of("bootstrap.servers", "127.0.0.1:9092")).build();
     * WebhookResponse r = intake.handle(request);   // 200 only once Kafka has the delivery
     * }</pre>
     *
     * @param request the request
     * @return 200 once Kafka acknowledged; 503 if it did not in time (deliver again); the module's refusal otherwise
     */
    @Override
    public WebhookResponse handle(WebhookRequest request) {
        if (closed) {
            return WebhookResponse.text(503, "shutting down; deliver again later");
        }
        Service.Outcome outcome = service.accept(request, maxBodyBytes);
        if (outcome.answer() != null) {
            return outcome.answer();
        }
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        List<Future<RecordMetadata>> acks = new ArrayList<>(outcome.deliveries().size());
        try {
            for (Delivery d : outcome.deliveries()) {
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic,
                        d.kafkaKey().getBytes(StandardCharsets.UTF_8), d.body());
                record.headers().add(SOURCE_HEADER, service.source().getBytes(StandardCharsets.UTF_8));
                record.headers().add(ID_HEADER, d.id().getBytes(StandardCharsets.UTF_8));
                acks.add(producer.send(record));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException e) {
            LOG.warn("{} delivery not acknowledged by Kafka within {}; answered 503 so the service delivers it again",
                    service.source(), ackTimeout);
            return WebhookResponse.text(503, "not stored yet; deliver again later");
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            LOG.warn("{} delivery not written to Kafka ({}); answered 503 so the service delivers it again",
                    service.source(), cause.toString());
            return WebhookResponse.text(503, "not stored; deliver again later");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return WebhookResponse.text(503, "interrupted; deliver again later");
        }
        return WebhookResponse.empty(200);
    }

    /**
     * Answers later requests 503 (the service delivers them again) and closes the producer if the intake made it
     * (waiting up to the ack timeout for records in flight); a {@linkplain Builder#producer shared producer} is left
     * open.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ownProducer) {
            producer.close(ackTimeout);
        }
    }

    /** @return the service and the topic; never a secret */
    @Override
    public String toString() {
        return "KafkaWebhookIntake[" + service.source() + " -> " + topic + "]";
    }

    /** Configures a {@link KafkaWebhookIntake}. */
    public static final class Builder {
        private Supplier<Service> service;
        private String topic;
        private Map<String, Object> producerConfig;
        private Producer<byte[], byte[]> producer;
        private Duration ackTimeout = Duration.ofSeconds(3);
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

        private Builder() {
        }

        /**
         * Receives WhatsApp Cloud API webhooks, verified with the whatsapp module's
         * {@code dev.relaykit.whatsapp.webhook.WebhookVerifier}.
         *
         * @param appSecret the app secret that signs every delivery
         * @param verifyToken the verify token for the subscription challenge, or {@code null} to refuse it (403)
         * @return this builder
         */
        public Builder whatsApp(Secret appSecret, Secret verifyToken) {
            Objects.requireNonNull(appSecret, "appSecret");
            this.service = () -> new WhatsAppService(appSecret, verifyToken);
            return this;
        }

        /**
         * Receives Telegram Bot API updates, verified with the telegram module's
         * {@code dev.relaykit.telegram.bot.WebhookVerifier}. One topic per bot: update ids are unique per bot.
         *
         * @param secretToken the {@code secret_token} given to {@code setWebhook}
         * @return this builder
         */
        public Builder telegram(Secret secretToken) {
            Objects.requireNonNull(secretToken, "secretToken");
            this.service = () -> new TelegramService(secretToken);
            return this;
        }

        /**
         * Receives Pusher Channels webhooks, verified with the pusher module's
         * {@code dev.relaykit.pusher.server.WebhookVerifier}.
         *
         * @param key the app key Pusher names in {@code X-Pusher-Key}
         * @param secret the app secret that signs deliveries
         * @return this builder
         */
        public Builder pusher(String key, Secret secret) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(secret, "secret");
            this.service = () -> new PusherService(key, secret);
            return this;
        }

        /**
         * @param topic the topic to write to; required
         * @return this builder
         */
        public Builder topic(String topic) {
            this.topic = Objects.requireNonNull(topic, "topic");
            return this;
        }

        /**
         * Makes a producer of its own from this configuration ({@code bootstrap.servers} at least), closed with the
         * intake. The intake sets {@code enable.idempotence=true}, {@code acks=all} and byte-array serializers, and
         * {@code max.block.ms} to the ack timeout and {@code linger.ms} to 0 unless given; a configuration that turns idempotence off or asks
         * for other acks is refused.
         *
         * @param config the producer configuration (copied)
         * @return this builder
         */
        public Builder producerConfig(Map<String, Object> config) {
            this.producerConfig = new LinkedHashMap<>(Objects.requireNonNull(config, "config"));
            this.producer = null;
            return this;
        }

        /**
         * Writes with a producer shared with other intakes (one per process is enough); {@link #close()} leaves it
         * open. It must be configured as {@link #producerConfig(Map)} would: idempotent, {@code acks=all}.
         *
         * @param producer the producer
         * @return this builder
         */
        public Builder producer(Producer<byte[], byte[]> producer) {
            this.producer = Objects.requireNonNull(producer, "producer");
            this.producerConfig = null;
            return this;
        }

        /**
         * How long a request waits for Kafka's acknowledgement before it is answered 503 (default 3 s). Keep it
         * below the service's own timeout (Pusher about 4 s).
         *
         * @param ackTimeout positive
         * @return this builder
         */
        public Builder ackTimeout(Duration ackTimeout) {
            Objects.requireNonNull(ackTimeout, "ackTimeout");
            if (ackTimeout.isNegative() || ackTimeout.isZero()) {
                throw new IllegalArgumentException("ackTimeout must be positive, got " + ackTimeout);
            }
            this.ackTimeout = ackTimeout;
            return this;
        }

        /**
         * @param maxBodyBytes the largest body accepted (default {@value #DEFAULT_MAX_BODY_BYTES}); keep it below
         *     the topic's {@code max.message.bytes}
         * @return this builder
         */
        public Builder maxBodyBytes(int maxBodyBytes) {
            if (maxBodyBytes < 1 || maxBodyBytes == Integer.MAX_VALUE) {
                throw new IllegalArgumentException("maxBodyBytes must be between 1 and " + (Integer.MAX_VALUE - 1)
                        + ", got " + maxBodyBytes);
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * @return the intake
         * @throws IllegalStateException if the service, the topic or the producer is missing
         * @throws IllegalArgumentException if the producer configuration is not idempotent with {@code acks=all}
         */
        public KafkaWebhookIntake build() {
            if (service == null) {
                throw new IllegalStateException("name the service: whatsApp(..), telegram(..) or pusher(..)");
            }
            if (topic == null) {
                throw new IllegalStateException("topic is required");
            }
            if (producer != null) {
                return new KafkaWebhookIntake(this, producer, false);
            }
            if (producerConfig == null) {
                throw new IllegalStateException("give producerConfig(..) or a shared producer(..)");
            }
            return new KafkaWebhookIntake(this, new KafkaProducer<>(producerConfig(producerConfig, ackTimeout),
                    new ByteArraySerializer(), new ByteArraySerializer()), true);
        }

        static Map<String, Object> producerConfig(Map<String, Object> given, Duration ackTimeout) {
            Map<String, Object> cfg = new LinkedHashMap<>(given);
            Object idempotence = cfg.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG);
            if (idempotence != null && !Boolean.parseBoolean(idempotence.toString())) {
                throw new IllegalArgumentException("enable.idempotence must stay true: a retried write must not be "
                        + "written twice or out of order");
            }
            Object acks = cfg.get(ProducerConfig.ACKS_CONFIG);
            if (acks != null && !acks.toString().equals("all") && !acks.toString().equals("-1")) {
                throw new IllegalArgumentException("acks must be all: a delivery is acknowledged to the service only "
                        + "once every in-sync replica has it");
            }
            cfg.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            cfg.put(ProducerConfig.ACKS_CONFIG, "all");
            cfg.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, ackTimeout.toMillis()));
            // every request waits for its write: Kafka 4's default linger of 5 ms would be added to each answer
            // (writes of concurrent requests still share a batch while one is in flight)
            cfg.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
            cfg.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
            cfg.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
            return cfg;
        }
    }
}
