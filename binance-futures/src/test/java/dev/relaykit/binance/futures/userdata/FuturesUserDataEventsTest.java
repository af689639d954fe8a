package dev.relaykit.binance.futures.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.testkit.FakeBinanceFuturesStreams;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every typed user data event decodes its documented example, with and without an unknown extra field. */
class FuturesUserDataEventsTest {

    static FuturesUserDataEvent decode(String fixture, boolean unknown) {
        String json = FakeBinanceFuturesStreams.fixture(fixture).trim();
        return FuturesUserDataEvents.decode(unknown ? json.replace("{", "{\"zzNew\":[{\"S\":1}],") : json);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void accountUpdate(boolean unknown) {
        AccountUpdate a = (AccountUpdate) decode("user-ACCOUNT_UPDATE.json", unknown);
        assertThat(a.eventTime()).isEqualTo(Instant.ofEpochMilli(1564745798939L));
        assertThat(a.update().reason()).isEqualTo("ORDER");
        assertThat(a.update().balances()).hasSize(2);
        assertThat(a.update().balances().get(0).walletBalance()).isEqualByComparingTo("122624.12345678");
        assertThat(a.update().positions()).hasSize(3);
        assertThat(a.update().positions().get(1).positionSide()).isEqualTo("LONG");
        assertThat(a.update().positions().get(1).unrealizedPnl()).isEqualByComparingTo("2850.21200000");
        assertThat(a.update().positions().get(2).breakEvenPrice()).isEqualByComparingTo("6563.6");
    }

    @org.junit.jupiter.api.Test
    void accountUpdateWithTheNewASField() {
        String json = FakeBinanceFuturesStreams.fixture("user-ACCOUNT_UPDATE.json").trim()
                .replace("\"a\":{\"m\"", "\"a\":{\"S\":\"x\",\"m\"");
        AccountUpdate a = (AccountUpdate) FuturesUserDataEvents.decode(json);
        assertThat(a.update().reason()).isEqualTo("ORDER");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void orderTradeUpdate(boolean unknown) {
        OrderTradeUpdate o = (OrderTradeUpdate) decode("user-ORDER_TRADE_UPDATE.json", unknown);
        assertThat(o.order().type()).isEqualTo("TRAILING_STOP_MARKET");
        assertThat(o.order().activationPrice()).isEqualByComparingTo("7476.89");
        assertThat(o.order().callbackRate()).isEqualByComparingTo("5.0");
        assertThat(o.order().orderId()).isEqualTo(8886774L);
        assertThat(o.order().expiryReason()).isEqualTo("0");
        assertThat(o.order().positionSide()).isEqualTo("LONG");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void tradeLite(boolean unknown) {
        TradeLite t = (TradeLite) decode("user-TRADE_LITE.json", unknown);
        assertThat(t.lastFilledPrice()).isEqualByComparingTo("64089.20");
        assertThat(t.lastFilledQuantity()).isEqualByComparingTo("0.040");
        assertThat(t.tradeId()).isEqualTo(109100866L);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void algoUpdate(boolean unknown) {
        AlgoUpdate a = (AlgoUpdate) decode("user-ALGO_UPDATE.json", unknown);
        assertThat(a.order().clientAlgoId()).isEqualTo("Q5xaq5EGKgXXa0fD7fs0Ip");
        assertThat(a.order().algoId()).isEqualTo(2148719L);
        assertThat(a.order().status()).isEqualTo("CANCELED");
        assertThat(a.order().triggerPrice()).isEqualByComparingTo("750");
        assertThat(a.order().rejectReason()).isEqualTo("Reduce Only reject");
        assertThat(a.eventTime()).isEqualTo(Instant.ofEpochMilli(1750515742303L));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void accountConfigUpdates(boolean unknown) {
        AccountConfigUpdate l = (AccountConfigUpdate) decode("user-ACCOUNT_CONFIG_UPDATE-leverage.json", unknown);
        assertThat(l.leverage()).isEqualTo(new AccountConfigUpdate.Leverage("BTCUSDT", 25));
        assertThat(l.multiAssets()).isNull();
        AccountConfigUpdate m = (AccountConfigUpdate) decode("user-ACCOUNT_CONFIG_UPDATE-multiAssets.json", unknown);
        assertThat(m.multiAssets().multiAssetsMode()).isTrue();
        assertThat(m.leverage()).isNull();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void marginCall(boolean unknown) {
        MarginCall m = (MarginCall) decode("user-MARGIN_CALL.json", unknown);
        assertThat(m.crossWalletBalance()).isEqualByComparingTo("3.16812045");
        assertThat(m.positions()).singleElement().satisfies(p -> {
            assertThat(p.symbol()).isEqualTo("ETHUSDT");
            assertThat(p.maintenanceMargin()).isEqualTo(new BigDecimal("1.614445"));
        });
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void listenKeyExpiredWithItsTimeAsAString(boolean unknown) {
        ListenKeyExpiredEvent e = (ListenKeyExpiredEvent) decode("user-listenKeyExpired.json", unknown);
        assertThat(e.eventTime()).isEqualTo(Instant.ofEpochMilli(1736996475556L));
        assertThat(e.listenKey()).startsWith("WsCMN0a4");
        assertThat(e.toString()).doesNotContain("WsCMN0a4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"user-GRID_UPDATE.json"})
    void unknownKindsAreKeptRaw(String fixture) {
        FuturesUserDataEvent e = FuturesUserDataEvents.decode(FakeBinanceFuturesStreams.fixture(fixture));
        assertThat(e).isInstanceOfSatisfying(UnknownUserDataEvent.class, u -> {
            assertThat(u.eventType()).isEqualTo("GRID_UPDATE");
            assertThat(u.json().path("gu").path("s").asText()).isEqualTo("BTCUSDT");
        });
        assertThat(FuturesUserDataEvents.decode("{\"stream\":\"key\",\"data\":"
                + FakeBinanceFuturesStreams.fixture("user-TRADE_LITE.json").trim() + "}"))
                .as("a combined-stream wrapper is unwrapped").isInstanceOf(TradeLite.class);
    }
}
