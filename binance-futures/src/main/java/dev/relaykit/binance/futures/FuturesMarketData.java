package dev.relaykit.binance.futures;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.binance.futures.model.Basis;
import dev.relaykit.binance.futures.model.ContractType;
import dev.relaykit.binance.futures.model.LongShortRatio;
import dev.relaykit.binance.futures.model.OpenInterestStat;
import dev.relaykit.binance.futures.model.StatsPeriod;
import dev.relaykit.binance.futures.model.TakerVolume;
import dev.relaykit.binance.futures.model.FundingInfo;
import dev.relaykit.binance.futures.model.FundingRate;
import dev.relaykit.binance.futures.model.FuturesAggTrade;
import dev.relaykit.binance.futures.model.FuturesBookTicker;
import dev.relaykit.binance.futures.model.FuturesExchangeInfo;
import dev.relaykit.binance.futures.model.FuturesOrderBookDepth;
import dev.relaykit.binance.futures.model.FuturesPriceTicker;
import dev.relaykit.binance.futures.model.FuturesTicker;
import dev.relaykit.binance.futures.model.FuturesTrade;
import dev.relaykit.binance.futures.model.MarkPrice;
import dev.relaykit.binance.futures.model.OpenInterest;
import dev.relaykit.binance.internal.Call;
import dev.relaykit.binance.internal.Params;
import dev.relaykit.binance.model.Kline;
import dev.relaykit.binance.model.KlineInterval;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Futures market data over REST, typed: {@code usdm.market()} or {@code coinm.market()} (paths under {@code /fapi}
 * or {@code /dapi}). No key needed.
 *
 * <pre>{@code
 * FuturesMarketData market = usdm.market();
 * FuturesOrderBookDepth book = market.orderBook("BTCUSDT", 100);
 * MarkPrice mark = market.markPrice("BTCUSDT");
 * List<FundingRate> funding = market.fundingRateHistory("BTCUSDT", null, null, 100);
 * List<Kline> perpetual = market.continuousKlines("BTCUSDT", ContractType.PERPETUAL, KlineInterval.HOUR_1, 24);
 * market.openInterestAsync("BTCUSDT").thenAccept(oi -> System.out.println(oi.openInterest()));
 * }</pre>
 *
 * <p>Local checks (symbol format, COIN-M contract symbols, depth limits, kline intervals, contract types, time
 * ranges) throw {@link IllegalArgumentException} before anything is sent; the async forms fail their future
 * instead. Weights follow the USD-M "Market Data" pages; COIN-M answers a few of these with a list where USD-M
 * answers one object, which the typed forms hide.
 */
public final class FuturesMarketData {
    private static final Set<Integer> DEPTH_LIMITS = Set.of(5, 10, 20, 50, 100, 500, 1000);
    private static final Set<ContractType> CONTINUOUS = Set.of(ContractType.PERPETUAL, ContractType.CURRENT_QUARTER,
            ContractType.NEXT_QUARTER);

    private final Endpoints e;

    FuturesMarketData(Endpoints endpoints) {
        this.e = endpoints;
    }

    // ------------------------------------------------------------------ exchange information

    /** @return rate limits, margin assets and every contract's rules ({@code GET /fapi/v1/exchangeInfo}, weight 1) */
    public FuturesExchangeInfo exchangeInfo() {
        return e.send(exchangeInfoCall());
    }

    /** @return see {@link #exchangeInfo()} */
    public CompletableFuture<FuturesExchangeInfo> exchangeInfoAsync() {
        return e.sendAsync(this::exchangeInfoCall);
    }

    private Call<FuturesExchangeInfo> exchangeInfoCall() {
        return Call.query(e.get("/v1/exchangeInfo").weight(1).build(), Call.as(FuturesExchangeInfo.class));
    }

    // ------------------------------------------------------------------ order book and trades

    /**
     * {@code GET /fapi/v1/depth}: weight 2 up to 50 levels, 5 at 100, 10 at 500, 20 at 1000.
     *
     * @param symbol the contract
     * @param limit levels per side: 5, 10, 20, 50, 100, 500 or 1000
     * @return the snapshot
     */
    public FuturesOrderBookDepth orderBook(String symbol, int limit) {
        return e.send(orderBookCall(symbol, limit));
    }

