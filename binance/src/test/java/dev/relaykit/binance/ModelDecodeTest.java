package dev.relaykit.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.binance.model.KlineInterval;
import dev.relaykit.binance.model.OrderBookDepth;
import dev.relaykit.binance.model.OrderSide;
import dev.relaykit.core.json.Json;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ModelDecodeTest {

    @Test
    void depthDecodesLevelsFromStringArraysExactly() {
        // Binance spot API docs, Market data endpoints, "Order book" response example
        OrderBookDepth d = Json.read("{\"lastUpdateId\":1027024,\"bids\":[[\"4.00000000\",\"431.00000000\"]],"
                + "\"asks\":[[\"4.00000200\",\"12.00000000\"]]}", OrderBookDepth.class);
        assertThat(d.lastUpdateId()).isEqualTo(1027024);
        assertThat(d.bids().get(0).price()).isEqualTo(new BigDecimal("4.00000000"));
        assertThat(d.asks().get(0).quantity()).isEqualTo(new BigDecimal("12.00000000"));
    }

    @Test
    void unknownEnumValuesDoNotBreakDecoding() {
        assertThat(Json.read("\"SIDEWAYS\"", OrderSide.class)).isEqualTo(OrderSide.UNKNOWN);
        assertThat(KlineInterval.fromCode("1M")).isEqualTo(KlineInterval.MONTH_1);
        assertThatThrownBy(() -> KlineInterval.fromCode("2m")).hasMessageContaining("valid: 1s, 1m, 3m");
    }
}
