package dev.relaykit.binance.futures;

import static dev.relaykit.binance.futures.Sent.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.binance.BinanceKey;
import dev.relaykit.binance.futures.model.ContractType;
import dev.relaykit.binance.futures.model.FuturesExchangeInfo;
import dev.relaykit.binance.futures.model.FuturesOrderType;
import dev.relaykit.binance.futures.model.FuturesTimeInForce;
import dev.relaykit.binance.futures.model.PositionSide;
import dev.relaykit.binance.model.KlineInterval;
import dev.relaykit.binance.model.OrderSide;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Input Binance would refuse gets a clear error, and nothing is sent. */
class BadInputTest {
    private final Sent s = new Sent();

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void leverageOutOfRange() {
        s.rejectedLocally(() -> s.usdm.account().changeLeverage("BTCUSDT", 0), "leverage must be between 1 and 125, was 0");
        s.rejectedLocally(() -> s.usdm.account().changeLeverage("BTCUSDT", 126), "leverage must be between 1 and 125, was 126");
        s.rejectedLocally(() -> s.coinm.account().changeLeverage("BTCUSD_PERP", 200), "between 1 and 125");
        // the async form fails its future instead of throwing, and sends nothing either
        assertThatThrownBy(() -> s.usdm.account().changeLeverageAsync("BTCUSDT", 0).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(s.fake.rest().requests()).isEmpty();
    }

    @Test
    void reduceOnlyWithClosePosition() {
        s.rejectedLocally(() -> s.usdm.trading().newOrder(NewFuturesOrder.builder("BTCUSDT", OrderSide.SELL,
                        FuturesOrderType.STOP_MARKET).triggerPrice(d("58000")).closePosition(true).reduceOnly(true).build()),
                "reduceOnly cannot be sent with closePosition=true");
        s.rejectedLocally(() -> NewFuturesOrder.builder("BTCUSDT", OrderSide.SELL, FuturesOrderType.STOP_MARKET)
                .triggerPrice(d("58000")).closePosition(true).quantity(d("1")).build(), "cannot be sent with a quantity");
        s.rejectedLocally(() -> NewFuturesOrder.builder("BTCUSDT", OrderSide.SELL, FuturesOrderType.LIMIT)
                .price(d("1")).quantity(d("1")).timeInForce(FuturesTimeInForce.GTC).closePosition(true).build(),
                "closePosition is only for STOP_MARKET and TAKE_PROFIT_MARKET");
        s.rejectedLocally(() -> NewFuturesOrder.market("BTCUSDT", OrderSide.SELL, d("1")).toBuilder()
                .positionSide(PositionSide.LONG).reduceOnly(true).build(), "reduceOnly cannot be sent in hedge mode");
    }

    @Test
    void eachTypesMandatoryParameters() {
        s.rejectedLocally(() -> NewFuturesOrder.builder("BTCUSDT", OrderSide.BUY, FuturesOrderType.LIMIT).quantity(d("1"))
                .price(d("1")).build(), "timeInForce is required for a LIMIT order");
        s.rejectedLocally(() -> NewFuturesOrder.builder("BTCUSDT", OrderSide.BUY, FuturesOrderType.STOP).quantity(d("1"))
                .price(d("1")).build(), "trigger price is required for a STOP order");
        s.rejectedLocally(() -> NewFuturesOrder.builder("BTCUSDT", OrderSide.BUY, FuturesOrderType.STOP_MARKET)
                .triggerPrice(d("1")).build(), "quantity (or closePosition=true) is required");
        s.rejectedLocally(() -> NewFuturesOrder.builder("BTCUSDT", OrderSide.BUY, FuturesOrderType.TRAILING_STOP_MARKET)
                .quantity(d("1")).build(), "callbackRate is required");
        s.rejectedLocally(() -> s.usdm.trading().newOrder(NewFuturesOrder.trailingStop("BTCUSDT", OrderSide.SELL, d("1"),
                d("25"))), "callbackRate must be between 0.1 and 20");
        s.rejectedLocally(() -> s.coinm.trading().newOrder(NewFuturesOrder.trailingStop("BTCUSD_PERP", OrderSide.SELL,
                d("1"), d("15"))), "callbackRate must be between 0.1 and 10");
    }

    @Test
    void unknownContractType() {
        assertThatThrownBy(() -> ContractType.parse("WEEKLY")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown contract type 'WEEKLY'").hasMessageContaining("PERPETUAL");
        s.rejectedLocally(() -> s.usdm.market().continuousKlines("BTCUSDT", ContractType.CURRENT_MONTH,
                KlineInterval.HOUR_1, 10), "contractType must be one of");
        s.rejectedLocally(() -> s.usdm.market().continuousKlines("BTCUSDT", ContractType.UNKNOWN,
                KlineInterval.HOUR_1, 10), "contractType must be one of");
    }

    @Test
    void aSpotSymbol() {
        // COIN-M contracts read BTCUSD_PERP / BTCUSD_250926: a spot pair is recognised without asking Binance
        s.rejectedLocally(() -> s.coinm.market().markPrice("BTCUSDT"), "'BTCUSDT' is not a COIN-M contract symbol");
        s.rejectedLocally(() -> s.coinm.trading().newOrder(NewFuturesOrder.market("ETHBTC", OrderSide.BUY, d("1"))),
                "not a COIN-M contract symbol");
        // USD-M symbols look like spot ones: with the exchange information given, a pair it does not list is refused
        FuturesExchangeInfo info = s.usdm.market().exchangeInfo();
        try (UsdmFutures checked = UsdmFutures.builder()
                .environment(s.usdm.environment()).key(BinanceKey.hmac(Sent.KEY, Sent.SECRET)).contractRules(info).build()) {
            s.rejectedLocally(() -> checked.trading().newOrder(NewFuturesOrder.market("BNBBTC", OrderSide.BUY, d("1"))),
                    "'BNBBTC' is not a USD-M futures contract");
            s.rejectedLocally(() -> checked.trading().newOrder(NewFuturesOrder.limit("BLZUSDT", OrderSide.BUY, d("100"),
                    d("0.12345"))), "PRICE_FILTER: price 0.12345 is not a multiple of tickSize 0.0001");
            s.rejectedLocally(() -> checked.trading().newOrder(NewFuturesOrder.limit("BLZUSDT", OrderSide.BUY, d("1.5"),
                    d("0.1234"))), "LOT_SIZE: quantity 1.5 is not a multiple of stepSize 1");
            s.rejectedLocally(() -> checked.trading().newOrder(NewFuturesOrder.limit("BLZUSDT", OrderSide.BUY, d("10"),
                    d("0.1"))), "MIN_NOTIONAL");
            s.reset();
            checked.trading().newOrder(NewFuturesOrder.limit("BLZUSDT", OrderSide.BUY, d("100"), d("0.1")));
            assertThat(s.fake.rest().requests()).hasSize(1);
        }
        s.rejectedLocally(() -> s.usdm.market().orderBook("btc-usdt", 5), "is not a Binance symbol");
    }

    @Test
    void otherLocalChecks() {
        s.rejectedLocally(() -> s.usdm.market().orderBook("BTCUSDT", 7), "limit must be one of");
        s.rejectedLocally(() -> s.usdm.market().klines("BTCUSDT", KlineInterval.SECOND_1, 10), "interval must be 1m to 1M");
        s.rejectedLocally(() -> s.usdm.trading().testOrder(NewFuturesOrder.market("BTCUSDT", OrderSide.BUY, d("-1"))),
                "quantity must be positive");
        assertThatThrownBy(() -> UsdmFutures.builder().environment(FuturesEnvironment.COINM_PRODUCTION).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is COIN_M, this client is USD_M");
    }
}
