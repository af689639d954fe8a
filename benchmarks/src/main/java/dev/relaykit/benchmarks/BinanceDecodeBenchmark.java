package dev.relaykit.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.relaykit.binance.model.DepthUpdateEvent;
import dev.relaykit.binance.model.TradeEvent;
import dev.relaykit.binance.stream.MarketStream;
import dev.relaykit.binance.stream.UpdateSpeed;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding one Binance stream message into a typed event, on one thread, no I/O: RelayKit's decoder
 * ({@link MarketStream#decode(String)}, what {@code MarketStreams} runs per message), a plain Jackson
 * {@code ObjectMapper} into the same record (what a connector user writes), and a hand-written Jackson
 * streaming parse of the same fields (the floor).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BinanceDecodeBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class BinanceDecodeBenchmark {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** Which messages. */
    @Param({"depth", "trade"})
    public String kind;

    private List<String> combined;
    private List<String> raw;
    private MarketStream<?> stream;
    private Class<?> recordType;
    private int next;

    /** Generates the messages. */
    @Setup
    public void setUp() {
        boolean depth = kind.equals("depth");
        raw = depth ? BinanceMessages.depthUpdates(1000) : BinanceMessages.trades(1000);
        combined = BinanceMessages.combined(depth ? BinanceMessages.DEPTH_STREAM : BinanceMessages.TRADE_STREAM, raw);
        stream = depth ? MarketStream.diffDepth("BTCUSDT", UpdateSpeed.MS_100) : MarketStream.trade("BTCUSDT");
        recordType = depth ? DepthUpdateEvent.class : TradeEvent.class;
    }

    private int index() {
        int i = next;
        next = i + 1 == raw.size() ? 0 : i + 1;
        return i;
    }

    /** @return RelayKit's decode of a combined-stream message */
    @Benchmark
    public Object relayKit() {
        return stream.decodeCombined(combined.get(index()));
    }

    /** @return a plain ObjectMapper into the same record @throws IOException never */
    @Benchmark
    public Object jacksonDatabind() throws IOException {
        return BinanceStreamBenchmark.PLAIN.readValue(raw.get(index()), recordType);
    }

    /**
     * The floor: a streaming parse reading every field into locals.
     *
     * @param bh the blackhole
     * @throws IOException never
     */
    @Benchmark
    public void jacksonStreaming(Blackhole bh) throws IOException {
        streamingParse(raw.get(index()), bh, field -> field.equals("p") || field.equals("q"));
    }

    /**
     * The hand-written floor, shared with {@link FuturesDecodeBenchmark}: reads every field of a flat
     * Binance event into a local (a decimal where {@code decimal} says, levels of {@code [price, qty]}
     * pairs as decimals) and hands it to the blackhole.
     */
    static void streamingParse(String json, Blackhole bh, Predicate<String> decimal) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        p.nextToken();
                        bh.consume(new BigDecimal(p.getText()));
                        p.nextToken();
                        bh.consume(new BigDecimal(p.getText()));
                        p.nextToken();
                    }
                } else if (t == JsonToken.VALUE_STRING) {
                    bh.consume(decimal.test(field) ? new BigDecimal(p.getText()) : p.getText());
                } else if (t == JsonToken.VALUE_NUMBER_INT) {
                    bh.consume(p.getLongValue());
                } else {
                    bh.consume(p.getValueAsBoolean());
                }
            }
        }
    }
}
