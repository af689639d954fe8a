package dev.relaykit.benchmarks;

import com.binance.connector.client.common.JSON;
import com.binance.connector.client.derivatives_trading_usds_futures.websocket.stream.model.DiffBookDepthStreamsResponse;
import com.binance.connector.client.derivatives_trading_usds_futures.websocket.stream.model.MarkPriceStreamResponse;
import dev.relaykit.binance.futures.stream.DepthSpeed;
import dev.relaykit.binance.futures.stream.FuturesDepthUpdate;
import dev.relaykit.binance.futures.stream.FuturesStream;
import dev.relaykit.binance.futures.stream.MarkPriceEvent;
import dev.relaykit.binance.stream.MarketStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Decoding one USD-M futures stream message (mark price, diff depth) into a typed event, one thread,
 * no I/O: RelayKit's decoder (what {@code FuturesMarketStreams} runs per combined message), the
 * official connector's own decode ({@code io.github.binance:binance-derivatives-trading-usds-futures}:
 * its Gson into its generated model, what its {@code StreamBlockingQueueWrapper.take()} does per
 * message), a plain Jackson {@code ObjectMapper} into RelayKit's record (what a connector user who
 * wants decimals and times writes), and a hand-written Jackson streaming parse (the floor).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar FuturesDecodeBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FuturesDecodeBenchmark {
    /** Which messages. */
    @Param({"markPrice", "depth"})
    public String kind;

    private List<String> combined;
    private List<String> raw;
    private MarketStream<?> stream;
    private Class<?> recordType;
    private Class<?> connectorType;
    private int next;

    /** Generates the messages. */
    @Setup
    public void setUp() {
        boolean depth = kind.equals("depth");
        raw = depth ? BinanceMessages.futuresDepthUpdates(1000) : BinanceMessages.markPrices(1000);
        combined = BinanceMessages.combined(depth ? BinanceMessages.FUTURES_DEPTH_STREAM : BinanceMessages.MARK_PRICE_STREAM, raw);
        stream = (depth ? FuturesStream.diffDepth("BTCUSDT", DepthSpeed.MS_100) : FuturesStream.markPrice("BTCUSDT"))
                .marketStream();
        recordType = depth ? FuturesDepthUpdate.class : MarkPriceEvent.class;
        connectorType = depth ? DiffBookDepthStreamsResponse.class : MarkPriceStreamResponse.class;
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

    /** @return the official connector's decode: its Gson into its model (prices stay strings) */
    @Benchmark
    public Object officialConnectorGson() {
        return JSON.getGson().fromJson(raw.get(index()), connectorType);
    }

    /** @return a plain ObjectMapper into RelayKit's record @throws IOException never */
    @Benchmark
    public Object jacksonDatabind() throws IOException {
        return BinanceStreamBenchmark.PLAIN.readValue(raw.get(index()), recordType);
    }

    /**
     * The floor: a streaming parse reading every field into locals (every string but {@code e} and
     * {@code s} as a decimal).
     *
     * @param bh the blackhole
     * @throws IOException never
     */
    @Benchmark
    public void jacksonStreaming(Blackhole bh) throws IOException {
        BinanceDecodeBenchmark.streamingParse(raw.get(index()), bh, field -> !field.equals("e") && !field.equals("s"));
    }
}
