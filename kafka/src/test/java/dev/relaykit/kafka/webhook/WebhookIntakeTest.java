package dev.relaykit.kafka.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.webhook.WebhookRequest;
import dev.relaykit.core.webhook.WebhookResponse;
import dev.relaykit.kafkabroker.KafkaTestBroker;
import dev.relaykit.pusher.server.PusherWebhookEvent;
import dev.relaykit.testkit.WhatsAppWebhookSender;
import dev.relaykit.webhook.WebhookServer;
import dev.relaykit.whatsapp.webhook.event.MessageEvent;
import dev.relaykit.whatsapp.webhook.event.StatusEvent;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What each receiver instance answers, what it writes, and how each service's retries are recognised. */
class WebhookIntakeTest {
    private static final Secret APP_SECRET = Secret.of("wa-app-secret-for-tests");
    private static final Secret VERIFY_TOKEN = Secret.of("wa-verify-token");
    private static final String PUSHER_KEY = "278d425bdf160c739803";
    private static final String PUSHER_SECRET = "7ad3773142a6692b25b8";

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aDeliveryIsAnswered503WhenKafkaDoesNotAcknowledgeInTime() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        try (KafkaWebhookIntake intake = KafkaWebhookIntake.builder().telegram(WebhookTopics.TELEGRAM_SECRET)
                .topic("nowhere").ackTimeout(Duration.ofMillis(800))
                .producerConfig(Map.of("bootstrap.servers", "127.0.0.1:" + closedPort)).build()) {
            long start = System.nanoTime();
            WebhookResponse r = intake.handle(telegramRequest(WebhookTopics.update(1, 7), "tg-webhook-secret-1"));
            assertThat(r.status()).as("no acknowledgement, no 200: Telegram delivers it again").isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(intake.handle(telegramRequest(WebhookTopics.update(1, 7), "wrong")).status())
                    .as("a forged request is refused before Kafka is asked").isEqualTo(401);
        }
    }

    @Test
    void theProducerIsIdempotentWithAcksAllOrRefused() {
        Map<String, Object> cfg = KafkaWebhookIntake.Builder.producerConfig(Map.of("bootstrap.servers", "x:1"),
                Duration.ofSeconds(3));
        assertThat(cfg).containsEntry("enable.idempotence", true).containsEntry("acks", "all")
                .containsEntry("max.block.ms", 3000);
        assertThatThrownBy(() -> KafkaWebhookIntake.builder().telegram(WebhookTopics.TELEGRAM_SECRET).topic("t")
                .producerConfig(Map.of("bootstrap.servers", "x:1", "acks", "1")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("acks");
        assertThatThrownBy(() -> KafkaWebhookIntake.builder().telegram(WebhookTopics.TELEGRAM_SECRET).topic("t")
                .producerConfig(Map.of("bootstrap.servers", "x:1", "enable.idempotence", "false")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idempotence");
    }

    /**
     * A WhatsApp delivery with two messages and a status becomes three records; retried through another instance,
     * each event still reaches the listener once. Forged and unsigned deliveries are refused and write nothing; the
     * subscription challenge is answered by any instance.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void whatsAppEventsReachTheListenerOnceEachThroughRetriesToOtherInstances() throws Exception {
        KafkaTestBroker broker = KafkaTestBroker.shared();
        String topic = WebhookTopics.topic(broker, "wa", 3);
        Deliveries got = new Deliveries();
        List<KafkaWebhookIntake> intakes = List.of(intake(broker, topic), intake(broker, topic));
        List<WebhookServer> servers = WebhookTopics.servers("/whatsapp", intakes);
        try (KafkaWebhookDispatcher dispatcher = KafkaWebhookDispatcher.builder().topics(topic)
                .consumerConfig(WebhookTopics.consumerConfig(broker.bootstrapServers(), topic + "-g"))
                .whatsApp(event -> {
                    if (event instanceof MessageEvent m) {
                        got.record(m.id());
                    } else if (event instanceof StatusEvent s) {
                        got.record(s.id() + "/" + s.statusValue());
                    }
                })
                .start();
             WhatsAppWebhookSender meta0 = new WhatsAppWebhookSender(servers.get(0).uri("/whatsapp").toString(), APP_SECRET);
             WhatsAppWebhookSender meta1 = new WhatsAppWebhookSender(servers.get(1).uri("/whatsapp").toString(), APP_SECRET)) {
            ObjectNode root = (ObjectNode) Json.mapper().readTree(
                    WhatsAppWebhookSender.Payload.text("491701111111", "first").messageId("wamid.first").toJson());
            ArrayNode messages = (ArrayNode) root.at("/entry/0/changes/0/value/messages");
            ObjectNode second = messages.get(0).deepCopy();
            second.put("id", "wamid.second").put("from", "491702222222");
            second.with("text").put("body", "second");
            messages.add(second);
            ObjectNode value = (ObjectNode) root.at("/entry/0/changes/0/value");
            ArrayNode statuses = value.putArray("statuses");
            statuses.add(((ObjectNode) Json.mapper().readTree(
                    WhatsAppWebhookSender.Payload.status("wamid.sent-earlier", "read").toJson()))
                    .at("/entry/0/changes/0/value/statuses/0"));
            String batch = Json.write(root);

            assertThat(meta0.sendWronglySigned(batch)).isEqualTo(401);
            assertThat(meta1.sendUnsigned(batch)).isEqualTo(401);
            assertThat(meta0.send(batch)).isEqualTo(200);
            assertThat(meta1.send(batch)).as("Meta's retry, to the other instance").isEqualTo(200);
            String later = WhatsAppWebhookSender.Payload.text("491703333333", "later").messageId("wamid.later").toJson();
            assertThat(meta1.send(later)).isEqualTo(200);
            assertThat(meta0.send(later)).isEqualTo(200);

            // one last message per partition: once each arrived, every record before it was read
            List<String> ends = new java.util.ArrayList<>();
            for (int p = 0; p < 3; p++) {
                String sender = WebhookTopics.keyFor(p, 3, 491709000000L, Long::toString);
                ends.add("wamid.end-" + p);
                assertThat(meta0.send(WhatsAppWebhookSender.Payload.text(sender, "end").messageId("wamid.end-" + p)))
                        .isEqualTo(200);
            }
            got.awaitAll(ends, Duration.ofSeconds(60));

            Map<String, Integer> expected = new java.util.HashMap<>(Map.of("wamid.first", 1, "wamid.second", 1,
                    "wamid.sent-earlier/read", 1, "wamid.later", 1));
            ends.forEach(e -> expected.put(e, 1));
            assertThat(got.counts()).isEqualTo(expected);
            assertThat(dispatcher.duplicatesDropped()).isEqualTo(4);
            assertThat(endOffsets(broker, topic, 3)).as("records written: 4 ids twice and 3 once; nothing for the "
                    + "refused requests").isEqualTo(11);

            OkHttpClient http = WebhookTopics.http();
            String challenge = servers.get(1).uri("/whatsapp") + "?hub.mode=subscribe&hub.verify_token=wa-verify-token"
                    + "&hub.challenge=1158201444";
            try (Response r = http.newCall(new Request.Builder().url(challenge).build()).execute()) {
                assertThat(r.code()).isEqualTo(200);
                assertThat(r.body().string()).isEqualTo("1158201444");
            }
        } finally {
            servers.forEach(WebhookServer::close);
        }
    }

    /**
     * Pusher defines no delivery id: the same webhook (time_ms and events) retried through another instance reaches
     * the listener once; a different webhook of the same millisecond is delivered too.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aPusherWebhookRetriedThroughAnotherInstanceReachesTheListenerOnce() throws Exception {
        KafkaTestBroker broker = KafkaTestBroker.shared();
        String topic = WebhookTopics.topic(broker, "pusher", 2);
        Deliveries got = new Deliveries();
        List<KafkaWebhookIntake> intakes = List.of(pusherIntake(broker, topic), pusherIntake(broker, topic));
        List<WebhookServer> servers = WebhookTopics.servers("/pusher", intakes);
        OkHttpClient http = WebhookTopics.http();
        try (KafkaWebhookDispatcher dispatcher = KafkaWebhookDispatcher.builder().topics(topic)
                .consumerConfig(WebhookTopics.consumerConfig(broker.bootstrapServers(), topic + "-g"))
                .pusher(hook -> {
                    for (PusherWebhookEvent e : hook.events()) {
                        got.record(hook.time().toEpochMilli() + " " + e);
                    }
                })
                .start()) {
            // the "Webhooks" page's format (pusher.com/docs/channels/server_api/webhooks)
            String occupied = "{\"time_ms\":1327078148132,\"events\":[{\"name\":\"channel_occupied\",\"channel\":\"test_channel\"}]}";
            String vacated = "{\"time_ms\":1327078148132,\"events\":[{\"name\":\"channel_vacated\",\"channel\":\"test_channel\"}]}";
            assertThat(postPusher(http, servers.get(0), occupied, "0".repeat(64))).isEqualTo(401);
            assertThat(postPusher(http, servers.get(0), occupied, sign(occupied))).isEqualTo(200);
            assertThat(postPusher(http, servers.get(1), occupied, sign(occupied))).isEqualTo(200);
            assertThat(postPusher(http, servers.get(1), vacated, sign(vacated))).isEqualTo(200);
            // one last webhook per partition: once each arrived, every record before it was read
            List<String> ends = new java.util.ArrayList<>();
            for (int p = 0; p < 2; p++) {
                String channel = WebhookTopics.keyFor(p, 2, 0, n -> "end-" + n);
                String end = "{\"time_ms\":1327078149000,\"events\":[{\"name\":\"channel_vacated\",\"channel\":\""
                        + channel + "\"}]}";
                assertThat(postPusher(http, servers.get(p), end, sign(end))).isEqualTo(200);
                ends.add("1327078149000 ChannelVacated[channel=" + channel + "]");
            }
            got.awaitAll(ends, Duration.ofSeconds(60));
            assertThat(got.inOrder()).as("test_channel's webhooks in order, each once").containsSubsequence(
                    "1327078148132 ChannelOccupied[channel=test_channel]",
                    "1327078148132 ChannelVacated[channel=test_channel]");
            assertThat(got.total()).isEqualTo(4);
            assertThat(dispatcher.duplicatesDropped()).isEqualTo(1);
        } finally {
            servers.forEach(WebhookServer::close);
        }
    }

    private static KafkaWebhookIntake intake(KafkaTestBroker broker, String topic) {
        return KafkaWebhookIntake.builder().whatsApp(APP_SECRET, VERIFY_TOKEN).topic(topic)
                .producerConfig(WebhookTopics.producerConfig(broker)).build();
    }

    private static KafkaWebhookIntake pusherIntake(KafkaTestBroker broker, String topic) {
        return KafkaWebhookIntake.builder().pusher(PUSHER_KEY, Secret.of(PUSHER_SECRET)).topic(topic)
                .producerConfig(WebhookTopics.producerConfig(broker)).build();
    }

    /** Signed as the "Webhooks" page says, with commons-codec rather than the SDK's own signer. */
    private static String sign(String body) {
        return new HmacUtils(HmacAlgorithms.HMAC_SHA_256, PUSHER_SECRET).hmacHex(body.getBytes(StandardCharsets.UTF_8));
    }

    private static int postPusher(OkHttpClient http, WebhookServer server, String body, String signature)
            throws Exception {
        Request request = new Request.Builder().url(server.uri("/pusher").toString())
                .header("X-Pusher-Key", PUSHER_KEY).header("X-Pusher-Signature", signature)
                .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), MediaType.get("application/json")))
                .build();
        try (Response r = http.newCall(request).execute()) {
            return r.code();
        }
    }

    private static WebhookRequest telegramRequest(String json, String secret) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return WebhookRequest.of("POST", "/telegram", name -> null,
                name -> name.equalsIgnoreCase("X-Telegram-Bot-Api-Secret-Token") ? secret : null,
                new ByteArrayInputStream(body), body.length);
    }

    private static long endOffsets(KafkaTestBroker broker, String topic, int partitions) {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(broker.clientConfig(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> tps = new java.util.ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                tps.add(new TopicPartition(topic, p));
            }
            return c.endOffsets(tps).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
