package dev.relaykit.benchmarks;

import com.pengrad.telegrambot.UpdatesListener;
import com.pengrad.telegrambot.request.GetUpdates;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.telegram.bot.LongPolling;
import dev.relaykit.telegram.bot.TelegramBot;
import dev.relaykit.testkit.telegram.FakeTelegramBotApi;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.longpolling.util.LongPollingSingleThreadUpdateConsumer;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * Bot API updates per second received by long polling and dispatched to the bot's code, side by side in one run:
 * RelayKit's {@link LongPolling}, pengrad's {@code java-telegram-bot-api} 10.1.0 ({@code setUpdatesListener}) and
 * {@code telegrambots-longpolling} 10.2.0 ({@code TelegramBotsLongPollingApplication} with a single-thread
 * consumer), all against the same testkit {@link FakeTelegramBotApi} on 127.0.0.1 holding each poll open until
 * updates arrive.
 *
 * <p>One operation is one update: each invocation queues a burst of {@value #BURST} private-chat text messages
 * (the Message shape of core.telegram.org/bots/api#message, pre-serialized so that the fake's own cost stays
 * small and equal for all) and waits until the bot's code has read every one's chat id and text. The bot code is
 * the same for all three: read the chat id and text, count.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TelegramBotBenchmark.longPolling}
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TelegramBotBenchmark {
    static final String TOKEN = "110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    /** Updates queued per invocation. */
    static final int BURST = 100;

    /** Which client polls. */
    @Param({"relaykit", "pengrad", "telegrambots"})
    public String client;

    FakeTelegramBotApi fake;
    final AtomicLong dispatched = new AtomicLong();
    final AtomicLong checksum = new AtomicLong();
    volatile long target;
    volatile Thread waiter;
    List<String> payloads;
    AutoCloseable running;

    /**
     * Starts the fake and the client's long polling.
     *
     * @throws Exception if the client cannot start
     */
    @Setup(Level.Trial)
    public void start() throws Exception {
        fake = FakeTelegramBotApi.start(TOKEN);
        payloads = payloads(BURST);
        running = switch (client) {
            case "relaykit" -> relayKit();
            case "pengrad" -> pengrad();
            case "telegrambots" -> telegramBots();
            default -> throw new IllegalArgumentException(client);
        };
    }

    /** Counts one dispatched update; wakes the benchmark thread at the burst's last. */
    void dispatched(long chatId, String text) {
        checksum.addAndGet(chatId + text.length());
        if (dispatched.incrementAndGet() >= target) {
            LockSupport.unpark(waiter);
        }
    }

    private AutoCloseable relayKit() {
        TelegramBot bot = TelegramBot.builder(Secret.of(TOKEN)).baseUrl(fake.baseUrl()).build();
        bot.longPolling(u -> dispatched(u.chatId().orElseThrow(), u.text().orElseThrow()))
                .timeout(java.time.Duration.ofSeconds(10)).start();
        return bot;
    }

    private AutoCloseable pengrad() {
        com.pengrad.telegrambot.TelegramBot bot = new com.pengrad.telegrambot.TelegramBot.Builder(TOKEN)
                .apiUrl(fake.baseUrl() + "/bot").build();
        bot.setUpdatesListener(updates -> {
            for (com.pengrad.telegrambot.model.Update u : updates) {
                dispatched(u.message().chat().id(), u.message().text());
            }
            return UpdatesListener.CONFIRMED_UPDATES_ALL;
        }, new GetUpdates().limit(100).timeout(10));
        return bot::shutdown;
    }

    private AutoCloseable telegramBots() throws Exception {
        TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication();
        int port = Integer.parseInt(fake.baseUrl().substring(fake.baseUrl().lastIndexOf(':') + 1));
        app.registerBot(TOKEN, () -> new TelegramUrl("http", "127.0.0.1", port, false), new DefaultGetUpdatesGenerator(),
                (LongPollingSingleThreadUpdateConsumer) u -> dispatched(u.getMessage().getChatId(), u.getMessage().getText()));
        return app;
    }

    /**
     * Stops the client and the fake.
     *
     * @throws Exception if the client's stop fails
     */
    @TearDown(Level.Trial)
    public void stop() throws Exception {
        running.close();
        fake.close();
    }

    /**
     * Updates per second: queue a burst, wait until all of it was dispatched.
     *
     * @return the running checksum of what the bot code read
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BURST)
    public long longPolling() {
        return burst();
    }

    long burst() {
        waiter = Thread.currentThread();
        long goal = dispatched.get() + BURST;
        target = goal;
        fake.injectUpdates("message", payloads);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (dispatched.get() < goal) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(client + ": " + (goal - dispatched.get()) + " of a burst of " + BURST
                        + " updates not dispatched within 30 s");
            }
        }
        return checksum.get();
    }

    /** Private-chat text messages from 50 users, as core.telegram.org/bots/api#message describes them. */
    static List<String> payloads(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long user = 700_000_000L + i % 50;
            out.add("{\"message_id\":" + (1000 + i) + ",\"from\":{\"id\":" + user + ",\"is_bot\":false,"
                    + "\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"username\":\"ada_" + user + "\","
                    + "\"language_code\":\"en\"},\"chat\":{\"id\":" + user + ",\"first_name\":\"Ada\","
                    + "\"last_name\":\"Lovelace\",\"username\":\"ada_" + user + "\",\"type\":\"private\"},"
                    + "\"date\":1733500000,\"text\":\"Is order " + i + " shipped yet? Thanks!\"}");
        }
        return out;
    }
}
