package dev.relaykit.binance.futures;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.binance.futures.model.Basis;
import dev.relaykit.binance.futures.model.ContractType;
import dev.relaykit.binance.futures.model.DeliveryPrice;
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
    /** COIN-M's open interest and taker volume statistics also take ALL. */
    private static final Set<ContractType> COINM_STATS = Set.of(ContractType.ALL, ContractType.PERPETUAL,
            ContractType.CURRENT_QUARTER, ContractType.NEXT_QUARTER);

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
     * COIN-M {@code /dapi/v1/fundingInfo}; it shares the 500-per-5-minutes budget of funding rate history).
     *
     * @return the adjusted contracts
     */
    public List<FundingInfo> fundingInfo() {
        return e.send(fundingInfoCall());
    }

    /** @return see {@link #fundingInfo()} */
    public CompletableFuture<List<FundingInfo>> fundingInfoAsync() {
        return e.sendAsync(this::fundingInfoCall);
    }

    private Call<List<FundingInfo>> fundingInfoCall() {
        return Call.query(e.get("/v1/fundingInfo").weight(1).build(), Call.listOf(FundingInfo.class));
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

    // index price, mark price and premium index klines: the same 12-column rows as klines; the volume columns are 0

    /**
     * Klines of a pair's index price ({@code GET /fapi/v1/indexPriceKlines}, COIN-M {@code /dapi/v1/indexPriceKlines};
     * weighted like klines). Only open, high, low, close, the times and {@link Kline#tradeCount()} (COIN-M: "number of
     * basic data") carry values; the volumes are 0.
     *
     * @param pair the pair, e.g. {@code BTCUSDT} (USD-M) or {@code BTCUSD} (COIN-M)
     * @param interval the bar length (no {@code 1s} on futures)
     * @param limit how many bars, 1 to 1500, or {@code null} for 500
     * @return the bars, oldest first
     */
    public List<Kline> indexPriceKlines(String pair, KlineInterval interval, Integer limit) {
        return e.send(indexKlinesCall(pair, interval, null, null, limit));
    }

    /**
     * @param pair the pair
     * @param interval the bar length
     * @param startTime from, or {@code null}
     * @param endTime to, or {@code null} (COIN-M: at most 200 days after startTime)
     * @param limit how many bars, or {@code null}
     * @return see {@link #indexPriceKlines(String, KlineInterval, Integer)}
     */
    public List<Kline> indexPriceKlines(String pair, KlineInterval interval, Instant startTime, Instant endTime,
                                        Integer limit) {
        return e.send(indexKlinesCall(pair, interval, startTime, endTime, limit));
    }

    /**
     * @param pair the pair
     * @param interval the bar length
     * @param startTime from, or {@code null}
     * @param endTime to, or {@code null}
     * @param limit how many bars, or {@code null}
     * @return see {@link #indexPriceKlines(String, KlineInterval, Integer)}
     */
    public CompletableFuture<List<Kline>> indexPriceKlinesAsync(String pair, KlineInterval interval, Instant startTime,
                                                               Instant endTime, Integer limit) {
        return e.sendAsync(() -> indexKlinesCall(pair, interval, startTime, endTime, limit));
    }

    private Call<List<Kline>> indexKlinesCall(String pair, KlineInterval interval, Instant startTime, Instant endTime,
                                              Integer limit) {
        coinmWindow(startTime, endTime);
        return klinesCall("/v1/indexPriceKlines", "pair", ContractRules.pair(pair), null, interval, startTime, endTime,
                limit);
    }

    /**
     * Klines of a contract's mark price ({@code GET /fapi/v1/markPriceKlines}, COIN-M {@code /dapi/v1/markPriceKlines};
     * weighted like klines). Only open, high, low, close, the times and {@link Kline#tradeCount()} carry values.
     *
     * @param symbol the contract
     * @param interval the bar length (no {@code 1s} on futures)
     * @param limit how many bars, 1 to 1500, or {@code null} for 500
     * @return the bars, oldest first
     */
    public List<Kline> markPriceKlines(String symbol, KlineInterval interval, Integer limit) {
        return e.send(markKlinesCall(symbol, interval, null, null, limit));
    }

    /**
     * @param symbol the contract
     * @param interval the bar length
     * @param startTime from, or {@code null}
     * @param endTime to, or {@code null} (COIN-M: at most 200 days after startTime)
     * @param limit how many bars, or {@code null}
     * @return see {@link #markPriceKlines(String, KlineInterval, Integer)}
     */
    public List<Kline> markPriceKlines(String symbol, KlineInterval interval, Instant startTime, Instant endTime,
                                       Integer limit) {
        return e.send(markKlinesCall(symbol, interval, startTime, endTime, limit));
    }

    /**
     * @param symbol the contract
     * @param interval the bar length
     * @param startTime from, or {@code null}
     * @param endTime to, or {@code null}
     * @param limit how many bars, or {@code null}
     * @return see {@link #markPriceKlines(String, KlineInterval, Integer)}
     */
    public CompletableFuture<List<Kline>> markPriceKlinesAsync(String symbol, KlineInterval interval, Instant startTime,
                                                              Instant endTime, Integer limit) {
        return e.sendAsync(() -> markKlinesCall(symbol, interval, startTime, endTime, limit));
    }

    private Call<List<Kline>> markKlinesCall(String symbol, KlineInterval interval, Instant startTime, Instant endTime,
                                             Integer limit) {
        coinmWindow(startTime, endTime);
        return klinesCall("/v1/markPriceKlines", "symbol", e.rules.symbol(symbol), null, interval, startTime, endTime,
                limit);
    }

    /**
     * Klines of a contract's premium index ({@code GET /fapi/v1/premiumIndexKlines}, COIN-M
     * {@code /dapi/v1/premiumIndexKlines}; weighted like klines). The prices are premium ratios (they may be
     * negative), not prices.
     *
     * @param symbol the contract
     * @param interval the bar length (no {@code 1s} on futures)
     * @param limit how many bars, 1 to 1500, or {@code null} for 500
     * @return the bars, oldest first
     */
    public List<Kline> premiumIndexKlines(String symbol, KlineInterval interval, Integer limit) {
        return e.send(premiumKlinesCall(symbol, interval, null, null, limit));
    }

    /**
     * @param symbol the contract
     * @param interval the bar length
     * @param startTime from, or {@code null}
     * @param endTime to, or {@code null}
     * @param limit how many bars, or {@code null}
     * @return see {@link #premiumIndexKlines(String, KlineInterval, Integer)}
     */
    public List<Kline> premiumIndexKlines(String symbol, KlineInterval interval, Instant startTime, Instant endTime,
                                          Integer limit) {
        return e.send(premiumKlinesCall(symbol, interval, startTime, endTime, limit));
    }

    /**
     * @param symbol the contract
     * @param interval the bar length
     * @param startTime from, or {@code null}
     * @param endTime to, or {@code null}
     * @param limit how many bars, or {@code null}
     * @return see {@link #premiumIndexKlines(String, KlineInterval, Integer)}
     */
    public CompletableFuture<List<Kline>> premiumIndexKlinesAsync(String symbol, KlineInterval interval,
                                                                 Instant startTime, Instant endTime, Integer limit) {
        return e.sendAsync(() -> premiumKlinesCall(symbol, interval, startTime, endTime, limit));
    }

    private Call<List<Kline>> premiumKlinesCall(String symbol, KlineInterval interval, Instant startTime,
                                                Instant endTime, Integer limit) {
        return klinesCall("/v1/premiumIndexKlines", "symbol", e.rules.symbol(symbol), null, interval, startTime, endTime,
                limit);
    }

    /** COIN-M's index and mark price kline pages allow at most 200 days between startTime and endTime. */
    private void coinmWindow(Instant startTime, Instant endTime) {
        if (!e.usdm()) {
            Params.window(startTime, endTime, Duration.ofDays(200), "200 days");
        }
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

    // ------------------------------------------------------------------ statistics (/futures/data)
    //
    // The same paths on both hosts, with different parameters: USD-M takes a symbol; COIN-M a pair, and for open
    // interest and taker volume also a contract type (ALL or one). Binance keeps the last 30 days.

    /**
     * USD-M open interest over time ({@code GET /futures/data/openInterestHist}, by symbol).
     *
     * @param symbol the contract
     * @param period the sampling period
     * @param limit how many, 1 to 500, or {@code null} for 30
     * @return the samples, oldest first
     * @throws UnsupportedOperationException on COIN-M, whose page takes a pair and a contract type: use
     *     {@link #openInterestHistory(String, ContractType, StatsPeriod, Integer)}
     */
    public List<OpenInterestStat> openInterestHistory(String symbol, StatsPeriod period, Integer limit) {
        return e.send(usdmStats("/futures/data/openInterestHist", symbol, period, limit, OpenInterestStat.class,
                "openInterestHistory(pair, contractType, period, limit)"));
    }

    /**
     * @param symbol the contract
     * @param period the sampling period
     * @param limit how many, or {@code null}
     * @return see {@link #openInterestHistory(String, StatsPeriod, Integer)}
     */
    public CompletableFuture<List<OpenInterestStat>> openInterestHistoryAsync(String symbol, StatsPeriod period,
                                                                             Integer limit) {
        return e.sendAsync(() -> usdmStats("/futures/data/openInterestHist", symbol, period, limit,
                OpenInterestStat.class, "openInterestHistory(pair, contractType, period, limit)"));
    }

    /**
     * COIN-M open interest over time ({@code GET /futures/data/openInterestHist} on the COIN-M host, weight 1;
     * <a href="https://developers.binance.com/docs/derivatives/coin-margined-futures/market-data/Open-Interest-Statistics">page</a>):
     * in contracts, valued in the base asset.
     *
     * @param pair the pair, e.g. {@code BTCUSD}
     * @param contractType ALL, CURRENT_QUARTER, NEXT_QUARTER or PERPETUAL
     * @param period the sampling period
     * @param limit how many, 1 to 500, or {@code null} for 30
     * @return the samples, oldest first
     * @throws UnsupportedOperationException on USD-M, whose page takes a symbol: use
     *     {@link #openInterestHistory(String, StatsPeriod, Integer)}
     */
    public List<OpenInterestStat> openInterestHistory(String pair, ContractType contractType, StatsPeriod period,
                                                      Integer limit) {
        return e.send(coinmStats("/futures/data/openInterestHist", pair, contractType, COINM_STATS, period, limit,
                OpenInterestStat.class, "openInterestHistory(symbol, period, limit)"));
    }

    /**
     * @param pair the pair
     * @param contractType ALL, CURRENT_QUARTER, NEXT_QUARTER or PERPETUAL
     * @param period the sampling period
     * @param limit how many, or {@code null}
     * @return see {@link #openInterestHistory(String, ContractType, StatsPeriod, Integer)}
     */
    public CompletableFuture<List<OpenInterestStat>> openInterestHistoryAsync(String pair, ContractType contractType,
                                                                             StatsPeriod period, Integer limit) {
        return e.sendAsync(() -> coinmStats("/futures/data/openInterestHist", pair, contractType, COINM_STATS, period,
                limit, OpenInterestStat.class, "openInterestHistory(symbol, period, limit)"));
    }

    /**
     * Long/short account ratio of the top 20% traders by margin ({@code GET /futures/data/topLongShortAccountRatio}).
     * USD-M sends {@code symbol}; COIN-M's
     * <a href="https://developers.binance.com/docs/derivatives/coin-margined-futures/market-data/Top-Long-Short-Account-Ratio">page</a>
     * also documents the parameter as {@code symbol} (its sibling pages say {@code pair}) and answers per pair, so
     * on COIN-M the pair is sent as {@code symbol}, as the page documents.
     *
     * @param symbolOrPair USD-M: a contract such as {@code BTCUSDT}; COIN-M: a pair such as {@code BTCUSD}
     * @param period the sampling period
     * @param limit how many, 1 to 500, or {@code null} for 30
     * @return the samples, oldest first
     */
    public List<LongShortRatio> topTraderAccountRatio(String symbolOrPair, StatsPeriod period, Integer limit) {
        return e.send(ratioCall("/futures/data/topLongShortAccountRatio", "symbol", symbolOrPair, period, limit));
    }

    /**
     * @param symbolOrPair a contract (USD-M) or pair (COIN-M)
     * @param period the sampling period
     * @param limit how many, or {@code null}
     * @return see {@link #topTraderAccountRatio(String, StatsPeriod, Integer)}
     */
    public CompletableFuture<List<LongShortRatio>> topTraderAccountRatioAsync(String symbolOrPair, StatsPeriod period,
                                                                              Integer limit) {
        return e.sendAsync(() -> ratioCall("/futures/data/topLongShortAccountRatio", "symbol", symbolOrPair, period,
                limit));
    }

    /**
     * Long/short position ratio of the top 20% traders ({@code GET /futures/data/topLongShortPositionRatio}; COIN-M
     * by {@code pair}).
     *
     * @param symbolOrPair USD-M: a contract such as {@code BTCUSDT}; COIN-M: a pair such as {@code BTCUSD}
     * @param period the sampling period
     * @param limit how many, 1 to 500, or {@code null} for 30
     * @return the samples, oldest first
     */
    public List<LongShortRatio> topTraderPositionRatio(String symbolOrPair, StatsPeriod period, Integer limit) {
        return e.send(ratioCall("/futures/data/topLongShortPositionRatio", "pair", symbolOrPair, period, limit));
    }

    /**
     * @param symbolOrPair a contract (USD-M) or pair (COIN-M)
     * @param period the sampling period
     * @param limit how many, or {@code null}
     * @return see {@link #topTraderPositionRatio(String, StatsPeriod, Integer)}
     */
    public CompletableFuture<List<LongShortRatio>> topTraderPositionRatioAsync(String symbolOrPair, StatsPeriod period,
                                                                               Integer limit) {
        return e.sendAsync(() -> ratioCall("/futures/data/topLongShortPositionRatio", "pair", symbolOrPair, period,
                limit));
    }

    /**
     * Long/short account ratio of all traders ({@code GET /futures/data/globalLongShortAccountRatio}; COIN-M by
     * {@code pair}).
     *
     * @param symbolOrPair USD-M: a contract such as {@code BTCUSDT}; COIN-M: a pair such as {@code BTCUSD}
     * @param period the sampling period
     * @param limit how many, 1 to 500, or {@code null} for 30
     * @return the samples, oldest first
     */
    public List<LongShortRatio> globalAccountRatio(String symbolOrPair, StatsPeriod period, Integer limit) {
        return e.send(ratioCall("/futures/data/globalLongShortAccountRatio", "pair", symbolOrPair, period, limit));
    }

    /**
     * @param symbolOrPair a contract (USD-M) or pair (COIN-M)
     * @param period the sampling period
     * @param limit how many, or {@code null}
     * @return see {@link #globalAccountRatio(String, StatsPeriod, Integer)}
     */
    public CompletableFuture<List<LongShortRatio>> globalAccountRatioAsync(String symbolOrPair, StatsPeriod period,
                                                                           Integer limit) {
        return e.sendAsync(() -> ratioCall("/futures/data/globalLongShortAccountRatio", "pair", symbolOrPair, period,
                limit));
    }

    /** USD-M: by symbol; COIN-M: the pair, under the name its page documents. */
    private Call<List<LongShortRatio>> ratioCall(String path, String coinmName, String symbolOrPair, StatsPeriod period,
                                                 Integer limit) {
        if (e.usdm()) {
            return statsCall(path, period, limit, LongShortRatio.class, "symbol", e.rules.symbol(symbolOrPair));
        }
        return statsCall(path, period, limit, LongShortRatio.class, coinmName, ContractRules.pair(symbolOrPair));
    }

    /**
     * USD-M taker buy/sell volume ({@code GET /futures/data/takerlongshortRatio}, by symbol).
     *
     * @param symbol the contract
     * @param period the sampling period
     * @param limit how many, 1 to 500, or {@code null} for 30
     * @return the samples, oldest first
     * @throws UnsupportedOperationException on COIN-M, whose page ({@code /futures/data/takerBuySellVol}) takes a
     *     pair and a contract type: use {@link #takerBuySellVolume(String, ContractType, StatsPeriod, Integer)}
     */
    public List<TakerVolume> takerBuySellVolume(String symbol, StatsPeriod period, Integer limit) {
        return e.send(usdmStats("/futures/data/takerlongshortRatio", symbol, period, limit, TakerVolume.class,
                "takerBuySellVolume(pair, contractType, period, limit)"));
    }

    /**
     * @param symbol the contract
     * @param period the sampling period
     * @param limit how many, or {@code null}
     * @return see {@link #takerBuySellVolume(String, StatsPeriod, Integer)}
     */
    public CompletableFuture<List<TakerVolume>> takerBuySellVolumeAsync(String symbol, StatsPeriod period,
                                                                       Integer limit) {
        return e.sendAsync(() -> usdmStats("/futures/data/takerlongshortRatio", symbol, period, limit, TakerVolume.class,
                "takerBuySellVolume(pair, contractType, period, limit)"));
    }

    /**
     * COIN-M taker buy/sell volume ({@code GET /futures/data/takerBuySellVol}, weight 1;
     * <a href="https://developers.binance.com/docs/derivatives/coin-margined-futures/market-data/Taker-Buy-Sell-Volume">page</a>):
     * volumes in contracts and their values in the base asset.
     *
     * @param pair the pair, e.g. {@code BTCUSD}
     * @param contractType ALL, CURRENT_QUARTER, NEXT_QUARTER or PERPETUAL
     * @param period the sampling period
     * @param limit how many, 1 to 500, or {@code null} for 30
     * @return the samples, oldest first
     * @throws UnsupportedOperationException on USD-M, whose page takes a symbol: use
     *     {@link #takerBuySellVolume(String, StatsPeriod, Integer)}
     */
    public List<TakerVolume> takerBuySellVolume(String pair, ContractType contractType, StatsPeriod period,
                                                Integer limit) {
        return e.send(coinmStats("/futures/data/takerBuySellVol", pair, contractType, COINM_STATS, period, limit,
                TakerVolume.class, "takerBuySellVolume(symbol, period, limit)"));
    }

    /**
     * @param pair the pair
     * @param contractType ALL, CURRENT_QUARTER, NEXT_QUARTER or PERPETUAL
     * @param period the sampling period
     * @param limit how many, or {@code null}
     * @return see {@link #takerBuySellVolume(String, ContractType, StatsPeriod, Integer)}
     */
    public CompletableFuture<List<TakerVolume>> takerBuySellVolumeAsync(String pair, ContractType contractType,
                                                                       StatsPeriod period, Integer limit) {
        return e.sendAsync(() -> coinmStats("/futures/data/takerBuySellVol", pair, contractType, COINM_STATS, period,
                limit, TakerVolume.class, "takerBuySellVolume(symbol, period, limit)"));
    }

    /**
     * Basis of a pair's contract ({@code GET /futures/data/basis}, both products, by pair and contract type).
     *
     * @param pair the pair, e.g. {@code BTCUSDT} (USD-M) or {@code BTCUSD} (COIN-M)
     * @param contractType PERPETUAL, CURRENT_QUARTER or NEXT_QUARTER
     * @param period the sampling period
     * @param limit how many, 1 to 500, or {@code null} for 30
     * @return the samples, oldest first
     */
    public List<Basis> basis(String pair, ContractType contractType, StatsPeriod period, Integer limit) {
        return e.send(basisCall(pair, contractType, period, limit));
    }

    /**
     * @param pair the pair
     * @param contractType PERPETUAL, CURRENT_QUARTER or NEXT_QUARTER
     * @param period the sampling period
     * @param limit how many, or {@code null}
     * @return see {@link #basis(String, ContractType, StatsPeriod, Integer)}
     */
    public CompletableFuture<List<Basis>> basisAsync(String pair, ContractType contractType, StatsPeriod period,
                                                     Integer limit) {
        return e.sendAsync(() -> basisCall(pair, contractType, period, limit));
    }

    private Call<List<Basis>> basisCall(String pair, ContractType contractType, StatsPeriod period, Integer limit) {
        checkContractType(contractType, CONTINUOUS, "basis");
        return statsCall("/futures/data/basis", period, limit, Basis.class, "pair", ContractRules.pair(pair),
                "contractType", contractType.name());
    }

    /**
     * Settlement prices of a pair's quarterly contracts ({@code GET /futures/data/delivery-price}, USD-M "Quarterly
     * Contract Settlement Price", weight 0).
     *
     * @param pair the pair, e.g. {@code BTCUSDT}
     * @return the deliveries, newest first as Binance sends them
     * @throws UnsupportedOperationException on COIN-M, whose docs document no delivery-price endpoint (the page is
     *     USD-M's: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Delivery-Price)
     */
    public List<DeliveryPrice> deliveryPrices(String pair) {
        return e.send(deliveryCall(pair));
    }

    /**
     * @param pair the pair
     * @return see {@link #deliveryPrices(String)}
     */
    public CompletableFuture<List<DeliveryPrice>> deliveryPricesAsync(String pair) {
        return e.sendAsync(() -> deliveryCall(pair));
    }

    private Call<List<DeliveryPrice>> deliveryCall(String pair) {
        if (!e.usdm()) {
            throw new UnsupportedOperationException("delivery prices (GET /futures/data/delivery-price) are USD-M only: "
                    + "Binance's COIN-M docs document no such endpoint (USD-M page: https://developers.binance.com/docs/"
                    + "derivatives/usds-margined-futures/market-data/rest-api/Delivery-Price)");
        }
        return Call.query(dev.relaykit.core.rest.RestRequest.get("/futures/data/delivery-price")
                .param("pair", ContractRules.pair(pair)).weight(0).build(), Call.listOf(DeliveryPrice.class));
    }

    /** A USD-M statistic by symbol; on COIN-M, the form to use instead. */
    private <T> Call<List<T>> usdmStats(String path, String symbol, StatsPeriod period, Integer limit, Class<T> type,
                                        String coinmForm) {
        if (!e.usdm()) {
            throw new UnsupportedOperationException("COIN-M's " + path + " takes a pair and a contract type: use "
                    + coinmForm);
        }
        return statsCall(path, period, limit, type, "symbol", e.rules.symbol(symbol));
    }

    /** A COIN-M statistic by pair and contract type; on USD-M, the form to use instead. */
    private <T> Call<List<T>> coinmStats(String path, String pair, ContractType contractType, Set<ContractType> allowed,
                                         StatsPeriod period, Integer limit, Class<T> type, String usdmForm) {
        if (e.usdm()) {
            throw new UnsupportedOperationException("USD-M's " + path + " takes a symbol, no contract type: use "
                    + usdmForm);
        }
        checkContractType(contractType, allowed, path);
        return statsCall(path, period, limit, type, "pair", ContractRules.pair(pair), "contractType",
                contractType.name());
    }

    private static void checkContractType(ContractType contractType, Set<ContractType> allowed, String what) {
        if (contractType == null || !allowed.contains(contractType)) {
            throw new IllegalArgumentException("contractType must be one of " + allowed + " for " + what + ", was "
                    + contractType);
        }
    }

    private <T> Call<List<T>> statsCall(String path, StatsPeriod period, Integer limit, Class<T> type,
                                        String... params) {
        if (period == null) {
            throw new IllegalArgumentException("period is required");
        }
        dev.relaykit.core.rest.RestRequest.Builder b = dev.relaykit.core.rest.RestRequest.get(path);
        for (int i = 0; i < params.length; i += 2) {
            b.param(params[i], params[i + 1]);
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
