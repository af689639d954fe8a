package dev.relaykit.benchmarks;

import com.binance.connector.client.common.JSON;
import com.binance.connector.client.derivatives_trading_usds_futures.websocket.stream.model.DiffBookDepthStreamsResponse;
import dev.relaykit.binance.book.OrderBook;
import dev.relaykit.binance.futures.stream.DepthSpeed;
import dev.relaykit.binance.futures.stream.FuturesDepthUpdate;
import dev.relaykit.binance.futures.stream.FuturesStream;
import dev.relaykit.binance.model.OrderBookDepth;
import dev.relaykit.binance.model.PriceLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * USD-M futures diff-depth updates applied per second to a synced local book, by the futures rule
 * ({@code pu} must equal the previous {@code u}). RelayKit: the {@link OrderBook} with
 * {@link OrderBook.Sequencing#FUTURES} fed {@link FuturesDepthUpdate#toDepthUpdateEvent()}, exactly
 * what {@code FuturesOrderBook}'s stream listener does per event. The official connector has no
 * order book: {@link HandMadeBook} is what its user writes over its model
 * ({@code DiffBookDepthStreamsResponse}, prices and quantities as strings), two {@code TreeMap}s
 * and the same checks.
 *
 * <p>{@code from=event}: events decoded up front (the book alone); {@code from=json}: each update
 * decoded from its payload first (RelayKit's decoder; the connector's Gson), as a live book does.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar FuturesOrderBookBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FuturesOrderBookBenchmark {
    static final int EVENTS = OrderBookBenchmark.EVENTS;

    /** Whether decoding is part of each update. */
    @Param({"event", "json"})
    public String from;

    private final FuturesStream<FuturesDepthUpdate> stream = FuturesStream.diffDepth("BTCUSDT", DepthSpeed.MS_100);
    private List<String> raw;
    private List<FuturesDepthUpdate> events;
    private List<DiffBookDepthStreamsResponse> connectorEvents;
    private OrderBookDepth snapshot;
    OrderBook book; // package-private: the test compares the two books
    HandMadeBook handMade;

    /** Generates and decodes the messages once. */
    @Setup(Level.Trial)
    public void decode() {
        raw = BinanceMessages.futuresDepthUpdates(EVENTS);
        events = new ArrayList<>();
        connectorEvents = new ArrayList<>();
        for (String m : raw) {
            events.add(stream.decode(m));
            connectorEvents.add(JSON.getGson().fromJson(m, DiffBookDepthStreamsResponse.class));
        }
        snapshot = OrderBookBenchmark.snapshot();
    }

    /** Fresh books, synced from the snapshot by the first event. */
    @Setup(Level.Invocation)
    public void freshBooks() {
        book = OrderBook.builder("BTCUSDT").sequencing(OrderBook.Sequencing.FUTURES)
                .snapshotSource(s -> CompletableFuture.completedFuture(snapshot)).build();
        book.accept(events.get(0).toDepthUpdateEvent());
        handMade = new HandMadeBook(snapshot);
        handMade.apply(connectorEvents.get(0));
        if (!book.isSynced() || handMade.lastUpdateId != events.get(0).finalUpdateId()) {
            throw new IllegalStateException("a book did not sync");
        }
    }

    /** Closes the RelayKit book. */
    @TearDown(Level.Invocation)
    public void close() {
        book.close();
    }

    /** @return the best bid after applying every update */
    @Benchmark
    @OperationsPerInvocation(EVENTS - 1)
    public PriceLevel relayKit() {
        boolean json = from.equals("json");
        for (int i = 1; i < EVENTS; i++) {
            FuturesDepthUpdate e = json ? stream.decode(raw.get(i)) : events.get(i);
            book.accept(e.toDepthUpdateEvent());
        }
        if (book.lastUpdateId() != events.get(EVENTS - 1).finalUpdateId()) {
            throw new IllegalStateException("RelayKit's book resynced");
        }
        return book.bestBid();
    }

    /** @return the best bid after applying every update */
    @Benchmark
    @OperationsPerInvocation(EVENTS - 1)
    public BigDecimal officialConnectorHandMade() {
        boolean json = from.equals("json");
        for (int i = 1; i < EVENTS; i++) {
            if (!handMade.apply(json ? JSON.getGson().fromJson(raw.get(i), DiffBookDepthStreamsResponse.class)
                    : connectorEvents.get(i))) {
                throw new IllegalStateException("the hand-made book lost sequence at " + i);
            }
        }
        return handMade.bids.firstKey();
    }

    /**
     * A futures book over the connector's model, as its user would write it: the snapshot's levels,
     * then Binance's rule (drop {@code u < lastUpdateId}; the first applied event has
     * {@code U <= lastUpdateId <= u}; after it each {@code pu} equals the previous {@code u}).
     */
    static final class HandMadeBook {
        final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
        final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
        long lastUpdateId;
        private boolean first = true;

        HandMadeBook(OrderBookDepth snapshot) {
            for (PriceLevel l : snapshot.bids()) {
                bids.put(l.price(), l.quantity());
            }
            for (PriceLevel l : snapshot.asks()) {
                asks.put(l.price(), l.quantity());
            }
            lastUpdateId = snapshot.lastUpdateId();
        }

        /** @return false if the event does not follow on (the user would fetch a new snapshot) */
        boolean apply(DiffBookDepthStreamsResponse e) {
            long u = e.getuLowerCase();
            if (first) {
                if (u < lastUpdateId) {
                    return true;
                }
                if (e.getU() > lastUpdateId) {
                    return false;
                }
                first = false;
            } else {
                if (u <= lastUpdateId) {
                    return true;
                }
                if (e.getPu() == null || e.getPu() != lastUpdateId) {
                    return false;
                }
            }
            set(bids, e.getbLowerCase());
            set(asks, e.getaLowerCase());
            lastUpdateId = u;
            return true;
        }

        private static void set(TreeMap<BigDecimal, BigDecimal> side, List<? extends List<String>> levels) {
            for (List<String> level : levels) {
                BigDecimal qty = new BigDecimal(level.get(1));
                if (qty.signum() == 0) {
                    side.remove(new BigDecimal(level.get(0)));
                } else {
                    side.put(new BigDecimal(level.get(0)), qty);
                }
            }
        }
    }
}