    /**
     * @param symbol the contract
     * @param limit levels per side
     * @return see {@link #orderBook(String, int)}
     */
    public CompletableFuture<FuturesOrderBookDepth> orderBookAsync(String symbol, int limit) {
        return e.sendAsync(() -> orderBookCall(symbol, limit));
    }

    private Call<FuturesOrderBookDepth> orderBookCall(String symbol, int limit) {
        if (!DEPTH_LIMITS.contains(limit)) {
            throw new IllegalArgumentException("limit must be one of 5, 10, 20, 50, 100, 500, 1000, was " + limit);
        }
        int weight = limit <= 50 ? 2 : limit == 100 ? 5 : limit == 500 ? 10 : 20;
        return Call.query(e.get("/v1/depth").param("symbol", e.rules.symbol(symbol)).param("limit", limit)
                .weight(weight).build(), Call.as(FuturesOrderBookDepth.class));
    }

    /**
     * Recent trades ({@code GET /fapi/v1/trades}, weight 5; market trades only).
     *
     * @param symbol the contract
     * @param limit how many, 1 to 1000, or {@code null} for 500
     * @return the trades, oldest first
     */
    public List<FuturesTrade> trades(String symbol, Integer limit) {
        return e.send(tradesCall(symbol, limit));
    }

    /**
     * @param symbol the contract
     * @param limit how many
     * @return see {@link #trades(String, Integer)}
     */
    public CompletableFuture<List<FuturesTrade>> tradesAsync(String symbol, Integer limit) {
        return e.sendAsync(() -> tradesCall(symbol, limit));
    }

    private Call<List<FuturesTrade>> tradesCall(String symbol, Integer limit) {
        return Call.query(e.get("/v1/trades").param("symbol", e.rules.symbol(symbol)).param("limit", Params.limit(limit, 1000))
                .weight(5).build(), Call.listOf(FuturesTrade.class));
    }

    /**
     * Aggregate trades ({@code GET /fapi/v1/aggTrades}, weight 20).
     *
     * @param symbol the contract
     * @param startTime from (inclusive), or {@code null}
     * @param endTime to (inclusive), or {@code null}; at most one hour after startTime
     * @param limit how many, 1 to 1000, or {@code null} for 500
     * @return the aggregate trades, oldest first
     */
    public List<FuturesAggTrade> aggTrades(String symbol, Instant startTime, Instant endTime, Integer limit) {
        return e.send(aggTradesCall(symbol, startTime, endTime, limit));
    }

    /**
     * @param symbol the contract
     * @param startTime from, or {@code null}
     * @param endTime to, or {@code null}
     * @param limit how many, or {@code null}
     * @return see {@link #aggTrades(String, Instant, Instant, Integer)}
     */
    public CompletableFuture<List<FuturesAggTrade>> aggTradesAsync(String symbol, Instant startTime, Instant endTime,
                                                                  Integer limit) {
        return e.sendAsync(() -> aggTradesCall(symbol, startTime, endTime, limit));
    }

    private Call<List<FuturesAggTrade>> aggTradesCall(String symbol, Instant startTime, Instant endTime, Integer limit) {
        Params.window(startTime, endTime, Duration.ofHours(1), "one hour");
        return Call.query(e.get("/v1/aggTrades").param("symbol", e.rules.symbol(symbol))
                .param("startTime", Params.millis(startTime)).param("endTime", Params.millis(endTime))
                .param("limit", Params.limit(limit, 1000)).weight(20).build(), Call.listOf(FuturesAggTrade.class));
    }

    /**
     * Older trades ({@code GET /fapi/v1/historicalTrades}, weight 20; needs the API key, no signature).
     *
     * @param symbol the contract
     * @param fromId the trade id to start from, or {@code null} for the most recent
     * @param limit how many, 1 to 500, or {@code null} for 100
     * @return the trades, oldest first
     */
    public List<FuturesTrade> historicalTrades(String symbol, Long fromId, Integer limit) {
        return e.send(Call.query(e.get("/v1/historicalTrades").param("symbol", e.rules.symbol(symbol)).param("fromId", fromId)
                .param("limit", Params.limit(limit, 500)).security(dev.relaykit.core.rest.RestRequest.Security.API_KEY)
                .weight(20).build(), Call.listOf(FuturesTrade.class)));
    }

