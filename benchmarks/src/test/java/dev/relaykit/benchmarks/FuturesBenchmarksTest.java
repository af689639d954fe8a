package dev.relaykit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.binance.connector.client.common.JSON;
import com.binance.connector.client.derivatives_trading_usds_futures.websocket.stream.model.DiffBookDepthStreamsResponse;
import com.binance.connector.client.derivatives_trading_usds_futures.websocket.stream.model.MarkPriceStreamResponse;
import dev.relaykit.binance.futures.stream.DepthSpeed;
import dev.relaykit.binance.futures.stream.FuturesDepthUpdate;
import dev.relaykit.binance.futures.stream.FuturesStream;
import dev.relaykit.binance.futures.stream.MarkPriceEvent;
import dev.relaykit.binance.model.PriceLevel;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs each futures benchmark body once, untimed, and checks the sides compute the same thing. */
class FuturesBenchmarksTest {

    @Test
    void theDecodersAgreeOnEveryField() throws Exception {
        FuturesStream<MarkPriceEvent> mark = FuturesStream.markPrice("BTCUSDT");
        for (String m : BinanceMessages.markPrices(200)) {
            MarkPriceEvent fast = mark.marketStream().decodeCombined(
                    "{\"stream\":\"" + BinanceMessages.MARK_PRICE_STREAM + "\",\"data\":" + m + "}");
            assertThat(fast).isEqualTo(BinanceStreamBenchmark.PLAIN.readValue(m, MarkPriceEvent.class));
            assertThat(fast.markPriceAverage()).isNotNull();
            MarkPriceStreamResponse c = JSON.getGson().fromJson(m, MarkPriceStreamResponse.class);
            assertThat(new BigDecimal(c.getpLowerCase())).isEqualTo(fast.markPrice());
            assertThat(new BigDecimal(c.getrLowerCase())).isEqualTo(fast.fundingRate());
            assertThat(c.getT()).isEqualTo(fast.nextFundingTime().toEpochMilli());
        }
        FuturesStream<FuturesDepthUpdate> depth = FuturesStream.diffDepth("BTCUSDT", DepthSpeed.MS_100);
        long previous = -1;
        for (String m : BinanceMessages.futuresDepthUpdates(200)) {
            FuturesDepthUpdate fast = depth.marketStream().decodeCombined(
                    "{\"stream\":\"" + BinanceMessages.FUTURES_DEPTH_STREAM + "\",\"data\":" + m + "}");
            assertThat(fast).isEqualTo(BinanceStreamBenchmark.PLAIN.readValue(m, FuturesDepthUpdate.class));
            DiffBookDepthStreamsResponse c = JSON.getGson().fromJson(m, DiffBookDepthStreamsResponse.class);
            assertThat(c.getPu()).isEqualTo(fast.previousFinalUpdateId());
            assertThat(c.getbLowerCase()).hasSameSizeAs(fast.bids());
            if (previous >= 0) {
                assertThat(fast.previousFinalUpdateId()).isEqualTo(previous); // the pu chain holds
            }
            previous = fast.finalUpdateId();
        }
        FuturesDecodeBenchmark b = new FuturesDecodeBenchmark();
        b.kind = "depth";
        b.setUp();
        assertThat(b.relayKit()).isInstanceOf(FuturesDepthUpdate.class);
        assertThat(b.officialConnectorGson()).isInstanceOf(DiffBookDepthStreamsResponse.class);
    }

    @Test
    void everyStreamClientReceivesEveryMessageOfABatch() throws Exception {
        for (String kind : new String[] {"markPrice", "depth"}) {
            FuturesStreamBenchmark b = new FuturesStreamBenchmark();
            b.kind = kind;
            b.setUp();
            try {
                b.relayKitFuturesMarketStreams();
                b.officialConnectorTyped();
                b.officialConnectorPlusJackson();
            } finally {
                b.tearDown();
            }
        }
    }

    @Test
    void bothBooksApplyEveryUpdateAndEndTheSame() {
        for (String from : new String[] {"event", "json"}) {
            FuturesOrderBookBenchmark b = new FuturesOrderBookBenchmark();
            b.from = from;
            b.decode();
            b.freshBooks();
            BigDecimal relayBid = b.relayKit().price();
            BigDecimal handMadeBid = b.officialConnectorHandMade();
            assertThat(relayBid).isEqualByComparingTo(handMadeBid);
            b.close();
        }
        FuturesOrderBookBenchmark b = new FuturesOrderBookBenchmark();
        b.from = "event";
        b.decode();
        b.freshBooks();
        b.relayKit();
        b.officialConnectorHandMade();
        assertSameLevels(b.book.bids(Integer.MAX_VALUE), b.handMade.bids);
        assertSameLevels(b.book.asks(Integer.MAX_VALUE), b.handMade.asks);
        b.close();
    }

    private static void assertSameLevels(List<PriceLevel> relayKit, Map<BigDecimal, BigDecimal> handMade) {
        assertThat(relayKit).hasSize(handMade.size());
        int i = 0;
        for (Map.Entry<BigDecimal, BigDecimal> e : handMade.entrySet()) {
            PriceLevel l = relayKit.get(i++);
            if (l.price().compareTo(e.getKey()) != 0 || l.quantity().compareTo(e.getValue()) != 0) {
                throw new AssertionError("level " + i + ": RelayKit " + l + ", hand-made " + e);
            }
        }
    }
}
