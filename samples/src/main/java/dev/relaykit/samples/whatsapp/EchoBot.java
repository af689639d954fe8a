package dev.relaykit.samples.whatsapp;

import dev.relaykit.core.secret.Secret;
import dev.relaykit.samples.SampleRun;
import dev.relaykit.testkit.FakeGraphApi;
import dev.relaykit.testkit.WhatsAppWebhookSender;
import dev.relaykit.webhook.WebhookServer;
import dev.relaykit.whatsapp.Interactive;
import dev.relaykit.whatsapp.Message;
import dev.relaykit.whatsapp.WhatsAppClient;
import dev.relaykit.whatsapp.webhook.WebhookError;
import dev.relaykit.whatsapp.webhook.WebhookHandler;
import dev.relaykit.whatsapp.webhook.event.MessageContent;
import dev.relaykit.whatsapp.webhook.event.MessageEvent;
import dev.relaykit.whatsapp.webhook.event.WebhookEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A WhatsApp echo bot: the embedded webhook server (module {@code webhook-server}) receives messages, the bot answers each text with the same text
 * (as a reply to it), answers "menu" with an interactive list, and confirms a choice from that list. Incoming
 * messages are marked as read automatically.
 *
 * <p>Offline (the default): the bot runs against the testkit's fake Graph API, and the testkit's webhook sender posts
 * a few correctly signed messages (and one forged one, which is refused) to it; the replies the fake received are
 * printed.
 * <pre>
 * ./relaykit whatsapp-echo
 * </pre>
 *
 * <p>Live: set {@code WHATSAPP_TOKEN}, {@code WHATSAPP_PHONE_NUMBER_ID}, {@code WHATSAPP_APP_SECRET},
 * {@code WHATSAPP_VERIFY_TOKEN} and optionally {@code PORT} (default 8080). The server listens on all interfaces
 * at {@code /webhook} over plain HTTP: put it behind a reverse proxy with a public HTTPS certificate (Meta calls
 * only HTTPS URLs), or give {@link WebhookServer.Builder#tlsPkcs12} a certificate; it runs until stopped.
 */
public final class EchoBot implements AutoCloseable {
    /** The list rows offered in answer to "menu". */
    public static final List<Interactive.Row> MENU = List.of(
            new Interactive.Row("prices", "Prices", "Today's prices"),
            new Interactive.Row("hours", "Opening hours", null),
            new Interactive.Row("human", "Talk to a person", "We answer within a day"));

    private final WhatsAppClient client;
    private final WebhookServer server;

    /**
     * Starts the bot's webhook server.
     *
     * @param client the client that sends the answers
     * @param appSecret the app secret webhook signatures are checked with
     * @param verifyToken the token Meta's subscription check must present
     * @param bindAddress the address to listen on
     * @param port the port (0: a free one)
     * @param log where the bot says what it does
     */
    public EchoBot(WhatsAppClient client, Secret appSecret, Secret verifyToken, String bindAddress, int port,
                   PrintStream log) {
        this.client = client;
        WebhookHandler handler = WebhookHandler.builder()
                .appSecret(appSecret)
                .verifyToken(verifyToken)
                .listener(event -> answer(event, log))
                .markAsRead(client::markReadAsync)
                .onFailure((event, error) -> log.println("could not answer " + event + ": " + error))
                .onError(error -> log.println(describe(error)))
                .build();
        this.server = WebhookServer.builder().route("/webhook", handler).host(bindAddress).port(port).start();
    }

    private void answer(WebhookEvent event, PrintStream log) {
        if (!(event instanceof MessageEvent m)) {
            return;
        }
        if (m.content() instanceof MessageContent.Text text) {
            log.println("<- " + m.sender() + ": " + text.body());
            if (text.body().strip().equalsIgnoreCase("menu")) {
                client.send(Message.list(m.sender(), "What can we do for you?", "Choose",
                        List.of(new Interactive.Section("Menu", MENU))));
            } else {
                client.send(Message.text(m.sender(), text.body()).replyTo(m.id()));
            }
        } else if (m.content() instanceof MessageContent.ListReply choice) {
            log.println("<- " + m.sender() + " chose " + choice.id());
            client.send(Message.text(m.sender(), "You chose: " + choice.title()).replyTo(m.id()));
        }
    }

    /** @return the callback URL to give Meta (behind your HTTPS proxy) */
    public String callbackUrl() {
        return server.uri().toString();
    }

    /** Stops the webhook server (waiting for answers in progress). */
    @Override
    public void close() {
        server.close();
    }

    /** One readable line for a webhook problem (the record's own toString is a field dump). */
    static String describe(WebhookError error) {
        String kind = error.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return "webhook " + kind + ": " + error.message()
                + (error.cause() == null ? "" : " (" + SampleRun.describe(error.cause()) + ")");
    }

    /**
     * Runs the bot: offline against the fakes, or live when {@code WHATSAPP_TOKEN} is set. A failure to
     * start (a missing variable, a port in use) prints one line and exits with 1.
     *
     * @param args none
     */
    public static void main(String[] args) {
        SampleRun.main("whatsapp-echo", () -> {
            String token = System.getenv("WHATSAPP_TOKEN");
            if (token == null || token.isBlank()) {
                System.out.println("offline: the bot against a fake Graph API on 127.0.0.1, fed signed deliveries"
                        + " (set WHATSAPP_TOKEN etc. to run it live)");
                runOffline(System.out);
                return;
            }
            WhatsAppClient client = WhatsAppClient.builder().accessToken(Secret.of(token))
                    .phoneNumberId(required("WHATSAPP_PHONE_NUMBER_ID")).build();
            int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
            Secret appSecret = Secret.of(required("WHATSAPP_APP_SECRET"));
            Secret verifyToken = Secret.of(required("WHATSAPP_VERIFY_TOKEN"));
            EchoBot bot = SampleRun.step(System.out, "starting the webhook server on port " + port,
                    () -> new EchoBot(client, appSecret, verifyToken, "0.0.0.0", port, System.out));
            System.out.println("echo bot listening at " + bot.callbackUrl() + " (Ctrl-C stops it)");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                bot.close();
                client.close();
            }));
            Thread.currentThread().join();
        });
    }

    private static String required(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("set " + name + " (see the EchoBot javadoc)");
        }
        return v;
    }

    /**
     * The offline run: the bot against the fake Graph API, fed by the webhook sender. Prints what happens and returns
     * the messages the bot sent. Each delivery is printed with what the bot did about it before the next one is
     * sent, so the output is the same on every run.
     *
     * @param out where to print
     * @return the message bodies the fake Graph API received, in order
     * @throws Exception if something fails
     */
    public static List<com.fasterxml.jackson.databind.JsonNode> runOffline(PrintStream out) throws Exception {
        Secret appSecret = Secret.of("offline-app-secret");
        // the bot logs on the webhook's threads; its lines are held here and printed after the delivery they belong to
        ByteArrayOutputStream botLines = new ByteArrayOutputStream();
        PrintStream botLog = new PrintStream(botLines, true, StandardCharsets.UTF_8);
        try (FakeGraphApi graph = FakeGraphApi.start("offline-token");
             WhatsAppClient client = WhatsAppClient.builder().baseUrl(graph.baseUrl())
                     .accessToken(Secret.of("offline-token")).phoneNumberId(FakeGraphApi.PHONE_NUMBER_ID).build();
             EchoBot bot = new EchoBot(client, appSecret, Secret.of("offline-verify"), "127.0.0.1", 0, botLog);
             WhatsAppWebhookSender meta = new WhatsAppWebhookSender(bot.callbackUrl(), appSecret)) {
            out.println("WhatsApp echo bot (offline: fake Graph API, webhook at " + bot.callbackUrl() + ")");
            int expected = 0;
            for (String text : List.of("hello", "menu")) {
                int status = meta.send(WhatsAppWebhookSender.Payload.text("16505551234", text));
                expected++;
                int n = expected;
                awaitOrTimeout(() -> graph.sentMessages().size() >= n && graph.readReceipts().size() >= n);
                out.println("-> " + text + ": HTTP " + status);
                flush(botLines, out);
                List<com.fasterxml.jackson.databind.JsonNode> sent = graph.sentMessages();
                for (var reply : sent.subList(Math.min(n - 1, sent.size()), sent.size())) {
                    out.println("bot sent " + reply.path("type").asText() + ": "
                            + (reply.has("text") ? reply.get("text").get("body").asText()
                            : reply.path("interactive").path("action").path("sections").get(0).path("rows").size()
                            + " rows"));
                }
            }
            int forged = meta.sendWronglySigned(WhatsAppWebhookSender.Payload.text("16505551234", "forged").toJson());
            awaitOrTimeout(() -> botLines.toString(StandardCharsets.UTF_8).endsWith(System.lineSeparator()));
            out.println("-> forged signature: HTTP " + forged);
            flush(botLines, out);
            out.println("read receipts sent: " + graph.readReceipts().size());
            return graph.sentMessages();
        }
    }

    private static void awaitOrTimeout(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static void flush(ByteArrayOutputStream lines, PrintStream out) {
        synchronized (lines) {
            out.print(lines.toString(StandardCharsets.UTF_8));
            lines.reset();
        }
    }
}