    /**
     * Funding settings of the contracts whose cap, floor or interval were adjusted ({@code GET /fapi/v1/fundingInfo},
     * USD-M; it shares the 500-per-5-minutes budget of funding rate history).
     *
     * @return the adjusted contracts
     */
    public List<FundingInfo> fundingInfo() {
        if (!e.usdm()) {
            throw new UnsupportedOperationException("COIN-M: reach /dapi/v1/fundingInfo with call(RestRequest)");
        }
        return e.send(Call.query(e.get("/v1/fundingInfo").weight(1).build(), Call.listOf(FundingInfo.class)));
    }

    // ------------------------------------------------------------------ klines

    /**
     * Klines of a contract ({@code GET /fapi/v1/klines}; weight 1 below 100 bars, 2 below 500, 5 up to 1000, 10
     * above). On COIN-M {@link Kline#volume()} counts contracts and {@link Kline#quoteVolume()} is the base asset
     * volume, as Binance documents.
     *
     * @param symbol the contract
     * @param interval the bar length (no {@code 1s} on futures)
     * @param limit how many bars, 1 to 1500, or {@code null} for 500
     * @return the bars, oldest first
     */
    public List<Kline> klines(String symbol, KlineInterval interval, Integer limit) {
        return e.send(klinesCall("/v1/klines", "symbol", e.rules.symbol(symbol), null, interval, null, null, limit));
    }

    /**
     * @param symbol the contract
     * @param interval the bar length
     * @param startTime from, or {@code null}
     * @param endTime to, or {@code null}
     * @param limit how many bars, or {@code null}
     * @return see {@link #klines(String, KlineInterval, Integer)}
     */
    public List<Kline> klines(String symbol, KlineInterval interval, Instant startTime, Instant endTime, Integer limit) {
        return e.send(klinesCall("/v1/klines", "symbol", e.rules.symbol(symbol), null, interval, startTime, endTime, limit));
    }

    /**
     * @param symbol the contract
     * @param interval the bar length
     * @param limit how many bars, or {@code null}
     * @return see {@link #klines(String, KlineInterval, Integer)}
     */
    public CompletableFuture<List<Kline>> klinesAsync(String symbol, KlineInterval interval, Integer limit) {
        return e.sendAsync(() -> klinesCall("/v1/klines", "symbol", e.rules.symbol(symbol), null, interval, null, null, limit));
    }

    /**
     * Klines of a pair's continuous contract ({@code GET /fapi/v1/continuousKlines}): the perpetual, or the
     * current / next quarter rolled over.
     *
     * @param pair the pair, e.g. {@code BTCUSDT} (USD-M) or {@code BTCUSD} (COIN-M)
     * @param contractType PERPETUAL, CURRENT_QUARTER or NEXT_QUARTER
     * @param interval the bar length
     * @param limit how many bars, 1 to 1500, or {@code null}
     * @return the bars, oldest first
     * @throws IllegalArgumentException for another contract type (nothing is sent)
     */
    public List<Kline> continuousKlines(String pair, ContractType contractType, KlineInterval interval, Integer limit) {
        return e.send(continuousCall(pair, contractType, interval, limit));
    }

    /**
     * @param pair the pair
     * @param contractType PERPETUAL, CURRENT_QUARTER or NEXT_QUARTER
     * @param interval the bar length
     * @param limit how many bars, or {@code null}
     * @return see {@link #continuousKlines(String, ContractType, KlineInterval, Integer)}
     */
    public CompletableFuture<List<Kline>> continuousKlinesAsync(String pair, ContractType contractType,
                                                               KlineInterval interval, Integer limit) {
        return e.sendAsync(() -> continuousCall(pair, contractType, interval, limit));
    }

