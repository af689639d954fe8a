package dev.relaykit.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.relaykit.binance.model.AggregateTrade;
import dev.relaykit.binance.model.AveragePrice;
import dev.relaykit.binance.model.BookTicker;
import dev.relaykit.binance.model.ExchangeInfo;
import dev.relaykit.binance.model.Kline;
import dev.relaykit.binance.model.KlineInterval;
import dev.relaykit.binance.model.MarketTrade;
import dev.relaykit.binance.model.OrderBookDepth;
import dev.relaykit.binance.model.OrderType;
import dev.relaykit.binance.model.PriceLevel;
import dev.relaykit.binance.model.PriceTicker;
import dev.relaykit.binance.model.RateLimitRule;
import dev.relaykit.binance.model.SymbolFilter;
import dev.relaykit.binance.model.SymbolInfo;
import dev.relaykit.binance.model.SymbolStatus;
import dev.relaykit.binance.model.TickerStatistics;
import dev.relaykit.binance.model.TickerType;
import dev.relaykit.core.limit.RateLimit;
import dev.relaykit.core.limit.RateLimiter;
import dev.relaykit.testkit.FakeBinance;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Market data against the testkit's fake Binance, which answers with the documented examples
 * (fixtures listed in {@code relaykit/fake-binance/rest-market.tsv}).
 */
class MarketDataTest {
    private static final String SYMBOLS_2 = "%5B%22BNBBTC%22%2C%22LTCBTC%22%5D"; // ["BNBBTC","LTCBTC"]

    private FakeBinance fake;
    private BinanceSpot client;
    private MarketData market;

    @BeforeEach
    void start() {
        fake = FakeBinance.start().acceptHmacKey("test-api-key", "test-secret");
        client = client(null);
        market = client.market();
    }

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    private BinanceSpot client(BinanceKey key) {
        BinanceSpot.Builder b = BinanceSpot.builder()
                .environment(BinanceEnvironment.custom(fake.restBaseUrl(), "ws://127.0.0.1:1", "ws://127.0.0.1:1"));
        if (key != null) {
            b.key(key);
        }
        return b.build();
    }

    private LoggedRequest last() {
        List<LoggedRequest> all = fake.rest().requests();
        assertThat(all).isNotEmpty();
        return all.get(all.size() - 1);
    }

