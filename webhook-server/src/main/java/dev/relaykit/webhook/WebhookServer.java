package dev.relaykit.webhook;

import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.webhook.WebhookReceiver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded HTTP(S) server for RelayKit's webhook receivers (the WhatsApp
 * {@code WebhookHandler} today; any {@link WebhookReceiver}), on Jetty 12. One server can serve
 * several receivers, each on its own path.
 *
 * <pre>{@code
 * try (WebhookServer server = WebhookServer.builder()
 *         .route("/whatsapp", handler)                 // e.g. the WhatsApp WebhookHandler
 *         .host("0.0.0.0")                          // default 127.0.0.1: this machine only
 *         .port(8443)                               // 0 picks a free port: see port()
 *         .tlsPkcs12(Path.of("/etc/bot/webhook.p12"), Secret.of(System.getenv("P12_PASSWORD")))
 *         .start()) {
 *     System.out.println("callback URL: " + server.uri("/whatsapp"));
 *     new CountDownLatch(1).await();                // serve until the process is stopped
 * }
 * }</pre>
 *
 * <p><b>What a client cannot do.</b> Webhook endpoints face the internet, unauthenticated until the
 * signature is checked, so every resource a request can hold is bounded:
 * <ul>
 *   <li>A connection must deliver each complete request, headers and body, within the
 *       {@linkplain Builder#requestTimeout(Duration) request timeout} (default 10 s) of being opened
 *       or of its previous response; otherwise it is closed. A client that drips a byte at a time
 *       is cut like one that stops; an idle keep-alive connection is closed after this time too.</li>
 *   <li>A connection on which nothing arrives for the {@linkplain Builder#idleTimeout(Duration)
 *       idle timeout} (default 10 s) is closed, also while a response is being written.</li>
 *   <li>Bodies are gathered without a thread: while a client is slow, no thread waits for it. The
 *       receiver runs once the whole body is in, on one of at most
 *       {@linkplain Builder#maxThreads(int) maxThreads} pool threads (default 16).</li>
 *   <li>Headers beyond {@linkplain Builder#maxHeaderBytes(int) maxHeaderBytes} (default 8 KiB): 431.
 *       A body beyond {@linkplain Builder#maxBodyBytes(int) maxBodyBytes} (default 1 MiB, declared or
 *       counted): 413, and the connection is closed.</li>
 *   <li>Only the configured paths are served, exactly; anything else is answered 404.</li>
 * </ul>
 *
 * <p>Meta requires an HTTPS callback URL with a certificate from a public CA: configure TLS here, or
 * serve plain HTTP behind a reverse proxy that terminates TLS. The server listens on
 * {@code 127.0.0.1} unless told otherwise, so nothing is exposed by accident: choose {@code 0.0.0.0}
 * (or one interface) to accept connections from other hosts.
 *
 * <p>{@link #close()} stops accepting, lets requests in progress finish (up to the
 * {@linkplain Builder#stopTimeout(Duration) stop timeout}), stops every thread the server started,
 * then closes the receivers. Thread-safe.
 */
public final class WebhookServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);

    private final Server server;
    private final ServerConnector connector;
    private final ConnectionDeadlines deadlines;
    private final Map<String, WebhookReceiver> routes;
    private final boolean tls;
    private boolean closed;

    private WebhookServer(Builder b) throws Exception {
        this.routes = Map.copyOf(b.routes);
        this.tls = b.sslContext != null;
        QueuedThreadPool pool = new QueuedThreadPool(b.maxThreads, Math.min(2, b.maxThreads), 60_000);
        pool.setName("relaykit-webhook");
        pool.setReservedThreads(0); // a small pool: no threads set aside for work that does not need them
        ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("relaykit-webhook-scheduler", false);
        server = new Server(pool, scheduler, null);

        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(b.maxHeaderBytes);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        HttpConnectionFactory h1 = new HttpConnectionFactory(http);
        // no acceptor thread (the selector accepts) and one selector: a webhook server is not a web farm
        connector = tls
                ? new ServerConnector(server, 0, 1, new SslConnectionFactory(sslContextFactory(b.sslContext), h1.getProtocol()), h1)
                : new ServerConnector(server, 0, 1, h1);
        connector.setHost(b.host.getHostAddress());
        connector.setPort(b.port);
        // the JDK's default listen backlog is 50: a burst of connections beyond it waits for SYN retries (1 s, 3 s...)
        connector.setAcceptQueueSize(1024);
        connector.setIdleTimeout(b.idleTimeout.toMillis());
        // on close, keep-alive connections with nothing in flight go at once (Jetty's default waits a
        // second of idleness for each); requests already being answered still finish
        connector.setShutdownIdleTimeout(Math.min(250, Math.max(1, b.stopTimeout.toMillis())));
        deadlines = new ConnectionDeadlines(b.requestTimeout.toNanos());
        connector.addBean(deadlines);
        server.addConnector(connector);

        server.setHandler(new GracefulHandler(new ReceiverHandler(routes, b.maxBodyBytes, deadlines)));
        server.setStopTimeout(b.stopTimeout.toMillis());
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly();
            throw e;
        }
        deadlines.start(scheduler);
        LOG.info("webhook server listening on {}:{} for {}", b.host.getHostAddress(), connector.getLocalPort(),
                routes.keySet());
    }

    private static SslContextFactory.Server sslContextFactory(SSLContext context) {
        SslContextFactory.Server f = new SslContextFactory.Server();
        f.setSslContext(context);
        return f;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the port the server listens on (the one chosen, if you asked for port 0) */
    public int port() {
        return connector.getLocalPort();
    }

    /** @return the address the server listens on */
    public InetSocketAddress address() {
        return new InetSocketAddress(connector.getHost(), port());
    }

    /** @return the paths served */
    public Set<String> paths() {
        return routes.keySet();
    }

    /**
     * @param path one of the configured paths
     * @return the URL of that path on the bound address, for example {@code https://127.0.0.1:8443/webhook};
     *     behind a proxy or NAT, the sender needs your public URL instead
     * @throws IllegalArgumentException if the path is not served
     */
    public URI uri(String path) {
        if (!routes.containsKey(path)) {
            throw new IllegalArgumentException("'" + path + "' is not served; the paths are " + routes.keySet());
        }
        String host = connector.getHost();
        InetAddress a = new InetSocketAddress(host, 0).getAddress();
        if (a != null && a.isAnyLocalAddress()) {
            host = "127.0.0.1";
        } else if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return URI.create((tls ? "https" : "http") + "://" + host + ":" + port() + path);
    }

    /**
     * @return the URL of the only path served
     * @throws IllegalStateException if the server has several paths (use {@link #uri(String)})
     */
    public URI uri() {
        if (routes.size() != 1) {
            throw new IllegalStateException("the server has several paths " + routes.keySet() + "; use uri(path)");
        }
        return uri(routes.keySet().iterator().next());
    }

    /** @return how many connections are open now */
    public int openConnections() {
        return deadlines.open();
    }

    /**
     * Stops accepting connections, lets requests in progress finish (up to the stop timeout), closes
     * the remaining connections, stops every thread the server started and closes each receiver
     * (which delivers what it has queued, see the receiver's {@code close()}).
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        deadlines.stop();
        deadlines.closeWaiting();
        stopQuietly();
        for (WebhookReceiver r : routes.values()) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.warn("webhook server: closing the receiver {} failed", r.getClass().getName(), e);
            }
        }
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("webhook server: stopping Jetty failed", e);
        }
    }

    /**
     * Configures a {@link WebhookServer}. At least one {@link #route(String, WebhookReceiver) route}
     * is required; everything else has a safe default.
     */
    public static final class Builder {
        private final Map<String, WebhookReceiver> routes = new LinkedHashMap<>();
        private InetAddress host = InetAddress.getLoopbackAddress();
        private int port = 8080;
        private Duration idleTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Duration stopTimeout = Duration.ofSeconds(5);
        private int maxHeaderBytes = 8 * 1024;
        private int maxBodyBytes = 1 << 20;
        private int maxThreads = 16;
        private SSLContext sslContext;

        private Builder() {
        }

        /**
         * Serves a receiver on a path; only this exact path reaches it. The server closes the
         * receiver when it stops.
         *
         * @param path starts with {@code /}, for example {@code /whatsapp}
         * @param receiver the receiver, for example WhatsApp's {@code WebhookHandler}
         * @return this builder
         * @throws IllegalArgumentException if the path is malformed or already taken
         */
        public Builder route(String path, WebhookReceiver receiver) {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(receiver, "receiver");
            if (!path.startsWith("/") || path.contains("?") || path.contains("#")) {
                throw new IllegalArgumentException("path must start with '/' and hold no query, got '" + path + "'");
            }
            if (routes.putIfAbsent(path, receiver) != null) {
                throw new IllegalArgumentException("path '" + path + "' already has a receiver");
            }
            return this;
        }

        /**
         * The interface to listen on (default {@code 127.0.0.1}, this machine only); {@code 0.0.0.0}
         * for all.
         *
         * @param host an IP address or host name
         * @return this builder
         * @throws IllegalArgumentException if the host cannot be resolved
         */
        public Builder host(String host) {
            Objects.requireNonNull(host, "host");
            try {
                this.host = InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("cannot resolve host '" + host + "'", e);
            }
            return this;
        }

        /**
         * @param host the interface to listen on
         * @return this builder
         */
        public Builder host(InetAddress host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * The port (default 8080); 0 picks a free port, see {@link WebhookServer#port()}.
         *
         * @param port 0 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * A connection on which no byte arrives (or none of the response can be written) for this
         * long is closed (default 10 s).
         *
         * @param idleTimeout positive
         * @return this builder
         */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = positive(idleTimeout, "idleTimeout");
            return this;
        }

        /**
         * The whole-request deadline (default 10 s): a connection must deliver each complete request,
         * headers and body, within this time of being opened or of its previous response, or it is
         * closed. The receiver's own work does not count. Deliveries are small and senders fast,
         * so only a slow or stalled client ever meets it.
         *
         * @param requestTimeout positive
         * @return this builder
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = positive(requestTimeout, "requestTimeout");
            return this;
        }

        /**
         * How long {@link WebhookServer#close()} lets requests in progress finish (default 5 s).
         *
         * @param stopTimeout not negative
         * @return this builder
         */
        public Builder stopTimeout(Duration stopTimeout) {
            Objects.requireNonNull(stopTimeout, "stopTimeout");
            if (stopTimeout.isNegative()) {
                throw new IllegalArgumentException("stopTimeout must not be negative, got " + stopTimeout);
            }
            this.stopTimeout = stopTimeout;
            return this;
        }

        /**
         * The largest request line plus headers (default 8 KiB); larger is answered 431.
         *
         * @param maxHeaderBytes at least 1024
         * @return this builder
         */
        public Builder maxHeaderBytes(int maxHeaderBytes) {
            if (maxHeaderBytes < 1024) {
                throw new IllegalArgumentException("maxHeaderBytes must be at least 1024, got " + maxHeaderBytes);
            }
            this.maxHeaderBytes = maxHeaderBytes;
            return this;
        }

        /**
         * The largest body (default 1 MiB), whether declared by {@code Content-Length} or counted
         * while reading a chunked one; larger is answered 413 and the connection closed. A receiver
         * may have a lower limit of its own.
         *
         * @param maxBodyBytes at least 1
         * @return this builder
         */
        public Builder maxBodyBytes(int maxBodyBytes) {
            if (maxBodyBytes < 1) {
                throw new IllegalArgumentException("maxBodyBytes must be at least 1, got " + maxBodyBytes);
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * The most threads the server runs (default 16): one selector plus the pool that reads ready
         * bytes and runs receivers. Slow clients hold no thread, so this bounds CPU work, not
         * connections.
         *
         * @param maxThreads at least 4
         * @return this builder
         */
        public Builder maxThreads(int maxThreads) {
            if (maxThreads < 4) {
                throw new IllegalArgumentException("maxThreads must be at least 4, got " + maxThreads);
            }
            this.maxThreads = maxThreads;
            return this;
        }

        /**
         * Serves HTTPS with this context (its key managers hold the server certificate).
         *
         * @param sslContext an initialised context
         * @return this builder
         */
        public Builder tls(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /**
         * Serves HTTPS with the key and certificate chain in a PKCS#12 key store (for example one
         * made with {@code openssl pkcs12 -export -in fullchain.pem -inkey privkey.pem -out webhook.p12}).
         * The store and its key share the password.
         *
         * @param keyStore the {@code .p12} / {@code .pfx} file
         * @param password the store's password
         * @return this builder
         * @throws IllegalArgumentException if the file cannot be read or holds no usable key
         */
        public Builder tlsPkcs12(Path keyStore, Secret password) {
            Objects.requireNonNull(keyStore, "keyStore");
            Objects.requireNonNull(password, "password");
            char[] pw = password.reveal().toCharArray();
            try (InputStream in = Files.newInputStream(keyStore)) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(in, pw);
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, pw);
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(kmf.getKeyManagers(), null, null);
                this.sslContext = ctx;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot load PKCS#12 key store " + keyStore + ": "
                        + e.getClass().getSimpleName()
                        + (e instanceof IOException && e.getCause() instanceof UnrecoverableKeyException
                                ? " (wrong password?)" : ""), e);
            } finally {
                Arrays.fill(pw, '\0');
            }
            return this;
        }

        /**
         * Binds and starts the server.
         *
         * @return the running server
         * @throws IllegalStateException if no route is configured
         * @throws UncheckedIOException if the address cannot be bound (for example, the port is in use)
         */
        public WebhookServer start() {
            if (routes.isEmpty()) {
                throw new IllegalStateException("no route: add at least one with route(path, receiver)");
            }
            try {
                return new WebhookServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on " + host.getHostAddress() + ":" + port + ": "
                        + e.getMessage(), e);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the webhook server on " + host.getHostAddress() + ":"
                        + port + ": " + e, e);
            }
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return d;
        }
    }
}