    private Call<List<Kline>> continuousCall(String pair, ContractType contractType, KlineInterval interval, Integer limit) {
        if (contractType == null || !CONTINUOUS.contains(contractType)) {
            throw new IllegalArgumentException("contractType must be one of " + CONTINUOUS + " for continuous klines, was "
                    + contractType);
        }
        return klinesCall("/v1/continuousKlines", "pair", ContractRules.pair(pair), contractType, interval, null, null, limit);
    }

    private Call<List<Kline>> klinesCall(String path, String key, String value, ContractType contractType,
                                         KlineInterval interval, Instant startTime, Instant endTime, Integer limit) {
        if (interval == null || interval == KlineInterval.SECOND_1) {
            throw new IllegalArgumentException("interval must be 1m to 1M on futures, was " + interval);
        }
        Params.range(startTime, endTime);
        int n = limit == null ? 500 : Params.limit(limit, 1500);
        int weight = n < 100 ? 1 : n < 500 ? 2 : n <= 1000 ? 5 : 10;
        return Call.query(e.get(path).param(key, value).param("contractType", contractType).param("interval", interval.code())
                .param("startTime", Params.millis(startTime)).param("endTime", Params.millis(endTime)).param("limit", limit)
                .weight(weight).build(), Call.listOf(Kline.class));
    }

    // ------------------------------------------------------------------ mark price and funding

    /**
     * Mark price, index price and funding of one contract ({@code GET /fapi/v1/premiumIndex}, weight 1).
     *
     * @param symbol the contract
     * @return its mark price and funding
     */
    public MarkPrice markPrice(String symbol) {
        return e.send(markPriceCall(symbol));
    }

    /**
     * @param symbol the contract
     * @return see {@link #markPrice(String)}
     */
    public CompletableFuture<MarkPrice> markPriceAsync(String symbol) {
        return e.sendAsync(() -> markPriceCall(symbol));
    }

    private Call<MarkPrice> markPriceCall(String symbol) {
        return Call.query(e.get("/v1/premiumIndex").param("symbol", e.rules.symbol(symbol)).weight(1).build(),
                first(MarkPrice.class));
    }

    /** @return every contract's mark price and funding ({@code GET /fapi/v1/premiumIndex}, weight 10) */
    public List<MarkPrice> markPrices() {
        return e.send(Call.query(e.get("/v1/premiumIndex").weight(10).build(), Call.listOf(MarkPrice.class)));
    }

    /**
     * Funding rate history ({@code GET /fapi/v1/fundingRate}; Binance shares a 500-per-5-minutes budget across it).
     *
     * @param symbol the contract, or {@code null} for all
     * @param startTime from, or {@code null}
     * @param endTime to, or {@code null}
     * @param limit how many, 1 to 1000, or {@code null} for 100
     * @return the rates, oldest first
     */
    public List<FundingRate> fundingRateHistory(String symbol, Instant startTime, Instant endTime, Integer limit) {
        return e.send(fundingCall(symbol, startTime, endTime, limit));
    }

    /**
     * @param symbol the contract, or {@code null}
     * @param startTime from, or {@code null}
     * @param endTime to, or {@code null}
     * @param limit how many, or {@code null}
     * @return see {@link #fundingRateHistory(String, Instant, Instant, Integer)}
     */
    public CompletableFuture<List<FundingRate>> fundingRateHistoryAsync(String symbol, Instant startTime, Instant endTime,
                                                                       Integer limit) {
        return e.sendAsync(() -> fundingCall(symbol, startTime, endTime, limit));
    }

    private Call<List<FundingRate>> fundingCall(String symbol, Instant startTime, Instant endTime, Integer limit) {
        Params.range(startTime, endTime);
        return Call.query(e.get("/v1/fundingRate").param("symbol", symbol == null ? null : e.rules.symbol(symbol))
                .param("startTime", Params.millis(startTime)).param("endTime", Params.millis(endTime))
                .param("limit", Params.limit(limit, 1000)).weight(1).build(), Call.listOf(FundingRate.class));
    }

    // ------------------------------------------------------------------ tickers and open interest

    /**
     * 24-hour statistics of one contract ({@code GET /fapi/v1/ticker/24hr}, weight 1).
     *
     * @param symbol the contract
     * @return its statistics
     */
    public FuturesTicker ticker24h(String symbol) {
        return e.send(tickerCall("/v1/ticker/24hr", symbol, 1, FuturesTicker.class));
    }

