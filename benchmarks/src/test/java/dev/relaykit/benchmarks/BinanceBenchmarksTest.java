package dev.relaykit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.binance.model.DepthUpdateEvent;
import dev.relaykit.binance.model.TradeEvent;
import dev.relaykit.binance.stream.MarketStream;
import dev.relaykit.binance.stream.UpdateSpeed;
import org.junit.jupiter.api.Test;

/** Runs each Binance benchmark body once, untimed, and checks the three decoders agree. */
class BinanceBenchmarksTest {

    @Test
    void theDecodersAgreeOnEveryField() throws Exception {
        MarketStream<DepthUpdateEvent> depth = MarketStream.diffDepth("BTCUSDT", UpdateSpeed.MS_100);
        for (String m : BinanceMessages.depthUpdates(200)) {
            DepthUpdateEvent fast = depth.decodeCombined("{\"stream\":\"btcusdt@depth@100ms\",\"data\":" + m + "}");
            assertThat(fast).isEqualTo(BinanceStreamBenchmark.PLAIN.readValue(m, DepthUpdateEvent.class));
            assertThat(depth.decode(m)).isEqualTo(fast);
        }
        MarketStream<TradeEvent> trade = MarketStream.trade("BTCUSDT");
        for (String m : BinanceMessages.trades(200)) {
            assertThat(trade.decode(m)).isEqualTo(BinanceStreamBenchmark.PLAIN.readValue(m, TradeEvent.class));
        }
        BinanceDecodeBenchmark b = new BinanceDecodeBenchmark();
        b.kind = "depth";
        b.setUp();
        assertThat(b.relayKit()).isInstanceOf(DepthUpdateEvent.class);
    }

    @Test
    void bothStreamClientsReceiveEveryMessageOfABatch() throws Exception {
        for (String kind : new String[] {"depth", "trade"}) {
            BinanceStreamBenchmark b = new BinanceStreamBenchmark();
            b.kind = kind;
            b.setUp();
            try {
                b.relayKitMarketStreams();
                b.officialConnectorPlusJackson();
            } finally {
                b.tearDown();
            }
        }
    }

    @Test
    void theOrderBookAppliesEveryUpdateInSequence() {
        OrderBookBenchmark b = new OrderBookBenchmark();
        b.decode();
        b.freshBook();
        assertThat(b.applyUpdates()).isNotNull();
        b.close();
    }
}
