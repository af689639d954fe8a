package dev.relaykit.binance;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.binance.internal.BinanceContext;
import dev.relaykit.binance.internal.Call;
import dev.relaykit.binance.internal.Params;
import dev.relaykit.binance.model.AggregateTrade;
import dev.relaykit.binance.model.AveragePrice;
import dev.relaykit.binance.model.BookTicker;
import dev.relaykit.binance.model.ExchangeInfo;
import dev.relaykit.binance.model.Kline;
import dev.relaykit.binance.model.MarketTrade;
import dev.relaykit.binance.model.OrderBookDepth;
import dev.relaykit.binance.model.PriceTicker;
import dev.relaykit.binance.model.SymbolStatus;
import dev.relaykit.binance.model.TickerStatistics;
import dev.relaykit.core.DecodeException;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.rest.RestRequest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Binance spot market data and exchange information over REST, typed: {@code binance.market()}.
 *
 * <pre>{@code
 * MarketData market = binance.market();
 * ExchangeInfo info = market.exchangeInfo("BTCUSDT");
 * OrderBookDepth book = market.orderBook("BTCUSDT", 100);
 * List<Kline> bars = market.klines(KlineQuery.of("BTCUSDT", KlineInterval.MINUTE_1).limit(60));
 * market.tickers24hAsync(TickerQuery.all().type(TickerType.MINI))
 *         .thenAccept(all -> System.out.println(all.size() + " symbols"));
 * }</pre>
 *
 * <p>Every call has a sync and an async form and carries Binance's documented request weight, so the
 * client's weight budget counts it before it is sent. Input that can be checked locally (symbol
 * format, limits, time ranges, window sizes, kline time zones, parameter combinations Binance
 * refuses) throws {@link IllegalArgumentException} before anything is sent, from the async forms too.
 * Binance's own refusals are {@link BinanceApiException}s (sync) or complete the future exceptionally.
 *
 * <p>Weights follow Binance's spot REST documentation ("General endpoints", "Market Data endpoints").
 */
public final class MarketData {
    /** Binance's symbol rule (its error -1100 names it). */
    private static final Pattern SYMBOL = Pattern.compile("^[A-Z0-9\\-_.]{1,20}$");
    private static final Pattern WINDOW = Pattern.compile("^([1-9][0-9]?)([mhd])$");

    private final BinanceContext context;

    MarketData(BinanceContext context) {
        this.context = context;
    }

    private <T> T run(Call<T> call) {
        return context.send(call);
    }

    private <T> CompletableFuture<T> runAsync(Call<T> call) {
        return context.sendAsync(call);
    }

    // ------------------------------------------------------------------ exchange information

    /**
     * {@code GET /api/v3/exchangeInfo} (weight 20) for every symbol.
     *
     * @return rate limits, exchange filters and all symbols' rules
     */
    public ExchangeInfo exchangeInfo() {
        return run(exchangeInfoCall(ExchangeInfoQuery.all()));
    }

    /**
     * @return see {@link #exchangeInfo()}
     */
    public CompletableFuture<ExchangeInfo> exchangeInfoAsync() {
        return runAsync(exchangeInfoCall(ExchangeInfoQuery.all()));
    }

    /**
     * {@code GET /api/v3/exchangeInfo?symbol=} (weight 20) for one symbol.
     *
     * @param symbol the symbol, e.g. {@code "BTCUSDT"}
     * @return exchange information listing that symbol
     * @throws IllegalArgumentException for an invalid symbol (nothing is sent)
     */
    public ExchangeInfo exchangeInfo(String symbol) {
        return run(exchangeInfoCall(ExchangeInfoQuery.symbols(symbol)));
    }

    /**
     * @param symbol the symbol
     * @return see {@link #exchangeInfo(String)}
     */
    public CompletableFuture<ExchangeInfo> exchangeInfoAsync(String symbol) {
        return runAsync(exchangeInfoCall(ExchangeInfoQuery.symbols(symbol)));
    }

    /**
     * {@code GET /api/v3/exchangeInfo} (weight 20) with any of Binance's options: several symbols,
     * permissions, symbol status, without permission sets.
     *
     * @param query what to ask for
     * @return the exchange information
     */
    public ExchangeInfo exchangeInfo(ExchangeInfoQuery query) {
        return run(exchangeInfoCall(query));
    }