    /**
     * @param symbol the contract
     * @return see {@link #ticker24h(String)}
     */
    public CompletableFuture<FuturesTicker> ticker24hAsync(String symbol) {
        return e.sendAsync(() -> tickerCall("/v1/ticker/24hr", symbol, 1, FuturesTicker.class));
    }

    /** @return every contract's 24-hour statistics ({@code GET /fapi/v1/ticker/24hr}, weight 40) */
    public List<FuturesTicker> tickers24h() {
        return e.send(Call.query(e.get("/v1/ticker/24hr").weight(40).build(), Call.listOf(FuturesTicker.class)));
    }

    /**
     * Latest price ({@code GET /fapi/v1/ticker/price}, weight 1).
     *
     * @param symbol the contract
     * @return its price
     */
    public FuturesPriceTicker price(String symbol) {
        return e.send(tickerCall("/v1/ticker/price", symbol, 1, FuturesPriceTicker.class));
    }

    /**
     * @param symbol the contract
     * @return see {@link #price(String)}
     */
    public CompletableFuture<FuturesPriceTicker> priceAsync(String symbol) {
        return e.sendAsync(() -> tickerCall("/v1/ticker/price", symbol, 1, FuturesPriceTicker.class));
    }

    /**
     * Best bid and ask ({@code GET /fapi/v1/ticker/bookTicker}, weight 2).
     *
     * @param symbol the contract
     * @return its best bid and ask
     */
    public FuturesBookTicker bookTicker(String symbol) {
        return e.send(tickerCall("/v1/ticker/bookTicker", symbol, 2, FuturesBookTicker.class));
    }

    /**
     * @param symbol the contract
     * @return see {@link #bookTicker(String)}
     */
    public CompletableFuture<FuturesBookTicker> bookTickerAsync(String symbol) {
        return e.sendAsync(() -> tickerCall("/v1/ticker/bookTicker", symbol, 2, FuturesBookTicker.class));
    }

    /**
     * Present open interest ({@code GET /fapi/v1/openInterest}, weight 1).
     *
     * @param symbol the contract
     * @return its open interest
     */
    public OpenInterest openInterest(String symbol) {
        return e.send(tickerCall("/v1/openInterest", symbol, 1, OpenInterest.class));
    }

    /**
     * @param symbol the contract
     * @return see {@link #openInterest(String)}
     */
    public CompletableFuture<OpenInterest> openInterestAsync(String symbol) {
        return e.sendAsync(() -> tickerCall("/v1/openInterest", symbol, 1, OpenInterest.class));
    }

    private <T> Call<T> tickerCall(String path, String symbol, int weight, Class<T> type) {
        return Call.query(e.get(path).param("symbol", e.rules.symbol(symbol)).weight(weight).build(), first(type));
    }

    // ------------------------------------------------------------------ statistics (USD-M, /futures/data)

    /**
     * Open interest over time ({@code GET /futures/data/openInterestHist}; the last 30 days).
     *
     * @param symbol the contract
     * @param period the sampling period
     * @param limit how many, 1 to 500, or {@code null} for 30
     * @return the samples, oldest first
     * @throws UnsupportedOperationException on COIN-M, whose statistics take a pair and a contract type
     *     (reach them with {@code call(..)})
     */
    public List<OpenInterestStat> openInterestHistory(String symbol, StatsPeriod period, Integer limit) {
        return e.send(statsCall("/futures/data/openInterestHist", symbol, period, limit, OpenInterestStat.class));
    }

    /**
     * @param symbol the contract
     * @param period the sampling period
     * @param limit how many, or {@code null}
     * @return see {@link #openInterestHistory(String, StatsPeriod, Integer)}
     */
    public CompletableFuture<List<OpenInterestStat>> openInterestHistoryAsync(String symbol, StatsPeriod period,
                                                                             Integer limit) {
        return e.sendAsync(() -> statsCall("/futures/data/openInterestHist", symbol, period, limit, OpenInterestStat.class));
    }

