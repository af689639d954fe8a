package dev.relaykit.binance.futures;

import static dev.relaykit.binance.futures.Sent.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.relaykit.binance.futures.model.Basis;
import dev.relaykit.binance.futures.model.ContractType;
import dev.relaykit.binance.futures.model.FuturesAccountTrade;
import dev.relaykit.binance.futures.model.FuturesOrder;
import dev.relaykit.binance.futures.model.LeverageBracket;
import dev.relaykit.binance.futures.model.LongShortRatio;
import dev.relaykit.binance.futures.model.OpenInterestStat;
import dev.relaykit.binance.futures.model.PositionSide;
import dev.relaykit.binance.futures.model.StatsPeriod;
import dev.relaykit.binance.futures.model.TakerVolume;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Account trades, forced orders, isolated margin, brackets, multi-assets mode and the statistics endpoints. */
class MoreEndpointsTest {
    private final Sent s = new Sent();

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void accountTradesAndForcedOrders() {
        List<FuturesAccountTrade> fills = s.usdm.account().accountTrades("BTCUSDT", null, null, 100);
        assertThat(s.signed("GET", "/fapi/v1/userTrades")).containsExactly(entry("symbol", "BTCUSDT"), entry("limit", "100"));
        assertThat(fills.get(0).realizedPnl()).isEqualByComparingTo("-0.91539999");
        assertThat(fills.get(0).positionSide()).isEqualTo(PositionSide.SHORT);
        assertThat(fills.get(0).time()).isEqualTo(Instant.ofEpochMilli(1569514978020L));

        List<FuturesOrder> forced = s.usdm.account().forceOrders("BTCUSDT", "LIQUIDATION", null);
        assertThat(s.signed("GET", "/fapi/v1/forceOrders")).containsExactly(entry("symbol", "BTCUSDT"),
                entry("autoCloseType", "LIQUIDATION"));
        assertThat(forced.get(0).clientOrderId()).startsWith("autoclose-");
        s.rejectedLocally(() -> s.usdm.account().forceOrders(null, "MARGIN_CALL", null), "LIQUIDATION or ADL");
    }

    @Test
    void isolatedMarginBracketsAndMultiAssetsMode() {
        assertThat(s.usdm.account().changePositionMargin("BTCUSDT", PositionSide.BOTH, d("100"), true).amount())
                .isEqualByComparingTo("100");
        assertThat(s.signed("POST", "/fapi/v1/positionMargin")).containsExactly(entry("symbol", "BTCUSDT"),
                entry("positionSide", "BOTH"), entry("amount", "100"), entry("type", "1"));
        assertThat(s.usdm.account().positionMarginHistory("BTCUSDT", null).get(0).deltaType()).isEqualTo("USER_ADJUST");

        List<LeverageBracket> brackets = s.usdm.account().leverageBrackets("ETHUSDT");
        assertThat(s.signed("GET", "/fapi/v1/leverageBracket")).containsExactly(entry("symbol", "ETHUSDT"));
        assertThat(brackets.get(0).brackets().get(0).initialLeverage()).isEqualTo(75);
        assertThat(brackets.get(0).brackets().get(0).maintMarginRatio()).isEqualByComparingTo("0.0065");

        assertThat(s.usdm.account().multiAssetsMode()).isTrue();
        s.usdm.account().changeMultiAssetsMode(false);
        assertThat(s.signed("POST", "/fapi/v1/multiAssetsMargin")).containsExactly(entry("multiAssetsMargin", "false"));
        assertThatThrownBy(() -> s.coinm.account().multiAssetsMode()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void historicalTradesSendTheKeyAndFundingInfo() {
        assertThat(s.usdm.market().historicalTrades("BTCUSDT", 28457L, 10).get(0).quoteQty()).isEqualByComparingTo("8000");
        assertThat(s.last("GET", "/fapi/v1/historicalTrades")).containsExactly(entry("symbol", "BTCUSDT"),
                entry("fromId", "28457"), entry("limit", "10"));
        assertThat(s.fake.rest().requests().get(0).getHeader("X-MBX-APIKEY")).isEqualTo(Sent.KEY);
        var info = s.usdm.market().fundingInfo().get(0);
        assertThat(info.fundingIntervalHours()).isEqualTo(8);
        assertThat(info.adjustedFundingRateCap()).isEqualByComparingTo("0.025");
    }

    @Test
    void statistics() {
        List<OpenInterestStat> oi = s.usdm.market().openInterestHistory("BTCUSDT", StatsPeriod.HOUR_1, 30);
        assertThat(s.last("GET", "/futures/data/openInterestHist")).containsExactly(entry("symbol", "BTCUSDT"),
                entry("period", "1h"), entry("limit", "30"));
        assertThat(oi.get(0).sumOpenInterest()).isEqualByComparingTo("20403.12345678");
        assertThat(oi.get(0).cmcCirculatingSupply()).isEqualByComparingTo("165880.538");
        assertThat(oi.get(0).time()).isEqualTo(Instant.ofEpochMilli(1591261042378L));

        LongShortRatio top = s.usdm.market().topTraderAccountRatio("BTCUSDT", StatsPeriod.MINUTE_5, null).get(0);
        assertThat(top.longShortRatio()).isEqualByComparingTo("1.8105");
        assertThat(s.usdm.market().topTraderPositionRatio("BTCUSDT", StatsPeriod.MINUTE_5, null).get(0).longShortRatio())
                .isEqualByComparingTo("1.4342");
        assertThat(s.usdm.market().globalAccountRatio("BTCUSDT", StatsPeriod.DAY_1, null).get(0).longAccount())
                .isEqualByComparingTo("0.6622");
        TakerVolume taker = s.usdm.market().takerBuySellVolume("BTCUSDT", StatsPeriod.HOUR_4, 10).get(0);
        assertThat(taker.buySellRatio()).isEqualByComparingTo("1.5586");

        Basis basis = s.usdm.market().basis("BTCUSDT", ContractType.PERPETUAL, StatsPeriod.MINUTE_5, 1).get(0);
        assertThat(s.last("GET", "/futures/data/basis")).containsExactly(entry("pair", "BTCUSDT"),
                entry("contractType", "PERPETUAL"), entry("period", "5m"), entry("limit", "1"));
        assertThat(basis.basis()).isEqualByComparingTo("13.94054945");
        assertThat(basis.annualizedBasisRate()).isNull();
        s.rejectedLocally(() -> s.usdm.market().basis("BTCUSDT", ContractType.NEXT_MONTH, StatsPeriod.MINUTE_5, 1),
                "contractType must be one of");
    }
}
