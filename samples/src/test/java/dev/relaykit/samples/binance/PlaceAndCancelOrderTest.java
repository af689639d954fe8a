package dev.relaykit.samples.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.binance.BinanceEnvironment;
import dev.relaykit.binance.BinanceKey;
import dev.relaykit.binance.model.Order;
import dev.relaykit.binance.model.OrderStatus;
import dev.relaykit.testkit.FakeBinance;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlaceAndCancelOrderTest {

    @Test
    void testsPlacesQueriesAndCancelsASignedOrderAgainstTheFake() {
        try (FakeBinance fake = FakeBinance.start().acceptHmacKey("k", "s").simulateOrders(new BigDecimal("97000"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Order cancelled = PlaceAndCancelOrder.run(
                    BinanceEnvironment.custom(fake.restBaseUrl(), "ws://127.0.0.1:1", "ws://127.0.0.1:1/ws-api/v3"),
                    BinanceKey.hmac("k", "s"), "ETHUSDT", new BigDecimal("0.5"), new BigDecimal("1500"),
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELED);
            assertThat(cancelled.symbol()).isEqualTo("ETHUSDT");
            assertThat(fake.rejectedRequests()).isEmpty(); // every request was correctly signed
            assertThat(fake.rest().requests()).extracting(r -> r.getMethod().getName() + " " + r.getUrl().split("\\?")[0])
                    .containsExactly("GET /api/v3/time", "POST /api/v3/order/test", "POST /api/v3/order",
                            "GET /api/v3/order", "DELETE /api/v3/order");
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("BUY 0.50000000 ETHUSDT @ 1500.00000000 -> NEW")
                    .doesNotContain("\"s\"");
        }
    }
}
