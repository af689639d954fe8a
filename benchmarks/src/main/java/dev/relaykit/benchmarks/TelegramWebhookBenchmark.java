package dev.relaykit.benchmarks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pengrad.telegrambot.utility.BotUtils;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.webhook.WebhookBody;
import dev.relaykit.core.webhook.WebhookReceiver;
import dev.relaykit.core.webhook.WebhookRequest;
import dev.relaykit.core.webhook.WebhookResponse;
import dev.relaykit.telegram.bot.TelegramWebhookHandler;
import dev.relaykit.webhook.WebhookServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Bot API webhook deliveries per second, side by side: 4 load-generator threads, each on one keep-alive
 * connection, post Update objects (a private-chat text message, core.telegram.org/bots/api#update) with the
 * {@code X-Telegram-Bot-Api-Secret-Token} header to the SDK's embedded {@link WebhookServer}. The route is
 * RelayKit's {@link TelegramWebhookHandler}, or, for the two libraries that have no webhook receiver of their
 * own in the artifacts compared (pengrad's {@code java-telegram-bot-api} 10.1.0, {@code telegrambots} 10.2.0's
 * {@code telegrambots-meta}), the receiver a user of them writes: the same secret check and body limit, the
 * library's own decode ({@code BotUtils.parseUpdate}, Jackson into telegrambots' {@code Update} as its
 * long-polling application configures it), and the bot code on one ordered executor. Every delivery must reach
 * the bot code (the trial fails otherwise), which reads its chat id and text.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TelegramWebhookBenchmark}
 */
@State(Scope.Benchmark)
@Threads(4)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TelegramWebhookBenchmark {
    static final Secret SECRET = Secret.of("benchmark_webhook-Secret-1");
    static final int PER_THREAD = 2_000;

    /** Which receiver decodes and dispatches. */
    @Param({"relaykit", "pengrad", "telegrambots"})
    public String client;

    final AtomicLong accepted = new AtomicLong();
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong checksum = new AtomicLong();
    WebhookServer server;
    ExecutorService ordered;

    void dispatched(long chatId, String text) {
        checksum.addAndGet(chatId + text.length());
        delivered.incrementAndGet();
    }

    /** Starts the server with the chosen receiver. */
    @Setup(Level.Trial)
    public void start() {
        WebhookReceiver receiver;
        if (client.equals("relaykit")) {
            receiver = TelegramWebhookHandler.builder(SECRET)
                    .listener(u -> dispatched(u.chatId().orElseThrow(), u.text().orElseThrow())).build();
        } else if (client.equals("pengrad")) {
            receiver = library(body -> {
                com.pengrad.telegrambot.model.Update u = BotUtils.parseUpdate(new String(body, StandardCharsets.UTF_8));
                return () -> dispatched(u.message().chat().id(), u.message().text());
            });
        } else {
            // telegrambots' own mapper settings (TelegramBotsLongPollingApplication's default ObjectMapper)
            ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
            receiver = library(body -> {
                org.telegram.telegrambots.meta.api.objects.Update u;
                try {
                    u = mapper.readValue(body, org.telegram.telegrambots.meta.api.objects.Update.class);
                } catch (IOException e) {
                    throw new IllegalArgumentException(e);
                }
                return () -> dispatched(u.getMessage().getChatId(), u.getMessage().getText());
            });
        }
        server = WebhookServer.builder().route("/telegram", receiver).host("127.0.0.1").port(0).start();
    }

    /** A receiver as a user of a library without one writes it: check, read, decode, hand to one ordered thread. */
    private WebhookReceiver library(Function<byte[], Runnable> decode) {
        ordered = Executors.newSingleThreadExecutor();
        byte[] secret = SECRET.bytes();
        return new WebhookReceiver() {
            @Override
            public WebhookResponse handle(WebhookRequest request) {
                String given = request.header("X-Telegram-Bot-Api-Secret-Token");
                if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
                    return WebhookResponse.text(401, "wrong secret");
                }
                byte[] body;
                try {
                    body = WebhookBody.read(request, 1 << 20);
                } catch (WebhookBody.Refused refused) {
                    return refused.response();
                }
                Runnable botCode;
                try {
                    botCode = decode.apply(body);
                } catch (RuntimeException e) {
                    return WebhookResponse.text(400, "not an Update");
                }
                ordered.execute(botCode);
                return WebhookResponse.empty(200);
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * Waits until every acknowledged delivery reached the bot code, then stops.
     *
     * @throws InterruptedException if interrupted
     */
    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        KeepAlivePoster.awaitDelivered(accepted, delivered);
        server.close();
        if (ordered != null) {
            ordered.shutdownNow();
        }
        if (delivered.get() != accepted.get()) {
            throw new IllegalStateException(client + ": " + accepted.get() + " deliveries acknowledged but "
                    + delivered.get() + " reached the bot code");
        }
    }

    /** One keep-alive connection and its prepared requests. */
    @State(Scope.Thread)
    public static class Sender {
        KeepAlivePoster poster;
        TelegramWebhookBenchmark bench;

        /**
         * @param bench the server
         * @param thread which thread this is
         * @throws IOException if the connection fails
         */
        @Setup(Level.Trial)
        public void connect(TelegramWebhookBenchmark bench, ThreadParams thread) throws IOException {
            connect(bench, thread.getThreadIndex());
        }

        void connect(TelegramWebhookBenchmark bench, int threadIndex) throws IOException {
            this.bench = bench;
            List<String> payloads = TelegramBotBenchmark.payloads(PER_THREAD);
            byte[][] requests = new byte[PER_THREAD][];
            for (int i = 0; i < PER_THREAD; i++) {
                byte[] body = ("{\"update_id\":" + (threadIndex * 1_000_000 + i) + ",\"message\":" + payloads.get(i) + "}")
                        .getBytes(StandardCharsets.UTF_8);
                String head = "POST /telegram HTTP/1.1\r\nHost: 127.0.0.1:" + bench.server.port() + "\r\n"
                        + "Content-Type: application/json\r\nX-Telegram-Bot-Api-Secret-Token: " + SECRET.reveal() + "\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n";
                byte[] h = head.getBytes(StandardCharsets.US_ASCII);
                requests[i] = new byte[h.length + body.length];
                System.arraycopy(h, 0, requests[i], 0, h.length);
                System.arraycopy(body, 0, requests[i], h.length, body.length);
            }
            poster = new KeepAlivePoster(bench.server.port(), requests);
        }

        /** @throws IOException on close failure */
        @TearDown(Level.Trial)
        public void disconnect() throws IOException {
            poster.close();
        }

        int post() throws IOException {
            int status = poster.post();
            bench.accepted.incrementAndGet();
            return status;
        }
    }

    /**
     * Deliveries per second.
     *
     * @param sender this thread's connection
     * @return the status
     * @throws IOException if the connection fails
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int deliveries(Sender sender) throws IOException {
        return sender.post();
    }
}
