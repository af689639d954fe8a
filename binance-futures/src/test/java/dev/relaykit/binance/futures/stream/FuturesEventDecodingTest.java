package dev.relaykit.binance.futures.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.binance.futures.model.ContractType;
import dev.relaykit.binance.model.KlineEvent;
import dev.relaykit.binance.model.KlineInterval;
import dev.relaykit.binance.model.MiniTickerEvent;
import dev.relaykit.binance.model.PriceLevel;
import dev.relaykit.testkit.FakeBinanceFuturesStreams;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every typed market event decodes Binance's documented example (the fixtures name their pages),
 * and still does with a field Binance may add tomorrow, at the top level and nested.
 */
class FuturesEventDecodingTest {

    /** The fixture as documented, or with an unknown field added to every object in it. */
    static String payload(String fixture, boolean withUnknownField) {
        String json = FakeBinanceFuturesStreams.fixture(fixture).trim();
        return withUnknownField ? json.replace("{", "{\"zzNew\":{\"x\":[1,\"two\"]},") : json;
    }

    static <T> T decode(FuturesStream<T> stream, String fixture, boolean unknown) {
        return stream.decode(payload(fixture, unknown));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void markPriceWithItsMovingAverage(boolean unknown) {
        MarkPriceEvent m = decode(FuturesStream.markPrice("BTCUSDT"), "stream-markPrice.json", unknown);
        assertThat(m).isEqualTo(new MarkPriceEvent(Instant.ofEpochMilli(1562305380000L), "BTCUSDT",
                new BigDecimal("11794.15000000"), new BigDecimal("11794.15000000"), new BigDecimal("11784.62659091"),
                new BigDecimal("11784.25641265"), new BigDecimal("0.00038167"), Instant.ofEpochMilli(1562306400000L)));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void coinmDeliveryMarkPriceHasNoFundingRate(boolean unknown) {
        MarkPriceEvent m = decode(FuturesStream.markPrice("BTCUSD_201225"), "stream-markPrice-coinm.json", unknown);
        assertThat(m.fundingRate()).isNull();
        assertThat(m.markPriceAverage()).isNull();
        assertThat(m.nextFundingTime()).isEqualTo(Instant.EPOCH);
        assertThat(m.markPrice()).isEqualByComparingTo("10934.62615417");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aggTradeWithNormalQuantity(boolean unknown) {
        FuturesAggTradeEvent t = decode(FuturesStream.aggTrade("BTCUSDT"), "stream-aggTrade.json", unknown);
        assertThat(t).isEqualTo(new FuturesAggTradeEvent(Instant.ofEpochMilli(123456789), "BTCUSDT", 5933014,
                new BigDecimal("0.001"), new BigDecimal("100"), new BigDecimal("100"), 100, 105,
                Instant.ofEpochMilli(123456785), true));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void bookTicker(boolean unknown) {
        FuturesBookTickerEvent b = decode(FuturesStream.bookTicker("BNBUSDT"), "stream-bookTicker.json", unknown);
        assertThat(b).isEqualTo(new FuturesBookTickerEvent(400900217, Instant.ofEpochMilli(1568014460893L),
                Instant.ofEpochMilli(1568014460891L), "BNBUSDT", new BigDecimal("25.35190000"),
                new BigDecimal("31.21000000"), new BigDecimal("25.36520000"), new BigDecimal("40.66000000")));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void diffDepthKeepsPu(boolean unknown) {
        FuturesDepthUpdate d = decode(FuturesStream.diffDepth("BTCUSDT", DepthSpeed.MS_250), "stream-depth-update.json",
                unknown);
        assertThat(d).isEqualTo(new FuturesDepthUpdate(Instant.ofEpochMilli(123456789), Instant.ofEpochMilli(123456788),
                "BTCUSDT", 157, 160, 149, List.of(new PriceLevel(new BigDecimal("0.0024"), new BigDecimal("10"))),
                List.of(new PriceLevel(new BigDecimal("0.0026"), new BigDecimal("100")))));
        assertThat(d.toDepthUpdateEvent().previousFinalUpdateId()).isEqualTo(149L);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void partialDepthIsItsOwnTypeByStreamName(boolean unknown) {
        FuturesStream<FuturesPartialDepth> s = FuturesStream.partialDepth("BTCUSDT", 5, DepthSpeed.MS_500);
        assertThat(s.name()).isEqualTo("btcusdt@depth5@500ms");
        FuturesPartialDepth d = s.decode(payload("stream-depth-partial.json", unknown));
        assertThat(d.bids()).hasSize(5);
        assertThat(d.bids().get(0)).isEqualTo(new PriceLevel(new BigDecimal("7403.89"), new BigDecimal("0.002")));
        assertThat(d.asks().get(4)).isEqualTo(new PriceLevel(new BigDecimal("7407.20"), new BigDecimal("0.175")));
        assertThat(d.previousFinalUpdateId()).isEqualTo(390497794L);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void klinesAndContinuousKlines(boolean unknown) {
        KlineEvent k = decode(FuturesStream.kline("BTCUSDT", KlineInterval.MINUTE_1), "stream-kline.json", unknown);
        assertThat(k.kline().close()).isEqualByComparingTo("0.0020");
        assertThat(k.kline().interval()).isEqualTo(KlineInterval.MINUTE_1);
        FuturesStream<ContinuousKlineEvent> cs = FuturesStream.continuousKline("BTCUSDT", ContractType.PERPETUAL,
                KlineInterval.MINUTE_1);
        assertThat(cs.name()).isEqualTo("btcusdt_perpetual@continuousKline_1m");
        ContinuousKlineEvent c = cs.decode(payload("stream-continuousKline.json", unknown));
        assertThat(c.pair()).isEqualTo("BTCUSDT");
        assertThat(c.contractType()).isEqualTo("PERPETUAL");
        assertThat(c.kline().tradeCount()).isEqualTo(543);
        assertThat(c.kline().close()).isEqualByComparingTo("18804.04");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void tickersAndMiniTickers(boolean unknown) {
        FuturesTickerEvent t = decode(FuturesStream.ticker("BTCUSDT"), "stream-ticker.json", unknown);
        assertThat(t.lastPrice()).isEqualByComparingTo("0.0025");
        assertThat(t.tradeCount()).isEqualTo(18151);
        assertThat(t.closeTime()).isEqualTo(Instant.ofEpochMilli(86400000));
        MiniTickerEvent m = decode(FuturesStream.miniTicker("BTCUSDT"), "stream-miniTicker.json", unknown);
        assertThat(m.quoteVolume()).isEqualByComparingTo("18");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void forceOrderAndIndexPrice(boolean unknown) {
        ForceOrderEvent f = decode(FuturesStream.forceOrder("BTCUSDT"), "stream-forceOrder.json", unknown);
        assertThat(f.order().side()).isEqualTo("SELL");
        assertThat(f.order().averagePrice()).isEqualByComparingTo("9910");
        assertThat(f.order().filledQuantity()).isEqualByComparingTo("0.014");
        IndexPriceEvent i = decode(FuturesStream.indexPrice("BTCUSD"), "stream-indexPrice-coinm.json", unknown);
        assertThat(i.pair()).isEqualTo("BTCUSD");
        assertThat(i.indexPrice()).isEqualByComparingTo("9636.57860000");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void compositeIndexWithItsComposition(boolean unknown) {
        CompositeIndexEvent c = decode(FuturesStream.compositeIndex("DEFIUSDT"), "stream-compositeIndex.json", unknown);
        assertThat(c).isEqualTo(new CompositeIndexEvent(Instant.ofEpochMilli(1602310596000L), "DEFIUSDT",
                new BigDecimal("554.41604065"), "baseAsset", List.of(
                        new CompositeIndexEvent.Component("BAL", "USDT", new BigDecimal("1.04884844"),
                                new BigDecimal("0.01457800"), new BigDecimal("24.33521021")),
                        new CompositeIndexEvent.Component("BAND", "USDT", new BigDecimal("3.53782729"),
                                new BigDecimal("0.03935200"), new BigDecimal("7.26420084")))));
        assertThat(FuturesStream.compositeIndex("DEFIUSDT").name()).isEqualTo("defiusdt@compositeIndex");
        assertThat(FuturesStream.compositeIndex("DEFIUSDT").path()).isEqualTo(StreamPath.MARKET);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void assetIndexesAllAndOne(boolean unknown) {
        List<AssetIndexEvent> all = decode(FuturesStream.allAssetIndexes(), "stream-assetIndex-all.json", unknown);
        assertThat(all).hasSize(2);
        assertThat(all.get(0)).isEqualTo(new AssetIndexEvent(Instant.ofEpochMilli(1686749230000L), "ADAUSD",
                new BigDecimal("0.27462452"), new BigDecimal("0.10000000"), new BigDecimal("0.10000000"),
                new BigDecimal("0.24716207"), new BigDecimal("0.30208698"), new BigDecimal("0.05000000"),
                new BigDecimal("0.05000000"), new BigDecimal("0.26089330"), new BigDecimal("0.28835575")));
        assertThat(all.get(1).symbol()).isEqualTo("USDTUSD");
        // the single-asset stream carries one element of the same shape
        String one = dev.relaykit.core.json.Json.tree(payload("stream-assetIndex-all.json", unknown)).get(1).toString();
        AssetIndexEvent usdt = FuturesStream.assetIndex("USDTUSD").decode(one);
        assertThat(usdt.bidRate()).isEqualByComparingTo("0.99977692");
        assertThat(usdt.autoExchangeAskRate()).isEqualByComparingTo("0.99997689");
        assertThat(FuturesStream.assetIndex("USDTUSD").name()).isEqualTo("usdtusd@assetIndex");
        assertThat(FuturesStream.allAssetIndexes().name()).isEqualTo("!assetIndex@arr");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void contractInfoWithBrackets(boolean unknown) {
        ContractInfoEvent c = decode(FuturesStream.contractInfo(), "stream-contractInfo.json", unknown);
        assertThat(c.symbol()).isEqualTo("IOTAUSDT");
        assertThat(c.pair()).isEqualTo("IOTAUSDT");
        assertThat(c.contractType()).isEqualTo(ContractType.PERPETUAL);
        assertThat(c.deliveryTime()).isEqualTo(Instant.ofEpochMilli(4133404800000L));
        assertThat(c.onboardTime()).isEqualTo(Instant.ofEpochMilli(1569398400000L));
        assertThat(c.status()).isEqualTo("TRADING");
        assertThat(c.brackets()).containsExactly(
                new ContractInfoEvent.Bracket(1, new BigDecimal("0"), new BigDecimal("5000"), new BigDecimal("0.01"),
                        new BigDecimal("0"), 21, 50),
                new ContractInfoEvent.Bracket(2, new BigDecimal("5000"), new BigDecimal("25000"),
                        new BigDecimal("0.025"), new BigDecimal("75"), 11, 20));
        ContractInfoEvent coinm = decode(FuturesStream.contractInfo(), "stream-contractInfo-coinm.json", unknown);
        assertThat(coinm.symbol()).isEqualTo("APTUSD_PERP");
        assertThat(coinm.pair()).isEqualTo("APTUSD");
        // "bks only shows up when bracket gets updated": without it the list is empty, never null
        ContractInfoEvent listing = FuturesStream.contractInfo().decode(
                "{\"e\":\"contractInfo\",\"E\":1,\"s\":\"NEWUSDT\",\"ps\":\"NEWUSDT\",\"ct\":\"PERPETUAL\","
                        + "\"dt\":4133404800000,\"ot\":1,\"cs\":\"PENDING_TRADING\"}");
        assertThat(listing.brackets()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"btcusdt@bookTicker", "!bookTicker", "btcusdt@depth", "btcusdt@depth@100ms",
            "btcusdt@depth20@500ms", "btcusdt@rpiDepth@500ms"})
    void publicStreams(String name) {
        assertThat(StreamPath.of(name)).isEqualTo(StreamPath.PUBLIC);
        assertThat(FakeBinanceFuturesStreams.routeOf(name)).as("the fake's own reading agrees").isEqualTo("public");
    }

    @ParameterizedTest
    @ValueSource(strings = {"btcusdt@aggTrade", "btcusdt@markPrice@1s", "!markPrice@arr", "btcusdt@kline_1m",
            "btcusdt_perpetual@continuousKline_1m", "btcusdt@ticker", "!ticker@arr", "!miniTicker@arr",
            "btcusdt@forceOrder", "!forceOrder@arr", "btcusdt@compositeIndex", "!assetIndex@arr", "!contractInfo"})
    void marketStreams(String name) {
        assertThat(StreamPath.of(name)).isEqualTo(StreamPath.MARKET);
        assertThat(FakeBinanceFuturesStreams.routeOf(name)).as("the fake's own reading agrees").isEqualTo("market");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BTCUSDT", "BTCUSD_PERP"})
    void factoriesPickThePathAndLowerCase(String symbol) {
        Function<String, String> lower = s -> s.toLowerCase(java.util.Locale.ROOT);
        assertThat(FuturesStream.markPrice(symbol).name()).isEqualTo(lower.apply(symbol) + "@markPrice@1s");
        assertThat(FuturesStream.markPrice(symbol).path()).isEqualTo(StreamPath.MARKET);
        assertThat(FuturesStream.diffDepth(symbol, DepthSpeed.MS_100).path()).isEqualTo(StreamPath.PUBLIC);
        assertThat(FuturesStream.bookTicker(symbol).path()).isEqualTo(StreamPath.PUBLIC);
        assertThat(FuturesStream.aggTrade(symbol).path()).isEqualTo(StreamPath.MARKET);
    }
}
