package dev.relaykit.samples.binance;

import dev.relaykit.binance.BinanceApiException;
import dev.relaykit.binance.BinanceKey;
import dev.relaykit.binance.futures.FuturesEnvironment;
import dev.relaykit.binance.futures.FuturesProduct;
import dev.relaykit.binance.futures.NewFuturesOrder;
import dev.relaykit.binance.futures.UsdmFutures;
import dev.relaykit.binance.futures.book.FuturesOrderBook;
import dev.relaykit.binance.futures.model.AlgoCancel;
import dev.relaykit.binance.futures.model.AlgoOrder;
import dev.relaykit.binance.futures.model.PlacedOrder;
import dev.relaykit.binance.futures.model.PositionRisk;
import dev.relaykit.binance.futures.stream.FuturesMarketStreams;
import dev.relaykit.binance.futures.stream.FuturesStream;
import dev.relaykit.binance.futures.stream.MarkPriceEvent;
import dev.relaykit.binance.model.OrderSide;
import dev.relaykit.binance.model.PriceLevel;
import dev.relaykit.samples.SampleRun;
import dev.relaykit.testkit.FakeBinanceFutures;
import dev.relaykit.testkit.FakeBinanceFuturesStreams;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A small USD-M futures bot: streams the mark price and funding rate of a symbol, keeps a local futures order
 * book, places a conditional (stop-market) order, which goes to Binance's algo-order service, cancels it, and
 * prints the positions.
 *
 * <pre>
 * ./relaykit binance-futures [symbol [quantity [triggerPrice]]]
 * BINANCE_FUTURES_ENV=testnet BINANCE_API_KEY=... BINANCE_SECRET_KEY=... ./relaykit binance-futures
 * </pre>
 *
 * Offline (the default) it runs against the testkit's fakes: {@link FakeBinanceFutures} for REST (signatures
 * checked as Binance does, the algo-order service) and {@link FakeBinanceFuturesStreams} for the split stream
 * paths, into which the sample publishes Binance's documented mark-price and depth events.
 */
public final class FuturesBot {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private FuturesBot() {
    }

    /** What the bot saw and did. */
    public record Report(MarkPriceEvent mark, PriceLevel bestBid, PriceLevel bestAsk, AlgoOrder placed,
                         AlgoCancel cancelled, List<PositionRisk> positions) {
    }

    /**
     * @param args {@code [symbol [quantity [triggerPrice]]]}, default {@code BTCUSDT 0.002} and a trigger 20 % under
     *     the mark price (whole units, a multiple of any tick size up to 1), so the order waits and can be cancelled
     */
    public static void main(String[] args) {
        SampleRun.main("binance-futures", () -> {
            String symbol = args.length > 0 ? args[0].toUpperCase(Locale.ROOT) : "BTCUSDT";
            BigDecimal quantity = new BigDecimal(args.length > 1 ? args[1] : "0.002");
            BigDecimal trigger = args.length > 2 ? new BigDecimal(args[2]) : null;
            FuturesEnvironment env = environment();
            if (env == null) {
                offline(symbol, quantity, trigger, System.out);
            } else {
                run(env, SampleEnv.key("BINANCE_FUTURES_ENV"), symbol, quantity, trigger, System.out, () -> { });
            }
        });
    }

    /**
     * Runs the bot against the testkit's fakes, publishing Binance's documented events into the fake streams.
     *
     * @param symbol the symbol
     * @param quantity the order quantity
     * @param trigger the trigger price, or {@code null} for 20 % under the mark price
     * @param out where to print
     * @return what the bot saw and did
     */
    public static Report offline(String symbol, BigDecimal quantity, BigDecimal trigger, PrintStream out) {
        out.println("offline: fake Binance futures on 127.0.0.1 (REST checks signatures like Binance; streams on the"
                + " split /public and /market paths); BINANCE_FUTURES_ENV=testnet and a key for the real thing");
        try (FakeBinanceFutures rest = FakeBinanceFutures.start().acceptHmacKey("offline-key", "offline-secret");
             FakeBinanceFuturesStreams streams = FakeBinanceFuturesStreams.start()) {
            FuturesEnvironment env = new FuturesEnvironment("local fake", FuturesProduct.USD_M, rest.restBaseUrl(),
                    streams.baseUrl(), "ws://127.0.0.1:1/ws-fapi/v1", true);
            return run(env, BinanceKey.hmac("offline-key", "offline-secret"), symbol, quantity, trigger, out,
                    () -> publishMarket(streams, symbol));
        }
    }

    /**
     * Plays the market into the fake streams: one mark-price event (Binance's documented example) and two depth
     * diffs that follow on the REST snapshot the fake serves ({@code lastUpdateId} 1027024) by the futures rule.
     */
    private static void publishMarket(FakeBinanceFuturesStreams fake, String symbol) {
        String s = symbol.toLowerCase(Locale.ROOT);
        try {
            fake.streams().awaitSubscribed(s + "@markPrice@1s", WAIT);
            fake.streams().publish(s + "@markPrice@1s", FakeBinanceFuturesStreams.fixture("stream-markPrice.json")
                    .replace("\"s\":\"BTCUSDT\"", "\"s\":\"" + symbol + "\""));
            fake.streams().awaitSubscribed(s + "@depth@100ms", WAIT);
            fake.streams().publish(s + "@depth@100ms", depth(symbol, 1027020, 1027030, 1027019,
                    "[[\"4.00000100\",\"5\"]]", "[]"));
            fake.streams().publish(s + "@depth@100ms", depth(symbol, 1027031, 1027040, 1027030,
                    "[]", "[[\"4.00000150\",\"2\"]]"));
        } catch (Exception e) {
            throw new SampleRun.Failure("publishing into the fake streams: " + SampleRun.describe(e), e);
        }
    }

