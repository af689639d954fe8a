package dev.relaykit.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.binance.model.ExchangeInfo;
import dev.relaykit.binance.model.SymbolInfo;
import dev.relaykit.core.json.Json;
import dev.relaykit.testkit.FakeBinance;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Local order checks from exchange information: {@link SymbolRules} and {@link ExchangeInfoCache}. */
class SymbolRulesTest {
    /** The documented exchangeInfo example: ETHBTC, tickSize 0.000001, stepSize 0.001, NOTIONAL 10..10000. */
    private static final ExchangeInfo DOCS = Json.read(FakeBinance.resource("market-exchange-info.json"),
            ExchangeInfo.class);
    private final SymbolRules ethbtc = SymbolRules.of(DOCS.symbol("ETHBTC").orElseThrow());

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    private static SymbolInfo symbol(String filters) {
        return Json.read("{\"symbol\":\"TESTUSDT\",\"status\":\"TRADING\",\"filters\":[" + filters + "]}",
                SymbolInfo.class);
    }

    @Test
    void quantityMustSitOnTheLotSizeGrid() {
        assertThat(ethbtc.checkQuantity(bd("0.001"))).isEqualTo(bd("0.001"));
        assertThat(ethbtc.checkQuantity(bd("1.234000"))).isEqualTo(bd("1.234000"));
        assertThat(ethbtc.checkQuantity(bd("100000"))).isEqualTo(bd("100000"));
        assertThatThrownBy(() -> ethbtc.checkQuantity(bd("0.0015")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ETHBTC quantity 0.0015 fails LOT_SIZE: not a multiple of stepSize 0.00100000"
                        + " (nearest below: 0.001)");
        assertThatThrownBy(() -> ethbtc.checkQuantity(bd("0.0009")))
                .hasMessage("ETHBTC quantity 0.0009 fails LOT_SIZE: below minQty 0.00100000");
        assertThatThrownBy(() -> ethbtc.checkQuantity(bd("100000.001")))
                .hasMessage("ETHBTC quantity 100000.001 fails LOT_SIZE: above maxQty 100000.00000000");
        assertThatThrownBy(() -> ethbtc.checkQuantity(BigDecimal.ZERO))
                .hasMessage("ETHBTC quantity must be positive, was 0");
        assertThatThrownBy(() -> ethbtc.checkQuantity(bd("-1"))).hasMessageContaining("must be positive, was -1");
        assertThatThrownBy(() -> ethbtc.checkQuantity(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void priceMustSitOnTheTickSizeGridWithinBounds() {
        assertThat(ethbtc.checkPrice(bd("0.068123"))).isEqualTo(bd("0.068123"));
        assertThatThrownBy(() -> ethbtc.checkPrice(bd("0.0681234")))
                .hasMessage("ETHBTC price 0.0681234 fails PRICE_FILTER: not a multiple of tickSize 0.00000100"
                        + " (nearest below: 0.068123)");
        assertThatThrownBy(() -> ethbtc.checkPrice(bd("0.0000005")))
                .hasMessage("ETHBTC price 0.0000005 fails PRICE_FILTER: below minPrice 0.00000100");
        assertThatThrownBy(() -> ethbtc.checkPrice(bd("100000.000001")))
                .hasMessage("ETHBTC price 100000.000001 fails PRICE_FILTER: above maxPrice 100000.00000000");
    }

    @Test
    void zeroDisablesAPriceFilterRule() {
        SymbolRules rules = SymbolRules.of(symbol(
                "{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"0\",\"maxPrice\":\"0\",\"tickSize\":\"0.01\"}"));
        assertThat(rules.checkPrice(bd("0.01"))).isEqualTo(bd("0.01"));
        assertThat(rules.checkPrice(bd("987654321.99"))).isEqualTo(bd("987654321.99"));
        assertThatThrownBy(() -> rules.checkPrice(bd("1.001"))).hasMessageContaining("tickSize 0.01");
        SymbolRules noTick = SymbolRules.of(symbol(
                "{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"1\",\"maxPrice\":\"0\",\"tickSize\":\"0\"}"));
        assertThat(noTick.checkPrice(bd("1.23456789"))).isEqualTo(bd("1.23456789"));
        assertThat(noTick.floorPrice(bd("1.23456789"))).isEqualTo(bd("1.23456789"));
        assertThatThrownBy(() -> noTick.checkPrice(bd("0.5"))).hasMessageContaining("below minPrice 1");
    }

    @Test
    void notionalMustBeWithinMinNotionalAndNotional() {
        // NOTIONAL 10..10000 in the documented example (MIN_NOTIONAL 0.001 is looser)
        assertThat(ethbtc.checkNotional(bd("0.05"), bd("200"))).isEqualByComparingTo("10");
        assertThatThrownBy(() -> ethbtc.checkNotional(bd("0.05"), bd("199")))
                .hasMessage("ETHBTC notional 9.95 fails NOTIONAL: below minNotional 10.00000000");
        assertThatThrownBy(() -> ethbtc.checkNotional(bd("1"), bd("10001")))
                .hasMessage("ETHBTC notional 10001 fails NOTIONAL: above maxNotional 10000.00000000");
        SymbolRules minOnly = SymbolRules.of(symbol(
                "{\"filterType\":\"MIN_NOTIONAL\",\"minNotional\":\"5\",\"applyToMarket\":true,\"avgPriceMins\":5}"));
        assertThatThrownBy(() -> minOnly.checkNotional(bd("2"), bd("2")))
                .hasMessage("TESTUSDT notional 4 fails MIN_NOTIONAL: below minNotional 5");
        assertThat(minOnly.checkNotional(bd("2"), bd("1000000"))).isEqualByComparingTo("2000000");
    }

    @Test
    void aLimitOrderIsCheckedOnEveryRuleInTurn() {
        ethbtc.checkLimitOrder(bd("0.05"), bd("200"));
        assertThatThrownBy(() -> ethbtc.checkLimitOrder(bd("0.0500001"), bd("200"))).hasMessageContaining("PRICE_FILTER");
        assertThatThrownBy(() -> ethbtc.checkLimitOrder(bd("0.05"), bd("200.0001"))).hasMessageContaining("LOT_SIZE");
        assertThatThrownBy(() -> ethbtc.checkLimitOrder(bd("0.05"), bd("1"))).hasMessageContaining("NOTIONAL");
    }

    @Test
    void marketQuantityAlsoChecksMarketLotSizeWhoseZeroStepIsDisabled() {
        SymbolRules rules = SymbolRules.of(symbol(
                "{\"filterType\":\"LOT_SIZE\",\"minQty\":\"0.00001\",\"maxQty\":\"9000\",\"stepSize\":\"0.00001\"},"
                + "{\"filterType\":\"MARKET_LOT_SIZE\",\"minQty\":\"0\",\"maxQty\":\"76.5\",\"stepSize\":\"0\"}"));
        assertThat(rules.checkMarketQuantity(bd("76.5"))).isEqualTo(bd("76.5"));
        assertThatThrownBy(() -> rules.checkMarketQuantity(bd("76.50001")))
                .hasMessage("TESTUSDT quantity 76.50001 fails MARKET_LOT_SIZE: above maxQty 76.5");
        assertThat(rules.checkQuantity(bd("76.50001"))).isEqualTo(bd("76.50001")); // LOT_SIZE alone allows it
        assertThatThrownBy(() -> rules.checkMarketQuantity(bd("0.000015"))).hasMessageContaining("LOT_SIZE: not a multiple");
    }

    @Test
    void flooringPutsValuesOnTheGrid() {
        assertThat(ethbtc.floorQuantity(bd("1.23456"))).isEqualTo(bd("1.234"));
        assertThat(ethbtc.floorQuantity(bd("0.001"))).isEqualTo(bd("0.001"));
        assertThat(ethbtc.floorPrice(bd("0.0681239"))).isEqualTo(bd("0.068123"));
        SymbolRules tens = SymbolRules.of(symbol(
                "{\"filterType\":\"LOT_SIZE\",\"minQty\":\"10\",\"maxQty\":\"0\",\"stepSize\":\"10.00\"}"));
        assertThat(tens.floorQuantity(bd("129.5"))).isEqualTo(bd("120"));
        assertThat(tens.checkQuantity(bd("120"))).isEqualTo(bd("120"));
        SymbolRules none = SymbolRules.of(symbol(""));
        assertThat(none.floorQuantity(bd("1.23456"))).isEqualTo(bd("1.23456"));
        assertThat(none.checkQuantity(bd("0.000000001"))).isEqualTo(bd("0.000000001"));
        assertThat(none.lotSize()).isEmpty();
        assertThat(ethbtc.priceFilter()).isPresent();
    }

    @Test
    void cacheAnswersRulesPerSymbolAndNamesUnknownOnes() {
        ExchangeInfoCache cache = new ExchangeInfoCache(Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"),
                ZoneOffset.UTC));
        assertThatThrownBy(() -> cache.rules("ETHBTC")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no exchange information yet");
        assertThat(cache.contains("ETHBTC")).isFalse();
        assertThat(cache.exchangeInfo()).isEmpty();

        cache.update(DOCS);
        assertThat(cache.updatedAt()).contains(Instant.parse("2025-06-01T00:00:00Z"));
        assertThat(cache.contains("ETHBTC")).isTrue();
        assertThat(cache.symbol("ETHBTC").baseAsset()).isEqualTo("ETH");
        assertThat(cache.rules("ETHBTC").symbol()).isEqualTo("ETHBTC");
        assertThatThrownBy(() -> cache.rules("ETHBTC").checkQuantity(bd("0.0015"))).hasMessageContaining("LOT_SIZE");
        assertThatThrownBy(() -> cache.rules("FOOBAR")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown symbol FOOBAR");
        assertThatThrownBy(() -> cache.symbol("ethbtc")).hasMessage("unknown symbol ethbtc (symbols are upper case)");

        // an update replaces the whole content
        cache.update(new ExchangeInfo("UTC", Instant.EPOCH, null, null, java.util.List.of(symbol("")), null));
        assertThat(cache.contains("ETHBTC")).isFalse();
        assertThat(cache.rules("TESTUSDT").symbol()).isEqualTo("TESTUSDT");
        assertThat(ExchangeInfoCache.of(DOCS).rules("ETHBTC").lotSize()).isPresent();
    }
}
