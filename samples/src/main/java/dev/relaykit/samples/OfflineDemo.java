package dev.relaykit.samples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.ApiException;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.rest.RestClient;
import dev.relaykit.core.rest.RestRequest;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.sign.PayloadSigner;
import dev.relaykit.core.sign.QuerySignatureSigner;
import dev.relaykit.core.ws.ConnectionState;
import dev.relaykit.core.ws.ReconnectPolicy;
import dev.relaykit.core.ws.SessionError;
import dev.relaykit.core.ws.StateChange;
import dev.relaykit.core.ws.WsListener;
import dev.relaykit.core.ws.WsSession;
import dev.relaykit.binance.BinanceEnvironment;
import dev.relaykit.binance.BinanceKey;
import dev.relaykit.samples.binance.FuturesBot;
import dev.relaykit.samples.binance.LiveOrderBook;
import dev.relaykit.samples.binance.PlaceAndCancelOrder;
import dev.relaykit.samples.pusher.PusherWatch;
import dev.relaykit.samples.telegram.TdlibTour;
import dev.relaykit.samples.telegram.TelegramEchoBot;
import dev.relaykit.samples.whatsapp.EchoBot;
import dev.relaykit.testkit.FakeBinance;
import dev.relaykit.testkit.RestFake;
import dev.relaykit.testkit.ScriptedWsServer;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The offline demo: RelayKit's core against local testkit servers, no network, no keys.
 *
 * <ol>
 *   <li>A signed REST call (HMAC-SHA256, Binance-style query signature) to a WireMock fake, and a
 *       typed error from a failing one.</li>
 *   <li>A WebSocket trade stream: subscribe, receive trades, lose the connection, reconnect with
 *       backoff, replay the subscription, and keep receiving.</li>
 *   <li>Binance spot against the testkit's fakes: a signed test order, a post-only order placed,
 *       read back and cancelled; then a local order book kept in sync from a snapshot and a diff stream.</li>
 *   <li>Binance USD-M futures against the testkit's futures fakes: mark price and funding streamed from
 *       {@code /market}, a futures order book from {@code /public}, a stop-market order placed through the
 *       algo-order service and cancelled, positions.</li>
 *   <li>A WhatsApp echo bot: signed webhook deliveries in (a forged one refused), replies out through the
 *       testkit's fake Graph API.</li>
 *   <li>Pusher Channels against the testkit's Pusher server.</li>
 *   <li>A Telegram echo bot on the Bot API against the testkit's fake Bot API, by long polling and by webhook
 *       (a delivery with a wrong secret token refused).</li>
 *   <li>TDLib on the real {@code libtdjson}: its version, Markdown parsed into entities, the authorization flow up
 *       to the phone-number question, then closed (skipped, with one line saying why, where there is no
 *       libtdjson: it is installed from npm on Linux x64).</li>
 * </ol>
 *
 * Run it with {@code ./relaykit demo} (or {@code ./mvnw -q -Pdemo package -DskipTests}).
 */
public final class OfflineDemo {
    /** The BTC balance the fake exchange of section 1 reports: a plausible one. */
    static final String BALANCE = "0.42170000";
    /** Section 3's one symbol: the order and the order book are both BNBBTC. */
    private static final String SYMBOL = "BNBBTC";

    /**
     * What the demo saw, for its test.
     *
     * @param balance the BTC balance the signed REST call returned
     * @param errorCode the error code of the failing REST call
     * @param tradesBefore trades received before the connection was dropped
     * @param tradesAfter trades received after the reconnect
     * @param reconnects reconnects the session counted
     * @param subscribeFrames subscribe frames the server received (one per connection)
     * @param bookUpdates Binance order book updates applied
     * @param botReplies messages the WhatsApp echo bot sent
     * @param futures what the futures bot saw and did
     * @param pusher what the Pusher sample saw
     * @param telegram what the Telegram echo bot did
     * @param tdlib what the TDLib section saw, or {@code null} if it was skipped (no libtdjson)
     */
    public record Result(BigDecimal balance, String errorCode, int tradesBefore, int tradesAfter, long reconnects,
                         long subscribeFrames, int bookUpdates, int botReplies, FuturesBot.Report futures,
                         PusherWatch.Report pusher, TelegramEchoBot.Report telegram,
                         TdlibTour.Report tdlib) {
    }

    private OfflineDemo() {
    }

