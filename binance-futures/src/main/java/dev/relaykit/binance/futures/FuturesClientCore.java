package dev.relaykit.binance.futures;

import dev.relaykit.binance.BinanceKey;
import dev.relaykit.binance.internal.BinanceContext;
import dev.relaykit.core.limit.RateLimit;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * What {@link UsdmFutures} and {@link CoinmFutures} share: the environment and the Binance context
 * built from it (limits from the futures "General Info" pages: 2400 weight per minute, 1200 orders
 * per minute and 300 per 10 s on USD-M; the headers Binance reports usage in).
 */
final class FuturesClientCore {
    final FuturesEnvironment environment;
    final BinanceContext context;

    FuturesClientCore(FuturesEnvironment environment, BinanceKey key, OkHttpClient httpClient) {
        this.environment = Objects.requireNonNull(environment, "environment");
        BinanceContext.Builder b = BinanceContext.builder(environment.toBinanceEnvironment())
                .service("binance-" + environment.kind().name().toLowerCase(java.util.Locale.ROOT))
                .key(key)
                .errorParser(FuturesErrors::parse)
                .weightLimit(RateLimit.weight(2400, Duration.ofMinutes(1)).withServerHeader("X-MBX-USED-WEIGHT-1M"))
                .orderLimit(RateLimit.requests(1200, Duration.ofMinutes(1)).withServerHeader("X-MBX-ORDER-COUNT-1M"))
                .orderLimit(RateLimit.requests(300, Duration.ofSeconds(10)).withServerHeader("X-MBX-ORDER-COUNT-10S"));
        if (httpClient != null) {
            b.httpClient(httpClient);
        }
        this.context = b.build();
    }
}