    /**
     * Long/short account ratio of the top 20% traders by margin ({@code GET /futures/data/topLongShortAccountRatio}).
     *
     * @param symbol the contract
     * @param period the sampling period
     * @param limit how many, 1 to 500, or {@code null} for 30
     * @return the samples, oldest first
     */
    public List<LongShortRatio> topTraderAccountRatio(String symbol, StatsPeriod period, Integer limit) {
        return e.send(statsCall("/futures/data/topLongShortAccountRatio", symbol, period, limit, LongShortRatio.class));
    }

    /**
     * Long/short position ratio of the top 20% traders ({@code GET /futures/data/topLongShortPositionRatio}).
     *
     * @param symbol the contract
     * @param period the sampling period
     * @param limit how many, 1 to 500, or {@code null} for 30
     * @return the samples, oldest first
     */
    public List<LongShortRatio> topTraderPositionRatio(String symbol, StatsPeriod period, Integer limit) {
        return e.send(statsCall("/futures/data/topLongShortPositionRatio", symbol, period, limit, LongShortRatio.class));
    }

    /**
     * Long/short account ratio of all traders ({@code GET /futures/data/globalLongShortAccountRatio}).
     *
     * @param symbol the contract
     * @param period the sampling period
     * @param limit how many, 1 to 500, or {@code null} for 30
     * @return the samples, oldest first
     */
    public List<LongShortRatio> globalAccountRatio(String symbol, StatsPeriod period, Integer limit) {
        return e.send(statsCall("/futures/data/globalLongShortAccountRatio", symbol, period, limit, LongShortRatio.class));
    }

    /**
     * Taker buy/sell volume ({@code GET /futures/data/takerlongshortRatio}).
     *
     * @param symbol the contract
     * @param period the sampling period
     * @param limit how many, 1 to 500, or {@code null} for 30
     * @return the samples, oldest first
     */
    public List<TakerVolume> takerBuySellVolume(String symbol, StatsPeriod period, Integer limit) {
        return e.send(statsCall("/futures/data/takerlongshortRatio", symbol, period, limit, TakerVolume.class));
    }

    /**
     * Basis of a pair's contract ({@code GET /futures/data/basis}).
     *
     * @param pair the pair, e.g. {@code BTCUSDT}
     * @param contractType PERPETUAL, CURRENT_QUARTER or NEXT_QUARTER
     * @param period the sampling period
     * @param limit how many, 1 to 500, or {@code null} for 30
     * @return the samples, oldest first
     */
    public List<Basis> basis(String pair, ContractType contractType, StatsPeriod period, Integer limit) {
        if (contractType == null || !CONTINUOUS.contains(contractType)) {
            throw new IllegalArgumentException("contractType must be one of " + CONTINUOUS + " for basis, was " + contractType);
        }
        return e.send(statsCall("/futures/data/basis", null, period, limit, Basis.class, "pair", ContractRules.pair(pair),
                "contractType", contractType.name()));
    }

    private <T> Call<List<T>> statsCall(String path, String symbol, StatsPeriod period, Integer limit, Class<T> type,
                                        String... extra) {
        if (!e.usdm()) {
            throw new UnsupportedOperationException("COIN-M's statistics take a pair and a contract type: call "
                    + path + " with call(RestRequest)");
        }
        if (period == null) {
            throw new IllegalArgumentException("period is required");
        }
        dev.relaykit.core.rest.RestRequest.Builder b = dev.relaykit.core.rest.RestRequest.get(path);
        if (symbol != null || extra.length == 0) {
            b.param("symbol", e.rules.symbol(symbol));
        }
        for (int i = 0; i < extra.length; i += 2) {
            b.param(extra[i], extra[i + 1]);
        }
        return Call.query(b.param("period", period.code()).param("limit", Params.limit(limit, 500)).weight(1).build(),
                Call.listOf(type));
    }

    /** COIN-M answers some one-symbol queries with a one-element list; USD-M with the object. */
    private static <T> Function<JsonNode, T> first(Class<T> type) {
        Function<JsonNode, T> one = Call.as(type);
        return node -> one.apply(node.isArray() ? node.path(0) : node);
    }
}
