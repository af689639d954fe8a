package dev.relaykit.binance.futures;

import static dev.relaykit.binance.futures.Sent.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.relaykit.binance.futures.model.ContractType;
import dev.relaykit.binance.futures.model.FundingRate;
import dev.relaykit.binance.futures.model.FuturesAggTrade;
import dev.relaykit.binance.futures.model.FuturesBookTicker;
import dev.relaykit.binance.futures.model.FuturesExchangeInfo;
import dev.relaykit.binance.futures.model.FuturesFilter;
import dev.relaykit.binance.futures.model.FuturesOrderBookDepth;
import dev.relaykit.binance.futures.model.FuturesOrderType;
import dev.relaykit.binance.futures.model.FuturesPriceTicker;
import dev.relaykit.binance.futures.model.FuturesSymbol;
import dev.relaykit.binance.futures.model.FuturesTicker;
import dev.relaykit.binance.futures.model.FuturesTrade;
import dev.relaykit.binance.futures.model.MarkPrice;
import dev.relaykit.binance.futures.model.OpenInterest;
import dev.relaykit.binance.model.Kline;
import dev.relaykit.binance.model.KlineInterval;
import dev.relaykit.binance.model.RateLimitRule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** USD-M market data against the documented examples the fake serves, and what each call sends. */
class UsdmMarketDataTest {
    private final Sent s = new Sent();
    private final FuturesMarketData market = s.usdm.market();

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void exchangeInfoDecodesEveryDocumentedFilterTyped() {
        FuturesExchangeInfo info = market.exchangeInfo();
        assertThat(s.last("GET", "/fapi/v1/exchangeInfo")).isEmpty();
        assertThat(info.serverTime()).isEqualTo(Instant.ofEpochMilli(1565613908500L));
        assertThat(info.rateLimits()).extracting(RateLimitRule::rateLimitType, RateLimitRule::limit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RateLimitRule.Type.REQUEST_WEIGHT, 2400L),
                        org.assertj.core.groups.Tuple.tuple(RateLimitRule.Type.ORDERS, 1200L));
        assertThat(info.assets()).extracting(a -> a.asset()).containsExactly("BUSD", "USDT", "BNB");
        FuturesSymbol blz = info.symbol("BLZUSDT").orElseThrow();
        assertThat(blz.contractType()).isEqualTo(ContractType.PERPETUAL);
        assertThat(blz.tradingStatus()).isEqualTo("TRADING");
        assertThat(blz.marginAsset()).isEqualTo("USDT");
        assertThat(blz.deliveryDate()).isEqualTo(Instant.ofEpochMilli(4133404800000L));
        assertThat(blz.orderTypes()).contains(FuturesOrderType.STOP_MARKET, FuturesOrderType.TRAILING_STOP_MARKET);
        assertThat(blz.filter(FuturesFilter.PriceFilter.class)).contains(
                new FuturesFilter.PriceFilter(d("0.0001"), d("300"), d("0.0001")));
        assertThat(blz.filter(FuturesFilter.LotSize.class)).contains(new FuturesFilter.LotSize(d("1"), d("10000000"), d("1")));
        assertThat(blz.filter(FuturesFilter.MarketLotSize.class).orElseThrow().maxQty()).isEqualByComparingTo("590119");
        assertThat(blz.filter(FuturesFilter.MaxNumOrders.class).orElseThrow().limit()).isEqualTo(200);
        assertThat(blz.filter(FuturesFilter.MaxNumAlgoOrders.class).orElseThrow().limit()).isEqualTo(10);
        assertThat(blz.filter(FuturesFilter.MinNotional.class).orElseThrow().notional()).isEqualByComparingTo("5.0");
        assertThat(blz.filter(FuturesFilter.PercentPrice.class).orElseThrow().multiplierUp()).isEqualByComparingTo("1.15");
        assertThat(blz.filters()).noneMatch(f -> f instanceof FuturesFilter.Unknown);
    }

    @Test
    void anUnknownFilterTypeIsKeptNotFailed() {
        s.fake.rest().stubJson("GET", "/fapi/v1/exchangeInfo", 200, "{\"symbols\":[{\"symbol\":\"BTCUSDT\",\"filters\":"
                + "[{\"filterType\":\"POSITION_RISK_CONTROL\",\"positionControlSide\":\"NONE\"}],\"brandNewField\":1}]}");
        FuturesFilter f = market.exchangeInfo().symbol("BTCUSDT").orElseThrow().filters().get(0);
        assertThat(f).isInstanceOf(FuturesFilter.Unknown.class);
        assertThat(((FuturesFilter.Unknown) f).raw().path("positionControlSide").asText()).isEqualTo("NONE");
    }

    @Test
    void orderBookSendsSymbolAndLimitAndDecodesLevels() {
        FuturesOrderBookDepth book = market.orderBook("BTCUSDT", 100);
        assertThat(s.last("GET", "/fapi/v1/depth")).containsExactly(entry("symbol", "BTCUSDT"), entry("limit", "100"));
        assertThat(book.lastUpdateId()).isEqualTo(1027024L);
        assertThat(book.messageTime()).isEqualTo(Instant.ofEpochMilli(1589436922972L));
        assertThat(book.transactionTime()).isEqualTo(Instant.ofEpochMilli(1589436922959L));
        assertThat(book.bids().get(0).price()).isEqualByComparingTo("4.00000000");
        assertThat(book.bids().get(0).quantity()).isEqualByComparingTo("431");
        assertThat(book.asks().get(0).price()).isEqualByComparingTo("4.00000200");
    }

    @Test
    void tradesAndAggregateTrades() {
        List<FuturesTrade> trades = market.trades("BTCUSDT", 10);
        assertThat(s.last("GET", "/fapi/v1/trades")).containsExactly(entry("symbol", "BTCUSDT"), entry("limit", "10"));
        assertThat(trades.get(0).id()).isEqualTo(28457L);
        assertThat(trades.get(0).quoteQty()).isEqualByComparingTo("48");
        assertThat(trades.get(0).buyerMaker()).isTrue();
        assertThat(trades.get(0).rpiTrade()).isTrue();

        Instant from = Instant.parse("2026-12-01T00:00:00Z");
        List<FuturesAggTrade> agg = market.aggTrades("BTCUSDT", from, from.plusSeconds(3600), 500);
        assertThat(s.last("GET", "/fapi/v1/aggTrades")).containsExactly(entry("symbol", "BTCUSDT"),
                entry("startTime", Long.toString(from.toEpochMilli())),
                entry("endTime", Long.toString(from.plusSeconds(3600).toEpochMilli())), entry("limit", "500"));
        assertThat(agg.get(0).id()).isEqualTo(26129L);
        assertThat(agg.get(0).price()).isEqualByComparingTo("0.01633102");
        assertThat(agg.get(0).normalQuantity()).isEqualByComparingTo("100");
        assertThat(agg.get(0).time()).isEqualTo(Instant.ofEpochMilli(1498793709153L));
    }

    @Test
    void klinesAndContinuousKlines() {
        List<Kline> bars = market.klines("BTCUSDT", KlineInterval.HOUR_1, 24);
        assertThat(s.last("GET", "/fapi/v1/klines")).containsExactly(entry("symbol", "BTCUSDT"), entry("interval", "1h"),
                entry("limit", "24"));
        assertThat(bars.get(0).openTime()).isEqualTo(Instant.ofEpochMilli(1499040000000L));
        assertThat(bars.get(0).high()).isEqualByComparingTo("0.8");
        assertThat(bars.get(0).tradeCount()).isEqualTo(308);

        List<Kline> perp = market.continuousKlines("BTCUSDT", ContractType.PERPETUAL, KlineInterval.DAY_1, null);
        assertThat(s.last("GET", "/fapi/v1/continuousKlines")).containsExactly(entry("pair", "BTCUSDT"),
                entry("contractType", "PERPETUAL"), entry("interval", "1d"));
        assertThat(perp).hasSize(1);
    }

    @Test
    void markPriceAndFunding() {
        MarkPrice mark = market.markPrice("BTCUSDT");
        assertThat(s.last("GET", "/fapi/v1/premiumIndex")).containsExactly(entry("symbol", "BTCUSDT"));
        assertThat(mark.markPrice()).isEqualByComparingTo("11793.63104562");
        assertThat(mark.indexPrice()).isEqualByComparingTo("11781.80495970");
        assertThat(mark.lastFundingRate()).isEqualByComparingTo("0.00038246");
        assertThat(mark.nextFundingTime()).isEqualTo(Instant.ofEpochMilli(1597392000000L));
        assertThat(market.markPrices()).extracting(MarkPrice::symbol).containsExactly("BTCUSDT");
        assertThat(s.last("GET", "/fapi/v1/premiumIndex")).isEmpty();

        List<FundingRate> rates = market.fundingRateHistory("BTCUSDT", null, null, 100);
        assertThat(s.last("GET", "/fapi/v1/fundingRate")).containsExactly(entry("symbol", "BTCUSDT"), entry("limit", "100"));
        assertThat(rates.get(0).fundingRate()).isEqualByComparingTo("-0.0375");
        assertThat(rates.get(0).fundingTime()).isEqualTo(Instant.ofEpochMilli(1570608000000L));
        assertThat(rates.get(0).markPrice()).isEqualByComparingTo("34287.54619963");
    }

    @Test
    void tickersAndOpenInterest() {
        FuturesTicker t = market.ticker24h("BTCUSDT");
        assertThat(s.last("GET", "/fapi/v1/ticker/24hr")).containsExactly(entry("symbol", "BTCUSDT"));
        assertThat(t.lastPrice()).isEqualByComparingTo("4.000002");
        assertThat(t.quoteVolume()).isEqualByComparingTo("15.3");
        assertThat(t.count()).isEqualTo(76L);
        assertThat(market.tickers24h()).hasSize(1);

        FuturesPriceTicker p = market.price("BTCUSDT");
        assertThat(p.price()).isEqualByComparingTo("6000.01");
        FuturesBookTicker b = market.bookTicker("BTCUSDT");
        assertThat(s.last("GET", "/fapi/v1/ticker/bookTicker")).containsExactly(entry("symbol", "BTCUSDT"));
        assertThat(b.askQty()).isEqualByComparingTo("9");
        OpenInterest oi = market.openInterestAsync("BTCUSDT").join();
        assertThat(s.last("GET", "/fapi/v1/openInterest")).containsExactly(entry("symbol", "BTCUSDT"));
        assertThat(oi.openInterest()).isEqualByComparingTo("10659.509");
        assertThat(oi.time()).isEqualTo(Instant.ofEpochMilli(1589437530011L));
    }

    @Test
    void serverTimeAndPingUseTheFuturesPaths() {
        s.usdm.ping();
        assertThat(s.last("GET", "/fapi/v1/ping")).isEmpty();
        assertThat(s.usdm.serverTime()).isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(5));
        assertThat(s.last("GET", "/fapi/v1/time")).isEmpty();
    }
}
