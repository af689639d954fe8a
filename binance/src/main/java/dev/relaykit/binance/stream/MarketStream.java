package dev.relaykit.binance.stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.relaykit.binance.model.AggTradeEvent;
import dev.relaykit.binance.model.AvgPriceEvent;
import dev.relaykit.binance.model.BookTickerEvent;
import dev.relaykit.binance.model.DepthUpdateEvent;
import dev.relaykit.binance.model.KlineEvent;
import dev.relaykit.binance.model.KlineInterval;
import dev.relaykit.binance.model.MiniTickerEvent;
import dev.relaykit.binance.model.OrderBookDepth;
import dev.relaykit.binance.model.ReferencePriceEvent;
import dev.relaykit.binance.model.RollingWindowTickerEvent;
import dev.relaykit.binance.model.TickerEvent;
import dev.relaykit.binance.model.TradeEvent;
import dev.relaykit.core.json.Json;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

/**
 * One Binance market stream: its name and the type its payload decodes into. Build them with the
 * static factories (one per stream Binance documents on "WebSocket Streams") and pass them to
 * {@link MarketStreams#subscribe}.
 *
 * <pre>{@code
 * MarketStream.trade("BTCUSDT");                              // btcusdt@trade     -> TradeEvent
 * MarketStream.kline("BTCUSDT", KlineInterval.MINUTE_1);      // btcusdt@kline_1m  -> KlineEvent
 * MarketStream.partialDepth("BTCUSDT", 10, UpdateSpeed.MS_100); // btcusdt@depth10@100ms -> OrderBookDepth
 * MarketStream.raw("btcusdt@somethingNew");                   // any stream        -> JsonNode
 * }</pre>
 *
 * <p>Symbols are validated (letters and digits) and lower-cased, as Binance requires; bad input
 * throws {@link IllegalArgumentException} before anything is sent.
 *
 * <p>While a connection is replaced (before Binance's 24-hour limit, or on {@code serverShutdown})
 * the old and the new one deliver the same events for a while; each stream says how a copy is told
 * from a new event, and every factory chooses one of the two rules: <b>sequence</b> (a field that
 * grows with every event of the stream: a trade id, an aggregate trade id, one symbol's book update
 * id; a copy is one at or below the last delivered) or <b>content</b> (a copy is an event equal to
 * one delivered during the handover; for every stream whose key two events can share or that does
 * not grow, such as event times and all-symbol streams).
 *
 * @param <T> the event type
 */
