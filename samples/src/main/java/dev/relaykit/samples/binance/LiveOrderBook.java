package dev.relaykit.samples.binance;

import dev.relaykit.binance.BinanceEnvironment;
import dev.relaykit.binance.BinanceSpot;
import dev.relaykit.binance.book.OrderBook;
import dev.relaykit.binance.book.OrderBookListener;
import dev.relaykit.binance.book.OrderBookResync;
import dev.relaykit.binance.model.PriceLevel;
import dev.relaykit.binance.model.TradeEvent;
import dev.relaykit.binance.stream.MarketStream;
import dev.relaykit.binance.stream.MarketStreams;
import dev.relaykit.binance.stream.StreamSubscription;
import dev.relaykit.samples.SampleRun;
import dev.relaykit.testkit.FakeBinance;
import dev.relaykit.testkit.FakeBinanceStreams;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints the top of a local order book and the trades of a symbol, live.
 *
 * <pre>
 * ./relaykit binance-book [symbol [seconds]]
 * BINANCE_ENV=production ./relaykit binance-book     # real market data, no key needed
 * </pre>
 *
 * Offline (the default) the testkit's fake Binance serves the documented depth snapshot and a fake
 * stream server publishes a synthetic, sequence-correct depth and trade feed for BNBBTC.
 */
public final class LiveOrderBook {
    /** How long a stream step may take before the sample says it got no answer. */
    private static final Duration STREAM_TIMEOUT = Duration.ofSeconds(15);

    private LiveOrderBook() {
    }

    /**
     * Prints the book. On a failure (no network, a refused connection, no answer) it prints one line
     * naming the step and the cause and exits with 1.
     *
     * @param args {@code [symbol [seconds]]}, default {@code BNBBTC 5} offline, {@code BTCUSDT 15} online
     */
    public static void main(String[] args) {
        SampleRun.main("binance-book", () -> {
            BinanceEnvironment env = SampleEnv.environment();
            if (env == null) {
                int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
                System.out.println("offline: a fake Binance on 127.0.0.1 with a synthetic BNBBTC feed"
                        + " (BINANCE_ENV=production for the real market)");
                runOffline(Duration.ofSeconds(seconds), System.out);
            } else {
                String symbol = args.length > 0 ? args[0].toUpperCase(Locale.ROOT) : "BTCUSDT";
                int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
                try (BinanceSpot binance = BinanceSpot.builder().environment(env).build()) {
                    Duration offset = SampleRun.step(System.out, "connecting to Binance " + env.name() + " at "
                            + env.restBaseUrl(), binance::syncTime);
                    System.out.println("connected; clock offset " + offset.toMillis() + " ms");
                    run(binance, symbol, Duration.ofSeconds(seconds), System.out);
                }
            }
        });
    }

    /**
     * What the sample saw.
     *
     * @param updates book updates applied
     * @param trades trades received
     * @param resyncs resyncs after gaps
     * @param bestBid the best bid at the end
     * @param bestAsk the best ask at the end
     */
    public record Result(int updates, int trades, int resyncs, PriceLevel bestBid, PriceLevel bestAsk) {
    }

    /**
     * Runs against the testkit fakes with a synthetic feed.
     *
     * @param duration how long to print
     * @param out where to print
     * @return what the sample saw
     * @throws Exception if the book cannot be built
     */
    public static Result runOffline(Duration duration, PrintStream out) throws Exception {
        try (FakeBinance rest = FakeBinance.start();
             FakeBinanceStreams streams = FakeBinanceStreams.start();
             BinanceSpot binance = BinanceSpot.builder()
                     .environment(new BinanceEnvironment("local fake", rest.restBaseUrl(), streams.baseUrl(),
                             "ws://127.0.0.1:1/ws-api/v3"))
                     .build()) {
            ScheduledExecutorService feed = Executors.newSingleThreadScheduledExecutor();
            try {
                // start publishing once the client listens
                feed.execute(() -> publishSyntheticFeed(streams, feed));
                return run(binance, "BNBBTC", duration, out);
            } finally {
                feed.shutdownNow();
            }
        }
    }