    /**
     * @param query what to ask for
     * @return see {@link #exchangeInfo(ExchangeInfoQuery)}
     */
    public CompletableFuture<ExchangeInfo> exchangeInfoAsync(ExchangeInfoQuery query) {
        return runAsync(exchangeInfoCall(query));
    }

    private Call<ExchangeInfo> exchangeInfoCall(ExchangeInfoQuery q) {
        RestRequest.Builder b = RestRequest.get("/api/v3/exchangeInfo").weight(20);
        symbolParams(b, q.symbols());
        if (q.permissions().size() == 1) {
            b.param("permissions", q.permissions().get(0));
        } else if (!q.permissions().isEmpty()) {
            b.param("permissions", Json.write(q.permissions()));
        }
        b.param("showPermissionSets", q.showPermissionSets());
        b.param("symbolStatus", q.symbolStatus());
        return Call.query(b.build(), Call.as(ExchangeInfo.class));
    }

    // ------------------------------------------------------------------ order book and trades

    /**
     * {@code GET /api/v3/depth} with Binance's default limit (100; weight 5).
     *
     * @param symbol the symbol
     * @return the order book snapshot
     */
    public OrderBookDepth orderBook(String symbol) {
        return run(depthCall(symbol, null));
    }

    /**
     * @param symbol the symbol
     * @return see {@link #orderBook(String)}
     */
    public CompletableFuture<OrderBookDepth> orderBookAsync(String symbol) {
        return runAsync(depthCall(symbol, null));
    }

    /**
     * {@code GET /api/v3/depth}: weight 5 for a limit up to 100, 25 up to 500, 50 up to 1000, 250 up to 5000.
     *
     * @param symbol the symbol
     * @param limit levels per side, 1 to 5000
     * @return the order book snapshot
     * @throws IllegalArgumentException for an invalid symbol or a limit outside 1..5000 (nothing is sent)
     */
    public OrderBookDepth orderBook(String symbol, int limit) {
        return run(depthCall(symbol, limit));
    }

    /**
     * @param symbol the symbol
     * @param limit levels per side, 1 to 5000
     * @return see {@link #orderBook(String, int)}
     */
    public CompletableFuture<OrderBookDepth> orderBookAsync(String symbol, int limit) {
        return runAsync(depthCall(symbol, limit));
    }

    private Call<OrderBookDepth> depthCall(String symbol, Integer limit) {
        requireSymbol(symbol);
        Params.between("depth limit", limit, 1, 5000);
        return Call.query(RestRequest.get("/api/v3/depth").param("symbol", symbol).param("limit", limit)
                .weight(Params.depthWeight(limit == null ? 100 : limit)).build(), Call.as(OrderBookDepth.class));
    }

    /**
     * {@code GET /api/v3/trades} (weight 25): the most recent trades.
     *
     * @param symbol the symbol
     * @param limit how many, 1 to 1000, or {@code null} for Binance's default (500)
     * @return the trades, oldest first
     * @throws IllegalArgumentException for an invalid symbol or limit (nothing is sent)
     */
    public List<MarketTrade> recentTrades(String symbol, Integer limit) {
        return run(tradesCall(symbol, limit));
    }

    /**
     * @param symbol the symbol
     * @param limit how many, or {@code null}
     * @return see {@link #recentTrades(String, Integer)}
     */
    public CompletableFuture<List<MarketTrade>> recentTradesAsync(String symbol, Integer limit) {
        return runAsync(tradesCall(symbol, limit));
    }

    private Call<List<MarketTrade>> tradesCall(String symbol, Integer limit) {
        requireSymbol(symbol);
        Params.between("trades limit", limit, 1, 1000);
        return Call.query(RestRequest.get("/api/v3/trades").param("symbol", symbol).param("limit", limit)
                .weight(25).build(), list(MarketTrade.class));
    }

    /**
     * {@code GET /api/v3/historicalTrades} (weight 25): older trades. Binance's spot API no longer
     * requires an API key here; when this client has one it is sent ({@code X-MBX-APIKEY}, no
     * signature), which environments that still require it (e.g. Binance.US) need.
     *
     * @param symbol the symbol
     * @param fromId trade id to start from (inclusive), or {@code null} for the most recent
     * @param limit how many, 1 to 1000, or {@code null} for Binance's default (500)
     * @return the trades, oldest first
     * @throws IllegalArgumentException for an invalid symbol, negative id or bad limit (nothing is sent)
     */
    public List<MarketTrade> historicalTrades(String symbol, Long fromId, Integer limit) {
        return run(historicalTradesCall(symbol, fromId, limit));
    }

