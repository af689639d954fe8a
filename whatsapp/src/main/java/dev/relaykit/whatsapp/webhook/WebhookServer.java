package dev.relaykit.whatsapp.webhook;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.relaykit.core.secret.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small embedded HTTP(S) server for a {@link WebhookHandler}, built on the JDK's
 * {@code com.sun.net.httpserver} (no extra dependency).
 *
 * <pre>{@code
 * try (WebhookServer server = WebhookServer.builder(handler)
 *         .bindAddress("0.0.0.0")
 *         .port(8443)
 *         .path("/whatsapp")
 *         .tlsPkcs12(Path.of("/etc/bot/webhook.p12"), Secret.of(System.getenv("P12_PASSWORD")))
 *         .start()) {
 *     System.out.println("callback URL: " + server.uri());
 *     Thread.currentThread().join();   // serve until the process is stopped
 * }
 * }</pre>
 *
 * <p>Meta requires an HTTPS callback URL with a certificate from a public CA: either configure TLS
 * here, or run plain HTTP behind a reverse proxy that terminates TLS. Only the exact path is served;
 * anything else is answered 404. By default the server listens on {@code 127.0.0.1} only; choose
 * {@code 0.0.0.0} (or a specific interface) to accept connections from other hosts.
 *
 * <p>{@link #close()} stops the server, its threads and the handler.
 */
public final class WebhookServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);

    private final HttpServer server;
    private final ExecutorService httpThreads;
    private final WebhookHandler handler;
    private final String path;
    private final boolean tls;
    private volatile boolean closed;

    private WebhookServer(Builder b) throws IOException {
        this.handler = b.handler;
        this.path = b.path;
        this.tls = b.sslContext != null;
        InetSocketAddress address = new InetSocketAddress(b.bindAddress, b.port);
        if (tls) {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(b.sslContext));
            this.server = https;
        } else {
            this.server = HttpServer.create(address, 0);
        }
        AtomicInteger n = new AtomicInteger();
        this.httpThreads = Executors.newFixedThreadPool(b.httpThreads,
                r -> new Thread(r, "relaykit-wa-webhook-http-" + n.incrementAndGet()));
        server.setExecutor(httpThreads);
        server.createContext("/", this::exchange);
        server.start();
    }

    /**
     * @param handler the handler that answers every request
     * @return a new builder
     */
    public static Builder builder(WebhookHandler handler) {
        return new Builder(handler);
    }

    /** @return the port the server listens on (the one chosen, if you asked for port 0) */
    public int port() {
        return server.getAddress().getPort();
    }

    /** @return the address the server listens on */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /**
     * @return the callback URL on the bound address, for example {@code https://127.0.0.1:8443/webhook};
     *     behind a proxy or NAT, Meta needs your public URL instead
     */
    public URI uri() {
        InetAddress a = server.getAddress().getAddress();
        String host = a.isAnyLocalAddress() ? "127.0.0.1" : a.getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return URI.create((tls ? "https" : "http") + "://" + host + ":" + port() + path);
    }

    /** @return the handler this server runs */
    public WebhookHandler handler() {
        return handler;
    }

    private void exchange(HttpExchange ex) throws IOException {
        try {
            if (!path.equals(ex.getRequestURI().getPath())) {
                send(ex, WebhookResponse.text(404, "not found"));
                return;
            }
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            Headers headers = ex.getRequestHeaders();
            WebhookResponse r = handler.handle(ex.getRequestMethod(), query::get, headers::getFirst,
                    ex.getRequestBody(), contentLength(headers));
            send(ex, r);
        } catch (RuntimeException e) {
            LOG.error("WhatsApp webhook server: unexpected failure answering {} {}", ex.getRequestMethod(),
                    ex.getRequestURI().getPath(), e);
            send(ex, WebhookResponse.text(500, "internal error"));
        } finally {
            ex.close();
        }
    }

    /**
     * The JDK server writes the headers and the body as two TCP segments and leaves Nagle's
     * algorithm on, so a response with a body waits for the client's delayed ACK (up to 40 ms on
     * Linux). Acknowledgements of deliveries, the hot path, have no body and go out as one segment.
     */
    private static void send(HttpExchange ex, WebhookResponse r) throws IOException {
        byte[] body = r.bodyBytes();
        ex.getResponseHeaders().set("Content-Type", r.contentType());
        ex.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static long contentLength(Headers headers) {
        String te = headers.getFirst("Transfer-Encoding");
        String cl = headers.getFirst("Content-Length");
        if (cl == null || te != null) {
            return -1;
        }
        try {
            return Long.parseLong(cl.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                q.putIfAbsent(k, v);
            } catch (IllegalArgumentException e) {
                // a malformed %-escape: the parameter is ignored
            }
        }
        return q;
    }

    /**
     * Stops listening, closes open connections, stops the server's threads, then closes the
     * handler (which waits for queued events, see {@link WebhookHandler#close()}).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        httpThreads.shutdown();
        try {
            if (!httpThreads.awaitTermination(5, TimeUnit.SECONDS)) {
                httpThreads.shutdownNow();
            }
        } catch (InterruptedException e) {
            httpThreads.shutdownNow();
            Thread.currentThread().interrupt();
        }
        handler.close();
    }

    /** Configures a {@link WebhookServer}. */
    public static final class Builder {
        private final WebhookHandler handler;
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port = 8080;
        private String path = "/webhook";
        private SSLContext sslContext;
        private int httpThreads = 4;

        private Builder(WebhookHandler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
        }

        /**
         * The interface to listen on (default {@code 127.0.0.1}); {@code 0.0.0.0} for all.
         *
         * @param host an IP address or host name
         * @return this builder
         * @throws IllegalArgumentException if the host cannot be resolved
         */
        public Builder bindAddress(String host) {
            Objects.requireNonNull(host, "host");
            try {
                this.bindAddress = InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("cannot resolve bind address '" + host + "'", e);
            }
            return this;
        }

        /**
         * @param address the interface to listen on
         * @return this builder
         */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address, "address");
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
         * The callback path (default {@code /webhook}); only this exact path is served.
         *
         * @param path starts with {@code /}
         * @return this builder
         */
        public Builder path(String path) {
            Objects.requireNonNull(path, "path");
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("path must start with '/', got '" + path + "'");
            }
            this.path = path;
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
                        + (e instanceof IOException && e.getCause() instanceof java.security.UnrecoverableKeyException
                                ? " (wrong password?)" : ""), e);
            } finally {
                Arrays.fill(pw, '\0');
            }
            return this;
        }

        /**
         * How many threads answer requests (default 4). They only read, verify and parse; the
         * listener runs on the handler's executor.
         *
         * @param threads at least 1
         * @return this builder
         */
        public Builder httpThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("httpThreads must be at least 1, got " + threads);
            }
            this.httpThreads = threads;
            return this;
        }

        /**
         * Binds and starts the server.
         *
         * @return the running server
         * @throws UncheckedIOException if the address cannot be bound (for example, the port is in use)
         */
        public WebhookServer start() {
            try {
                return new WebhookServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on " + bindAddress.getHostAddress() + ":" + port
                        + ": " + e.getMessage(), e);
            }
        }
    }
}
