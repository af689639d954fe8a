package dev.relaykit.benchmarks;

import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.sign.PayloadSigner;
import dev.relaykit.webhook.WebhookServer;
import dev.relaykit.whatsapp.webhook.WebhookHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * WhatsApp webhook deliveries per second through the embedded {@link WebhookServer} (Jetty 12): each of 4
 * load-generator threads holds one keep-alive HTTP/1.1 connection and posts pre-signed deliveries
 * (Meta's documented text-message example, each with its own message ID, from 500 senders) one
 * after another; every delivery is read, its HMAC-SHA256 signature verified, decoded, checked
 * against the duplicate window, queued and acknowledged with 200, and its event reaches the
 * listener (the trial fails if one does not). {@code latency} samples the same round trip, for
 * the percentiles.
 *
 * <p>The handler is configured as in production except for the duplicate window: 10,000 IDs
 * rather than 100,000, so that the pre-signed set (20,000 distinct IDs) cycles without being taken
 * for redeliveries; lookups and evictions still happen on every delivery.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar WebhookBenchmark}
 */
@State(Scope.Benchmark)
@Threads(4)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class WebhookBenchmark {
    /** Pre-signed deliveries per load-generator thread. */
    static final int PER_THREAD = 5_000;
    static final Secret APP_SECRET = Secret.of("benchmark-app-secret");

    final AtomicLong accepted = new AtomicLong();
    final AtomicLong delivered = new AtomicLong();
    WebhookServer server;

    /** Starts the server on a free loopback port. */
    @Setup(Level.Trial)
    public void start() {
        WebhookHandler handler = WebhookHandler.builder()
                .appSecret(APP_SECRET)
                .listener(event -> delivered.incrementAndGet())
                .deduplication(10_000, Duration.ofHours(24))
                .build();
        server = WebhookServer.builder().route("/webhook", handler).host("127.0.0.1").port(0).start();
    }

    /**
     * Waits until every acknowledged delivery reached the listener, then stops the server.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        KeepAlivePoster.awaitDelivered(accepted, delivered);
        server.close();
        if (delivered.get() != accepted.get()) {
            throw new IllegalStateException(accepted.get() + " deliveries acknowledged but " + delivered.get()
                    + " reached the listener");
        }
    }

    /** One keep-alive connection and its pre-signed requests. */
    @State(Scope.Thread)
    public static class Client {
        KeepAlivePoster poster;
        WebhookBenchmark bench;

        /**
         * Signs this thread's deliveries and connects.
         *
         * @param bench the server
         * @param thread which load-generator thread this is
         * @throws IOException if the connection fails
         */
        @Setup(Level.Trial)
        public void connect(WebhookBenchmark bench, ThreadParams thread) throws IOException {
            connect(bench, thread.getThreadIndex());
        }

        void connect(WebhookBenchmark bench, int threadIndex) throws IOException {
            this.bench = bench;
            poster = new KeepAlivePoster(bench.server.port(), requests(bench.server.port(), "/webhook", threadIndex,
                    PER_THREAD));
        }

        /** @throws IOException on close failure */
        @TearDown(Level.Trial)
        public void disconnect() throws IOException {
            poster.close();
        }

        /**
         * Posts the next delivery and reads the answer.
         *
         * @return the status, 200
         * @throws IOException if the connection fails
         */
        public int post() throws IOException {
            int status = poster.post();
            bench.accepted.incrementAndGet();
            return status;
        }
    }

    /**
     * Deliveries per second.
     *
     * @param client this thread's connection
     * @return the status
     * @throws IOException if the connection fails
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int deliveries(Client client) throws IOException {
        return client.post();
    }

    /**
     * The round trip of one delivery, sampled (p50, p99, ...).
     *
     * @param client this thread's connection
     * @return the status
     * @throws IOException if the connection fails
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int latency(Client client) throws IOException {
        return client.post();
    }

    /** Meta's documented text-message example (webhooks reference, messages/text), as a template. */
    static String delivery(String from, String messageId, String text) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{"
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                + "\"phone_number_id\":\"106540352242922\"},\"contacts\":[{\"profile\":{\"name\":\"Sheena Nelson\"},"
                + "\"wa_id\":\"" + from + "\"}],\"messages\":[{\"from\":\"" + from + "\",\"id\":\"" + messageId + "\","
                + "\"timestamp\":\"1749416383\",\"type\":\"text\",\"text\":{\"body\":\"" + text + "\"}}]},"
                + "\"field\":\"messages\"}]}]}";
    }

    /** Complete HTTP/1.1 requests, signed with the app secret, each with its own message ID. */
    static byte[][] requests(int port, String path, int threadIndex, int count) {
        PayloadSigner signer = PayloadSigner.hmacSha256Hex(APP_SECRET);
        byte[][] out = new byte[count][];
        for (int i = 0; i < count; i++) {
            String from = Long.toString(16505550000L + (i * 7L + threadIndex) % 500);
            byte[] body = delivery(from, "wamid.bench-" + threadIndex + "-" + i,
                    "Does it come in another color? Order " + i).getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + port + "\r\n"
                    + "User-Agent: facebookexternalua\r\n"
                    + "Content-Type: application/json\r\n"
                    + "X-Hub-Signature-256: sha256=" + signer.sign(body) + "\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n";
            byte[] h = head.getBytes(StandardCharsets.US_ASCII);
            byte[] r = new byte[h.length + body.length];
            System.arraycopy(h, 0, r, 0, h.length);
            System.arraycopy(body, 0, r, h.length, body.length);
            out[i] = r;
        }
        return out;
    }
}