    /**
     * @param symbol the symbol
     * @param fromId trade id to start from, or {@code null}
     * @param limit how many, or {@code null}
     * @return see {@link #historicalTrades(String, Long, Integer)}
     */
    public CompletableFuture<List<MarketTrade>> historicalTradesAsync(String symbol, Long fromId, Integer limit) {
        return runAsync(historicalTradesCall(symbol, fromId, limit));
    }

    private Call<List<MarketTrade>> historicalTradesCall(String symbol, Long fromId, Integer limit) {
        requireSymbol(symbol);
        Params.between("historicalTrades limit", limit, 1, 1000);
        if (fromId != null && fromId < 0) {
            throw new IllegalArgumentException("fromId must not be negative, was " + fromId);
        }
        return Call.query(RestRequest.get("/api/v3/historicalTrades").param("symbol", symbol)
                .param("limit", limit).param("fromId", fromId)
                .security(context.key() == null ? RestRequest.Security.NONE : RestRequest.Security.API_KEY)
                .weight(25).build(), list(MarketTrade.class));
    }

    /**
     * {@code GET /api/v3/aggTrades} (weight 4).
     *
     * @param query symbol and optional id, time range and limit
     * @return the aggregate trades, oldest first
     */
    public List<AggregateTrade> aggregateTrades(AggregateTradeQuery query) {
        return run(aggTradesCall(query));
    }

    /**
     * @param query symbol and optional id, time range and limit
     * @return see {@link #aggregateTrades(AggregateTradeQuery)}
     */
    public CompletableFuture<List<AggregateTrade>> aggregateTradesAsync(AggregateTradeQuery query) {
        return runAsync(aggTradesCall(query));
    }

    private Call<List<AggregateTrade>> aggTradesCall(AggregateTradeQuery q) {
        return Call.query(RestRequest.get("/api/v3/aggTrades").param("symbol", q.symbol())
                .param("fromId", q.fromId()).param("startTime", Params.millis(q.startTime()))
                .param("endTime", Params.millis(q.endTime())).param("limit", q.limit())
                .weight(4).build(), list(AggregateTrade.class));
    }

    // ------------------------------------------------------------------ klines and average price

    /**
     * {@code GET /api/v3/klines} (weight 2).
     *
     * @param query symbol, interval and optional range, time zone and limit
     * @return the bars, oldest first
     */
    public List<Kline> klines(KlineQuery query) {
        return run(klinesCall("/api/v3/klines", query));
    }

    /**
     * @param query symbol, interval and optional range, time zone and limit
     * @return see {@link #klines(KlineQuery)}
     */
    public CompletableFuture<List<Kline>> klinesAsync(KlineQuery query) {
        return runAsync(klinesCall("/api/v3/klines", query));
    }

    /**
     * {@code GET /api/v3/uiKlines} (weight 2): klines adjusted for presenting candlestick charts.
     *
     * @param query symbol, interval and optional range, time zone and limit
     * @return the bars, oldest first
     */
    public List<Kline> uiKlines(KlineQuery query) {
        return run(klinesCall("/api/v3/uiKlines", query));
    }

    /**
     * @param query symbol, interval and optional range, time zone and limit
     * @return see {@link #uiKlines(KlineQuery)}
     */
    public CompletableFuture<List<Kline>> uiKlinesAsync(KlineQuery query) {
        return runAsync(klinesCall("/api/v3/uiKlines", query));
    }

    private Call<List<Kline>> klinesCall(String path, KlineQuery q) {
        return Call.query(RestRequest.get(path).param("symbol", q.symbol()).param("interval", q.interval().code())
                .param("startTime", Params.millis(q.startTime())).param("endTime", Params.millis(q.endTime()))
                .param("timeZone", q.timeZoneParam()).param("limit", q.limit())
                .weight(2).build(), list(Kline.class));
    }

    /**
     * {@code GET /api/v3/avgPrice} (weight 2).
     *
     * @param symbol the symbol
     * @return the current average price
     */
    public AveragePrice averagePrice(String symbol) {
        return run(avgPriceCall(symbol));
    }

    /**
     * @param symbol the symbol
     * @return see {@link #averagePrice(String)}
     */
    public CompletableFuture<AveragePrice> averagePriceAsync(String symbol) {
        return runAsync(avgPriceCall(symbol));
    }

