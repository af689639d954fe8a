package dev.relaykit.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.relaykit.binance.SentRequests.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.relaykit.binance.model.ConvertAcceptance;
import dev.relaykit.binance.model.ConvertAssetPrecision;
import dev.relaykit.binance.model.ConvertExpiry;
import dev.relaykit.binance.model.ConvertLimitOrderResult;
import dev.relaykit.binance.model.ConvertOrder;
import dev.relaykit.binance.model.ConvertOrderStatus;
import dev.relaykit.binance.model.ConvertPair;
import dev.relaykit.binance.model.ConvertQuote;
import dev.relaykit.binance.model.ConvertQuoteValidity;
import dev.relaykit.binance.model.ConvertTradeHistory;
import dev.relaykit.binance.model.ConvertWalletType;
import dev.relaykit.binance.model.OrderSide;
import dev.relaykit.core.ApiException;
import dev.relaykit.core.rest.RetryPolicy;
import dev.relaykit.testkit.FakeBinance;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The typed Convert endpoints against the fake Binance, which checks every signature as Binance does. */
class ConvertTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private FakeBinance fake;
    private BinanceSpot binance;
    private Convert convert;

    @BeforeEach
    void start() {
        fake = FakeBinance.start().acceptHmacKey("convert-key", "convert-secret");
        binance = BinanceSpot.builder()
                .environment(BinanceEnvironment.custom(fake.restBaseUrl(), "ws://127.0.0.1:1", "ws://127.0.0.1:1"))
                .key(BinanceKey.hmac("convert-key", "convert-secret"))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ZERO))
                .build();
        convert = binance.convert();
    }

    @AfterEach
    void stop() {
        binance.close();
        fake.close();
    }

    /** The only request since the last reset: checks method, path and (if signed) the signature; returns its parameters. */
    private Map<String, String> onlyRequest(String method, String path, boolean signed) {
        LoggedRequest r = SentRequests.only(fake);
        Map<String, String> params;
        if (signed) {
            params = SentRequests.signedQuery(fake, r, method, path, "convert-key");
        } else {
            params = SentRequests.query(fake, r, method, path);
            assertThat(params).doesNotContainKeys("timestamp", "signature");
        }
        fake.rest().wireMock().resetRequests();
        return params;
    }

    private Map<String, String> onlyRequest(String method, String path) {
        return onlyRequest(method, path, true);
    }

    private void rejectedLocally(ThrowingCallable call, String message) {
        SentRequests.rejectedLocally(fake, call, message);
    }

    private void sentOnceOn503(String path, ThrowingCallable sync, Runnable async) {
        fake.rest().wireMock().resetRequests();
        fake.rest().wireMock().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(sync).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(503));
        assertThat(fake.rest().requests()).hasSize(1);
        fake.rest().wireMock().resetRequests();
        assertThatThrownBy(async::run).isInstanceOf(CompletionException.class).hasCauseInstanceOf(ApiException.class);
        assertThat(fake.rest().requests()).hasSize(1);
        fake.rest().wireMock().resetRequests();
    }

    @Test
    void pairsArePublicAndNeedAnAsset() {
        List<ConvertPair> pairs = convert.pairs("BTC", "USDT");
        assertThat(onlyRequest("GET", "/sapi/v1/convert/exchangeInfo", false))
                .containsExactly(entry("fromAsset", "BTC"), entry("toAsset", "USDT"));
        assertThat(pairs).hasSize(1);
        ConvertPair p = pairs.get(0);
        assertThat(p.fromAsset()).isEqualTo("BTC");
        assertThat(p.toAsset()).isEqualTo("USDT");
        assertThat(p.fromAssetMinAmount()).isEqualByComparingTo("0.0004");
        assertThat(p.fromAssetMaxAmount()).isEqualByComparingTo("50");
        assertThat(p.toAssetMinAmount()).isEqualByComparingTo("20");
        assertThat(p.toAssetMaxAmount()).isEqualByComparingTo("2500000");
        assertThat(p.fromIsBase()).isNull();
        assertThat(convert.pairsAsync(null, "USDT").join()).isEqualTo(pairs);
        assertThat(onlyRequest("GET", "/sapi/v1/convert/exchangeInfo", false)).containsExactly(entry("toAsset", "USDT"));
        rejectedLocally(() -> convert.pairs(null, " "), "fromAsset or toAsset is required");
    }

    @Test
    void assetPrecision() {
        List<ConvertAssetPrecision> p = convert.assetPrecision();
        assertThat(onlyRequest("GET", "/sapi/v1/convert/assetInfo")).isEmpty();
        assertThat(p).containsExactly(new ConvertAssetPrecision("BTC", 8));
        assertThat(convert.assetPrecisionAsync().join()).isEqualTo(p);
    }

    @Test
    void quoteSendsExactlyOneAmount() {
        ConvertQuote q = convert.quote(ConvertQuoteRequest.spend("BTC", "USDT", d("0.1"))
                .walletType(ConvertWalletType.SPOT_FUNDING).validTime(ConvertQuoteValidity.THIRTY_SECONDS));
        assertThat(onlyRequest("POST", "/sapi/v1/convert/getQuote")).containsExactly(entry("fromAsset", "BTC"),
                entry("toAsset", "USDT"), entry("fromAmount", "0.1"), entry("walletType", "SPOT_FUNDING"),
                entry("validTime", "30s"));
        assertThat(q.quoteId()).isEqualTo("12415572564");
        assertThat(q.acceptable()).isTrue();
        assertThat(q.ratio()).isEqualByComparingTo("38163.7");
        assertThat(q.inverseRatio()).isEqualByComparingTo("0.0000262");
        assertThat(q.validTimestamp()).isEqualTo(Instant.ofEpochMilli(1623319461670L));
        assertThat(q.toAmount()).isEqualByComparingTo("3816.37");
        assertThat(q.fromAmount()).isEqualByComparingTo("0.1");

        assertThat(convert.quoteAsync(ConvertQuoteRequest.receive("BTC", "USDT", d("3816.37"))).join()).isEqualTo(q);
        assertThat(onlyRequest("POST", "/sapi/v1/convert/getQuote")).containsExactly(entry("fromAsset", "BTC"),
                entry("toAsset", "USDT"), entry("toAmount", "3816.37"));

        rejectedLocally(() -> new ConvertQuoteRequest("BTC", "USDT", d("1"), d("2"), null, null),
                "exactly one of fromAmount or toAmount");
        rejectedLocally(() -> new ConvertQuoteRequest("BTC", "USDT", null, null, null, null),
                "exactly one of fromAmount or toAmount");
        rejectedLocally(() -> ConvertQuoteRequest.spend("BTC", "USDT", BigDecimal.ZERO), "fromAmount must be positive");
        rejectedLocally(() -> ConvertQuoteRequest.receive("BTC", "USDT", d("-1")), "toAmount must be positive");
        rejectedLocally(() -> ConvertQuoteRequest.spend("BTC", "BTC", d("1")), "must differ");
        rejectedLocally(() -> ConvertQuoteRequest.spend("", "USDT", d("1")), "fromAsset is required");
        rejectedLocally(() -> convert.quote(null), "request is required");
        rejectedLocally(() -> convert.quoteAsync(null), "request is required");
    }

    @Test
    void acceptQuoteIsSentOnceAndNeverRetried() {
        ConvertAcceptance a = convert.acceptQuote("12415572564");
        assertThat(onlyRequest("POST", "/sapi/v1/convert/acceptQuote")).containsExactly(entry("quoteId", "12415572564"));
        assertThat(a.orderId()).isEqualTo(933256278426274426L);
        assertThat(a.createTime()).isEqualTo(Instant.ofEpochMilli(1623381330472L));
        assertThat(a.orderStatus()).isEqualTo(ConvertOrderStatus.PROCESS);
        assertThat(convert.acceptQuoteAsync("12415572564").join()).isEqualTo(a);
        fake.rest().wireMock().resetRequests();

        sentOnceOn503("/sapi/v1/convert/acceptQuote", () -> convert.acceptQuote("q-1"),
                () -> convert.acceptQuoteAsync("q-1").join());
        rejectedLocally(() -> convert.acceptQuote(" "), "quoteId is required");
    }

    @Test
    void orderStatusByOrderIdOrQuoteId() {
        ConvertOrder o = convert.orderStatus(933256278426274426L);
        assertThat(onlyRequest("GET", "/sapi/v1/convert/orderStatus")).containsExactly(entry("orderId", "933256278426274426"));
        assertThat(o.orderId()).isEqualTo(933256278426274426L);
        assertThat(o.orderStatus()).isEqualTo(ConvertOrderStatus.SUCCESS);
        assertThat(o.fromAsset()).isEqualTo("BTC");
        assertThat(o.fromAmount()).isEqualByComparingTo("0.00054414");
        assertThat(o.toAsset()).isEqualTo("USDT");
        assertThat(o.toAmount()).isEqualByComparingTo("20");
        assertThat(o.ratio()).isEqualByComparingTo("36755");
        assertThat(o.inverseRatio()).isEqualByComparingTo("0.00002721");
        assertThat(o.createTime()).isEqualTo(Instant.ofEpochMilli(1623381330472L));
        assertThat(o.quoteId()).isNull();
        assertThat(o.expiredTimestamp()).isNull();

        assertThat(convert.orderStatusByQuoteAsync("12415572564").join()).isEqualTo(o);
        assertThat(onlyRequest("GET", "/sapi/v1/convert/orderStatus")).containsExactly(entry("quoteId", "12415572564"));
        assertThat(convert.orderStatusAsync(1L).join()).isEqualTo(o);
        assertThat(convert.orderStatusByQuote("q")).isEqualTo(o);
        fake.rest().wireMock().resetRequests();
        rejectedLocally(() -> convert.orderStatusByQuote(null), "quoteId is required");
    }

    @Test
    void placeLimitOrderIsSentOnceAndValidated() {
        ConvertLimitOrderResult r = convert.placeLimitOrder(ConvertLimitOrder.ofBase("BTC", "USDT", OrderSide.BUY,
                d("50000"), d("0.001"), ConvertExpiry.SEVEN_DAYS).walletType(ConvertWalletType.FUNDING));
        assertThat(onlyRequest("POST", "/sapi/v1/convert/limit/placeOrder")).containsExactly(entry("baseAsset", "BTC"),
                entry("quoteAsset", "USDT"), entry("limitPrice", "50000"), entry("baseAmount", "0.001"),
                entry("side", "BUY"), entry("walletType", "FUNDING"), entry("expiredType", "7_D"));
        assertThat(r.orderId()).isEqualTo(1603680255057330400L);
        assertThat(r.status()).isEqualTo(ConvertOrderStatus.PROCESS);

        assertThat(convert.placeLimitOrderAsync(ConvertLimitOrder.ofQuote("BTC", "USDT", OrderSide.SELL, d("60000"),
                d("100"), ConvertExpiry.ONE_DAY)).join()).isEqualTo(r);
        assertThat(onlyRequest("POST", "/sapi/v1/convert/limit/placeOrder")).containsExactly(entry("baseAsset", "BTC"),
                entry("quoteAsset", "USDT"), entry("limitPrice", "60000"), entry("quoteAmount", "100"),
                entry("side", "SELL"), entry("expiredType", "1_D"));

        ConvertLimitOrder any = ConvertLimitOrder.ofBase("BTC", "USDT", OrderSide.BUY, d("1"), d("1"), ConvertExpiry.THIRTY_DAYS);
        sentOnceOn503("/sapi/v1/convert/limit/placeOrder", () -> convert.placeLimitOrder(any),
                () -> convert.placeLimitOrderAsync(any).join());

        rejectedLocally(() -> new ConvertLimitOrder("BTC", "USDT", OrderSide.BUY, d("1"), d("1"), d("1"),
                ConvertExpiry.ONE_DAY, null), "exactly one of baseAmount or quoteAmount");
        rejectedLocally(() -> ConvertLimitOrder.ofBase("BTC", "USDT", OrderSide.BUY, d("0"), d("1"), ConvertExpiry.ONE_DAY),
                "limitPrice must be positive");
        rejectedLocally(() -> ConvertLimitOrder.ofBase("BTC", "USDT", OrderSide.BUY, d("1"), d("-1"), ConvertExpiry.ONE_DAY),
                "baseAmount must be positive");
        rejectedLocally(() -> ConvertLimitOrder.ofBase("BTC", "USDT", OrderSide.UNKNOWN, d("1"), d("1"), ConvertExpiry.ONE_DAY),
                "side is required");
        rejectedLocally(() -> ConvertLimitOrder.ofBase("BTC", "USDT", OrderSide.BUY, d("1"), d("1"), null),
                "expiredType is required");
        rejectedLocally(() -> convert.placeLimitOrder(null), "order is required");
    }

    @Test
    void cancelLimitOrderIsSentOnce() {
        ConvertLimitOrderResult r = convert.cancelLimitOrder(1603680255057330400L);
        assertThat(onlyRequest("POST", "/sapi/v1/convert/limit/cancelOrder"))
                .containsExactly(entry("orderId", "1603680255057330400"));
        assertThat(r.orderId()).isEqualTo(1603680255057330400L);
        assertThat(r.status()).isEqualTo(ConvertOrderStatus.CANCELED);
        assertThat(convert.cancelLimitOrderAsync(1603680255057330400L).join()).isEqualTo(r);
        sentOnceOn503("/sapi/v1/convert/limit/cancelOrder", () -> convert.cancelLimitOrder(1L),
                () -> convert.cancelLimitOrderAsync(1L).join());
    }

    @Test
    void openLimitOrders() {
        List<ConvertOrder> open = convert.openLimitOrders();
        assertThat(onlyRequest("GET", "/sapi/v1/convert/limit/queryOpenOrders")).isEmpty();
        assertThat(open).hasSize(1);
        ConvertOrder o = open.get(0);
        assertThat(o.quoteId()).isEqualTo("18sdf87kh9df");
        assertThat(o.orderId()).isEqualTo(1150901289839L);
        assertThat(o.fromAsset()).isEqualTo("BNB");
        assertThat(o.fromAmount()).isEqualByComparingTo("10");
        assertThat(o.toAmount()).isEqualByComparingTo("2317.89");
        assertThat(o.ratio()).isEqualByComparingTo("231.789");
        assertThat(o.createTime()).isEqualTo(Instant.ofEpochMilli(1614089498000L));
        assertThat(o.expiredTimestamp()).isEqualTo(Instant.ofEpochMilli(1614099498000L));
        assertThat(convert.openLimitOrdersAsync().join()).isEqualTo(open);
    }

    @Test
    void tradeHistoryNeedsABoundedWindow() {
        ConvertTradeHistory h = convert.tradeHistory(T0, T0.plus(Duration.ofDays(30)), 1000);
        assertThat(onlyRequest("GET", "/sapi/v1/convert/tradeFlow")).containsExactly(entry("startTime", "1704067200000"),
                entry("endTime", "1706659200000"), entry("limit", "1000"));
        assertThat(h.list()).hasSize(1);
        ConvertOrder t = h.list().get(0);
        assertThat(t.quoteId()).isEqualTo("f3b91c525b2644c7bc1e1cd31b6e1aa6");
        assertThat(t.orderId()).isEqualTo(940708407462087195L);
        assertThat(t.orderStatus()).isEqualTo(ConvertOrderStatus.SUCCESS);
        assertThat(t.toAmount()).isEqualByComparingTo("0.06154036");
        assertThat(t.inverseRatio()).isEqualByComparingTo("324.99");
        assertThat(h.startTime()).isEqualTo(Instant.ofEpochMilli(1623824139000L));
        assertThat(h.endTime()).isEqualTo(Instant.ofEpochMilli(1626416139000L));
        assertThat(h.limit()).isEqualTo(100);
        assertThat(h.moreData()).isFalse();
        assertThat(convert.tradeHistoryAsync(T0, T0.plusSeconds(1), null).join()).isEqualTo(h);
        assertThat(onlyRequest("GET", "/sapi/v1/convert/tradeFlow")).containsExactly(entry("startTime", "1704067200000"),
                entry("endTime", "1704067201000"));

        rejectedLocally(() -> convert.tradeHistory(null, T0, null), "startTime and endTime are required");
        rejectedLocally(() -> convert.tradeHistory(T0, T0.plus(Duration.ofDays(31)), null), "more than 30 days");
        rejectedLocally(() -> convert.tradeHistory(T0, T0.minusSeconds(1), null), "before startTime");
        rejectedLocally(() -> convert.tradeHistoryAsync(T0, T0.plusSeconds(1), 1001), "limit must be between 1 and 1000");
    }

    @Test
    void anUnknownOrderStatusDecodesAsUnknown() {
        fake.rest().wireMock().stubFor(post(urlPathEqualTo("/sapi/v1/convert/limit/cancelOrder"))
                .willReturn(aResponse().withStatus(200).withBody("{\"orderId\":5,\"status\":\"SOMETHING_NEW\"}")));
        assertThat(convert.cancelLimitOrder(5L).status()).isEqualTo(ConvertOrderStatus.UNKNOWN);
    }
}
