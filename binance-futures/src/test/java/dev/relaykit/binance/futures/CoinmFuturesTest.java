package dev.relaykit.binance.futures;

import static dev.relaykit.binance.futures.Sent.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.relaykit.binance.futures.model.ContractType;
import dev.relaykit.binance.futures.model.FuturesExchangeInfo;
import dev.relaykit.binance.futures.model.FuturesFilter;
import dev.relaykit.binance.futures.model.FuturesOrderType;
import dev.relaykit.binance.futures.model.FuturesSymbol;
import dev.relaykit.binance.futures.model.MarkPrice;
import dev.relaykit.binance.futures.model.PlacedOrder;
import dev.relaykit.binance.model.OrderSide;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** COIN-M on /dapi: the same shape, its own answers, and conditional orders on its order endpoint. */
class CoinmFuturesTest {
    private final Sent s = new Sent();

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void exchangeInfoReadsContractStatusAndSize() {
        FuturesExchangeInfo info = s.coinm.market().exchangeInfo();
        assertThat(s.last("GET", "/dapi/v1/exchangeInfo")).isEmpty();
        FuturesSymbol btc = info.symbol("BTCUSD_200925").orElseThrow();
        assertThat(btc.tradingStatus()).isEqualTo("TRADING");
        assertThat(btc.status()).isNull();
        assertThat(btc.contractSize()).isEqualTo(100);
        assertThat(btc.contractType()).isEqualTo(ContractType.CURRENT_QUARTER);
        assertThat(btc.filter(FuturesFilter.PriceFilter.class).orElseThrow().tickSize()).isEqualByComparingTo("0.1");
    }

    @Test
    void listAnswersForOneSymbolAreUnwrapped() {
        MarkPrice mark = s.coinm.market().markPrice("BTCUSD_PERP");
        assertThat(s.last("GET", "/dapi/v1/premiumIndex")).containsExactly(entry("symbol", "BTCUSD_PERP"));
        assertThat(mark.pair()).isEqualTo("BTCUSD");
        assertThat(mark.markPrice()).isEqualByComparingTo("11029.69574559");
        assertThat(s.coinm.market().ticker24h("BTCUSD_200925").baseVolume()).isEqualByComparingTo("5192.94797687");
        assertThat(s.coinm.market().openInterest("BTCUSD_200626").contractType()).isEqualTo(ContractType.CURRENT_QUARTER);
        assertThat(s.coinm.market().orderBook("BTCUSD_PERP", 5).pair()).isEqualTo("BTCUSD");
        assertThat(s.last("GET", "/dapi/v1/depth")).containsExactly(entry("symbol", "BTCUSD_PERP"), entry("limit", "5"));
    }

    @Test
    void aConditionalOrderGoesToTheCoinmOrderEndpointWithStopPriceAndActivationPrice() {
        PlacedOrder placed = s.coinm.trading().newOrder(NewFuturesOrder.trailingStop("BTCUSD_200925", OrderSide.SELL,
                d("10"), d("0.3")).toBuilder().activationPrice(d("9020")).build());
        Map<String, String> sent = s.signed("POST", "/dapi/v1/order");
        assertThat(sent).containsExactly(entry("symbol", "BTCUSD_200925"), entry("side", "SELL"),
                entry("type", "TRAILING_STOP_MARKET"), entry("quantity", "10"), entry("activationPrice", "9020"),
                entry("callbackRate", "0.3"));
        assertThat(placed).isInstanceOf(PlacedOrder.Regular.class);
        assertThat(((PlacedOrder.Regular) placed).order().type()).isEqualTo(FuturesOrderType.TRAILING_STOP_MARKET);
        assertThat(((PlacedOrder.Regular) placed).order().pair()).isEqualTo("BTCUSD");

        s.coinm.trading().newOrder(NewFuturesOrder.stopMarket("BTCUSD_PERP", OrderSide.SELL, d("1"), d("58000")));
        assertThat(s.signed("POST", "/dapi/v1/order")).containsEntry("stopPrice", "58000").doesNotContainKey("triggerPrice");
        assertThat(s.fake.rest().requests()).noneMatch(r -> r.getUrl().contains("algoOrder"));
    }

    @Test
    void accountPagesAreTheCoinmOnes() {
        assertThat(s.coinm.account().balances().get(0).withdrawAvailable()).isEqualByComparingTo("0.0025");
        assertThat(s.signed("GET", "/dapi/v1/balance")).isEmpty();
        assertThat(s.coinm.account().positions("BTCUSD").get(0).marginType()).isEqualTo("cross");
        assertThat(s.signed("GET", "/dapi/v1/positionRisk")).containsExactly(entry("pair", "BTCUSD"));
        assertThat(s.coinm.account().accountInfo().assets().get(0).asset()).isEqualTo("BTC");
        assertThat(s.coinm.account().changeLeverage("BTCUSD_200925", 21).maxQty()).isEqualByComparingTo("1000");
        assertThat(s.signed("POST", "/dapi/v1/leverage")).containsExactly(entry("symbol", "BTCUSD_200925"),
                entry("leverage", "21"));
    }
}
