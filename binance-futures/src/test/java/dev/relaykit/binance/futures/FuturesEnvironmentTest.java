package dev.relaykit.binance.futures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The environments' URLs, the derived stream paths, and overriding each URL. */
class FuturesEnvironmentTest {

    @Test
    void usdmProductionStreamsUseTheSplitPaths() {
        FuturesEnvironment e = FuturesEnvironment.USDM_PRODUCTION;
        assertThat(e.restBaseUrl()).isEqualTo("https://fapi.binance.com");
        assertThat(e.publicStreamBaseUrl()).isEqualTo("wss://fstream.binance.com/public");
        assertThat(e.marketStreamBaseUrl()).isEqualTo("wss://fstream.binance.com/market");
        assertThat(e.privateStreamBaseUrl()).isEqualTo("wss://fstream.binance.com/private");
        assertThat(e.wsApiUrl()).isEqualTo("wss://ws-fapi.binance.com/ws-fapi/v1");
    }

    @Test
    void coinmAndTestnetsUseOneStreamBase() {
        assertThat(FuturesEnvironment.COINM_PRODUCTION.marketStreamBaseUrl()).isEqualTo("wss://dstream.binance.com");
        assertThat(FuturesEnvironment.COINM_PRODUCTION.restBaseUrl()).isEqualTo("https://dapi.binance.com");
        assertThat(FuturesEnvironment.COINM_PRODUCTION.wsApiUrl()).isEqualTo("wss://ws-dapi.binance.com/ws-dapi/v1");
        assertThat(FuturesEnvironment.USDM_TESTNET.restBaseUrl()).isEqualTo("https://testnet.binancefuture.com");
        assertThat(FuturesEnvironment.USDM_TESTNET.wsApiUrl()).isEqualTo("wss://testnet.binancefuture.com/ws-fapi/v1");
        assertThat(FuturesEnvironment.COINM_TESTNET.wsApiUrl()).isEqualTo("wss://testnet.binancefuture.com/ws-dapi/v1");
        assertThat(FuturesEnvironment.USDM_TESTNET.withRestBaseUrl("https://demo-fapi.binance.com").restBaseUrl())
                .isEqualTo("https://demo-fapi.binance.com");
        assertThat(FuturesEnvironment.USDM_TESTNET.publicStreamBaseUrl()).isEqualTo("wss://fstream.binancefuture.com");
        assertThat(FuturesEnvironment.COINM_TESTNET.restBaseUrl()).isEqualTo("https://testnet.binancefuture.com");
        assertThat(FuturesEnvironment.COINM_TESTNET.privateStreamBaseUrl()).isEqualTo("wss://dstream.binancefuture.com");
    }

    @Test
    void everyUrlCanBeReplacedAndIsChecked() {
        FuturesEnvironment e = FuturesEnvironment.USDM_PRODUCTION.withRestBaseUrl("https://proxy.example/")
                .withStreamBaseUrl("wss://streams.example").withWsApiUrl("wss://api.example/ws-fapi/v1")
                .withSplitStreamPaths(false);
        assertThat(e.restBaseUrl()).isEqualTo("https://proxy.example");
        assertThat(e.marketStreamBaseUrl()).isEqualTo("wss://streams.example");
        assertThat(e.wsApiUrl()).isEqualTo("wss://api.example/ws-fapi/v1");
        assertThat(e.product()).isEqualTo(FuturesProduct.USD_M);
        assertThat(e.asBinanceEnvironment().wsApiUrl()).isEqualTo("wss://api.example/ws-fapi/v1");
        assertThatThrownBy(() -> e.withStreamBaseUrl("https://not-a-websocket")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("streamBaseUrl must start with ws:// or wss://");
    }
}