    private Call<AveragePrice> avgPriceCall(String symbol) {
        requireSymbol(symbol);
        return Call.query(RestRequest.get("/api/v3/avgPrice").param("symbol", symbol).weight(2).build(),
                Call.as(AveragePrice.class));
    }

    // ------------------------------------------------------------------ tickers

    /**
     * {@code GET /api/v3/ticker/24hr?symbol=} (weight 2): 24 hour rolling statistics, {@code FULL}.
     *
     * @param symbol the symbol
     * @return the statistics
     */
    public TickerStatistics ticker24h(String symbol) {
        return run(single(ticker24hCall(TickerQuery.symbols(symbol))));
    }

    /**
     * @param symbol the symbol
     * @return see {@link #ticker24h(String)}
     */
    public CompletableFuture<TickerStatistics> ticker24hAsync(String symbol) {
        return runAsync(single(ticker24hCall(TickerQuery.symbols(symbol))));
    }

    /**
     * {@code GET /api/v3/ticker/24hr} for several or all symbols. Weight: one symbol 2; 1 to 20
     * symbols 2; 21 to 100 symbols 40; more, or all symbols, 80. <b>Careful</b> with all symbols.
     *
     * @param query the symbols (or all), {@code FULL}/{@code MINI}, optional status filter
     * @return one entry per symbol
     */
    public List<TickerStatistics> tickers24h(TickerQuery query) {
        return run(ticker24hCall(query));
    }

    /**
     * @param query the symbols (or all), type, optional status filter
     * @return see {@link #tickers24h(TickerQuery)}
     */
    public CompletableFuture<List<TickerStatistics>> tickers24hAsync(TickerQuery query) {
        return runAsync(ticker24hCall(query));
    }

    private Call<List<TickerStatistics>> ticker24hCall(TickerQuery q) {
        int n = q.symbols().size();
        int weight = n == 0 ? 80 : n <= 20 ? 2 : n <= 100 ? 40 : 80;
        return tickerCall("/api/v3/ticker/24hr", q, weight, TickerStatistics.class, null, null);
    }

    /**
     * {@code GET /api/v3/ticker/tradingDay?symbol=} (weight 4): statistics for the current trading
     * day (UTC), {@code FULL}.
     *
     * @param symbol the symbol
     * @return the statistics
     */
    public TickerStatistics tradingDayTicker(String symbol) {
        return run(single(tradingDayCall(TickerQuery.symbols(symbol), null)));
    }

    /**
     * @param symbol the symbol
     * @return see {@link #tradingDayTicker(String)}
     */
    public CompletableFuture<TickerStatistics> tradingDayTickerAsync(String symbol) {
        return runAsync(single(tradingDayCall(TickerQuery.symbols(symbol), null)));
    }

    /**
     * {@code GET /api/v3/ticker/tradingDay} for 1 to 100 symbols; weight 4 per symbol, at most 200.
     *
     * @param query 1 to 100 symbols, type, optional status filter
     * @param timeZone the trading day's time zone, as Binance reads it ({@code "0"}, {@code "8"},
     *     {@code "-1:00"}, {@code "05:45"}), or {@code null} for UTC
     * @return one entry per symbol
     * @throws IllegalArgumentException if the query names no symbols or more than 100, or for a
     *     malformed time zone (nothing is sent)
     */
    public List<TickerStatistics> tradingDayTickers(TickerQuery query, String timeZone) {
        return run(tradingDayCall(query, timeZone));
    }

    /**
     * @param query 1 to 100 symbols, type, optional status filter
     * @param timeZone the trading day's time zone, or {@code null}
     * @return see {@link #tradingDayTickers(TickerQuery, String)}
     */
    public CompletableFuture<List<TickerStatistics>> tradingDayTickersAsync(TickerQuery query, String timeZone) {
        return runAsync(tradingDayCall(query, timeZone));
    }

    private Call<List<TickerStatistics>> tradingDayCall(TickerQuery q, String timeZone) {
        int n = requireSymbolCount("ticker/tradingDay", q);
        if (timeZone != null && !timeZone.matches("^[+-]?\\d{1,2}(:\\d{2})?$")) {
            throw new IllegalArgumentException("timeZone must be hours or hours:minutes such as 8, -1:00 or 05:45; was '"
                    + timeZone + "'");
        }
        return tickerCall("/api/v3/ticker/tradingDay", q, Math.min(4 * n, 200), TickerStatistics.class, "timeZone",
                timeZone);
    }

