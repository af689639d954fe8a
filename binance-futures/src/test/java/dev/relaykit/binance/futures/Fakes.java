package dev.relaykit.binance.futures;

import dev.relaykit.binance.BinanceKey;
import dev.relaykit.testkit.FakeBinanceFuturesStreams;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Test helpers: a futures client pointed at a {@link FakeBinanceFuturesStreams}, and bounded waits. */
public final class Fakes {
    public static final Duration WAIT = Duration.ofSeconds(10);

    private Fakes() {
    }

    public static UsdmFutures usdm(FakeBinanceFuturesStreams fake) {
        return UsdmFutures.builder().key(BinanceKey.hmac("fake-api-key", "fake-secret"))
                .environment(FuturesEnvironment.custom(FuturesProduct.USD_M, fake.restBaseUrl(),
                        fake.baseUrl(), "ws://127.0.0.1:1/ws-fapi/v1").withSplitStreamPaths(true))
                .build();
    }

    public static CoinmFutures coinm(FakeBinanceFuturesStreams fake) {
        return CoinmFutures.builder().key(BinanceKey.hmac("fake-api-key", "fake-secret"))
                .environment(FuturesEnvironment.custom(FuturesProduct.COIN_M, fake.restBaseUrl(),
                        fake.baseUrl(), "ws://127.0.0.1:1/ws-dapi/v1"))
                .build();
    }

    /** Polls until {@code condition} holds; fails with {@code what} after {@link #WAIT}. */
    public static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
