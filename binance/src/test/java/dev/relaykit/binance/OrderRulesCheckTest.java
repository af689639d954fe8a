package dev.relaykit.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.binance.model.CancelReplaceMode;
import dev.relaykit.binance.model.OrderSide;
import dev.relaykit.testkit.FakeBinance;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Orders checked against exchange information before anything is sent. */
class OrderRulesCheckTest {
    private FakeBinance fake;
    private BinanceSpot client;

    @BeforeEach
    void start() {
        fake = FakeBinance.start().acceptHmacKey("k", "s").simulateOrders(new BigDecimal("0.05"));
        BinanceEnvironment env = BinanceEnvironment.custom(fake.restBaseUrl(), "ws://127.0.0.1:1", "ws://127.0.0.1:1/x");
        ExchangeInfoCache cache;
        try (BinanceSpot loader = BinanceSpot.builder().environment(env).build()) {
            // the documented exchange information: ETHBTC, tick 0.000001, step 0.001, notional 10..10000
            cache = ExchangeInfoCache.of(loader.market().exchangeInfo());
        }
        client = BinanceSpot.builder().environment(env).key(BinanceKey.hmac("k", "s")).orderRules(cache).build();
        fake.rest().wireMock().resetRequests();
    }

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    @Test
    void anUnknownSymbolAWrongStepOrTickOrATooSmallNotionalFailBeforeSending() {
        Trading t = client.trading();
        assertThatThrownBy(() -> t.placeLimitOrder("FOOBAR", OrderSide.BUY, new BigDecimal("1"), new BigDecimal("1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown symbol FOOBAR");
        assertThatThrownBy(() -> t.placeLimitOrder("ETHBTC", OrderSide.BUY, new BigDecimal("300.0015"), new BigDecimal("0.05")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LOT_SIZE");
        assertThatThrownBy(() -> t.placeLimitOrder("ETHBTC", OrderSide.BUY, new BigDecimal("300"), new BigDecimal("0.0500005")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PRICE_FILTER");
        assertThatThrownBy(() -> t.placeLimitOrder("ETHBTC", OrderSide.BUY, new BigDecimal("1"), new BigDecimal("0.05")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NOTIONAL");
        assertThatThrownBy(() -> t.testOrder(NewOrder.market("ETHBTC", OrderSide.SELL, new BigDecimal("0.0001")).build(), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LOT_SIZE");
        assertThat(fake.rest().requests()).isEmpty();
    }

    @Test
    void aCancelReplaceWhoseNewOrderBreaksTheRulesFailsBeforeSending() {
        CancelReplace request = CancelReplace.of(CancelReplaceMode.STOP_ON_FAILURE,
                NewOrder.limit("ETHBTC", OrderSide.BUY, new BigDecimal("300.0015"), new BigDecimal("0.05")).build())
                .cancelOrderId(1L).build();
        assertThatThrownBy(() -> client.trading().cancelReplace(request))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LOT_SIZE");
        assertThatThrownBy(() -> client.trading().cancelReplaceAsync(request))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LOT_SIZE");
        assertThat(fake.rest().requests()).isEmpty();
    }

    @Test
    void aValidOrderGoesThrough() {
        var placed = client.trading().placeLimitOrder("ETHBTC", OrderSide.BUY, new BigDecimal("300"), new BigDecimal("0.05"));
        assertThat(placed.symbol()).isEqualTo("ETHBTC");
        assertThat(fake.rest().requests()).hasSize(1);
    }
}