    /** The weight the client charged for one call (repeated if the one-minute window rolled over meanwhile). */
    private <T> T charged(int expectedWeight, Supplier<T> call) {
        RateLimiter limiter = client.weightLimiter();
        RateLimit weight = limiter.limits().get(0);
        while (true) {
            long minute = limiter.clock().millis() / 60_000;
            long before = limiter.used(weight);
            T result = call.get();
            long after = limiter.used(weight);
            if (limiter.clock().millis() / 60_000 == minute) {
                assertThat(after - before).as("request weight").isEqualTo(expectedWeight);
                return result;
            }
        }
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    private static Instant ms(long millis) {
        return Instant.ofEpochMilli(millis);
    }

    private static List<String> symbols(int n) {
        return IntStream.range(0, n).mapToObj(i -> "SYM" + i).toList();
    }

    // ------------------------------------------------------------------ exchange information

    @Test
    void exchangeInfoDecodesTheDocumentedExampleIntoTypes() {
        ExchangeInfo info = charged(20, market::exchangeInfo);
        assertThat(last().getUrl()).isEqualTo("/api/v3/exchangeInfo");
        assertThat(last().getMethod().getName()).isEqualTo("GET");

        assertThat(info.timezone()).isEqualTo("UTC");
        assertThat(info.serverTime()).isEqualTo(ms(1565246363776L));
        assertThat(info.rateLimits()).containsExactly(
                new RateLimitRule(RateLimitRule.Type.REQUEST_WEIGHT, RateLimitRule.Interval.MINUTE, 1, 6000),
                new RateLimitRule(RateLimitRule.Type.ORDERS, RateLimitRule.Interval.SECOND, 1, 10),
                new RateLimitRule(RateLimitRule.Type.RAW_REQUESTS, RateLimitRule.Interval.MINUTE, 5, 61000));
        assertThat(info.exchangeFilters()).containsExactly(
                new SymbolFilter.ExchangeMaxNumOrders(1000),
                new SymbolFilter.ExchangeMaxNumAlgoOrders(200),
                new SymbolFilter.ExchangeMaxNumIcebergOrders(10000));
        assertThat(info.sors()).containsExactly(new ExchangeInfo.Sor("BTC", List.of("BTCUSDT", "BTCUSDC")));

        SymbolInfo s = info.symbol("ETHBTC").orElseThrow();
        assertThat(info.symbol("BTCUSDT")).isEmpty();
        assertThat(s.status()).isEqualTo(SymbolStatus.TRADING);
        assertThat(s.baseAsset()).isEqualTo("ETH");
        assertThat(s.quoteAsset()).isEqualTo("BTC");
        assertThat(List.of(s.baseAssetPrecision(), s.quotePrecision(), s.quoteAssetPrecision(),
                s.baseCommissionPrecision(), s.quoteCommissionPrecision())).containsOnly(8);
        assertThat(s.orderTypes()).containsExactly(OrderType.LIMIT, OrderType.LIMIT_MAKER, OrderType.MARKET,
                OrderType.STOP_LOSS, OrderType.STOP_LOSS_LIMIT, OrderType.TAKE_PROFIT, OrderType.TAKE_PROFIT_LIMIT);
        assertThat(s.icebergAllowed()).isTrue();
        assertThat(s.ocoAllowed()).isTrue();
        assertThat(s.otoAllowed()).isTrue();
        assertThat(s.quoteOrderQtyMarketAllowed()).isTrue();
        assertThat(s.allowTrailingStop()).isFalse();
        assertThat(s.cancelReplaceAllowed()).isFalse();
        assertThat(s.spotTradingAllowed()).isTrue();
        assertThat(s.marginTradingAllowed()).isTrue();
        assertThat(s.amendAllowed()).isFalse(); // not in the example: absent flags read false
        assertThat(s.permissions()).isEmpty();
        assertThat(s.permissionSets()).containsExactly(List.of("SPOT", "MARGIN"));
        assertThat(s.defaultSelfTradePreventionMode()).isEqualTo("NONE");
        assertThat(s.allowedSelfTradePreventionModes()).containsExactly("NONE");

        // every documented filter format, decoded into its record with exact decimals
        assertThat(s.filters()).containsExactly(
                new SymbolFilter.PriceFilter(bd("0.00000100"), bd("100000.00000000"), bd("0.00000100")),
                new SymbolFilter.PercentPrice(bd("1.3000"), bd("0.7000"), 5),
                new SymbolFilter.PercentPriceBySide(bd("1.2"), bd("0.2"), bd("5"), bd("0.8"), 1),
                new SymbolFilter.LotSize(bd("0.00100000"), bd("100000.00000000"), bd("0.00100000")),
                new SymbolFilter.MinNotional(bd("0.00100000"), true, 5),
                new SymbolFilter.Notional(bd("10.00000000"), false, bd("10000.00000000"), false, 5),
                new SymbolFilter.IcebergParts(10),
                new SymbolFilter.MarketLotSize(bd("0.00100000"), bd("100000.00000000"), bd("0.00100000")),
                new SymbolFilter.MaxNumOrders(25),
                new SymbolFilter.MaxNumAlgoOrders(5),
                new SymbolFilter.MaxNumIcebergOrders(5),
                new SymbolFilter.MaxPosition(bd("10.00000000")),
                new SymbolFilter.TrailingDelta(10, 2000, 10, 2000));
        assertThat(s.filter(SymbolFilter.LotSize.class).orElseThrow().stepSize()).isEqualTo(bd("0.00100000"));
        assertThat(s.filters()).allSatisfy(f -> assertThat(f.filterType()).matches("[A-Z_]+"));
        assertThat(s.filters().get(0).filterType()).isEqualTo("PRICE_FILTER");
    }

    @Test
    void unknownFilterTypesAndEnumValuesDoNotBreakTheDecode() {
        fake.rest().stubJson("GET", "/api/v3/exchangeInfo", 200, """
                {"timezone":"UTC","serverTime":1565246363776,
                 "rateLimits":[{"rateLimitType":"CONNECTIONS","interval":"WEEK","intervalNum":1,"limit":5}],
                 "exchangeFilters":[{"filterType":"EXCHANGE_SOMETHING_NEW","max":"1.5"}],
                 "symbols":[{"symbol":"NEWCOIN","status":"DELISTING","orderTypes":["LIMIT","PEGGED_MAGIC"],
                   "amendAllowed":true,"pegInstructionsAllowed":true,"opoAllowed":true,
                   "filters":[{"filterType":"MAX_NUM_ORDER_AMENDS","maxNumOrderAmends":10},
                              {"filterType":"LOT_SIZE","minQty":"1","maxQty":"9","stepSize":"1"}]}]}
                """);
        ExchangeInfo info = market.exchangeInfo();
        assertThat(info.rateLimits().get(0).rateLimitType()).isEqualTo(RateLimitRule.Type.UNKNOWN);
        assertThat(info.rateLimits().get(0).interval()).isEqualTo(RateLimitRule.Interval.UNKNOWN);
        assertThat(info.exchangeFilters().get(0)).isInstanceOfSatisfying(SymbolFilter.UnknownFilter.class, f -> {
            assertThat(f.filterType()).isEqualTo("EXCHANGE_SOMETHING_NEW");
            assertThat(f.raw().path("max").asText()).isEqualTo("1.5");
        });
        SymbolInfo s = info.symbols().get(0);
        assertThat(s.status()).isEqualTo(SymbolStatus.UNKNOWN);
        assertThat(s.orderTypes()).containsExactly(OrderType.LIMIT, OrderType.UNKNOWN);
        assertThat(s.amendAllowed()).isTrue();
        assertThat(s.pegInstructionsAllowed()).isTrue();
        assertThat(s.opoAllowed()).isTrue();
        assertThat(s.filters().get(0)).isInstanceOfSatisfying(SymbolFilter.UnknownFilter.class, f -> {
            assertThat(f.filterType()).isEqualTo("MAX_NUM_ORDER_AMENDS");
            assertThat(f.raw().path("maxNumOrderAmends").asInt()).isEqualTo(10);
        });
        assertThat(s.filters().get(1)).isEqualTo(new SymbolFilter.LotSize(bd("1"), bd("9"), bd("1")));
    }

    @Test
    void exchangeInfoForOneSeveralOrPermittedSymbols() throws Exception {
        ExchangeInfo one = charged(20, () -> market.exchangeInfo("ETHBTC"));
        assertThat(last().getUrl()).isEqualTo("/api/v3/exchangeInfo?symbol=ETHBTC");
        assertThat(one.symbols()).extracting(SymbolInfo::symbol).containsExactly("ETHBTC");

        market.exchangeInfo(ExchangeInfoQuery.symbols("BNBBTC", "LTCBTC"));
        assertThat(last().getUrl()).isEqualTo("/api/v3/exchangeInfo?symbols=" + SYMBOLS_2);
        assertThat(last().queryParameter("symbols").firstValue()).isEqualTo("[\"BNBBTC\",\"LTCBTC\"]");

        market.exchangeInfoAsync(ExchangeInfoQuery.permissions("SPOT").withSymbolStatus(SymbolStatus.TRADING)
                .withoutPermissionSets()).get(5, TimeUnit.SECONDS);
        assertThat(last().getUrl())
                .isEqualTo("/api/v3/exchangeInfo?permissions=SPOT&showPermissionSets=false&symbolStatus=TRADING");

        ExchangeInfo async = market.exchangeInfoAsync(ExchangeInfoQuery.permissions("MARGIN", "LEVERAGED"))
                .get(5, TimeUnit.SECONDS);
        assertThat(last().queryParameter("permissions").firstValue()).isEqualTo("[\"MARGIN\",\"LEVERAGED\"]");
        assertThat(async.symbols()).hasSize(1);
        assertThat(market.exchangeInfoAsync("ETHBTC").get(5, TimeUnit.SECONDS).timezone()).isEqualTo("UTC");
        assertThat(market.exchangeInfoAsync().get(5, TimeUnit.SECONDS).serverTime()).isEqualTo(ms(1565246363776L));
    }

    @Test
    void exchangeInfoRefusesWhatBinanceRefusesBeforeSending() {
        assertThatThrownBy(() -> ExchangeInfoQuery.symbols("ETHBTC").withSymbolStatus(SymbolStatus.TRADING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symbolStatus cannot be combined with symbol or symbols");
        assertThatThrownBy(() -> ExchangeInfoQuery.all().withSymbolStatus(SymbolStatus.PRE_TRADING))
                .hasMessageContaining("symbolStatus must be TRADING, HALT or BREAK, was PRE_TRADING");
        assertThatThrownBy(() -> new ExchangeInfoQuery(List.of("ETHBTC"), List.of("SPOT"), null, null))
                .hasMessageContaining("permissions cannot be combined with symbol or symbols");
        assertThatThrownBy(() -> market.exchangeInfo("ethbtc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symbol 'ethbtc' is not valid").hasMessageContaining("upper case");
        assertThatThrownBy(() -> market.exchangeInfoAsync(" ")).hasMessageContaining("symbol is required");
        assertThat(fake.rest().requests()).isEmpty();
    }

    // ------------------------------------------------------------------ order book and trades

    @Test
    void orderBookDecodesExactlyAndWeighsByLimit() throws Exception {
        OrderBookDepth book = charged(5, () -> market.orderBook("BNBBTC"));
        assertThat(last().getUrl()).isEqualTo("/api/v3/depth?symbol=BNBBTC");
        assertThat(book.lastUpdateId()).isEqualTo(1027024);
        assertThat(book.bids()).containsExactly(new PriceLevel(bd("4.00000000"), bd("431.00000000")));
        assertThat(book.asks()).containsExactly(new PriceLevel(bd("4.00000200"), bd("12.00000000")));

        charged(5, () -> market.orderBook("BNBBTC", 100));
        assertThat(last().getUrl()).isEqualTo("/api/v3/depth?symbol=BNBBTC&limit=100");
        charged(25, () -> market.orderBook("BNBBTC", 101));
        charged(25, () -> market.orderBook("BNBBTC", 500));
        charged(50, () -> market.orderBook("BNBBTC", 1000));
        charged(250, () -> market.orderBook("BNBBTC", 5000));
        assertThat(market.orderBookAsync("BNBBTC", 20).get(5, TimeUnit.SECONDS).lastUpdateId()).isEqualTo(1027024);
        assertThat(market.orderBookAsync("BNBBTC").get(5, TimeUnit.SECONDS).bids()).hasSize(1);
        int sent = fake.rest().requests().size();

        assertThatThrownBy(() -> market.orderBook("BNBBTC", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("depth limit must be between 1 and 5000, was 0");
        assertThatThrownBy(() -> market.orderBookAsync("BNBBTC", 5001)).hasMessageContaining("was 5001");
        assertThatThrownBy(() -> market.orderBook(null)).hasMessageContaining("symbol is required");
        assertThat(fake.rest().requests()).hasSize(sent);
    }

    @Test
    void recentAndHistoricalTrades() throws Exception {
        MarketTrade expected = new MarketTrade(28457, bd("4.00000100"), bd("12.00000000"), bd("48.000012"),
                ms(1499865549590L), true, true);
        assertThat(charged(25, () -> market.recentTrades("BNBBTC", 1))).containsExactly(expected);
        assertThat(last().getUrl()).isEqualTo("/api/v3/trades?symbol=BNBBTC&limit=1");
        assertThat(market.recentTradesAsync("BNBBTC", null).get(5, TimeUnit.SECONDS)).containsExactly(expected);
        assertThat(last().getUrl()).isEqualTo("/api/v3/trades?symbol=BNBBTC");

        // without a key: Binance no longer requires one here
        assertThat(charged(25, () -> market.historicalTrades("BNBBTC", 28457L, 10))).containsExactly(expected);
        assertThat(last().getUrl()).isEqualTo("/api/v3/historicalTrades?symbol=BNBBTC&limit=10&fromId=28457");
        assertThat(last().containsHeader("X-MBX-APIKEY")).isFalse();

        // with a key: the key header goes along, but no signature or timestamp
        try (BinanceSpot keyed = client(BinanceKey.hmac("test-api-key", "test-secret"))) {
            assertThat(keyed.market().historicalTradesAsync("BNBBTC", null, null).get(5, TimeUnit.SECONDS))
                    .containsExactly(expected);
            assertThat(last().getUrl()).isEqualTo("/api/v3/historicalTrades?symbol=BNBBTC");
            assertThat(last().getHeader("X-MBX-APIKEY")).isEqualTo("test-api-key");
        }
        int sent = fake.rest().requests().size();
        assertThatThrownBy(() -> market.recentTrades("BNBBTC", 1001))
                .hasMessage("trades limit must be between 1 and 1000, was 1001");
        assertThatThrownBy(() -> market.historicalTrades("BNBBTC", -1L, null))
                .hasMessage("fromId must not be negative, was -1");
        assertThat(fake.rest().requests()).hasSize(sent);
    }

    @Test
    void aggregateTradesMapOneLetterFieldsAndSendTheRange() throws Exception {
        AggregateTrade expected = new AggregateTrade(26129, bd("0.01633102"), bd("4.70443515"), 27781, 27781,
                ms(1498793709153L), true, true);
        assertThat(charged(4, () -> market.aggregateTrades(AggregateTradeQuery.of("BNBBTC")))).containsExactly(expected);
        assertThat(last().getUrl()).isEqualTo("/api/v3/aggTrades?symbol=BNBBTC");

        market.aggregateTradesAsync(AggregateTradeQuery.of("BNBBTC").fromId(26129).startTime(ms(1498793709000L))
                .endTime(ms(1498793710000L)).limit(1000)).get(5, TimeUnit.SECONDS);
        assertThat(last().getUrl()).isEqualTo("/api/v3/aggTrades?symbol=BNBBTC&fromId=26129"
                + "&startTime=1498793709000&endTime=1498793710000&limit=1000");

        assertThatThrownBy(() -> AggregateTradeQuery.of("BNBBTC").startTime(ms(2)).endTime(ms(1)))
                .hasMessageContaining("is after endTime");
        assertThatThrownBy(() -> AggregateTradeQuery.of("BNBBTC").limit(0))
                .hasMessage("aggTrades limit must be between 1 and 1000, was 0");
        assertThatThrownBy(() -> AggregateTradeQuery.of("BNB/BTC")).hasMessageContaining("is not valid");
    }

    // ------------------------------------------------------------------ klines and average price

    @Test
    void klinesDecodeArrayRowsAndSendEveryInterval() throws Exception {
        Kline expected = new Kline(ms(1499040000000L), bd("0.01634790"), bd("0.80000000"), bd("0.01575800"),
                bd("0.01577100"), bd("148976.11427815"), ms(1499644799999L), bd("2434.19055334"), 308,
                bd("1756.87402397"), bd("28.46694368"));
        assertThat(charged(2, () -> market.klines(KlineQuery.of("BNBBTC", KlineInterval.DAY_1)))).containsExactly(expected);
        assertThat(last().getUrl()).isEqualTo("/api/v3/klines?symbol=BNBBTC&interval=1d");

        for (KlineInterval interval : KlineInterval.values()) {
            market.klines(KlineQuery.of("BNBBTC", interval));
            assertThat(last().queryParameter("interval").firstValue()).isEqualTo(interval.code());
        }

        assertThat(charged(2, () -> market.uiKlines(KlineQuery.of("BNBBTC", KlineInterval.MONTH_1)
                .startTime(ms(1499040000000L)).endTime(ms(1499644799999L)).timeZone(ZoneOffset.ofHoursMinutes(5, 45))
                .limit(1000)))).containsExactly(expected);
        assertThat(last().getUrl()).isEqualTo("/api/v3/uiKlines?symbol=BNBBTC&interval=1M&startTime=1499040000000"
                + "&endTime=1499644799999&timeZone=5%3A45&limit=1000");
        assertThat(last().queryParameter("timeZone").firstValue()).isEqualTo("5:45");

        market.klinesAsync(KlineQuery.of("BNBBTC", KlineInterval.HOUR_1).timeZone(ZoneOffset.ofHours(-1)))
                .get(5, TimeUnit.SECONDS);
        assertThat(last().queryParameter("timeZone").firstValue()).isEqualTo("-1:00");
        assertThat(market.uiKlinesAsync(KlineQuery.of("BNBBTC", KlineInterval.SECOND_1)).get(5, TimeUnit.SECONDS))
                .containsExactly(expected);

        int sent = fake.rest().requests().size();
        assertThatThrownBy(() -> KlineQuery.of("BNBBTC", KlineInterval.MINUTE_1).timeZone(ZoneOffset.ofHours(15)))
                .hasMessage("timeZone must be whole minutes between -12:00 and +14:00, was +15:00");
        assertThatThrownBy(() -> KlineQuery.of("BNBBTC", null)).hasMessageContaining("interval is required");
        assertThatThrownBy(() -> KlineQuery.of("BNBBTC", KlineInterval.MINUTE_1).limit(1001))
                .hasMessage("klines limit must be between 1 and 1000, was 1001");
        assertThatThrownBy(() -> KlineInterval.fromCode("2m")).hasMessageContaining("unknown kline interval '2m'");
        assertThat(fake.rest().requests()).hasSize(sent);
    }

    @Test
    void averagePrice() throws Exception {
        AveragePrice expected = new AveragePrice(5, bd("9.35751834"), ms(1694061154503L));
        assertThat(charged(2, () -> market.averagePrice("BNBBTC"))).isEqualTo(expected);
        assertThat(last().getUrl()).isEqualTo("/api/v3/avgPrice?symbol=BNBBTC");
        assertThat(market.averagePriceAsync("BNBBTC").get(5, TimeUnit.SECONDS)).isEqualTo(expected);
    }

    // ------------------------------------------------------------------ tickers

    private static final TickerStatistics FULL_24H = new TickerStatistics("BNBBTC", bd("-94.99999800"), bd("-95.960"),
            bd("0.29628482"), bd("0.10002000"), bd("4.00000200"), bd("200.00000000"), bd("4.00000000"),
            bd("100.00000000"), bd("4.00000200"), bd("100.00000000"), bd("99.00000000"), bd("100.00000000"),
            bd("0.10000000"), bd("8913.30000000"), bd("15.30000000"), ms(1499783499040L), ms(1499869899040L),
            28385, 28460, 76);

    @Test
    void ticker24hOneSeveralAllFullAndMini() throws Exception {
        assertThat(charged(2, () -> market.ticker24h("BNBBTC"))).isEqualTo(FULL_24H);
        assertThat(last().getUrl()).isEqualTo("/api/v3/ticker/24hr?symbol=BNBBTC");
        assertThat(market.ticker24hAsync("BNBBTC").get(5, TimeUnit.SECONDS)).isEqualTo(FULL_24H);

        fake.rest().stub(get(urlPathEqualTo("/api/v3/ticker/24hr")).withQueryParam("type", equalTo("MINI")), 200,
                FakeBinance.resource("market-ticker-24hr-mini-list.json"));
        List<TickerStatistics> mini = charged(2,
                () -> market.tickers24h(TickerQuery.symbols("BNBBTC", "LTCBTC").type(TickerType.MINI)));
        assertThat(last().getUrl()).isEqualTo("/api/v3/ticker/24hr?symbols=" + SYMBOLS_2 + "&type=MINI");
        assertThat(mini).extracting(TickerStatistics::symbol).containsExactly("BNBBTC", "LTCBTC");
        TickerStatistics ltc = mini.get(1);
        assertThat(ltc.priceChange()).isNull();
        assertThat(ltc.weightedAvgPrice()).isNull();
        assertThat(ltc.lastPrice()).isEqualTo(bd("0.07000000"));
        assertThat(ltc.quoteVolume()).isEqualTo(bd("0.77000000"));
        assertThat(ltc.openTime()).isEqualTo(ms(1656908192899L));
        assertThat(ltc.lastId()).isEqualTo(10);
        assertThat(ltc.count()).isEqualTo(11);

        fake.rest().stub(get(urlPathEqualTo("/api/v3/ticker/24hr")).withQueryParam("symbol", absent())
                .withQueryParam("type", absent()), 200, FakeBinance.resource("market-ticker-24hr-list.json"));
        assertThat(charged(80, () -> market.tickers24h(TickerQuery.all()))).containsExactly(FULL_24H);
        assertThat(last().getUrl()).isEqualTo("/api/v3/ticker/24hr");
        charged(2, () -> market.tickers24h(TickerQuery.symbols(symbols(20))));
        charged(40, () -> market.tickers24h(TickerQuery.symbols(symbols(21))));
        charged(40, () -> market.tickers24h(TickerQuery.symbols(symbols(100))));
        charged(80, () -> market.tickers24h(TickerQuery.symbols(symbols(101))));
        assertThat(market.tickers24hAsync(TickerQuery.all().symbolStatus(SymbolStatus.TRADING))
                .get(5, TimeUnit.SECONDS)).containsExactly(FULL_24H);
        assertThat(last().getUrl()).isEqualTo("/api/v3/ticker/24hr?symbolStatus=TRADING");
    }

    @Test
    void tradingDayTicker() throws Exception {
        TickerStatistics btc = charged(4, () -> market.tradingDayTicker("BTCUSDT"));
        assertThat(last().getUrl()).isEqualTo("/api/v3/ticker/tradingDay?symbol=BTCUSDT");
        assertThat(btc).isEqualTo(new TickerStatistics("BTCUSDT", bd("-83.13000000"), bd("-0.317"),
                bd("26234.58803036"), null, bd("26221.67000000"), null, null, null, null, null, bd("26304.80000000"),
                bd("26397.46000000"), bd("26088.34000000"), bd("18495.35066000"), bd("485217905.04210480"),
                ms(1695686400000L), ms(1695772799999L), 3220151555L, 3220849281L, 697727));
        assertThat(market.tradingDayTickerAsync("BTCUSDT").get(5, TimeUnit.SECONDS)).isEqualTo(btc);

        fake.rest().stub(get(urlPathEqualTo("/api/v3/ticker/tradingDay")).withQueryParam("symbols", matching(".+")),
                200, FakeBinance.resource("market-ticker-trading-day-list.json"));
        List<TickerStatistics> two = charged(8, () -> market.tradingDayTickers(
                TickerQuery.symbols("BTCUSDT", "BNBUSDT").type(TickerType.FULL), "8"));
        assertThat(last().getUrl()).isEqualTo("/api/v3/ticker/tradingDay?symbols=%5B%22BTCUSDT%22%2C%22BNBUSDT%22%5D"
                + "&timeZone=8&type=FULL");
        assertThat(two).containsExactly(btc, new TickerStatistics("BNBUSDT", bd("2.60000000"), bd("1.238"),
                bd("211.92276958"), null, bd("212.60000000"), null, null, null, null, null, bd("210.00000000"),
                bd("213.70000000"), bd("209.70000000"), bd("280709.58900000"), bd("59488753.54750000"),
                ms(1695686400000L), ms(1695772799999L), 672397461, 672496158, 98698));
        charged(200, () -> market.tradingDayTickers(TickerQuery.symbols(symbols(51)), "-1:00"));
        charged(200, () -> market.tradingDayTickersAsync(TickerQuery.symbols(symbols(100)), null).join());

        int sent = fake.rest().requests().size();
        assertThatThrownBy(() -> market.tradingDayTickers(TickerQuery.all(), null))
                .hasMessageContaining("ticker/tradingDay needs 1 to 100 symbols, got none");
        assertThatThrownBy(() -> market.tradingDayTickers(TickerQuery.symbols(symbols(101)), null))
                .hasMessageContaining("needs 1 to 100 symbols, got 101");
        assertThatThrownBy(() -> market.tradingDayTickers(TickerQuery.symbols("BTCUSDT"), "UTC+8"))
                .hasMessageContaining("timeZone must be hours or hours:minutes");
        assertThat(fake.rest().requests()).hasSize(sent);
    }

    @Test
    void rollingWindowTickerValidatesWindowSize() throws Exception {
        TickerStatistics bnb = charged(4, () -> market.rollingTicker("BNBBTC", "7d"));
        assertThat(last().getUrl()).isEqualTo("/api/v3/ticker?symbol=BNBBTC&windowSize=7d");
        assertThat(bnb).isEqualTo(new TickerStatistics("BNBBTC", bd("-8.00000000"), bd("-88.889"), bd("2.60427807"),
                null, bd("1.00000000"), null, null, null, null, null, bd("9.00000000"), bd("9.00000000"),
                bd("1.00000000"), bd("187.00000000"), bd("487.00000000"), ms(1641859200000L), ms(1642031999999L),
                0, 60, 61));
        assertThat(market.rollingTickerAsync("BNBBTC", null).get(5, TimeUnit.SECONDS)).isEqualTo(bnb);
        assertThat(last().getUrl()).isEqualTo("/api/v3/ticker?symbol=BNBBTC");

        fake.rest().stub(get(urlPathEqualTo("/api/v3/ticker")).withQueryParam("type", equalTo("MINI")), 200,
                FakeBinance.resource("market-ticker-rolling-mini-list.json"));
        List<TickerStatistics> mini = charged(8, () -> market.rollingTickers(
                TickerQuery.symbols("BNBBTC", "LTCBTC").type(TickerType.MINI), "59m"));
        assertThat(last().getUrl()).isEqualTo("/api/v3/ticker?symbols=" + SYMBOLS_2 + "&windowSize=59m&type=MINI");
        assertThat(mini.get(1).lastPrice()).isEqualTo(bd("0.07000000"));
        assertThat(mini.get(1).closeTime()).isEqualTo(ms(1657001297799L));
        assertThat(mini.get(1).priceChangePercent()).isNull();
        charged(200, () -> market.rollingTickersAsync(TickerQuery.symbols(symbols(60)).type(TickerType.MINI), "23h")
                .join());
        market.rollingTicker("BNBBTC", "1m");

        int sent = fake.rest().requests().size();
        for (String bad : List.of("0m", "60m", "24h", "8d", "1d2h", "1w", "1D", "m", "")) {
            assertThatThrownBy(() -> market.rollingTicker("BNBBTC", bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("windowSize '" + bad + "' is not valid: use 1m..59m, 1h..23h or 1d..7d");
        }
        assertThatThrownBy(() -> market.rollingTickers(TickerQuery.all(), "1d"))
                .hasMessageContaining("ticker needs 1 to 100 symbols");
        assertThat(fake.rest().requests()).hasSize(sent);
    }

    @Test
    void priceAndBookTickers() throws Exception {
        assertThat(charged(2, () -> market.price("LTCBTC"))).isEqualTo(new PriceTicker("LTCBTC", bd("4.00000200")));
        assertThat(last().getUrl()).isEqualTo("/api/v3/ticker/price?symbol=LTCBTC");
        assertThat(market.priceAsync("LTCBTC").get(5, TimeUnit.SECONDS).price()).isEqualTo(bd("4.00000200"));
        BookTicker ltc = new BookTicker("LTCBTC", bd("4.00000000"), bd("431.00000000"), bd("4.00000200"),
                bd("9.00000000"));
        assertThat(charged(2, () -> market.bookTicker("LTCBTC"))).isEqualTo(ltc);
        assertThat(last().getUrl()).isEqualTo("/api/v3/ticker/bookTicker?symbol=LTCBTC");
        assertThat(market.bookTickerAsync("LTCBTC").get(5, TimeUnit.SECONDS)).isEqualTo(ltc);

        fake.rest().stub(get(urlPathEqualTo("/api/v3/ticker/price")).withQueryParam("symbol", absent()), 200,
                FakeBinance.resource("market-ticker-price-list.json"));
        fake.rest().stub(get(urlPathEqualTo("/api/v3/ticker/bookTicker")).withQueryParam("symbol", absent()), 200,
                FakeBinance.resource("market-book-ticker-list.json"));
        assertThat(charged(4, () -> market.prices(TickerQuery.all()))).containsExactly(
                new PriceTicker("LTCBTC", bd("4.00000200")), new PriceTicker("ETHBTC", bd("0.07946600")));
        assertThat(last().getUrl()).isEqualTo("/api/v3/ticker/price");
        charged(4, () -> market.prices(TickerQuery.symbols("LTCBTC", "ETHBTC").symbolStatus(SymbolStatus.HALT)));
        assertThat(last().getUrl()).isEqualTo("/api/v3/ticker/price?symbols=%5B%22LTCBTC%22%2C%22ETHBTC%22%5D"
                + "&symbolStatus=HALT");
        assertThat(charged(4, () -> market.bookTickers(TickerQuery.all()))).containsExactly(ltc,
                new BookTicker("ETHBTC", bd("0.07946700"), bd("9.00000000"), bd("100000.00000000"),
                        bd("1000.00000000")));
        assertThat(market.bookTickersAsync(TickerQuery.all()).get(5, TimeUnit.SECONDS)).hasSize(2);
        assertThat(market.pricesAsync(TickerQuery.all()).get(5, TimeUnit.SECONDS)).hasSize(2);

        int sent = fake.rest().requests().size();
        assertThatThrownBy(() -> market.prices(TickerQuery.all().type(TickerType.MINI)))
                .hasMessageContaining("/api/v3/ticker/price has no type parameter");
        assertThatThrownBy(() -> market.bookTickers(TickerQuery.all().symbolStatus(SymbolStatus.END_OF_DAY)))
                .hasMessageContaining("symbolStatus must be TRADING, HALT or BREAK");
        assertThatThrownBy(() -> TickerQuery.symbols(List.of())).hasMessageContaining("use TickerQuery.all()");
        assertThat(fake.rest().requests()).hasSize(sent);
    }

    @Test
    void binanceErrorsSurfaceTypedInBothForms() {
        fake.rest().stubJson("GET", "/api/v3/avgPrice", 400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
        assertThatThrownBy(() -> market.averagePrice("NOPE"))
                .isInstanceOfSatisfying(BinanceApiException.class, e -> assertThat(e.binanceCode()).isEqualTo(-1121));
        assertThatThrownBy(() -> market.averagePriceAsync("NOPE").get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(BinanceApiException.class);
    }

    @Test
    void aTruncatedAnswerIsADecodeErrorNotAWrongValue() {
        fake.rest().stubJson("GET", "/api/v3/ticker/price", 200, "[]");
        assertThatThrownBy(() -> market.price("LTCBTC"))
                .isInstanceOf(dev.relaykit.core.DecodeException.class)
                .hasMessageContaining("expected one entry from /api/v3/ticker/price, got 0");
    }
}
