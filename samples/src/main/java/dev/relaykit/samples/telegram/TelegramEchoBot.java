package dev.relaykit.samples.telegram;

import dev.relaykit.core.secret.Secret;
import dev.relaykit.samples.SampleRun;
import dev.relaykit.telegram.bot.BotUser;
import dev.relaykit.telegram.bot.LongPolling;
import dev.relaykit.telegram.bot.TelegramBot;
import dev.relaykit.telegram.bot.TelegramWebhookHandler;
import dev.relaykit.telegram.bot.Update;
import dev.relaykit.testkit.telegram.FakeTelegramBotApi;
import dev.relaykit.testkit.telegram.TelegramUpdates;
import dev.relaykit.testkit.telegram.TelegramWebhookSender;
import dev.relaykit.webhook.WebhookServer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Telegram echo bot on the Bot API: it answers {@code /start} with an inline keyboard, a button press with a
 * callback answer and a message, and any other text with the same text as a reply to it. It receives updates by
 * long polling ({@code ./relaykit telegram-echo}) or by webhook ({@code ./relaykit telegram-echo webhook}).
 *
 * <p>Offline (the default): the bot runs against the testkit's {@link FakeTelegramBotApi}; a few user messages
 * are injected, and what the bot sent is printed. In webhook mode the fake pushes the updates to the bot's
 * embedded webhook server with the secret token, and the testkit's {@link TelegramWebhookSender} then posts one
 * with a wrong token, which is refused.
 *
 * <p>Live: set {@code TELEGRAM_BOT_TOKEN} (from @BotFather), then write to your bot in Telegram; it runs until
 * Ctrl-C. Long polling needs nothing else (a webhook set earlier must be deleted first: the sample says so).
 * Webhook mode also needs {@code TELEGRAM_WEBHOOK_URL} (the public HTTPS URL Telegram calls, for example a
 * reverse proxy in front of this process), {@code TELEGRAM_WEBHOOK_SECRET} (1-256 of {@code A-Z a-z 0-9 _ -})
 * and optionally {@code PORT} (default 8080; the server listens on all interfaces at {@code /telegram}).
 */
public final class TelegramEchoBot {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private TelegramEchoBot() {
    }

    /**
     * What the offline run saw, for its test.
     *
     * @param polled the texts the bot sent while long polling, in order
     * @param pushed the texts the bot sent for webhook deliveries, in order
     * @param callbackAnswers the {@code answerCallbackQuery} calls the bot made
     * @param forgedStatus the HTTP status a delivery with a wrong secret token got
     */
    public record Report(List<String> polled, List<String> pushed, int callbackAnswers, int forgedStatus) {
    }

    /**
     * The bot's logic: what it does with one update.
     *
     * @param bot the client it answers with
     * @param update the update
     */
    static void answer(TelegramBot bot, Update update) {
        long chat = update.chatId().orElse(0L);
        if (update.kind().equals("callback_query")) {
            String data = update.payload().path("data").asText();
            bot.call("answerCallbackQuery", Map.of("callback_query_id", update.payload().path("id").asText(),
                    "text", "You pressed " + data));
            bot.sendMessage(chat, "You pressed: " + data);
        } else if (update.kind().equals("message") && update.text().isPresent()) {
            String text = update.text().get();
            if (text.startsWith("/start")) {
                bot.sendMessage(chat, "Hello! Write anything and I will echo it, or pick one:", Map.of(
                        "reply_markup", Map.of("inline_keyboard", List.of(List.of(
                                Map.of("text", "Yes", "callback_data", "yes"),
                                Map.of("text", "No", "callback_data", "no"))))));
            } else {
                bot.sendMessage(chat, text, Map.of("reply_parameters",
                        Map.of("message_id", update.payload().path("message_id").asLong())));
            }
        }
    }