    /**
     * {@code GET /api/v3/ticker?symbol=} (weight 4): rolling window statistics, {@code FULL}.
     *
     * @param symbol the symbol
     * @param windowSize {@code 1m}..{@code 59m}, {@code 1h}..{@code 23h} or {@code 1d}..{@code 7d};
     *     {@code null} for Binance's default ({@code 1d})
     * @return the statistics
     * @throws IllegalArgumentException for an invalid symbol or window size (nothing is sent)
     */
    public TickerStatistics rollingTicker(String symbol, String windowSize) {
        return run(single(rollingCall(TickerQuery.symbols(symbol), windowSize)));
    }

    /**
     * @param symbol the symbol
     * @param windowSize the window, or {@code null}
     * @return see {@link #rollingTicker(String, String)}
     */
    public CompletableFuture<TickerStatistics> rollingTickerAsync(String symbol, String windowSize) {
        return runAsync(single(rollingCall(TickerQuery.symbols(symbol), windowSize)));
    }

    /**
     * {@code GET /api/v3/ticker} for 1 to 100 symbols; weight 4 per symbol, at most 200.
     *
     * @param query 1 to 100 symbols, type, optional status filter
     * @param windowSize {@code 1m}..{@code 59m}, {@code 1h}..{@code 23h} or {@code 1d}..{@code 7d}, or {@code null}
     * @return one entry per symbol
     * @throws IllegalArgumentException if the query names no symbols or more than 100, or for an
     *     invalid window size (nothing is sent)
     */
    public List<TickerStatistics> rollingTickers(TickerQuery query, String windowSize) {
        return run(rollingCall(query, windowSize));
    }

    /**
     * @param query 1 to 100 symbols, type, optional status filter
     * @param windowSize the window, or {@code null}
     * @return see {@link #rollingTickers(TickerQuery, String)}
     */
    public CompletableFuture<List<TickerStatistics>> rollingTickersAsync(TickerQuery query, String windowSize) {
        return runAsync(rollingCall(query, windowSize));
    }

    private Call<List<TickerStatistics>> rollingCall(TickerQuery q, String windowSize) {
        int n = requireSymbolCount("ticker", q);
        if (windowSize != null) {
            checkWindowSize(windowSize);
        }
        return tickerCall("/api/v3/ticker", q, Math.min(4 * n, 200), TickerStatistics.class, "windowSize",
                windowSize);
    }

    /**
     * {@code GET /api/v3/ticker/price?symbol=} (weight 2).
     *
     * @param symbol the symbol
     * @return its latest price
     */
    public PriceTicker price(String symbol) {
        return run(single(priceCall(TickerQuery.symbols(symbol))));
    }

    /**
     * @param symbol the symbol
     * @return see {@link #price(String)}
     */
    public CompletableFuture<PriceTicker> priceAsync(String symbol) {
        return runAsync(single(priceCall(TickerQuery.symbols(symbol))));
    }

    /**
     * {@code GET /api/v3/ticker/price} for several or all symbols (weight 4).
     *
     * @param query the symbols (or all), optional status filter; no type
     * @return latest prices
     * @throws IllegalArgumentException if the query sets a type (nothing is sent)
     */
    public List<PriceTicker> prices(TickerQuery query) {
        return run(priceCall(query));
    }

    /**
     * @param query the symbols (or all), optional status filter
     * @return see {@link #prices(TickerQuery)}
     */
    public CompletableFuture<List<PriceTicker>> pricesAsync(TickerQuery query) {
        return runAsync(priceCall(query));
    }

    private Call<List<PriceTicker>> priceCall(TickerQuery q) {
        return tickerCall("/api/v3/ticker/price", q, q.symbols().size() == 1 ? 2 : 4, PriceTicker.class, null, null);
    }

    /**
     * {@code GET /api/v3/ticker/bookTicker?symbol=} (weight 2).
     *
     * @param symbol the symbol
     * @return its best bid and ask
     */
    public BookTicker bookTicker(String symbol) {
        return run(single(bookTickerCall(TickerQuery.symbols(symbol))));
    }

    /**
     * @param symbol the symbol
     * @return see {@link #bookTicker(String)}
     */
    public CompletableFuture<BookTicker> bookTickerAsync(String symbol) {
        return runAsync(single(bookTickerCall(TickerQuery.symbols(symbol))));
    }

