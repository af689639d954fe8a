package dev.relaykit.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.relaykit.binance.model.DepositAddress;
import dev.relaykit.core.ApiException;
import dev.relaykit.testkit.FakeBinance;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The typed wallet endpoints against the fake Binance. */
class WalletTest {
    private FakeBinance fake;
    private BinanceSpot binance;

    @BeforeEach
    void start() {
        fake = FakeBinance.start().acceptHmacKey("wallet-key", "wallet-secret");
        binance = BinanceSpot.builder()
                .environment(BinanceEnvironment.custom(fake.restBaseUrl(), "ws://127.0.0.1:1", "ws://127.0.0.1:1"))
                .key(BinanceKey.hmac("wallet-key", "wallet-secret"))
                .build();
    }

    @AfterEach
    void stop() {
        binance.close();
        fake.close();
    }

    @Test
    void statusAndDepositAddress() {
        assertThat(binance.wallet().systemStatus().normal()).isTrue();
        DepositAddress a = binance.wallet().depositAddressAsync("BTC", "BTC").join();
        assertThat(a.address()).isEqualTo("1HPn8Rx2y6nNSfagQBKy27GB99Vbzg89wv");
        assertThat(a.tag()).isEmpty();
        List<LoggedRequest> sent = fake.rest().requests();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).getUrl()).isEqualTo("/sapi/v1/system/status");
        assertThat(sent.get(1).getUrl()).matches("/sapi/v1/capital/deposit/address\\?coin=BTC&network=BTC"
                + "&recvWindow=5000&timestamp=\\d+&signature=[0-9a-f]{64}");
        assertThat(fake.rejectedRequests()).isEmpty();
    }

    @Test
    void withdrawIsSentOnceSignedAndNeverRetried() {
        String id = binance.wallet().withdraw("USDT", "TRX", "TXYZ123", null, new BigDecimal("10.5"), "w-1");
        assertThat(id).isEqualTo("7213fea8e94b4a5593d507237e5a555b");
        LoggedRequest r = fake.rest().requests().get(0);
        assertThat(r.getMethod().getName()).isEqualTo("POST");
        assertThat(r.getUrl()).matches("/sapi/v1/capital/withdraw/apply\\?coin=USDT&withdrawOrderId=w-1&network=TRX"
                + "&address=TXYZ123&amount=10.5&recvWindow=5000&timestamp=\\d+&signature=[0-9a-f]{64}");
        assertThat(fake.rejectedRequests()).isEmpty();

        fake.rest().wireMock().resetRequests();
        fake.rest().wireMock().stubFor(post(urlPathEqualTo("/sapi/v1/capital/withdraw/apply"))
                .willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> binance.wallet().withdraw("USDT", null, "TXYZ123", null, BigDecimal.ONE, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(503));
        assertThat(fake.rest().requests()).hasSize(1);

        fake.rest().wireMock().resetRequests();
        assertThatThrownBy(() -> binance.wallet().withdraw("USDT", null, "TXYZ123", null, BigDecimal.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount must be positive");
        assertThatThrownBy(() -> binance.wallet().withdraw("USDT", null, "", null, BigDecimal.ONE, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("address is required");
        assertThat(fake.rest().requests()).isEmpty();
    }
}
