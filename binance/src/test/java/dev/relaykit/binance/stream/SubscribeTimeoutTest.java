package dev.relaykit.binance.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.binance.BinanceEnvironment;
import dev.relaykit.binance.BinanceSpot;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A {@code ready()} that runs out of time says how the connection stood: a SUBSCRIBE that was never sent
 * (the handshake never finished) is not reported as Binance not answering it. A peer that accepts the TCP
 * connection and never answers the upgrade stands in for a stalled server.
 */
class SubscribeTimeoutTest {

    @Test
    void aTimedOutSubscribeOnAConnectionThatNeverOpenedSaysSo() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // read nothing, answer nothing
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            }, "silent-acceptor");
            acceptor.setDaemon(true);
            acceptor.start();
            try (BinanceSpot spot = BinanceSpot.builder().environment(BinanceEnvironment.custom("http://127.0.0.1:1",
                    "ws://127.0.0.1:" + silent.getLocalPort(), "ws://127.0.0.1:1/ws-api/v3")).build();
                 MarketStreams streams = MarketStreams.builder(spot).requestTimeout(Duration.ofMillis(700)).build()) {
                CompletableFuture<Void> ready = streams.subscribe(MarketStream.trade("BTCUSDT"), t -> { }).ready();
                Throwable failure = ready.handle((v, e) -> e).get(10, TimeUnit.SECONDS);
                assertThat(failure).isInstanceOf(TimeoutException.class)
                        .hasMessageContaining("SUBSCRIBE [btcusdt@trade]")
                        .hasMessageContaining("CONNECTING");
                assertThat(accepted).as("the TCP connection was made; the upgrade never answered").isNotEmpty();
            } finally {
                for (Socket s : accepted) {
                    s.close();
                }
            }
        }
    }
}
