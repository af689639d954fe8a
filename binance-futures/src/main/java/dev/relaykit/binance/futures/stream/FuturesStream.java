package dev.relaykit.binance.futures.stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.binance.futures.model.ContractType;
import dev.relaykit.binance.model.KlineEvent;
import dev.relaykit.binance.model.KlineInterval;
import dev.relaykit.binance.model.MiniTickerEvent;
import dev.relaykit.binance.stream.MarketStream;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One futures market stream: its name, the path it travels on and its event type. Build them with
 * the factories (one per stream on Binance's USD-M and COIN-M "Websocket Market Streams" pages) and
 * pass them to {@link FuturesMarketStreams#subscribe}.
 *
 * <pre>{@code
 * FuturesStream.markPrice("BTCUSDT");                    // btcusdt@markPrice@1s  -> MarkPriceEvent   (/market)
 * FuturesStream.diffDepth("BTCUSDT", DepthSpeed.MS_100); // btcusdt@depth@100ms   -> FuturesDepthUpdate (/public)
 * FuturesStream.partialDepth("BTCUSDT", 5, DepthSpeed.MS_250); // btcusdt@depth5  -> FuturesPartialDepth (/public)
 * FuturesStream.raw("btcusdt@somethingNew");             // any stream, its path by Binance's mapping -> JsonNode
 * }</pre>
 *
 * <p>Partial and diff depth carry the same fields ({@code depthUpdate} with {@code U}, {@code u},
 * {@code pu}); the stream name tells them apart, so each has its own event type. Symbols are
 * validated and lower-cased; COIN-M symbols such as {@code BTCUSD_PERP} are accepted.
 *
 * <p>While a connection is replaced (before Binance's 24-hour limit, or on {@code serverShutdown}),
 * each factory says how the copies both connections deliver are told from new events: by a
 * sequence number that grows with every event ({@code a}, one symbol's {@code u}), or by content
 * for every other stream (event times can be shared; all-symbol streams have no common sequence).
 * See {@link MarketStream}.
 *
 * @param <T> the event type
 */
public final class FuturesStream<T> {
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9_]{1,40}");

    private final MarketStream<T> stream;
    private final StreamPath path;

    private FuturesStream(MarketStream<T> stream, StreamPath path) {
        this.stream = stream;
        this.path = path;
    }

    /** A stream whose {@code field} grows with every event: aggregate trade ids, one symbol's update ids. */
    private static <T> FuturesStream<T> sequenced(String name, Class<T> type, String field) {
        return new FuturesStream<>(MarketStream.typed(name, type, field), StreamPath.of(name));
    }

    /** A stream whose copies are told by content: event-time keyed, several symbols, repeating snapshots. */
    private static <T> FuturesStream<T> byContent(String name, Class<T> type) {
        return new FuturesStream<>(MarketStream.typed(name, type), StreamPath.of(name));
    }

    private static <T> FuturesStream<List<T>> list(String name, Class<T> element) {
        return new FuturesStream<>(MarketStream.typedList(name, element), StreamPath.of(name));
    }

    /** @return the stream name, e.g. {@code btcusdt@aggTrade} */
    public String name() {
        return stream.name();
    }

    /** @return the path it is subscribed on */
    public StreamPath path() {
        return path;
    }

    /**
     * Not API: the spot stream machinery's view of this stream.
     *
     * @return the market stream
     */
    public MarketStream<T> marketStream() {
        return stream;
    }

    /**
     * Decodes one payload of this stream (the event JSON), e.g. from a recording.
     *
     * <pre>{@code
     * String recordedJson = Files.readString(Path.of("btcusdt-markPrice.json"));   // one payload, as Binance sent it
     * MarkPriceEvent m = FuturesStream.markPrice("BTCUSDT").decode(recordedJson);
     * }</pre>
     *
     * @param payload the event JSON
     * @return the typed event
     * @throws dev.relaykit.core.DecodeException if it does not decode
     */
    public T decode(String payload) {
        return stream.decode(payload);
    }

    // ------------------------------------------------------------------ market path

    /**
     * @param symbol e.g. {@code BTCUSDT}
     * @return {@code <symbol>@aggTrade}: aggregate trades, every 100 ms
     */
    public static FuturesStream<FuturesAggTradeEvent> aggTrade(String symbol) {
        return sequenced(sym(symbol) + "@aggTrade", FuturesAggTradeEvent.class, "a");
    }

    /**
     * @param symbol e.g. {@code BTCUSDT}
     * @return {@code <symbol>@markPrice@1s}: mark price and funding, every second
     */
    public static FuturesStream<MarkPriceEvent> markPrice(String symbol) {
        return markPrice(symbol, true);
    }

    /**
     * @param symbol e.g. {@code BTCUSDT}
     * @param everySecond {@code true} for {@code @1s}, {@code false} for every 3 s
     * @return {@code <symbol>@markPrice[@1s]}
     */
    public static FuturesStream<MarkPriceEvent> markPrice(String symbol, boolean everySecond) {
        return byContent(sym(symbol) + "@markPrice" + (everySecond ? "@1s" : ""), MarkPriceEvent.class);
    }

    /**
     * @param everySecond {@code true} for {@code @1s}, {@code false} for every 3 s
     * @return {@code !markPrice@arr[@1s]}: mark prices of all symbols (USD-M)
     */
    public static FuturesStream<List<MarkPriceEvent>> allMarkPrices(boolean everySecond) {
        return list("!markPrice@arr" + (everySecond ? "@1s" : ""), MarkPriceEvent.class);
    }

    /**
     * @param symbol e.g. {@code BTCUSDT}
     * @param interval the candle interval
     * @return {@code <symbol>@kline_<interval>}
     */
    public static FuturesStream<KlineEvent> kline(String symbol, KlineInterval interval) {
        Objects.requireNonNull(interval, "interval");
        return byContent(sym(symbol) + "@kline_" + interval.code(), KlineEvent.class);
    }

    /**
     * @param pair e.g. {@code BTCUSDT}
     * @param contractType {@code perpetual}, {@code current_quarter} or {@code next_quarter}
     * @param interval the candle interval
     * @return {@code <pair>_<contractType>@continuousKline_<interval>}
     * @throws IllegalArgumentException for {@link ContractType#UNKNOWN}, which names no stream
     */
    public static FuturesStream<ContinuousKlineEvent> continuousKline(String pair, ContractType contractType,
                                                                     KlineInterval interval) {
        Objects.requireNonNull(contractType, "contractType");
        Objects.requireNonNull(interval, "interval");
        if (contractType == ContractType.UNKNOWN) {
            throw new IllegalArgumentException("contractType UNKNOWN names no continuous kline stream");
        }
        return byContent(sym(pair) + "_" + contractType.name().toLowerCase(Locale.ROOT) + "@continuousKline_" + interval.code(),
                ContinuousKlineEvent.class);
    }

    /**
     * @param symbol e.g. {@code BTCUSDT}
     * @return {@code <symbol>@miniTicker}: 24 h mini ticker
     */
    public static FuturesStream<MiniTickerEvent> miniTicker(String symbol) {
        return byContent(sym(symbol) + "@miniTicker", MiniTickerEvent.class);
    }

    /** @return {@code !miniTicker@arr}: mini tickers of every symbol that changed */
    public static FuturesStream<List<MiniTickerEvent>> allMiniTickers() {
        return list("!miniTicker@arr", MiniTickerEvent.class);
    }

    /**
     * @param symbol e.g. {@code BTCUSDT}
     * @return {@code <symbol>@ticker}: 24 h ticker
     */
    public static FuturesStream<FuturesTickerEvent> ticker(String symbol) {
        return byContent(sym(symbol) + "@ticker", FuturesTickerEvent.class);
    }

    /** @return {@code !ticker@arr}: 24 h tickers of every symbol that changed */
    public static FuturesStream<List<FuturesTickerEvent>> allTickers() {
        return list("!ticker@arr", FuturesTickerEvent.class);
    }

    /**
     * @param symbol e.g. {@code BTCUSDT}
     * @return {@code <symbol>@forceOrder}: the latest liquidation order within each second
     */
    public static FuturesStream<ForceOrderEvent> forceOrder(String symbol) {
        return byContent(sym(symbol) + "@forceOrder", ForceOrderEvent.class);
    }

    /** @return {@code !forceOrder@arr}: liquidation orders of every symbol */
    public static FuturesStream<ForceOrderEvent> allForceOrders() {
        return byContent("!forceOrder@arr", ForceOrderEvent.class);
    }

    /**
     * COIN-M only.
     *
     * @param pair e.g. {@code BTCUSD}
     * @return {@code <pair>@indexPrice@1s}: index price, every second
     */
    public static FuturesStream<IndexPriceEvent> indexPrice(String pair) {
        return byContent(sym(pair) + "@indexPrice@1s", IndexPriceEvent.class);
    }

    /**
     * USD-M.
     *
     * @param symbol a composite index symbol, e.g. {@code DEFIUSDT}
     * @return {@code <symbol>@compositeIndex}: the index price and its composition, every second
     */
    public static FuturesStream<CompositeIndexEvent> compositeIndex(String symbol) {
        return byContent(sym(symbol) + "@compositeIndex", CompositeIndexEvent.class);
    }

    /**
     * USD-M, Multi-Assets mode.
     *
     * @param assetSymbol an asset index symbol, e.g. {@code ADAUSD}
     * @return {@code <assetSymbol>@assetIndex}: the asset's index and margin rates, every second
     */
    public static FuturesStream<AssetIndexEvent> assetIndex(String assetSymbol) {
        return byContent(sym(assetSymbol) + "@assetIndex", AssetIndexEvent.class);
    }

    /** @return {@code !assetIndex@arr}: every asset index (USD-M, Multi-Assets mode), every second */
    public static FuturesStream<List<AssetIndexEvent>> allAssetIndexes() {
        return list("!assetIndex@arr", AssetIndexEvent.class);
    }

    /** @return {@code !contractInfo}: listings, settlements and bracket changes of every contract, as they happen */
    public static FuturesStream<ContractInfoEvent> contractInfo() {
        return byContent("!contractInfo", ContractInfoEvent.class);
    }

    // ------------------------------------------------------------------ public path

    /**
     * @param symbol e.g. {@code BTCUSDT}
     * @return {@code <symbol>@bookTicker}: best bid and ask, real time
     */
    public static FuturesStream<FuturesBookTickerEvent> bookTicker(String symbol) {
        return sequenced(sym(symbol) + "@bookTicker", FuturesBookTickerEvent.class, "u"); // this symbol's book
    }

    /** @return {@code !bookTicker}: best bid and ask of every symbol */
    public static FuturesStream<FuturesBookTickerEvent> allBookTickers() {
        return byContent("!bookTicker", FuturesBookTickerEvent.class); // u is each symbol's own
    }

    /**
     * @param symbol e.g. {@code BTCUSDT}
     * @param levels 5, 10 or 20
     * @param speed 250 ms (default name), 500 ms or 100 ms
     * @return {@code <symbol>@depth<levels>[@500ms|@100ms]}: the top levels
     * @throws IllegalArgumentException if levels is not 5, 10 or 20
     */
    public static FuturesStream<FuturesPartialDepth> partialDepth(String symbol, int levels, DepthSpeed speed) {
        if (levels != 5 && levels != 10 && levels != 20) {
            throw new IllegalArgumentException("partial depth levels must be 5, 10 or 20, was " + levels);
        }
        Objects.requireNonNull(speed, "speed");
        // a snapshot: u stays while the book does not change, E moves on
        return byContent(sym(symbol) + "@depth" + levels + speed.suffix(), FuturesPartialDepth.class);
    }

    /**
     * @param symbol e.g. {@code BTCUSDT}
     * @param speed 250 ms (default name), 500 ms or 100 ms
     * @return {@code <symbol>@depth[@500ms|@100ms]}: diffs for a local order book
     */
    public static FuturesStream<FuturesDepthUpdate> diffDepth(String symbol, DepthSpeed speed) {
        Objects.requireNonNull(speed, "speed");
        return sequenced(sym(symbol) + "@depth" + speed.suffix(), FuturesDepthUpdate.class, "u");
    }

    // ------------------------------------------------------------------ anything else

    /**
     * Any stream by name, as raw JSON, on the path Binance's mapping gives it ({@link StreamPath#of}):
     * one this version has no factory for, or one added tomorrow.
     *
     * @param name the exact stream name
     * @return the stream
     */
    public static FuturesStream<JsonNode> raw(String name) {
        return raw(name, StreamPath.of(Objects.requireNonNull(name, "name")));
    }

    /**
     * Any stream by name, as raw JSON, on the path you say (for a stream Binance maps differently
     * than this version knows).
     *
     * @param name the exact stream name
     * @param path where to subscribe it
     * @return the stream
     */
    public static FuturesStream<JsonNode> raw(String name, StreamPath path) {
        return new FuturesStream<>(MarketStream.raw(name), Objects.requireNonNull(path, "path"));
    }

    private static String sym(String symbol) {
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("not a futures symbol: '" + symbol
                    + "' (letters, digits and _, e.g. BTCUSDT or BTCUSD_PERP)");
        }
        return symbol.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FuturesStream<?> f && f.stream.equals(stream) && f.path == path;
    }

    @Override
    public int hashCode() {
        return stream.hashCode();
    }

    @Override
    public String toString() {
        return stream.name() + " (" + path.name().toLowerCase(Locale.ROOT) + ")";
    }
}
