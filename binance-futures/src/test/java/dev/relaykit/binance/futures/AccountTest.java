package dev.relaykit.binance.futures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.relaykit.binance.futures.model.CommissionRate;
import dev.relaykit.binance.futures.model.FuturesAccountInfo;
import dev.relaykit.binance.futures.model.FuturesBalance;
import dev.relaykit.binance.futures.model.IncomeRecord;
import dev.relaykit.binance.futures.model.LeverageChange;
import dev.relaykit.binance.futures.model.MarginType;
import dev.relaykit.binance.futures.model.PositionRisk;
import dev.relaykit.binance.futures.model.PositionSide;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** USD-M account and positions: exactly what Binance documents is sent, and the documented answers decode. */
class AccountTest {
    private final Sent s = new Sent();
    private final FuturesAccount account = s.usdm.account();

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void leverageSendsSymbolAndLeverage() {
        LeverageChange change = account.changeLeverage("BTCUSDT", 21);
        assertThat(s.signed("POST", "/fapi/v1/leverage")).containsExactly(entry("symbol", "BTCUSDT"), entry("leverage", "21"));
        assertThat(change.leverage()).isEqualTo(21);
        assertThat(change.maxNotionalValue()).isEqualByComparingTo("1000000");
    }

    @Test
    void marginTypeSendsSymbolAndIsolatedOrCrossed() {
        assertThat(account.changeMarginType("BTCUSDT", MarginType.ISOLATED).code()).isEqualTo(200);
        assertThat(s.signed("POST", "/fapi/v1/marginType")).containsExactly(entry("symbol", "BTCUSDT"),
                entry("marginType", "ISOLATED"));
        account.changeMarginTypeAsync("BTCUSDT", MarginType.CROSSED).join();
        assertThat(s.signed("POST", "/fapi/v1/marginType")).containsExactly(entry("symbol", "BTCUSDT"),
                entry("marginType", "CROSSED"));
    }

    @Test
    void positionModeIsReadAndChangedWithDualSidePosition() {
        assertThat(account.hedgeMode()).isTrue();
        assertThat(s.signed("GET", "/fapi/v1/positionSide/dual")).isEmpty();
        assertThat(account.changePositionMode(true).msg()).isEqualTo("success");
        assertThat(s.signed("POST", "/fapi/v1/positionSide/dual")).containsExactly(entry("dualSidePosition", "true"));
        account.changePositionMode(false);
        assertThat(s.signed("POST", "/fapi/v1/positionSide/dual")).containsExactly(entry("dualSidePosition", "false"));
    }

    @Test
    void balancesAccountAndPositionsUseTheV3Pages() {
        List<FuturesBalance> balances = account.balances();
        assertThat(s.signed("GET", "/fapi/v3/balance")).isEmpty();
        assertThat(balances.get(0).asset()).isEqualTo("USDT");
        assertThat(balances.get(0).availableBalance()).isEqualByComparingTo("23.72469206");
        assertThat(balances.get(0).marginAvailable()).isTrue();

        FuturesAccountInfo info = account.accountInfo();
        assertThat(s.signed("GET", "/fapi/v3/account")).isEmpty();
        assertThat(info.totalWalletBalance()).isEqualByComparingTo("126.72469206");
        assertThat(info.assets().get(0).asset()).isEqualTo("USDT");
        assertThat(info.positions().get(0).positionAmt()).isEqualByComparingTo("1");

        List<PositionRisk> positions = account.positions("ADAUSDT");
        assertThat(s.signed("GET", "/fapi/v3/positionRisk")).containsExactly(entry("symbol", "ADAUSDT"));
        PositionRisk ada = positions.get(0);
        assertThat(ada.positionSide()).isEqualTo(PositionSide.BOTH);
        assertThat(ada.positionAmt()).isEqualByComparingTo("30");
        assertThat(ada.breakEvenPrice()).isEqualByComparingTo("0.385077");
        assertThat(ada.adl()).isEqualTo(2);
        assertThat(ada.updateTime()).isEqualTo(Instant.ofEpochMilli(1720736417660L));
    }

    @Test
    void incomeAndCommission() {
        Instant from = Instant.parse("2026-11-01T00:00:00Z");
        List<IncomeRecord> income = account.income(null, "TRANSFER", from, null, 100);
        assertThat(s.signed("GET", "/fapi/v1/income")).containsExactly(entry("incomeType", "TRANSFER"),
                entry("startTime", Long.toString(from.toEpochMilli())), entry("limit", "100"));
        assertThat(income.get(0).income()).isEqualByComparingTo("-0.375");
        assertThat(income.get(0).tranId()).isEqualTo(9689322392L);

        CommissionRate rate = account.commissionRate("BTCUSDT");
        assertThat(s.signed("GET", "/fapi/v1/commissionRate")).containsExactly(entry("symbol", "BTCUSDT"));
        assertThat(rate.takerCommissionRate()).isEqualByComparingTo("0.0004");
        assertThat(rate.rpiCommissionRate()).isEqualByComparingTo("0.00005");
    }
}
