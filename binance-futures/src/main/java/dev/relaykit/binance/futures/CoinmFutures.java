package dev.relaykit.binance.futures;

import dev.relaykit.binance.BinanceKey;
import dev.relaykit.binance.futures.stream.FuturesMarketStreams;
import dev.relaykit.binance.futures.userdata.FuturesUserDataStream;
import dev.relaykit.binance.futures.userdata.FuturesUserDataListener;
import dev.relaykit.binance.internal.BinanceContext;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * Binance COIN-M futures client: market streams routed to their paths, user data with the
 * listen-key lifecycle run for you (the REST half of the surface lives on this facade too).
 *
 * <pre>{@code
 * try (CoinmFutures futures = CoinmFutures.builder().key(BinanceKey.hmac(apiKey, secretKey)).build();
 *      FuturesMarketStreams streams = futures.streams()) {
 *     streams.subscribe(FuturesStream.markPrice("BTCUSD_PERP"), m -> System.out.println(m.markPrice()));
 * }
 * }</pre>
 *
 * <p>Thread-safe; {@link #close()} releases the REST client (close streams you made yourself).
 */
public final class CoinmFutures implements BinanceContext.Source, AutoCloseable {
    private final FuturesClientCore core;

    private CoinmFutures(Builder b) {
        this.core = new FuturesClientCore(b.environment, b.key, b.httpClient);
    }

    /** @return a builder for {@link FuturesEnvironment#COINM} without a key */
    public static Builder builder() {
        return new Builder();
    }

    /** Not API: the context the parts share. */
    @Override
    public BinanceContext context() {
        return core.context;
    }

    /** @return the environment */
    public FuturesEnvironment environment() {
        return core.environment;
    }

    /**
     * Market streams with every default, routed by stream kind to this environment's paths.
     *
     * @return new streams; close them when done
     */
    public FuturesMarketStreams streams() {
        return FuturesMarketStreams.builder(this, core.environment.publicStreamUrl(),
                core.environment.marketStreamUrl()).build();
    }

    /**
     * User data (needs a key): a listen key is created, kept alive and replaced for you.
     *
     * <pre>{@code
     * try (FuturesUserDataStream user = futures.userData(event -> System.out.println(event)).build()) {
     *     user.start().join();
     * }
     * }</pre>
     *
     * @param listener receives the typed events and gaps
     * @return a builder to adjust the lifecycle before {@code build()}
     */
    public FuturesUserDataStream.Builder userData(FuturesUserDataListener listener) {
        return FuturesUserDataStream.builder(this, core.environment.privateStreamUrl(),
                core.environment.kind().restPrefix() + "/v1/listenKey", listener)
                .urlForm(core.environment.splitStreams() ? FuturesUserDataStream.UrlForm.QUERY
                        : FuturesUserDataStream.UrlForm.PATH);
    }

    /** Releases the REST client. */
    @Override
    public void close() {
        core.context.close();
    }

    @Override
    public String toString() {
        return "CoinmFutures[" + core.environment.name() + "]";
    }

    /** Configures a {@link CoinmFutures}. */
    public static final class Builder {
        private FuturesEnvironment environment = FuturesEnvironment.COINM;
        private BinanceKey key;
        private OkHttpClient httpClient;

        private Builder() {
        }

        /**
         * @param environment production, testnet or {@link FuturesEnvironment#custom}
         * @return this
         */
        public Builder environment(FuturesEnvironment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /**
         * @param key the API key and signer
         * @return this
         */
        public Builder key(BinanceKey key) {
            this.key = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * @param client the OkHttp client REST calls derive from
         * @return this
         */
        public Builder httpClient(OkHttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /** @return the client */
        public CoinmFutures build() {
            return new CoinmFutures(this);
        }
    }
}
