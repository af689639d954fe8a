package dev.relaykit.samples.whatsapp;

import dev.relaykit.core.secret.Secret;
import dev.relaykit.testkit.FakeGraphApi;
import dev.relaykit.testkit.WhatsAppWebhookSender;
import dev.relaykit.webhook.WebhookServer;
import dev.relaykit.whatsapp.Interactive;
import dev.relaykit.whatsapp.Message;
import dev.relaykit.whatsapp.WhatsAppClient;
import dev.relaykit.whatsapp.webhook.WebhookHandler;
import dev.relaykit.whatsapp.webhook.event.MessageContent;
import dev.relaykit.whatsapp.webhook.event.MessageEvent;
import dev.relaykit.whatsapp.webhook.event.WebhookEvent;
import java.io.PrintStream;
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
 * ./mvnw -q -pl samples -am package -DskipTests -Pdemo -Ddemo.main=dev.relaykit.samples.whatsapp.EchoBot
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
                .onError(error -> log.println("webhook problem: " + error))
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

    /**
     * Runs the bot: offline against the fakes, or live when {@code WHATSAPP_TOKEN} is set.
     *
     * @param args none
     * @throws Exception if it cannot start
     */
    public static void main(String[] args) throws Exception {
        String token = System.getenv("WHATSAPP_TOKEN");
        if (token == null || token.isBlank()) {
            runOffline(System.out);
            return;
        }
        WhatsAppClient client = WhatsAppClient.builder().accessToken(Secret.of(token))
                .phoneNumberId(required("WHATSAPP_PHONE_NUMBER_ID")).build();
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        EchoBot bot = new EchoBot(client, Secret.of(required("WHATSAPP_APP_SECRET")),
                Secret.of(required("WHATSAPP_VERIFY_TOKEN")), "0.0.0.0", port, System.out);
        System.out.println("echo bot listening at " + bot.callbackUrl() + " (Ctrl-C stops it)");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bot.close();
            client.close();
        }));
        Thread.currentThread().join();
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
     * the messages the bot sent.
     *
     * @param out where to print
     * @return the message bodies the fake Graph API received, in order
     * @throws Exception if something fails
     */
    public static List<com.fasterxml.jackson.databind.JsonNode> runOffline(PrintStream out) throws Exception {
        Secret appSecret = Secret.of("offline-app-secret");
        try (FakeGraphApi graph = FakeGraphApi.start("offline-token");
             WhatsAppClient client = WhatsAppClient.builder().baseUrl(graph.baseUrl())
                     .accessToken(Secret.of("offline-token")).phoneNumberId(FakeGraphApi.PHONE_NUMBER_ID).build();
             EchoBot bot = new EchoBot(client, appSecret, Secret.of("offline-verify"), "127.0.0.1", 0, out);
             WhatsAppWebhookSender meta = new WhatsAppWebhookSender(bot.callbackUrl(), appSecret)) {
            out.println("WhatsApp echo bot (offline: fake Graph API, webhook at " + bot.callbackUrl() + ")");
            out.println("-> hello: HTTP " + meta.send(WhatsAppWebhookSender.Payload.text("16505551234", "hello")));
            out.println("-> menu: HTTP " + meta.send(WhatsAppWebhookSender.Payload.text("16505551234", "menu")));
            out.println("-> forged signature: HTTP "
                    + meta.sendWronglySigned(WhatsAppWebhookSender.Payload.text("16505551234", "forged").toJson()));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while ((graph.sentMessages().size() < 2 || graph.readReceipts().size() < 2) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            for (var sent : graph.sentMessages()) {
                out.println("bot sent " + sent.path("type").asText() + ": "
                        + (sent.has("text") ? sent.get("text").get("body").asText()
                        : sent.path("interactive").path("action").path("sections").get(0).path("rows").size() + " rows"));
            }
            out.println("read receipts sent: " + graph.readReceipts().size());
            return graph.sentMessages();
        }
    }
}
