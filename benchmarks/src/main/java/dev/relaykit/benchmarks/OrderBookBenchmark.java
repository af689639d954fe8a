package dev.relaykit.benchmarks;

import dev.relaykit.binance.book.OrderBook;
import dev.relaykit.binance.model.DepthUpdateEvent;
import dev.relaykit.binance.model.OrderBookDepth;
import dev.relaykit.binance.model.PriceLevel;
import dev.relaykit.binance.stream.MarketStream;
import dev.relaykit.binance.stream.UpdateSpeed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Diff-depth updates applied per second to a synced local {@link OrderBook} (1-20 levels per side
 * per update, BTCUSDT-like prices), events already decoded.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar OrderBookBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class OrderBookBenchmark {
    static final int EVENTS = 2000;

    private List<DepthUpdateEvent> events;
    private OrderBookDepth snapshot;
    private OrderBook book;

    /** Decodes the messages once. */
    @Setup(Level.Trial)
    public void decode() {
        MarketStream<DepthUpdateEvent> stream = MarketStream.diffDepth("BTCUSDT", UpdateSpeed.MS_100);
        events = new ArrayList<>();
        for (String m : BinanceMessages.depthUpdates(EVENTS)) {
            events.add(stream.decode(m));
        }
        snapshot = snapshot();
    }

    /** @return a 1000-level-per-side snapshot at {@link BinanceMessages#FIRST_UPDATE_ID} around 97000 (shared with the futures book) */
    static OrderBookDepth snapshot() {
        List<PriceLevel> bids = new ArrayList<>();
        List<PriceLevel> asks = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            bids.add(new PriceLevel(new BigDecimal("97000.00").subtract(BigDecimal.valueOf(i, 2)), BigDecimal.ONE));
            asks.add(new PriceLevel(new BigDecimal("97000.01").add(BigDecimal.valueOf(i, 2)), BigDecimal.ONE));
        }
        return new OrderBookDepth(BinanceMessages.FIRST_UPDATE_ID, bids, asks);
    }

    /** A fresh book, synced from the snapshot by the first event. */
    @Setup(Level.Invocation)
    public void freshBook() {
        book = OrderBook.builder("BTCUSDT").snapshotSource(s -> CompletableFuture.completedFuture(snapshot)).build();
        book.accept(events.get(0));
        if (!book.isSynced()) {
            throw new IllegalStateException("book did not sync");
        }
    }

    /** Closes the book. */
    @TearDown(Level.Invocation)
    public void close() {
        book.close();
    }

    /** @return the best bid after applying every update */
    @Benchmark
    @OperationsPerInvocation(EVENTS - 1)
    public PriceLevel applyUpdates() {
        for (int i = 1; i < EVENTS; i++) {
            book.accept(events.get(i));
        }
        return book.bestBid();
    }
}
