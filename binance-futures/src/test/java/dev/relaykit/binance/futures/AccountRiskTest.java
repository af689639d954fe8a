package dev.relaykit.binance.futures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.relaykit.binance.futures.model.AdlQuantile;
import dev.relaykit.binance.futures.model.LeverageBracket;
import dev.relaykit.binance.futures.model.TradingStatus;
import dev.relaykit.binance.model.OrderSide;
import dev.relaykit.testkit.FakeBinanceFutures;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * COIN-M's leverage brackets, ADL quantiles on both products, USD-M's trading status (quantitative rules
 * indicators), and the USD-M-only endpoints (trading status, multi-assets mode, test order) refused on COIN-M with
 * the page that documents them.
 */
class AccountRiskTest {
    private final Sent s = new Sent();

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void coinmBracketsPerSymbolUseTheV2Page() throws Exception {
        List<LeverageBracket> brackets = s.coinm.account().leverageBracketsAsync("BTCUSD_PERP").get(10, TimeUnit.SECONDS);
        assertThat(s.signed("GET", "/dapi/v2/leverageBracket")).containsExactly(entry("symbol", "BTCUSD_PERP"));
        LeverageBracket b = brackets.get(0);
        assertThat(b.symbol()).isEqualTo("BTCUSD_PERP");
        assertThat(b.notionalCoef()).isEqualByComparingTo("1.5");
        LeverageBracket.Bracket first = b.brackets().get(0);
        assertThat(first.initialLeverage()).isEqualTo(125);
        assertThat(first.qtyCap()).isEqualByComparingTo("50");
        assertThat(first.qtyFloor()).as("spelt qtylFloor on the page").isEqualByComparingTo("0");
        assertThat(first.maintMarginRatio()).isEqualByComparingTo("0.004");
        assertThat(first.notionalCap()).isNull();
    }

    @Test
    void coinmBracketsPerPairUseTheV1Page() {
        LeverageBracket b = s.coinm.account().pairLeverageBrackets("BTCUSD").get(0);
        assertThat(s.signed("GET", "/dapi/v1/leverageBracket")).containsExactly(entry("pair", "BTCUSD"));
        assertThat(b.pair()).isEqualTo("BTCUSD");
        assertThat(b.symbol()).isNull();
        assertThat(b.brackets().get(0).qtyCap()).isEqualByComparingTo("50");
        s.coinm.account().pairLeverageBrackets(null);
        assertThat(s.signed("GET", "/dapi/v1/leverageBracket")).isEmpty();
        unsupported(() -> s.usdm.account().pairLeverageBrackets("BTCUSDT"), "Notional-and-Leverage-Brackets");
    }

    @Test
    void adlQuantilesOnBothProducts() {
        List<AdlQuantile> usdm = s.usdm.account().adlQuantiles("ETHUSDT");
        assertThat(s.signed("GET", "/fapi/v1/adlQuantile")).containsExactly(entry("symbol", "ETHUSDT"));
        assertThat(usdm.get(0).symbol()).isEqualTo("ETHUSDT");
        assertThat(usdm.get(0).quantiles().longSide()).isEqualTo(3);
        assertThat(usdm.get(0).quantiles().crossHedged()).isTrue();
        assertThat(usdm.get(0).quantiles().both()).isNull();
        assertThat(usdm.get(1).quantiles().shortSide()).isEqualTo(2);
        assertThat(usdm.get(1).quantiles().both()).isZero();
        assertThat(usdm.get(1).quantiles().crossHedged()).isFalse();

        List<AdlQuantile> coinm = s.coinm.account().adlQuantiles(null);
        assertThat(s.signed("GET", "/dapi/v1/adlQuantile")).isEmpty();
        assertThat(coinm).extracting(AdlQuantile::symbol).containsExactly("BTCUSD_200925", "BTCUSD_201225");
        s.rejectedLocally(() -> s.coinm.account().adlQuantiles("BTCUSDT"), "is not a COIN-M contract symbol");
    }

    @Test
    void tradingStatusPerSymbolAndForTheAccount() {
        TradingStatus status = s.usdm.account().tradingStatus("BTCUSDT");
        assertThat(s.signed("GET", "/fapi/v1/apiTradingStatus")).containsExactly(entry("symbol", "BTCUSDT"));
        assertThat(status.updateTime()).isEqualTo(Instant.ofEpochMilli(1545741270000L));
        List<TradingStatus.Indicator> btc = status.indicators().get("BTCUSDT");
        assertThat(btc).extracting(TradingStatus.Indicator::indicator).containsExactly("UFR", "IFER", "GCR", "DR");
        assertThat(btc.get(0).locked()).isTrue();
        assertThat(btc.get(0).plannedRecoverTime()).isEqualTo(Instant.ofEpochMilli(1545741270000L));
        assertThat(btc.get(0).value()).isEqualByComparingTo("0.05");
        assertThat(btc.get(0).triggerValue()).isEqualByComparingTo("0.995");

        s.fake.rest().stubJson("GET", "/fapi/v1/apiTradingStatus", 200,
                FakeBinanceFutures.resource("usdm-apiTradingStatus-account.json"));
        TradingStatus account = s.usdm.account().tradingStatus(null);
        assertThat(s.signed("GET", "/fapi/v1/apiTradingStatus")).isEmpty();
        assertThat(account.indicators().get("ACCOUNT").get(0).indicator()).isEqualTo("TMV");
        assertThat(account.indicators().get("ACCOUNT").get(0).value()).isEqualByComparingTo("10");
    }

    @Test
    void usdmOnlyEndpointsAreRefusedOnCoinmWithTheirPageAndNothingIsSent() {
        unsupported(() -> s.coinm.account().tradingStatus(null),
                "usds-margined-futures/account/rest-api/Futures-Trading-Quantitative-Rules-Indicators");
        unsupported(() -> s.coinm.account().multiAssetsMode(),
                "usds-margined-futures/account/rest-api/Get-Current-Multi-Assets-Mode");
        unsupported(() -> s.coinm.account().changeMultiAssetsMode(true), "Change-Multi-Assets-Mode");
        unsupported(() -> s.coinm.trading().testOrder(NewFuturesOrder.limit("BTCUSD_PERP", OrderSide.BUY,
                new BigDecimal("1"), new BigDecimal("30000"))), "usds-margined-futures/trade/rest-api/Test-Order");
        s.reset();
        assertThatThrownBy(() -> s.coinm.account().tradingStatusAsync("BTCUSD_PERP").join())
                .hasCauseInstanceOf(UnsupportedOperationException.class);
        assertThat(s.fake.rest().requests()).isEmpty();
    }

    private void unsupported(ThrowingCallable call, String message) {
        s.reset();
        assertThatThrownBy(call).isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("USD-M")
                .hasMessageContaining(message);
        assertThat(s.fake.rest().requests()).isEmpty();
    }
}