    private static String depth(String symbol, long first, long last, long previous, String bids, String asks) {
        return "{\"e\":\"depthUpdate\",\"E\":1,\"T\":1,\"s\":\"" + symbol + "\",\"U\":" + first + ",\"u\":" + last
                + ",\"pu\":" + previous + ",\"b\":" + bids + ",\"a\":" + asks + "}";
    }

    /**
     * Runs the bot.
     *
     * @param env where to connect
     * @param key the key
     * @param symbol the symbol
     * @param quantity the order quantity
     * @param trigger the trigger price, or {@code null} for 20 % under the mark price
     * @param out where to print
     * @param afterSubscribe called once the streams are subscribed (offline: plays the market into the fakes)
     * @return what the bot saw and did
     * @throws SampleRun.Failure if Binance cannot be reached (naming the step and the cause) or refuses an order
     */
    public static Report run(FuturesEnvironment env, BinanceKey key, String symbol, BigDecimal quantity,
                             BigDecimal trigger, PrintStream out, Runnable afterSubscribe) {
        Objects.requireNonNull(afterSubscribe, "afterSubscribe");
        try (UsdmFutures usdm = UsdmFutures.builder().environment(env).key(key).build();
             FuturesMarketStreams streams = usdm.streams()) {
            Duration offset = SampleRun.step(out, "connecting to Binance futures " + env.name() + " at "
                    + env.restBaseUrl(), usdm::syncTime);
            out.println("connected; clock offset " + offset.toMillis() + " ms");

            CompletableFuture<MarkPriceEvent> firstMark = new CompletableFuture<>();
            streams.subscribe(FuturesStream.markPrice(symbol), firstMark::complete);
            // the book's diff stream runs on connections the facade owns; usdm.close() ends it
            FuturesOrderBook book = usdm.orderBook(symbol).snapshotLimit(100).build();
            afterSubscribe.run();

            MarkPriceEvent mark = SampleRun.await(out, "waiting for the mark price of " + symbol
                    + " (" + env.marketStreamBaseUrl() + ")", firstMark, WAIT);
            out.println("mark price " + mark.markPrice().toPlainString() + ", index " + mark.indexPrice().toPlainString()
                    + ", funding rate " + (mark.fundingRate() == null ? "-" : mark.fundingRate().toPlainString())
                    + ", next funding " + mark.nextFundingTime());
            SampleRun.await(out, "syncing the order book (" + env.publicStreamBaseUrl() + ")", book.synced(), WAIT);
            PriceLevel bid = book.bestBid();
            PriceLevel ask = book.bestAsk();
            out.println("order book synced at update " + book.book().lastUpdateId() + ": best bid " + level(bid)
                    + ", best ask " + level(ask));

            BigDecimal triggerPrice = trigger != null ? trigger
                    : mark.markPrice().multiply(new BigDecimal("0.8")).setScale(0, RoundingMode.FLOOR);
            PlacedOrder placed = usdm.trading().newOrder(NewFuturesOrder.stopMarket(symbol, OrderSide.SELL, quantity,
                    triggerPrice));
            if (!(placed instanceof PlacedOrder.Conditional conditional)) {
                throw new SampleRun.Failure("a stop-market order came back as a regular order: " + placed, null);
            }
            AlgoOrder algo = conditional.algoOrder();
            out.println("placed:    stop-market SELL " + quantity.toPlainString() + " " + symbol + " trigger "
                    + triggerPrice.toPlainString() + " -> algo order " + algo.algoId() + " " + algo.algoStatus()
                    + " (through /fapi/v1/algoOrder)");
            AlgoCancel cancelled = usdm.algo().cancel(algo.algoId());
            out.println("cancelled: algo order " + cancelled.algoId() + " (" + cancelled.msg() + ")");

            List<PositionRisk> positions = usdm.account().positions(null);
            if (positions.isEmpty()) {
                out.println("positions: none open");
            }
            for (PositionRisk p : positions) {
                out.println("position:  " + p.symbol() + " " + p.positionSide() + " " + p.positionAmt().toPlainString()
                        + " @ " + p.entryPrice().toPlainString() + ", mark " + p.markPrice().toPlainString()
                        + ", unrealized " + p.unRealizedProfit().toPlainString());
            }
            book.close();
            return new Report(mark, bid, ask, algo, cancelled, positions);
        } catch (BinanceApiException e) {
            throw new SampleRun.Failure("Binance refused: code " + e.binanceCode() + ": " + e.serviceMessage(), e);
        }
    }

    private static String level(PriceLevel level) {
        return level == null ? "-" : level.quantity().toPlainString() + " @ " + level.price().toPlainString();
    }

    /** @return the environment named by BINANCE_FUTURES_ENV, or {@code null} for offline */
    static FuturesEnvironment environment() {
        String env = System.getenv().getOrDefault("BINANCE_FUTURES_ENV", "offline").toLowerCase(Locale.ROOT);
        return switch (env) {
            case "offline" -> null;
            case "testnet" -> FuturesEnvironment.USDM_TESTNET;
            case "production" -> FuturesEnvironment.USDM_PRODUCTION;
            default -> throw new IllegalArgumentException("BINANCE_FUTURES_ENV must be offline, testnet or production,"
                    + " was " + env);
        };
    }
}