    /**
     * Builds the book and prints it and the trades for a while.
     *
     * @param binance the client (no key needed)
     * @param symbol the symbol
     * @param duration how long
     * @param out where to print
     * @return what the sample saw
     * @throws Exception if the book cannot be built
     */
    public static Result run(BinanceSpot binance, String symbol, Duration duration, PrintStream out) throws Exception {
        AtomicInteger updates = new AtomicInteger();
        AtomicInteger trades = new AtomicInteger();
        AtomicInteger resyncs = new AtomicInteger();
        try (MarketStreams streams = MarketStreams.builder(binance).build();
             OrderBook book = OrderBook.builder(symbol).streams(streams).listener(new OrderBookListener() {
                 @Override
                 public void onUpdate(OrderBook b, dev.relaykit.binance.model.DepthUpdateEvent event) {
                     updates.incrementAndGet();
                 }

                 @Override
                 public void onError(OrderBook b, Throwable error) {
                     out.println("order book error: " + error);
                 }

                 @Override
                 public void onResync(OrderBook b, OrderBookResync resync) {
                     resyncs.incrementAndGet();
                     out.println("resync: " + resync);
                 }
             }).build();
             StreamSubscription sub = streams.subscribe(MarketStream.trade(symbol), (TradeEvent t) -> {
                 if (trades.incrementAndGet() <= 5) {
                     out.println("trade " + t.tradeId() + ": " + t.quantity().toPlainString() + " @ " + t.price().toPlainString());
                 }
             })) {
            SampleRun.await(out, "subscribing to " + symbol + " trades and depth at "
                    + binance.environment().streamBaseUrl(), sub.ready(), STREAM_TIMEOUT);
            SampleRun.await(out, "building the " + symbol + " book from a depth snapshot and the diff stream",
                    book.synced(), STREAM_TIMEOUT);
            out.println(symbol + " book synced at update " + book.lastUpdateId());
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                Thread.sleep(1000);
                out.println(String.format(Locale.ROOT, "%s  bid %s  ask %s  (%d updates, %d trades)", symbol,
                        level(book.bestBid()), level(book.bestAsk()), updates.get(), trades.get()));
            }
            return new Result(updates.get(), trades.get(), resyncs.get(), book.bestBid(), book.bestAsk());
        }
    }

    private static String level(PriceLevel l) {
        return l == null ? "-" : l.quantity().stripTrailingZeros().toPlainString() + " @ " + l.price().toPlainString();
    }

    private static void publishSyntheticFeed(FakeBinanceStreams streams, ScheduledExecutorService feed) {
        try {
            streams.awaitSubscribed("bnbbtc@depth@100ms", Duration.ofSeconds(30));
            streams.awaitSubscribed("bnbbtc@trade", Duration.ofSeconds(30));
        } catch (Exception e) {
            return;
        }
        Random random = new Random(7);
        // Binance's rule: the first event the book keeps must span the snapshot's lastUpdateId (1027024)
        AtomicLong nextId = new AtomicLong(1027023);
        AtomicLong tradeId = new AtomicLong(1);
        feed.scheduleAtFixedRate(() -> {
            long first = nextId.get();
            long last = first == 1027023 ? 1027025 : first + 1;
            nextId.set(last + 1);
            BigDecimal bid = new BigDecimal("3.99999900").subtract(new BigDecimal(random.nextInt(5)).movePointLeft(8));
            BigDecimal ask = new BigDecimal("4.00000200").add(new BigDecimal(random.nextInt(5)).movePointLeft(8));
            String qty = random.nextInt(6) == 0 ? "0" : new BigDecimal(random.nextInt(5000)).movePointLeft(2).toPlainString();
            long now = System.currentTimeMillis();
            streams.publish("bnbbtc@depth@100ms", "{\"e\":\"depthUpdate\",\"E\":" + now + ",\"s\":\"BNBBTC\",\"U\":" + first
                    + ",\"u\":" + last + ",\"b\":[[\"" + bid.toPlainString() + "\",\"" + qty + "\"]],\"a\":[[\""
                    + ask.toPlainString() + "\",\"" + qty + "\"]]}");
            BigDecimal price = bid.add(ask).divide(BigDecimal.valueOf(2), 8, RoundingMode.HALF_UP);
            streams.publish("bnbbtc@trade", "{\"e\":\"trade\",\"E\":" + now + ",\"s\":\"BNBBTC\",\"t\":" + tradeId.getAndIncrement()
                    + ",\"p\":\"" + price.toPlainString() + "\",\"q\":\"1.5\",\"T\":" + now + ",\"m\":true,\"M\":true}");
        }, 0, 20, TimeUnit.MILLISECONDS);
    }
}