    /**
     * Runs the bot: offline against the fake, or live when {@code TELEGRAM_BOT_TOKEN} is set.
     *
     * @param args {@code polling} (default) or {@code webhook}
     */
    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "polling";
        SampleRun.main("telegram-echo", () -> {
            if (!mode.equals("polling") && !mode.equals("webhook")) {
                throw new IllegalArgumentException("unknown mode '" + mode + "': polling or webhook");
            }
            String token = System.getenv("TELEGRAM_BOT_TOKEN");
            if (token == null || token.isBlank()) {
                System.out.println("offline: the bot against the testkit's fake Bot API on 127.0.0.1"
                        + " (set TELEGRAM_BOT_TOKEN to run it live)");
                if (mode.equals("polling")) {
                    runPollingOffline(System.out);
                } else {
                    runWebhookOffline(System.out);
                }
                return;
            }
            TelegramBot bot = TelegramBot.builder(Secret.of(token)).build();
            BotUser me = SampleRun.step(System.out, "checking the token with getMe at " + TelegramBot.DEFAULT_BASE_URL,
                    bot::getMe);
            if (mode.equals("polling")) {
                LongPolling polling = bot.longPolling(u -> answer(bot, u)).start();
                System.out.println("@" + me.username() + " is echoing by long polling (Ctrl-C stops it)");
                Runtime.getRuntime().addShutdownHook(new Thread(bot::close));
                polling.stopped().join(); // a 409 here: a webhook is set, or another process polls
            } else {
                Secret secret = Secret.of(required("TELEGRAM_WEBHOOK_SECRET"));
                String url = required("TELEGRAM_WEBHOOK_URL");
                int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
                TelegramWebhookHandler handler = TelegramWebhookHandler.builder(secret).listener(u -> answer(bot, u)).build();
                WebhookServer server = SampleRun.step(System.out, "starting the webhook server on port " + port,
                        () -> WebhookServer.builder().route("/telegram", handler).host("0.0.0.0").port(port).start());
                SampleRun.step(System.out, "setting the webhook to " + url, () -> bot.setWebhook(url, secret, Map.of()));
                System.out.println("@" + me.username() + " is echoing by webhook (Ctrl-C stops it)");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    server.close();
                    bot.close();
                }));
                Thread.currentThread().join();
            }
        });
    }

    private static String required(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("set " + name + " (see the TelegramEchoBot javadoc)");
        }
        return v;
    }

    /**
     * Both offline runs, long polling then webhook, as the demo shows them.
     *
     * @param out where to print
     * @return what the bot did
     * @throws Exception if a step fails
     */
    public static Report runOffline(PrintStream out) throws Exception {
        Report polling = runPollingOffline(out);
        Report webhook = runWebhookOffline(out);
        return new Report(polling.polled(), webhook.pushed(), polling.callbackAnswers() + webhook.callbackAnswers(),
                webhook.forgedStatus());
    }

    /**
     * Long polling against the fake: each user message is injected once the bot has answered the one before, so
     * the output is the same on every run.
     *
     * @param out where to print
     * @return what the bot sent
     * @throws Exception if a step fails
     */
    public static Report runPollingOffline(PrintStream out) throws Exception {
        String token = "100200300:OFFLINE-sample-token";
        try (FakeTelegramBotApi telegram = FakeTelegramBotApi.start(token);
             TelegramBot bot = TelegramBot.builder(Secret.of(token)).baseUrl(telegram.baseUrl()).build()) {
            out.println("long polling (fake Bot API at " + telegram.baseUrl() + ")");
            LongPolling polling = bot.longPolling(u -> answer(bot, u)).timeout(Duration.ofSeconds(10)).start();
            List<String> sent = new ArrayList<>();
            long user = 5551234;
            for (String text : List.of("/start", "hello", "how are you?")) {
                telegram.injectMessage(user, text);
                out.println("-> user " + user + ": " + text);
                sent.add(printReply(telegram, sent.size(), out));
            }
            telegram.injectCallbackQuery(user, "yes");
            out.println("-> user " + user + " pressed: yes");
            telegram.awaitCalls("answerCallbackQuery", 1, WAIT);
            out.println("bot answered the callback query");
            sent.add(printReply(telegram, sent.size(), out));
            polling.close();
            return new Report(sent, List.of(), telegram.calls("answerCallbackQuery").size(), 0);
        }
    }

    /**
     * Webhook mode against the fake: {@code setWebhook} with a secret token, the fake pushes the injected updates
     * to the bot's embedded server; then a delivery with a wrong token is refused.
     *
     * @param out where to print
     * @return what the bot sent, and the forged delivery's status
     * @throws Exception if a step fails
     */
    public static Report runWebhookOffline(PrintStream out) throws Exception {
        String token = "100200300:OFFLINE-sample-token";
        Secret secret = Secret.of("offline_webhook-secret");
        try (FakeTelegramBotApi telegram = FakeTelegramBotApi.start(token);
             TelegramBot bot = TelegramBot.builder(Secret.of(token)).baseUrl(telegram.baseUrl()).build()) {
            TelegramWebhookHandler handler = TelegramWebhookHandler.builder(secret).listener(u -> answer(bot, u)).build();
            try (WebhookServer server = WebhookServer.builder().route("/telegram", handler).host("127.0.0.1").port(0).start()) {
                String url = server.uri("/telegram").toString();
                out.println("webhook at " + url + " (setWebhook with a secret token; the fake pushes updates)");
                bot.setWebhook(url, secret, Map.of());
                List<String> sent = new ArrayList<>();
                long user = 5559876;
                for (String text : List.of("hi by webhook", "second")) {
                    telegram.injectMessage(user, text);
                    out.println("-> user " + user + ": " + text);
                    sent.add(printReply(telegram, sent.size(), out));
                }
                int forged;
                try (TelegramWebhookSender sender = new TelegramWebhookSender(url, secret)) {
                    forged = sender.sendWithSecretHeader(TelegramUpdates.message(1, user, "forged"), "wrong-token");
                }
                out.println("-> a delivery with a wrong secret token: HTTP " + forged);
                return new Report(List.of(), sent, 0, forged);
            }
        }
    }

    private static String printReply(FakeTelegramBotApi telegram, int before, PrintStream out) {
        FakeTelegramBotApi.SentMessage m = telegram.awaitSentMessages(before + 1, WAIT).get(before);
        boolean keyboard = m.params().has("reply_markup");
        out.println("bot sent: " + m.text().lines().findFirst().orElse("") + (keyboard ? " [Yes] [No]" : ""));
        return m.text();
    }
}
