package dev.relaykit.kafka.webhook;

import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.webhook.WebhookReceiver;
import dev.relaykit.kafkabroker.KafkaTestBroker;
import dev.relaykit.webhook.WebhookServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.utils.Utils;

/** Test plumbing: topics, receivers on the embedded server, a Telegram sender, and a dispatcher in a child JVM. */
final class WebhookTopics {
    static final Secret TELEGRAM_SECRET = Secret.of("tg-webhook-secret-1");
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final MediaType JSON = MediaType.get("application/json");

    private WebhookTopics() {
    }

    /** A fresh topic on the shared broker. */
    static String topic(KafkaTestBroker broker, String prefix, int partitions) {
        String name = prefix + "-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
        broker.createTopic(name, partitions);
        return name;
    }

    /** A group that notices a killed member within a few seconds. */
    static Map<String, Object> consumerConfig(String bootstrap, String group) {
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        cfg.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        cfg.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6000);
        cfg.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1000);
        return cfg;
    }

    static Map<String, Object> producerConfig(KafkaTestBroker broker) {
        return broker.clientConfig();
    }

    /** Receivers on the embedded server, each on 127.0.0.1 and a free port. */
    static List<WebhookServer> servers(String path, List<? extends WebhookReceiver> receivers) {
        List<WebhookServer> out = new ArrayList<>();
        for (WebhookReceiver r : receivers) {
            out.add(WebhookServer.builder().route(path, r).host("127.0.0.1").port(0).start());
        }
        return out;
    }

    /** A Bot API update with a text message in a chat, as core.telegram.org/bots/api#update describes it. */
    static String update(long updateId, long chatId) {
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + (1000 + updateId)
                + ",\"date\":1700000000,\"chat\":{\"id\":" + chatId + ",\"type\":\"private\"},\"text\":\"m"
                + updateId + "\"}}";
    }

    /** Posts an update as Telegram does, with the secret token header. */
    static int postTelegram(OkHttpClient http, WebhookServer server, String path, String json, String secret)
            throws IOException {
        Request.Builder rb = new Request.Builder().url(server.uri(path).toString())
                .post(RequestBody.create(json.getBytes(StandardCharsets.UTF_8), JSON));
        if (secret != null) {
            rb.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        try (Response r = http.newCall(rb.build()).execute()) {
            return r.code();
        }
    }

    static OkHttpClient http() {
        return new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(20)).build();
    }

    /** A chat id whose record key lands in {@code partition} under Kafka's default partitioner. */
    static long chatFor(int partition, int partitions, long from) {
        return Long.parseLong(keyFor(partition, partitions, from, Long::toString));
    }

    /** The first of {@code name(from), name(from + 1), ...} that lands in {@code partition} as a record key. */
    static String keyFor(int partition, int partitions, long from, java.util.function.LongFunction<String> name) {
        for (long n = from; ; n++) {
            String candidate = name.apply(n);
            if (Utils.toPositive(Utils.murmur2(candidate.getBytes(StandardCharsets.UTF_8))) % partitions == partition) {
                return candidate;
            }
        }
    }

    /** A {@link DispatcherProcess} in a JVM of its own; each stdout line goes to {@code lines}. */
    static Process startDispatcherProcess(KafkaTestBroker broker, String topic, String group, long blockOn,
            long workMillis, Consumer<String> lines) throws IOException {
        Path log = Files.createTempFile("relaykit-dispatcher-", ".log");
        List<String> cmd = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                DispatcherProcess.class.getName(), broker.bootstrapServers(), topic, group, Long.toString(blockOn),
                Long.toString(workMillis));
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.accept(line);
                }
            } catch (IOException e) {
                // killed
            }
        }, "dispatcher-process-out");
        reader.setDaemon(true);
        reader.start();
        return p;
    }

    /** Kills a process as a crash would (SIGKILL) and waits for it to be gone. */
    static void kill(Process p) throws InterruptedException {
        p.destroyForcibly();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            throw new AssertionError("the dispatcher process did not die");
        }
    }
}
