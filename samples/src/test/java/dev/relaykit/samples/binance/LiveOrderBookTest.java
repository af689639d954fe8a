package dev.relaykit.samples.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LiveOrderBookTest {

    @Test
    void buildsTheBookFromSnapshotAndDiffsAndPrintsTopAndTradesOffline() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LiveOrderBook.Result r = LiveOrderBook.runOffline(Duration.ofSeconds(2), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("BNBBTC book synced at update 10270");
        assertThat(r.updates()).isGreaterThan(20);
        assertThat(r.trades()).isGreaterThan(20);
        assertThat(r.resyncs()).isZero(); // the synthetic feed is sequence-correct: no gap, no resync
        // the best bid stays below the best ask: the book is consistent
        assertThat(r.bestBid().price()).isLessThan(r.bestAsk().price());
        assertThat(out).contains("trade 1: 1.5 @ ");
    }
}