public final class MarketStream<T> {
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9]{1,40}");
    private static final Pattern RAW_NAME = Pattern.compile("[!A-Za-z0-9_@:+\\-.]{1,200}");
    private static final TypeFactory TYPES = TypeFactory.defaultInstance();

    private final String name;
    private final JavaType type;
    private final ObjectReader reader; // built once: decodeData runs for every message of a stream without a fast decoder
    private final ToLongFunction<JsonNode> order; // null: copies are told by content (see the class comment)
    private final Fast<T> fast; // a single-pass decoder for the busiest streams, or null
    private final ToLongFunction<T> typedOrder;

    /** A streaming decoder: the parser is on the event's START_OBJECT. */
    @FunctionalInterface
    interface Fast<T> {
        T decode(JsonParser p) throws IOException;
    }

    private MarketStream(String name, JavaType type, ToLongFunction<JsonNode> order) {
        this(name, type, order, null, null);
    }

    private MarketStream(String name, JavaType type, ToLongFunction<JsonNode> order, Fast<T> fast,
                         ToLongFunction<T> typedOrder) {
        this.name = name;
        this.type = type;
        this.reader = Json.mapper().readerFor(type);
        this.order = order;
        this.fast = fast;
        this.typedOrder = typedOrder;
    }

    /**
     * A stream whose {@code field} grows with every event (a copy is an event at or below the last
     * delivered): only for trade ids, aggregate trade ids and one symbol's book update ids.
     */
    private static <T> MarketStream<T> sequenced(String name, Class<T> type, String field) {
        return new MarketStream<>(name, TYPES.constructType(type), field(field));
    }

    /** A stream whose copies are told by content: event times, several symbols, snapshots that may repeat. */
    private static <T> MarketStream<T> byContent(String name, Class<T> type) {
        return new MarketStream<>(name, TYPES.constructType(type), null);
    }

    /**
     * A stream of a record type: a flat event record gets a single-pass decoder (the futures streams
     * do), others the general path. {@code sequenceField} {@code null}: copies are told by content.
     */
    private static <T> MarketStream<T> record(String name, Class<T> type, String sequenceField) {
        ToLongFunction<JsonNode> order = sequenceField == null ? null : field(sequenceField);
        RecordDecoder.Decoded<T> fast = RecordDecoder.of(type, sequenceField);
        return fast == null ? new MarketStream<>(name, TYPES.constructType(type), order)
                : new MarketStream<>(name, TYPES.constructType(type), order, fast.decoder(), fast.order());
    }

    /** An array stream ({@code !...@arr}): several symbols, so copies are told by content. */
    private static <T> MarketStream<List<T>> list(String name, Class<T> element) {
        return new MarketStream<>(name, TYPES.constructCollectionType(List.class, element), null);
    }

    /** @return the stream name Binance knows it by, e.g. {@code btcusdt@trade} */
    public String name() {
        return name;
    }

    /** @return the Jackson type the payload decodes into */
    JavaType type() {
        return type;
    }

    /**
     * Decodes one payload of this stream (the event object), for example from a recording. This is
     * the decoder {@link MarketStreams} runs for every message.
     *
     * <pre>{@code
     * String recordedJson = Files.readString(Path.of("btcusdt-trade.json"));   // one message, as Binance sent it
     * TradeEvent t = MarketStream.trade("BTCUSDT").decode(recordedJson);
     * }</pre>
     *
     * @param payload the event JSON
     * @return the typed event
     * @throws dev.relaykit.core.DecodeException if it does not decode
     */
    public T decode(String payload) {
        if (fast != null) {
            try (JsonParser p = Json.mapper().getFactory().createParser(payload)) {
                if (p.nextToken() == JsonToken.START_OBJECT) {
                    return fast.decode(p);
                }
            } catch (IOException | RuntimeException e) {
                // not the expected shape: the general path below decodes it or says why not
            }
        }
        return decodeData(tree(payload));
    }

    /**
     * Decodes one combined-stream message ({@code {"stream":"<name>","data":{...}}}) of this stream.
     *
     * @param message the message
     * @return the typed event
     * @throws dev.relaykit.core.DecodeException if it is not a combined message of this stream or does not decode
     */
    public T decodeCombined(String message) {
        if (fast != null) {
            try (JsonParser p = Json.mapper().getFactory().createParser(message)) {
                if (name.equals(streamName(p)) && toData(p)) {
                    return fast.decode(p);
                }
            } catch (IOException | RuntimeException e) {
                // not the expected shape: the general path below decodes it or says why not
            }
        }
        JsonNode m = tree(message);
        if (!name.equals(m.path("stream").asText()) || !m.has("data")) {
            throw new dev.relaykit.core.DecodeException("not a combined message of " + name);
        }
        return decodeData(m.get("data"));
    }

    /**
     * Reads the start of a combined-stream message, {@code {"stream":"<name>"}.
     *
     * @return the stream name, or {@code null} if the message does not start that way
     */
    static String streamName(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME
                || !"stream".equals(p.currentName()) || p.nextToken() != JsonToken.VALUE_STRING) {
            return null;
        }
        return p.getText();
    }

    /** Moves a parser from the stream name to the data's START_OBJECT; {@code false} if the data does not follow. */
    static boolean toData(JsonParser p) throws IOException {
        return p.nextToken() == JsonToken.FIELD_NAME && "data".equals(p.currentName())
                && p.nextToken() == JsonToken.START_OBJECT;
    }

    /** @return {@code true} if this stream has a single-pass decoder */
    boolean hasFastDecoder() {
        return fast != null;
    }

    /** Single-pass decode; the parser is on the event's START_OBJECT. */
    T fastDecode(JsonParser p) throws IOException {
        return fast.decode(p);
    }

    /** The order key of an event decoded by {@link #fastDecode}. */
    @SuppressWarnings("unchecked")
    long typedOrder(Object event) {
        return typedOrder == null ? Long.MIN_VALUE : typedOrder.applyAsLong((T) event);
    }

    /** The one general decode path: payload tree to the typed event. */
    T decodeData(JsonNode data) {
        try {
            return reader.readValue(data);
        } catch (IOException | IllegalArgumentException e) {
            throw new dev.relaykit.core.DecodeException("cannot decode " + name + " event as " + type.toCanonical()
                    + ": " + (e instanceof IOException io ? Json.describe(io) : e.getMessage()), e);
        }
    }

    private static JsonNode tree(String json) {
        return Json.tree(json);
    }

    /**
     * @return {@code true} if {@link #order} grows with every event of this stream, so a copy two
     *     connections deliver while one replaces the other is one at or below the last delivered;
     *     {@code false} if copies are told by content
     */
    boolean sequenced() {
        return order != null;
    }

    /**
     * The stream's sequence number of an event (trade id, aggregate trade id or update id), used to
     * drop the copies two connections deliver while a connection is replaced; {@link Long#MIN_VALUE}
     * if the event has none or the stream tells copies by content.
     */
    long order(JsonNode payload) {
        return order == null ? Long.MIN_VALUE : order.applyAsLong(payload);
    }

    // ------------------------------------------------------------------ factories

    /**
     * @param symbol e.g. {@code BTCUSDT}
     * @return {@code <symbol>@aggTrade}: aggregate trades, real time
     */
    public static MarketStream<AggTradeEvent> aggTrade(String symbol) {
        return sequenced(sym(symbol) + "@aggTrade", AggTradeEvent.class, "a");
    }

    /**
     * @param symbol e.g. {@code BTCUSDT}
     * @return {@code <symbol>@trade}: every trade, real time
     */
    public static MarketStream<TradeEvent> trade(String symbol) {
        // sequence: the trade id
        return new MarketStream<>(sym(symbol) + "@trade", TYPES.constructType(TradeEvent.class), field("t"),
                FastDecoders::trade, TradeEvent::tradeId);
    }

    /**
     * @param symbol e.g. {@code BTCUSDT}
     * @param interval any {@link KlineInterval}
     * @return {@code <symbol>@kline_<interval>}: the current candle (UTC), every 1 s (1s) or 2 s
     */
    public static MarketStream<KlineEvent> kline(String symbol, KlineInterval interval) {
        Objects.requireNonNull(interval, "interval");
        return byContent(sym(symbol) + "@kline_" + interval.code(), KlineEvent.class);
    }

    /**
     * Klines whose intervals open and close in another time zone. Binance offers UTC+8 only.
     *
     * @param symbol e.g. {@code BTCUSDT}
     * @param interval any {@link KlineInterval}
     * @param offset {@code +08:00} (or {@link ZoneOffset#UTC}, which is {@link #kline(String, KlineInterval)})
     * @return {@code <symbol>@kline_<interval>@+08:00}
     * @throws IllegalArgumentException for another offset
     */
    public static MarketStream<KlineEvent> kline(String symbol, KlineInterval interval, ZoneOffset offset) {
        Objects.requireNonNull(offset, "offset");
        if (offset.equals(ZoneOffset.UTC)) {
            return kline(symbol, interval);
        }
        if (!offset.equals(ZoneOffset.ofHours(8))) {
            throw new IllegalArgumentException("Binance offers kline streams in UTC and UTC+8 only; got " + offset);
        }
        return byContent(kline(symbol, interval).name + "@+08:00", KlineEvent.class);
    }

    /**
     * @param symbol e.g. {@code BTCUSDT}
     * @return {@code <symbol>@miniTicker}: 24 h mini ticker, every 1 s
     */
    public static MarketStream<MiniTickerEvent> miniTicker(String symbol) {
        return byContent(sym(symbol) + "@miniTicker", MiniTickerEvent.class);
    }

    /** @return {@code !miniTicker@arr}: the mini tickers of every symbol that changed, every 1 s */
    public static MarketStream<List<MiniTickerEvent>> allMiniTickers() {
        return list("!miniTicker@arr", MiniTickerEvent.class);
    }

    /**
     * @param symbol e.g. {@code BTCUSDT}
     * @return {@code <symbol>@ticker}: 24 h ticker, every 1 s
     */
    public static MarketStream<TickerEvent> ticker(String symbol) {
        return byContent(sym(symbol) + "@ticker", TickerEvent.class);
    }

    /**
     * @param symbol e.g. {@code BTCUSDT}
     * @param window 1h, 4h or 1d
     * @return {@code <symbol>@ticker_<window>}: rolling-window ticker, every 1 s
     */
    public static MarketStream<RollingWindowTickerEvent> ticker(String symbol, TickerWindow window) {
        Objects.requireNonNull(window, "window");
        return byContent(sym(symbol) + "@ticker_" + window.code(), RollingWindowTickerEvent.class);
    }

    /**
     * @param window 1h, 4h or 1d
     * @return {@code !ticker_<window>@arr}: rolling-window tickers of every symbol that changed, every 1 s
     */
    public static MarketStream<List<RollingWindowTickerEvent>> allTickers(TickerWindow window) {
        Objects.requireNonNull(window, "window");
        return list("!ticker_" + window.code() + "@arr", RollingWindowTickerEvent.class);
    }

    /**
     * @param symbol e.g. {@code BTCUSDT}
     * @return {@code <symbol>@bookTicker}: best bid and ask, real time
     */
    public static MarketStream<BookTickerEvent> bookTicker(String symbol) {
        return sequenced(sym(symbol) + "@bookTicker", BookTickerEvent.class, "u"); // one symbol's book update id
    }

    /**
     * @param symbol e.g. {@code BTCUSDT}
     * @return {@code <symbol>@avgPrice}: average price, every 1 s
     */
    public static MarketStream<AvgPriceEvent> avgPrice(String symbol) {
        return byContent(sym(symbol) + "@avgPrice", AvgPriceEvent.class);
    }

    /**
     * @param symbol e.g. {@code BTCUSDT}
     * @return {@code <symbol>@referencePrice}: reference price, every 1 s
     */
    public static MarketStream<ReferencePriceEvent> referencePrice(String symbol) {
        return byContent(sym(symbol) + "@referencePrice", ReferencePriceEvent.class); // t is a time
    }

    /**
     * @param symbol e.g. {@code BTCUSDT}
     * @param levels 5, 10 or 20
     * @param speed 1000 ms or 100 ms
     * @return {@code <symbol>@depth<levels>[@100ms]}: the top levels of the book
     * @throws IllegalArgumentException if levels is not 5, 10 or 20
     */
    public static MarketStream<OrderBookDepth> partialDepth(String symbol, int levels, UpdateSpeed speed) {
        if (levels != 5 && levels != 10 && levels != 20) {
            throw new IllegalArgumentException("partial depth levels must be 5, 10 or 20, was " + levels);
        }
        Objects.requireNonNull(speed, "speed");
        // lastUpdateId repeats while the book does not change: content
        return byContent(sym(symbol) + "@depth" + levels + speed.suffix(), OrderBookDepth.class);
    }

    /**
     * @param symbol e.g. {@code BTCUSDT}
     * @param speed 1000 ms or 100 ms
     * @return {@code <symbol>@depth[@100ms]}: order book diffs, for a local order book
     */
    public static MarketStream<DepthUpdateEvent> diffDepth(String symbol, UpdateSpeed speed) {
        Objects.requireNonNull(speed, "speed");
        // sequence: the final update id, which each diff moves on
        return new MarketStream<>(sym(symbol) + "@depth" + speed.suffix(), TYPES.constructType(DepthUpdateEvent.class),
                field("u"), FastDecoders::depthUpdate, DepthUpdateEvent::finalUpdateId);
    }

    /**
     * A stream of your own typing: any stream name, decoded into {@code type} (a record or class the
     * shared mapper reads; unknown fields are ignored). The futures module builds its typed streams
     * this way; use it for a stream Binance added that this module has no factory for yet. A flat
     * record whose components all carry {@code @JsonProperty} names (strings, decimals, numbers,
     * flags, epoch-millisecond {@code Instant}s, price levels) is read in one pass, without a tree;
     * anything else, and any payload that pass is unsure of, takes the general Jackson path.
     * While a connection is replaced, the copies
     * both connections deliver are told by content: an event equal to one already delivered is
     * dropped, any other is delivered. That is right for every stream; for one with a per-event
     * sequence number {@link #typed(String, Class, String)} is cheaper.
     *
     * <pre>{@code
     * record MarkPrice(String s, BigDecimal p, long E) { }   // components named as the payload's fields
     * MarketStream<MarkPrice> s = MarketStream.typed("btcusdt@markPrice", MarkPrice.class);
     * }</pre>
     *
     * @param name the exact stream name
     * @param type what each payload decodes into
     * @param <T> the event type
     * @return the stream
     * @throws IllegalArgumentException for a name with characters stream names never have
     */
    public static <T> MarketStream<T> typed(String name, Class<T> type) {
        Objects.requireNonNull(type, "type");
        return record(raw(name).name, type, null);
    }

    /**
     * As {@link #typed(String, Class)}, for a stream whose payload field {@code sequenceField} grows
     * with every event: while a connection is replaced, an event at or below the last delivered is
     * taken for a copy and dropped. Only for per-event ids of one symbol's stream: a trade id
     * ({@code t}), an aggregate trade id ({@code a}), one symbol's book update id ({@code u}). Never
     * for an event time ({@code E}: two events can share one) nor for a stream of several symbols
     * (their ids do not grow together): events would be lost; use {@link #typed(String, Class)}.
     *
     * <pre>{@code
     * record AggTrade(String s, long a, BigDecimal p) { }
     * MarketStream<AggTrade> s = MarketStream.typed("btcusdt@aggTrade", AggTrade.class, "a");
     * }</pre>
     *
     * @param name the exact stream name
     * @param type what each payload decodes into
     * @param sequenceField a numeric payload field that grows with every event of the stream
     * @param <T> the event type
     * @return the stream
     * @throws IllegalArgumentException for a name with characters stream names never have
     */
    public static <T> MarketStream<T> typed(String name, Class<T> type, String sequenceField) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sequenceField, "sequenceField");
        return record(raw(name).name, type, sequenceField);
    }

    /**
     * As {@link #typed(String, Class)}, for streams whose payload is an array of events (the
     * {@code !...@arr} streams); copies are told by content.
     *
     * <pre>{@code
     * MarketStream<List<JsonNode>> all = MarketStream.typedList("!markPrice@arr", JsonNode.class);
     * }</pre>
     *
     * @param name the exact stream name
     * @param element what each array element decodes into
     * @param <T> the element type
     * @return the stream
     */
    public static <T> MarketStream<List<T>> typedList(String name, Class<T> element) {
        Objects.requireNonNull(element, "element");
        return list(raw(name).name, element);
    }

    /**
     * Any stream by name, delivered as raw JSON: streams Binance adds tomorrow are in reach. Copies
     * during a connection's replacement are told by content (nothing is assumed of its fields).
     *
     * @param name the exact stream name, e.g. {@code btcusdt@trade}
     * @return the stream
     * @throws IllegalArgumentException for an empty name or one with characters stream names never have
     */
    public static MarketStream<JsonNode> raw(String name) {
        Objects.requireNonNull(name, "name");
        if (!RAW_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a stream name: '" + name + "'");
        }
        return new MarketStream<>(name, TYPES.constructType(JsonNode.class), null);
    }

    private static String sym(String symbol) {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("symbol is required (e.g. BTCUSDT)");
        }
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("not a symbol: '" + symbol + "' (letters and digits, e.g. BTCUSDT)");
        }
        return symbol.toLowerCase(Locale.ROOT);
    }

    private static ToLongFunction<JsonNode> field(String name) {
        return node -> node.path(name).asLong(Long.MIN_VALUE);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MarketStream<?> m && m.name.equals(name) && m.type.equals(type);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
