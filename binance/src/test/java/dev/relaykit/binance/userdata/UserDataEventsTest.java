package dev.relaykit.binance.userdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.binance.model.OrderSide;
import dev.relaykit.binance.model.OrderStatus;
import dev.relaykit.binance.model.OrderType;
import dev.relaykit.binance.model.TimeInForce;
import dev.relaykit.core.DecodeException;
import dev.relaykit.core.json.Json;
import dev.relaykit.testkit.FakeBinanceWsApi;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Every user data event decodes its documented example payload. Fixtures: Binance spot documentation,
 * "User Data Streams" (https://developers.binance.com/docs/binance-spot-api-docs/user-data-stream);
 * the listen-key event from the 2024-04-02 user-data-stream.md. See wsapi-fixtures.tsv.
 */
class UserDataEventsTest {

    private static UserDataEvent fixture(String name) {
        return UserDataEvents.decode(Json.tree(FakeBinanceWsApi.fixture(name)));
    }

    @Test
    void accountPosition() {
        AccountPosition p = (AccountPosition) fixture("userdata-outbound-account-position.json");
        assertThat(p.eventType()).isEqualTo("outboundAccountPosition");
        assertThat(p.eventTime()).isEqualTo(Instant.ofEpochMilli(1564034571105L));
        assertThat(p.lastUpdateTime()).isEqualTo(Instant.ofEpochMilli(1564034571073L));
        assertThat(p.balances()).containsExactly(
                new AccountPosition.Balance("ETH", new BigDecimal("10000.000000"), new BigDecimal("0.000000")));
    }

    @Test
    void balanceUpdate() {
        BalanceUpdate b = (BalanceUpdate) fixture("userdata-balance-update.json");
        assertThat(b.eventTime()).isEqualTo(Instant.ofEpochMilli(1573200697110L));
        assertThat(b.asset()).isEqualTo("BTC");
        assertThat(b.delta()).isEqualTo(new BigDecimal("100.00000000"));
        assertThat(b.clearTime()).isEqualTo(Instant.ofEpochMilli(1573200697068L));
    }

    @Test
    void executionReportEveryDocumentedField() {
        ExecutionReport r = (ExecutionReport) fixture("userdata-execution-report.json");
        assertThat(r.eventType()).isEqualTo("executionReport");
        assertThat(r.eventTime()).isEqualTo(Instant.ofEpochMilli(1499405658658L));
        assertThat(r.symbol()).isEqualTo("ETHBTC");
        assertThat(r.clientOrderId()).isEqualTo("mUvoqJxFIILMdfAW5iGSOW");
        assertThat(r.side()).isEqualTo(OrderSide.BUY);
        assertThat(r.orderType()).isEqualTo(OrderType.LIMIT);
        assertThat(r.timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(r.quantity()).isEqualTo(new BigDecimal("1.00000000"));
        assertThat(r.price()).isEqualTo(new BigDecimal("0.10264410"));
        assertThat(r.stopPrice()).isEqualTo(new BigDecimal("0.00000000"));
        assertThat(r.icebergQuantity()).isEqualTo(new BigDecimal("0.00000000"));
        assertThat(r.orderListId()).isEqualTo(-1);
        assertThat(r.originalClientOrderId()).isEmpty();
        assertThat(r.executionType()).isEqualTo(ExecutionType.NEW);
        assertThat(r.orderStatus()).isEqualTo(OrderStatus.NEW);
        assertThat(r.rejectReason()).isEqualTo("NONE");
        assertThat(r.orderId()).isEqualTo(4293153);
        assertThat(r.lastExecutedQuantity()).isEqualTo(new BigDecimal("0.00000000"));
        assertThat(r.cumulativeFilledQuantity()).isEqualTo(new BigDecimal("0.00000000"));
        assertThat(r.lastExecutedPrice()).isEqualTo(new BigDecimal("0.00000000"));
        assertThat(r.commissionAmount()).isEqualTo(new BigDecimal("0"));
        assertThat(r.commissionAsset()).isNull();
        assertThat(r.transactionTime()).isEqualTo(Instant.ofEpochMilli(1499405658657L));
        assertThat(r.tradeId()).isEqualTo(-1);
        assertThat(r.preventedMatchId()).isEqualTo(3L);
        assertThat(r.executionId()).isEqualTo(8641984);
        assertThat(r.onBook()).isTrue();
        assertThat(r.maker()).isFalse();
        assertThat(r.orderCreationTime()).isEqualTo(Instant.ofEpochMilli(1499405658657L));
        assertThat(r.cumulativeQuoteQuantity()).isEqualTo(new BigDecimal("0.00000000"));
        assertThat(r.lastQuoteQuantity()).isEqualTo(new BigDecimal("0.00000000"));
        assertThat(r.quoteOrderQuantity()).isEqualTo(new BigDecimal("0.00000000"));
        assertThat(r.workingTime()).isEqualTo(Instant.ofEpochMilli(1499405658657L));
        assertThat(r.selfTradePreventionMode()).isEqualTo("NONE");
        // conditional fields absent from the example stay null
        assertThat(r.trailingDelta()).isNull();
        assertThat(r.counterSymbol()).isNull();
        assertThat(r.expiryReason()).isNull();
        assertThat(r.usedSor()).isNull();
    }

    @Test
    void executionReportConditionalFields() {
        // the examples of the documentation's "Conditional Fields in Execution Report" table, added
        // to the documented payload; "c" and "C", "p" and "P", "a" and "A" must not be confused
        String json = FakeBinanceWsApi.fixture("userdata-execution-report.json").replace("\"V\":\"NONE\"",
                "\"V\":\"NONE\",\"d\":4,\"D\":1668680518494,\"j\":1,\"J\":1000000,\"A\":\"3.000000\","
                        + "\"B\":\"3.000000\",\"u\":1,\"U\":37,\"Cs\":\"BTCUSDT\",\"pl\":\"2.123456\","
                        + "\"pL\":\"0.10000001\",\"pY\":\"0.21234562\",\"b\":\"ONE_PARTY_TRADE_REPORT\",\"a\":1234,"
                        + "\"k\":\"SOR\",\"uS\":true,\"gP\":\"PRIMARY_PEG\",\"gOT\":\"PRICE_LEVEL\",\"gOV\":5,"
                        + "\"gp\":\"1.00000000\",\"eR\":\"INSUFFICIENT_LIQUIDITY\"");
        ExecutionReport r = (ExecutionReport) UserDataEvents.decode(Json.tree(json));
        assertThat(r.trailingDelta()).isEqualTo(4L);
        assertThat(r.trailingTime()).isEqualTo(Instant.ofEpochMilli(1668680518494L));
        assertThat(r.strategyId()).isEqualTo(1L);
        assertThat(r.strategyType()).isEqualTo(1000000L);
        assertThat(r.preventedQuantity()).isEqualTo(new BigDecimal("3.000000"));
        assertThat(r.lastPreventedQuantity()).isEqualTo(new BigDecimal("3.000000"));
        assertThat(r.tradeGroupId()).isEqualTo(1L);
        assertThat(r.counterOrderId()).isEqualTo(37L);
        assertThat(r.counterSymbol()).isEqualTo("BTCUSDT");
        assertThat(r.preventedExecutionQuantity()).isEqualTo(new BigDecimal("2.123456"));
        assertThat(r.preventedExecutionPrice()).isEqualTo(new BigDecimal("0.10000001"));
        assertThat(r.preventedExecutionQuoteQuantity()).isEqualTo(new BigDecimal("0.21234562"));
        assertThat(r.matchType()).isEqualTo("ONE_PARTY_TRADE_REPORT");
        assertThat(r.allocationId()).isEqualTo(1234L);
        assertThat(r.workingFloor()).isEqualTo("SOR");
        assertThat(r.usedSor()).isTrue();
        assertThat(r.peggedPriceType()).isEqualTo("PRIMARY_PEG");
        assertThat(r.peggedOffsetType()).isEqualTo("PRICE_LEVEL");
        assertThat(r.peggedOffsetValue()).isEqualTo(5L);
        assertThat(r.peggedPrice()).isEqualTo(new BigDecimal("1.00000000"));
        assertThat(r.expiryReason()).isEqualTo("INSUFFICIENT_LIQUIDITY");
        // the lower-case twins are untouched
        assertThat(r.clientOrderId()).isEqualTo("mUvoqJxFIILMdfAW5iGSOW");
        assertThat(r.price()).isEqualTo(new BigDecimal("0.10264410"));
        assertThat(r.stopPrice()).isEqualTo(new BigDecimal("0.00000000"));
    }

    @Test
    void listStatus() {
        ListStatus s = (ListStatus) fixture("userdata-list-status.json");
        assertThat(s.eventTime()).isEqualTo(Instant.ofEpochMilli(1564035303637L));
        assertThat(s.symbol()).isEqualTo("ETHBTC");
        assertThat(s.orderListId()).isEqualTo(2);
        assertThat(s.contingencyType()).isEqualTo("OCO");
        assertThat(s.listStatusType()).isEqualTo("EXEC_STARTED");
        assertThat(s.listOrderStatus()).isEqualTo("EXECUTING");
        assertThat(s.listRejectReason()).isEqualTo("NONE");
        assertThat(s.listClientOrderId()).isEqualTo("F4QN4G8DlFATFlIUQ0cjdD");
        assertThat(s.transactionTime()).isEqualTo(Instant.ofEpochMilli(1564035303625L));
        assertThat(s.orders()).containsExactly(new ListStatus.Leg("ETHBTC", 17, "AJYsMjErWJesZvqlJCTUgL"),
                new ListStatus.Leg("ETHBTC", 18, "bfYPSQdLoqAJeNrOr9adzq"));
    }

    @Test
    void streamTerminationAndExternalLock() {
        EventStreamTerminated t = (EventStreamTerminated) fixture("userdata-event-stream-terminated.json");
        assertThat(t.eventTime()).isEqualTo(Instant.ofEpochMilli(1728973001334L));
        ExternalLockUpdate l = (ExternalLockUpdate) fixture("userdata-external-lock-update.json");
        assertThat(l.asset()).isEqualTo("NEO");
        assertThat(l.delta()).isEqualTo(new BigDecimal("10.00000000"));
        assertThat(l.eventTime()).isEqualTo(Instant.ofEpochMilli(1581557507324L));
        assertThat(l.transactionTime()).isEqualTo(Instant.ofEpochMilli(1581557507268L));
    }

    @Test
    void listenKeyExpiredWithItsStringTimeAndNoKeyInToString() {
        ListenKeyExpired e = (ListenKeyExpired) fixture("userdata-listen-key-expired.json");
        assertThat(e.eventTime()).isEqualTo(Instant.ofEpochMilli(1699596037418L));
        assertThat(e.listenKey()).startsWith("OfYGbUzi3Pra");
        assertThat(e.toString()).doesNotContain("OfYGbUzi3Pra");
    }

    @Test
    void unknownEventTypesAndEnumValuesNeverBreakADecode() {
        UserDataEvent e = UserDataEvents.decode(Json.tree("{\"subscriptionId\":3,\"event\":{\"e\":\"somethingNew\","
                + "\"E\":1700000000000,\"x\":1}}"));
        assertThat(e).isInstanceOfSatisfying(UnknownEvent.class, u -> {
            assertThat(u.eventType()).isEqualTo("somethingNew");
            assertThat(u.eventTime()).isEqualTo(Instant.ofEpochMilli(1700000000000L));
            assertThat(u.raw().path("x").asInt()).isEqualTo(1);
        });
        String odd = FakeBinanceWsApi.fixture("userdata-execution-report.json")
                .replace("\"x\":\"NEW\"", "\"x\":\"TELEPORTED\"").replace("\"X\":\"NEW\"", "\"X\":\"HOVERING\"");
        ExecutionReport r = (ExecutionReport) UserDataEvents.decode(Json.tree(odd));
        assertThat(r.executionType()).isEqualTo(ExecutionType.UNKNOWN);
        assertThat(r.orderStatus()).isEqualTo(OrderStatus.UNKNOWN);
        assertThatThrownBy(() -> UserDataEvents.decode(Json.tree("{\"event\":{\"E\":1}}")))
                .isInstanceOf(DecodeException.class).hasMessageContaining("no \"e\" field");
    }
}
