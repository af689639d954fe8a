package dev.relaykit.binance.futures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.relaykit.binance.futures.model.Basis;
import dev.relaykit.binance.futures.model.ContractType;
import dev.relaykit.binance.futures.model.DeliveryPrice;
import dev.relaykit.binance.futures.model.FundingInfo;
import dev.relaykit.binance.futures.model.LongShortRatio;
import dev.relaykit.binance.futures.model.OpenInterestStat;
import dev.relaykit.binance.futures.model.StatsPeriod;
import dev.relaykit.binance.futures.model.TakerVolume;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * COIN-M's statistics (by pair, and contract type where its pages take one), funding info, and USD-M's delivery
 * price: what each sends, the documented examples decoded, and a clear refusal where a product has no such endpoint.
 */
class CoinmStatisticsTest {
    private final Sent s = new Sent();
    private final FuturesMarketData market = s.coinm.market();

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void openInterestHistoryByPairAndContractType() {
        List<OpenInterestStat> oi = market.openInterestHistory("BTCUSD", ContractType.ALL, StatsPeriod.HOUR_1, 30);
        assertThat(s.last("GET", "/futures/data/openInterestHist")).containsExactly(entry("pair", "BTCUSD"),
                entry("contractType", "ALL"), entry("period", "1h"), entry("limit", "30"));
        assertThat(oi).hasSize(2);
        assertThat(oi.get(0).pair()).isEqualTo("BTCUSD");
        assertThat(oi.get(0).contractType()).isEqualTo(ContractType.CURRENT_QUARTER);
        assertThat(oi.get(0).sumOpenInterest()).isEqualByComparingTo("20403");
        assertThat(oi.get(0).sumOpenInterestValue()).isEqualByComparingTo("176196512.234");
        assertThat(oi.get(0).time()).isEqualTo(Instant.ofEpochMilli(1591261042378L));
    }

    @Test
    void longShortRatiosByPair() throws Exception {
        LongShortRatio top = market.topTraderAccountRatio("BTCUSD", StatsPeriod.MINUTE_5, null).get(0);
        assertThat(s.last("GET", "/futures/data/topLongShortAccountRatio"))
                .as("the page documents the parameter as symbol").containsExactly(entry("symbol", "BTCUSD"),
                        entry("period", "5m"));
        assertThat(top.pair()).isEqualTo("BTCUSD");
        assertThat(top.longShortRatio()).isEqualByComparingTo("1.8105");
        assertThat(top.longAccount()).isEqualByComparingTo("0.6442");

        LongShortRatio positions = market.topTraderPositionRatioAsync("BTCUSD", StatsPeriod.DAY_1, 2)
                .get(10, TimeUnit.SECONDS).get(0);
        assertThat(s.last("GET", "/futures/data/topLongShortPositionRatio")).containsExactly(entry("pair", "BTCUSD"),
                entry("period", "1d"), entry("limit", "2"));
        assertThat(positions.longShortRatio()).isEqualByComparingTo("0.7869");
        assertThat(positions.longAccount()).as("longPosition").isEqualByComparingTo("0.6442");
        assertThat(positions.shortAccount()).as("shortPosition").isEqualByComparingTo("0.4404");

        LongShortRatio global = market.globalAccountRatio("BTCUSD", StatsPeriod.HOUR_4, null).get(1);
        assertThat(s.last("GET", "/futures/data/globalLongShortAccountRatio")).containsExactly(entry("pair", "BTCUSD"),
                entry("period", "4h"));
        assertThat(global.longShortRatio()).isEqualByComparingTo("1.9559");
        assertThat(global.time()).isEqualTo(Instant.ofEpochMilli(1583139900000L));
    }

    @Test
    void takerVolumeAndBasisByPairAndContractType() {
        TakerVolume taker = market.takerBuySellVolume("BTCUSD", ContractType.CURRENT_QUARTER, StatsPeriod.MINUTE_15, 10)
                .get(0);
        assertThat(s.last("GET", "/futures/data/takerBuySellVol")).containsExactly(entry("pair", "BTCUSD"),
                entry("contractType", "CURRENT_QUARTER"), entry("period", "15m"), entry("limit", "10"));
        assertThat(taker.buyVol()).isEqualByComparingTo("387");
        assertThat(taker.sellVol()).isEqualByComparingTo("248");
        assertThat(taker.buyVolValue()).isEqualByComparingTo("2342.1220");
        assertThat(taker.sellVolValue()).isEqualByComparingTo("4213.9800");
        assertThat(taker.contractType()).isEqualTo(ContractType.CURRENT_QUARTER);
        assertThat(taker.buySellRatio()).isNull();

        Basis basis = market.basis("BTCUSD", ContractType.CURRENT_QUARTER, StatsPeriod.MINUTE_5, null).get(0);
        assertThat(s.last("GET", "/futures/data/basis")).containsExactly(entry("pair", "BTCUSD"),
                entry("contractType", "CURRENT_QUARTER"), entry("period", "5m"));
        assertThat(basis.basis()).isEqualByComparingTo("71.36027273");
        assertThat(basis.annualizedBasisRate()).isEqualByComparingTo("0.0283");
        assertThat(basis.indexPrice()).isEqualByComparingTo("29269.93972727");
    }

