package dev.relaykit.core.net;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import dev.relaykit.core.internal.OkHttpSupport;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The one OkHttp client RelayKit shares by default.
 *
 * <p>OkHttp is fastest and lightest when clients share one connection pool and one dispatcher;
 * every REST executor and WebSocket session derives its own client from this one with
 * {@link OkHttpClient#newBuilder()}, which shares both. Its threads are daemons (OkHttp's own
 * dispatcher threads are not, and would keep a bot's JVM alive for a minute after its last call)
 * and end by themselves when idle.
 */
public final class HttpClients {
    private static final class Holder {
        static final OkHttpClient SHARED = supported()
                .dispatcher(new Dispatcher(new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
                        new SynchronousQueue<>(), HttpClients::daemon)))
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                .build();
    }

    private HttpClients() {
    }

    private static OkHttpClient.Builder supported() {
        OkHttpSupport.check(); // an unsupported OkHttp fails here, by name, not later inside a call
        return new OkHttpClient.Builder();
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "OkHttp Dispatcher (shared)");
        t.setDaemon(true);
        return t;
    }

    /**
     * @return the shared default client
     */
    public static OkHttpClient shared() {
        return Holder.SHARED;
    }

    /**
     * Derives a client with a proxy and/or TLS options from {@code base}. The derived client shares
     * the base's connection pool and dispatcher; connections made with different options are never
     * mixed up in the pool.
     *
     * <pre>{@code
     * OkHttpClient rest = HttpClients.configure(HttpClients.shared(),
     *     ProxyConfig.http("proxy.corp.example", 3128).withCredentials("bot", System.getenv("PROXY_PASSWORD")),
     *     TlsConfig.defaults().alsoTrustPemCertificates(Path.of("corp-ca.pem")));
     * }</pre>
     *
     * @param base the client to derive from
     * @param proxy the proxy, or {@code null} for the base's own proxy settings
     * @param tls the TLS options, or {@code null} for the base's own TLS settings
     * @return a new client
     */
    public static OkHttpClient configure(OkHttpClient base, ProxyConfig proxy, TlsConfig tls) {
        OkHttpSupport.check();
        OkHttpClient.Builder b = Objects.requireNonNull(base, "base").newBuilder();
        if (proxy != null) {
            proxy.applyTo(b);
        }
        if (tls != null) {
            tls.applyTo(b);
        }
        return b.build();
    }
}
