package dev.relaykit.core.net;

import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * The one OkHttp client RelayKit shares by default.
 *
 * <p>OkHttp is fastest and lightest when clients share one connection pool and one dispatcher;
 * every REST executor and WebSocket session derives its own client from this one with
 * {@link OkHttpClient#newBuilder()}, which shares both. Its threads are daemons that end by
 * themselves when idle.
 */
public final class HttpClients {
    private static final class Holder {
        static final OkHttpClient SHARED = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                .build();
    }

    private HttpClients() {
    }

    /**
     * @return the shared default client
     */
    public static OkHttpClient shared() {
        return Holder.SHARED;
    }
}