    /**
     * {@code GET /api/v3/ticker/bookTicker} for several or all symbols (weight 4).
     *
     * @param query the symbols (or all), optional status filter; no type
     * @return best bids and asks
     * @throws IllegalArgumentException if the query sets a type (nothing is sent)
     */
    public List<BookTicker> bookTickers(TickerQuery query) {
        return run(bookTickerCall(query));
    }

    /**
     * @param query the symbols (or all), optional status filter
     * @return see {@link #bookTickers(TickerQuery)}
     */
    public CompletableFuture<List<BookTicker>> bookTickersAsync(TickerQuery query) {
        return runAsync(bookTickerCall(query));
    }

    private Call<List<BookTicker>> bookTickerCall(TickerQuery q) {
        return tickerCall("/api/v3/ticker/bookTicker", q, q.symbols().size() == 1 ? 2 : 4, BookTicker.class, null,
                null);
    }

    /** The one ticker request shape: symbol(s), an endpoint-specific parameter, type and symbolStatus. */
    private static <T> Call<List<T>> tickerCall(String path, TickerQuery q, int weight, Class<T> type,
            String extraName, String extraValue) {
        if (type != TickerStatistics.class && q.type() != null) {
            throw new IllegalArgumentException(path + " has no type parameter (FULL/MINI applies to statistics tickers)");
        }
        RestRequest.Builder b = RestRequest.get(path);
        symbolParams(b, q.symbols());
        if (extraName != null) {
            b.param(extraName, extraValue);
        }
        b.param("type", q.type()).param("symbolStatus", q.symbolStatus()).weight(weight);
        return Call.query(b.build(), list(type));
    }

    private static <T> Call<T> single(Call<List<T>> call) {
        return Call.query(call.request(), node -> {
            List<T> all = call.decoder().apply(node);
            if (all.size() != 1) {
                throw new DecodeException("expected one entry from " + call.request().path() + ", got " + all.size());
            }
            return all.get(0);
        });
    }

    // ------------------------------------------------------------------ decoding and validation

    /** Decodes an array, or a single object as a one-element list (Binance answers {@code symbol=} with an object). */
    private static <T> Function<JsonNode, List<T>> list(Class<T> type) {
        JavaType t = Json.mapper().getTypeFactory().constructCollectionType(List.class, type);
        JavaType element = Json.mapper().constructType(type);
        return node -> {
            if (node.isArray()) {
                return Json.read(node, t);
            }
            T single = Json.read(node, element);
            return List.of(single);
        };
    }

    private static void symbolParams(RestRequest.Builder b, List<String> symbols) {
        if (symbols.size() == 1) {
            b.param("symbol", symbols.get(0));
        } else if (!symbols.isEmpty()) {
            b.param("symbols", Json.write(symbols));
        }
    }

    static void requireSymbol(String symbol) {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("symbol is required, e.g. \"BTCUSDT\"");
        }
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("symbol '" + symbol + "' is not valid: Binance symbols are upper case, "
                    + "1 to 20 of A-Z 0-9 - _ . (e.g. \"BTCUSDT\")");
        }
    }

    static void requireFilterStatus(SymbolStatus status) {
        if (status != SymbolStatus.TRADING && status != SymbolStatus.HALT && status != SymbolStatus.BREAK) {
            throw new IllegalArgumentException("symbolStatus must be TRADING, HALT or BREAK, was " + status);
        }
    }

    static void checkRange(Instant start, Instant end) {
        if (start != null && end != null && start.isAfter(end)) {
            throw new IllegalArgumentException("startTime " + start + " is after endTime " + end);
        }
    }

    private static int requireSymbolCount(String endpoint, TickerQuery q) {
        int n = q.symbols().size();
        if (n == 0 || n > 100) {
            throw new IllegalArgumentException(endpoint + " needs 1 to 100 symbols, got "
                    + (n == 0 ? "none (all symbols is not supported here)" : n));
        }
        return n;
    }

    static void checkWindowSize(String windowSize) {
        var m = WINDOW.matcher(windowSize);
        int max = !m.matches() ? 0 : switch (m.group(2)) {
            case "m" -> 59;
            case "h" -> 23;
            default -> 7;
        };
        if (max == 0 || Integer.parseInt(m.group(1)) > max) {
            throw new IllegalArgumentException("windowSize '" + windowSize
                    + "' is not valid: use 1m..59m, 1h..23h or 1d..7d (units cannot be combined)");
        }
    }
}
