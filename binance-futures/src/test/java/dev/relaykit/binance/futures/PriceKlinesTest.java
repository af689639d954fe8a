package dev.relaykit.binance.futures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.relaykit.binance.model.Kline;
import dev.relaykit.binance.model.KlineInterval;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Index price, mark price and premium index klines on both products: the documented request (path, pair or symbol,
 * interval, limit, times) and the documented example decoded as typed klines.
 */
class PriceKlinesTest {
    private final Sent s = new Sent();

    @AfterEach
    void close() {
        s.close();
    }

    @Test
    void usdmIndexPriceKlinesArePerPair() {
        List<Kline> bars = s.usdm.market().indexPriceKlines("BTCUSDT", KlineInterval.MINUTE_1, 10);
        assertThat(s.last("GET", "/fapi/v1/indexPriceKlines")).containsExactly(entry("pair", "BTCUSDT"),
                entry("interval", "1m"), entry("limit", "10"));
        Kline k = bars.get(0);
        assertThat(k.openTime()).isEqualTo(Instant.ofEpochMilli(1591256400000L));
        assertThat(k.open()).isEqualByComparingTo("9653.69440000");
        assertThat(k.high()).isEqualByComparingTo("9653.69640000");
        assertThat(k.low()).isEqualByComparingTo("9651.38600000");
        assertThat(k.close()).isEqualByComparingTo("9651.55200000");
        assertThat(k.volume()).as("the page prints \"0 \"").isZero();
        assertThat(k.closeTime()).isEqualTo(Instant.ofEpochMilli(1591256459999L));
        assertThat(k.tradeCount()).isEqualTo(60);
    }

    @Test
    void usdmMarkPriceKlinesSendTheSymbolAndTheTimes() {
        Instant from = Instant.ofEpochMilli(1591256400000L);
        Instant to = Instant.ofEpochMilli(1591260000000L);
        Kline k = s.usdm.market().markPriceKlines("BTCUSDT", KlineInterval.MINUTE_1, from, to, null).get(0);
        assertThat(s.last("GET", "/fapi/v1/markPriceKlines")).containsExactly(entry("symbol", "BTCUSDT"),
                entry("interval", "1m"), entry("startTime", "1591256400000"), entry("endTime", "1591260000000"));
        assertThat(k.open()).isEqualByComparingTo("9653.29201333");
        assertThat(k.high()).isEqualByComparingTo("9654.56401333");
        assertThat(k.close()).isEqualByComparingTo("9653.07367333");
    }

    @Test
    void premiumIndexKlinesCarryNegativeRatios() throws Exception {
        Kline k = s.usdm.market().premiumIndexKlinesAsync("BTCUSDT", KlineInterval.HOUR_1, null, null, 1500)
                .get(10, TimeUnit.SECONDS).get(0);
        assertThat(s.last("GET", "/fapi/v1/premiumIndexKlines")).containsExactly(entry("symbol", "BTCUSDT"),
                entry("interval", "1h"), entry("limit", "1500"));
        assertThat(k.open()).isEqualByComparingTo("-0.00042931");
        assertThat(k.low()).isEqualByComparingTo("-0.00059406");
        assertThat(k.closeTime()).isEqualTo(Instant.ofEpochMilli(1691603879999L));
        assertThat(k.tradeCount()).isEqualTo(12);
    }

    @Test
    void coinmPathsAreUnderDapi() {
        assertThat(s.coinm.market().indexPriceKlines("BTCUSD", KlineInterval.DAY_1, 5).get(0).tradeCount()).isEqualTo(60);
        assertThat(s.last("GET", "/dapi/v1/indexPriceKlines")).containsExactly(entry("pair", "BTCUSD"),
                entry("interval", "1d"), entry("limit", "5"));
        assertThat(s.coinm.market().markPriceKlines("BTCUSD_PERP", KlineInterval.MINUTE_5, null).get(0).open())
                .isEqualByComparingTo("9653.29201333");
        assertThat(s.last("GET", "/dapi/v1/markPriceKlines")).containsExactly(entry("symbol", "BTCUSD_PERP"),
                entry("interval", "5m"));
        assertThat(s.coinm.market().premiumIndexKlines("BTCUSD_PERP", KlineInterval.MINUTE_1, 2).get(0).close())
                .isEqualByComparingTo("-0.00043659");
        assertThat(s.last("GET", "/dapi/v1/premiumIndexKlines")).containsExactly(entry("symbol", "BTCUSD_PERP"),
                entry("interval", "1m"), entry("limit", "2"));
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent() {
        s.rejectedLocally(() -> s.usdm.market().indexPriceKlines("BTCUSD_PERP", KlineInterval.MINUTE_1, 10),
                "is not a Binance pair");
        s.rejectedLocally(() -> s.usdm.market().markPriceKlines("BTCUSDT", KlineInterval.SECOND_1, 10),
                "interval must be 1m to 1M");
        s.rejectedLocally(() -> s.usdm.market().premiumIndexKlines("BTCUSDT", KlineInterval.MINUTE_1, 1501),
                "limit must be between 1 and 1500");
        s.rejectedLocally(() -> s.coinm.market().markPriceKlines("BTCUSDT", KlineInterval.MINUTE_1, 10),
                "is not a COIN-M contract symbol");
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        s.rejectedLocally(() -> s.coinm.market().indexPriceKlines("BTCUSD", KlineInterval.DAY_1, from,
                from.plusSeconds(201L * 86400), null), "spans more than 200 days");
        s.rejectedLocally(() -> s.usdm.market().markPriceKlines("BTCUSDT", KlineInterval.DAY_1, from,
                from.minusSeconds(1), null), "is before startTime");
    }

    @Test
    void theAsyncFormFailsItsFutureAndSendsNothing() {
        s.reset();
        assertThatThrownBy(() -> s.usdm.market().markPriceKlinesAsync("BTCUSDT", null, null, null, 10).get())
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interval must be 1m to 1M");
        assertThat(s.fake.rest().requests()).isEmpty();
    }
}