    /**
     * Runs the demo and prints what happens.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        SampleRun.main("demo", () -> run(System.out));
    }

    /**
     * Runs the demo.
     *
     * @param out where to print the narrative
     * @return what the demo saw
     * @throws Exception if the demo fails
     */
    public static Result run(PrintStream out) throws Exception {
        out.println("RelayKit offline demo: everything below talks to servers on 127.0.0.1 started by this program.");
        out.println();
        BigDecimal balance;
        String errorCode;
        try (RestFake rest = RestFake.start()) {
            out.println("1. Signed REST call to a fake exchange at " + rest.baseUrl());
            rest.stubJson("GET", "/api/v3/account", 200,
                    "{\"balances\":[{\"asset\":\"BTC\",\"free\":\"" + BALANCE + "\",\"locked\":\"0.00000000\"}]}");
            rest.stubJson("GET", "/api/v3/order", 400, "{\"code\":-2013,\"msg\":\"Order does not exist.\"}");
            // Binance's documented example key pair (https://developers.binance.com/docs/binance-spot-api-docs/rest-api)
            Secret apiKey = Secret.of("vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A");
            Secret secret = Secret.of("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j");
            try (RestClient client = RestClient.builder()
                    .service("fake-exchange")
                    .baseUrl(rest.baseUrl())
                    .signer(QuerySignatureSigner.builder(PayloadSigner.hmacSha256Hex(secret)).apiKey(apiKey).build())
                    .build()) {
                JsonNode account = client.execute(RestRequest.get("/api/v3/account").signed().build());
                balance = new BigDecimal(account.path("balances").path(0).path("free").asText());
                String sent = rest.requests().get(0).getUrl();
                out.println("   account BTC balance: " + balance.toPlainString());
                out.println("   the request carried timestamp and signature: " + sent.replaceAll("signature=[0-9a-f]{64}",
                        "signature=<64 hex chars>"));
                try {
                    client.execute(RestRequest.get("/api/v3/order").param("symbol", "BTCUSDT").param("orderId", 42)
                            .signed().build());
                    throw new IllegalStateException("the fake should have refused the order query");
                } catch (ApiException e) {
                    errorCode = e.code();
                    out.println("   typed error: " + e.getClass().getSimpleName() + " code=" + e.code()
                            + " message=\"" + e.serviceMessage() + "\"");
                }
            }
        }
        out.println();

        try (ScriptedWsServer feed = ScriptedWsServer.start()) {
            out.println("2. WebSocket trade stream from a fake feed at " + feed.uri());
            AtomicLong tradeIds = new AtomicLong();
            AtomicLong subscribeFrames = new AtomicLong();
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            feed.onText((client, text) -> {
                JsonNode req = Json.tree(text);
                if ("SUBSCRIBE".equals(req.path("method").asText())) {
                    subscribeFrames.incrementAndGet();
                    client.send("{\"result\":null,\"id\":" + req.path("id").asLong() + "}");
                }
            });
            ticker.scheduleAtFixedRate(() -> feed.broadcast("{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"t\":"
                    + tradeIds.incrementAndGet() + ",\"p\":\"97000.10\",\"q\":\"0.002\"}"), 20, 20, TimeUnit.MILLISECONDS);

            List<Long> trades = new CopyOnWriteArrayList<>();
            AtomicBoolean dropping = new AtomicBoolean();
            WsSession session = WsSession.builder(feed.uri().toString())
                    .name("demo-stream")
                    .reconnect(ReconnectPolicy.exponential(Duration.ofMillis(100), Duration.ofSeconds(2))
                            .withJitter(0.2).withUnlimitedAttempts())
                    .heartbeat(Duration.ofSeconds(5), Duration.ofSeconds(3))
                    .listener(new WsListener() {
                        @Override
                        public void onText(WsSession s, String text) {
                            JsonNode msg = Json.tree(text);
                            if ("trade".equals(msg.path("e").asText())) {
                                trades.add(msg.path("t").asLong());
                            } else if (msg.has("result")) {
                                out.println("   subscription confirmed: " + text);
                            }
                        }

                        @Override
                        public void onStateChange(WsSession s, StateChange c) {
                            out.println("   state " + c.from() + " -> " + c.to()
                                    + (c.to() == ConnectionState.RECONNECTING
                                    ? " (attempt " + c.attempt() + ", waiting " + c.nextDelay().toMillis() + " ms)" : "")
                                    + (c.isReconnect() ? " (subscriptions replayed)" : ""));
                        }

                        @Override
                        public void onError(WsSession s, SessionError e) {
                            // the drop below is the demo's own doing: say so, rather than print a bare EOFException
                            out.println("   " + (dropping.get() && e.kind() == SessionError.Kind.TRANSPORT
                                    ? "the simulated drop (expected): " : e.kind() + ": ")
                                    + e.message());
                        }
                    })
                    .build();
            int before;
            int after;
            try {
                session.subscribe("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\"],\"id\":1}",
                        "{\"method\":\"UNSUBSCRIBE\",\"params\":[\"btcusdt@trade\"],\"id\":2}");
                session.connect().get(10, TimeUnit.SECONDS);
                waitFor(() -> trades.size() >= 10);
                before = trades.size();
                out.println("   received " + before + " trades; now the feed drops every connection (a simulated"
                        + " network failure)");
                dropping.set(true);
                feed.dropAll();
                waitFor(() -> session.stats().reconnects() == 1 && trades.size() >= before + 10);
                after = trades.size() - before;
                out.println("   received " + after + " more trades after reconnecting");
                out.println("   stats: " + session.stats());
            } finally {
                session.close();
                ticker.shutdownNow();
            }
            out.println("   the subscription was sent " + subscribeFrames.get() + " times (once per connection)");
            out.println();
            out.println("3. Binance spot " + SYMBOL + ", against the testkit's fake Binance (it verifies every signature"
                    + " like Binance): an order placed and cancelled, then the order book");
            try (FakeBinance fake = FakeBinance.start().acceptHmacKey("demo-key", "demo-secret")
                    .simulateOrders(new BigDecimal("4.0"))) {
                // a buy far below the market (about 4 BTC per BNB here), so it rests and can be cancelled
                PlaceAndCancelOrder.run(new BinanceEnvironment("local fake", fake.restBaseUrl(), "ws://127.0.0.1:1",
                                "ws://127.0.0.1:1/ws-api/v3"), BinanceKey.hmac("demo-key", "demo-secret"), SYMBOL,
                        new BigDecimal("1"), new BigDecimal("3.5"), indent(out));
            }
            LiveOrderBook.Result book = LiveOrderBook.runOffline(Duration.ofSeconds(2), indent(out));
            out.println();
            out.println("4. Binance USD-M futures, against the testkit's futures fakes: mark price and funding on"
                    + " /market, the order book on /public, a stop order through the algo-order service, positions");
            FuturesBot.Report futures = FuturesBot.offline("BTCUSDT", new BigDecimal("0.002"), null, indent(out));
            out.println();
            out.println("5. A WhatsApp echo bot: its webhook server verifies each delivery's signature, the bot answers"
                    + " through a fake Graph API");
            int botReplies = EchoBot.runOffline(indent(out)).size();
            out.println();
            out.println("6. Pusher Channels, against the testkit's Pusher server: a public and a presence channel, events"
                    + " a backend triggers through the signed HTTP API, an encrypted event decrypted by the client");
            PusherWatch.Report pusher = PusherWatch.runOffline("orders", "presence-lobby", indent(out));
            out.println();
            out.println("7. A Telegram echo bot on the Bot API, against the testkit's fake Bot API: by long polling,"
                    + " then by webhook with a secret token (a wrong one refused)");
            TelegramEchoBot.Report telegram = TelegramEchoBot.runOffline(indent(out));
            out.println();
            out.println("8. TDLib, Telegram's own client library: the real libtdjson through JNA, offline: its version,"
                    + " Markdown parsed into entities, a client's authorization flow up to the phone number, closed");
            TdlibTour.Report tdlib = TdlibTour.runOffline(indent(out));
            out.println();
            out.println("Done: nothing was left running.");
            return new Result(balance, errorCode, before, after, session.stats().reconnects(), subscribeFrames.get(),
                    book.updates(), botReplies, futures, pusher, telegram, tdlib);
        }
    }

    private static PrintStream indent(PrintStream out) {
        return new PrintStream(new java.io.OutputStream() {
            private boolean lineStart = true;

            @Override
            public void write(int b) {
                if (lineStart) {
                    out.print("   ");
                }
                out.write(b);
                lineStart = b == '\n';
            }
        }, true, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the demo timed out waiting; see the output above");
            }
            Thread.sleep(10);
        }
    }
}