    @Test
    void usdmStatisticsStillAnswerPerSymbolOnTheSamePaths() {
        assertThat(s.usdm.market().basis("BTCUSDT", ContractType.PERPETUAL, StatsPeriod.MINUTE_5, 1).get(0).pair())
                .isEqualTo("BTCUSDT");
        assertThat(s.usdm.market().topTraderAccountRatio("BTCUSDT", StatsPeriod.MINUTE_5, null).get(0).symbol())
                .isEqualTo("BTCUSDT");
        assertThat(s.last("GET", "/futures/data/topLongShortAccountRatio")).containsEntry("symbol", "BTCUSDT");
    }

    @Test
    void fundingInfoOnCoinm() throws Exception {
        FundingInfo info = market.fundingInfoAsync().get(10, TimeUnit.SECONDS).get(0);
        assertThat(s.last("GET", "/dapi/v1/fundingInfo")).isEmpty();
        assertThat(info.symbol()).isEqualTo("BTCUSD_PERP");
        assertThat(info.adjustedFundingRateFloor()).isEqualByComparingTo("-0.025");
        assertThat(info.fundingIntervalHours()).isEqualTo(8);
        assertThat(info.disclaimer()).isFalse();
    }

    @Test
    void deliveryPricesOnUsdm() {
        List<DeliveryPrice> prices = s.usdm.market().deliveryPrices("BTCUSDT");
        assertThat(s.last("GET", "/futures/data/delivery-price")).containsExactly(entry("pair", "BTCUSDT"));
        assertThat(prices).hasSize(4);
        assertThat(prices.get(0).deliveryTime()).isEqualTo(Instant.ofEpochMilli(1695945600000L));
        assertThat(prices.get(0).deliveryPrice()).isEqualByComparingTo("27103");
        assertThat(prices.get(3).deliveryPrice()).isEqualByComparingTo("44066.3");
    }

    @Test
    void theFormAProductDoesNotDocumentIsRefusedNamingTheRightOneAndNothingIsSent() {
        unsupported(() -> market.openInterestHistory("BTCUSD", StatsPeriod.HOUR_1, 30),
                "openInterestHistory(pair, contractType, period, limit)");
        unsupported(() -> market.takerBuySellVolume("BTCUSD", StatsPeriod.HOUR_1, 30),
                "takerBuySellVolume(pair, contractType, period, limit)");
        unsupported(() -> s.usdm.market().openInterestHistory("BTCUSDT", ContractType.ALL, StatsPeriod.HOUR_1, 30),
                "openInterestHistory(symbol, period, limit)");
        unsupported(() -> s.usdm.market().takerBuySellVolume("BTCUSDT", ContractType.ALL, StatsPeriod.HOUR_1, 30),
                "takerBuySellVolume(symbol, period, limit)");
        unsupported(() -> market.deliveryPrices("BTCUSD"),
                "https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Delivery-Price");
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent() {
        s.rejectedLocally(() -> market.openInterestHistory("BTCUSD", ContractType.CURRENT_MONTH, StatsPeriod.HOUR_1, 30),
                "contractType must be one of");
        s.rejectedLocally(() -> market.takerBuySellVolume("BTCUSD", null, StatsPeriod.HOUR_1, 30),
                "contractType must be one of");
        s.rejectedLocally(() -> market.basis("BTCUSD", ContractType.ALL, StatsPeriod.HOUR_1, 30),
                "contractType must be one of");
        s.rejectedLocally(() -> market.globalAccountRatio("BTCUSD_PERP", StatsPeriod.HOUR_1, 30), "is not a Binance pair");
        s.rejectedLocally(() -> market.topTraderPositionRatio("BTCUSD", null, 30), "period is required");
        s.rejectedLocally(() -> market.topTraderAccountRatio("BTCUSD", StatsPeriod.HOUR_1, 501),
                "limit must be between 1 and 500");
    }

    private void unsupported(ThrowingCallable call, String message) {
        s.reset();
        assertThatThrownBy(call).isInstanceOf(UnsupportedOperationException.class).hasMessageContaining(message);
        assertThat(s.fake.rest().requests()).isEmpty();
    }
}
