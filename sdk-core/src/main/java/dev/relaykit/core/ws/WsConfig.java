package dev.relaykit.core.ws;

import dev.relaykit.core.net.HttpClients;
import dev.relaykit.core.net.KeepAliveSocketFactory;
import dev.relaykit.core.secret.Redactor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * A session's configuration: the {@link WsSession.Builder}'s values, copied once, and what follows from
 * them alone (the session's own OkHttp client, the handshake of an attempt). Immutable; no lock.
 */
final class WsConfig {
    final String name;
    final List<HttpUrl> endpoints; // null when endpointSupplier is set
    final Supplier<String> endpointSupplier;
    final OkHttpClient client;
    final ReconnectPolicy policy;
    final ServerCloseRule closeRule; // null: every server close reconnects by the policy
    final boolean retryInitialConnect;
    final Duration connectDeadline; // null: OkHttp's own timeouts bound an attempt
    final Duration pongTimeout; // null: no heartbeat check
    final Duration silenceTimeout; // null: no watchdog
    final int queueCapacity;
    final int messagesPerSecond; // 0: no rate limit
    final long maxIncomingBytes;
    final FrameType expected;

    private final List<String[]> headers;
    private final List<String[]> queryParams;
    private final List<Supplier<Map<String, String>>> headerSuppliers;
    private final List<Supplier<Map<String, String>>> querySuppliers;
    private final List<String> subprotocols;

    WsConfig(WsSession.Builder b, String name) {
        this.name = name;
        this.endpoints = b.endpointSupplier != null ? null : List.copyOf(b.urls);
        this.endpointSupplier = b.endpointSupplier;
        this.headers = List.copyOf(b.headers);
        this.queryParams = List.copyOf(b.queryParams);
        this.headerSuppliers = List.copyOf(b.headerSuppliers);
        this.querySuppliers = List.copyOf(b.querySuppliers);
        this.subprotocols = List.copyOf(b.subprotocols);
        this.client = client(b);
        this.policy = b.policy;
        this.closeRule = b.closeRule;
        this.retryInitialConnect = b.retryInitialConnect;
        this.connectDeadline = b.connectTimeout;
        this.pongTimeout = b.pongTimeout;
        this.silenceTimeout = b.silence;
        this.queueCapacity = b.queueCapacity;
        this.messagesPerSecond = b.messagesPerSecond;
        this.maxIncomingBytes = b.maxIncomingBytes;
        this.expected = b.expected;
    }

    private static OkHttpClient client(WsSession.Builder b) {
        OkHttpClient base = b.httpClient != null ? b.httpClient : HttpClients.shared();
        OkHttpClient.Builder cb = base.newBuilder();
        // An open WebSocket holds one of the dispatcher's running-call slots for its whole life, and
        // OkHttp allows 64 by default: the 65th session would wait forever without a word. Sessions get
        // a dispatcher of their own, unlimited, on the same threads.
        Dispatcher sockets = new Dispatcher(base.dispatcher().executorService());
        sockets.setMaxRequests(Integer.MAX_VALUE);
        sockets.setMaxRequestsPerHost(Integer.MAX_VALUE);
        cb.dispatcher(sockets);
        // No read or write timeout on the open socket: Okio enforces them by waking its watchdog thread for every
        // frame written and every read that refills a frame (a thread hand-off per message). The handshake keeps a
        // bound (the call timeout, which OkHttp ends at the upgrade); an open socket's peer that goes quiet or stops
        // reading is found by the heartbeat or silence watchdog (a stuck write holds back the pings too) or when the
        // outgoing queue is full.
        long connectMillis = b.connectTimeout != null ? b.connectTimeout.toMillis() : base.connectTimeoutMillis();
        if (base.callTimeoutMillis() == 0 && base.readTimeoutMillis() > 0) {
            // the handshake as bounded before: connecting, then reading the upgrade response
            cb.callTimeout(Duration.ofMillis(connectMillis + base.readTimeoutMillis()));
        }
        cb.readTimeout(Duration.ZERO).writeTimeout(Duration.ZERO);
        if (b.connectTimeout != null) {
            cb.connectTimeout(b.connectTimeout);
        }
        if (b.pingInterval != null) {
            cb.pingInterval(b.pingInterval);
        }
        if (!b.compression) {
            // OkHttp always offers permessage-deflate; strip the offer so the server cannot accept it.
            // (An application interceptor: OkHttp runs no network interceptors for WebSocket calls.)
            cb.addInterceptor(chain -> chain.proceed(
                    chain.request().newBuilder().removeHeader("Sec-WebSocket-Extensions").build()));
        }
        for (WsSession.ClientCustomizer c : b.customizers) {
            c.customize(cb);
        }
        OkHttpClient built = cb.build();
        if (b.tcpKeepAlive) {
            // after the customizers: the SOCKS5 proxy brings a socket factory of its own, which is wrapped too
            built = built.newBuilder().socketFactory(KeepAliveSocketFactory.wrap(built.socketFactory())).build();
        }
        return built;
    }

    /** The handshake of one attempt and a redactor that knows the credential values it carries. */
    record Handshake(Request request, Redactor redactor) {
    }

    /**
     * The handshake of an attempt on {@code url}: the fixed headers and query parameters and the
     * suppliers' fresh ones.
     *
     * @throws SetupFailure or the supplier's own exception if a supplier fails
     */
    Handshake handshake(HttpUrl url) {
        List<String> secrets = new ArrayList<>();
        HttpUrl.Builder ub = url.newBuilder();
        for (String[] p : queryParams) {
            ub.addQueryParameter(p[0], p[1]);
            secrets.add(p[1]);
        }
        for (Supplier<Map<String, String>> supplier : querySuppliers) {
            for (Map.Entry<String, String> p : supplied(supplier, "query parameter").entrySet()) {
                ub.addQueryParameter(p.getKey(), p.getValue());
                secrets.add(p.getValue());
            }
        }
        Request.Builder rb = new Request.Builder().url(ub.build());
        for (String[] h : headers) {
            addHeader(rb, h[0], h[1]);
            secrets.add(h[1]);
        }
        for (Supplier<Map<String, String>> supplier : headerSuppliers) {
            for (Map.Entry<String, String> h : supplied(supplier, "header").entrySet()) {
                addHeader(rb, h.getKey(), h.getValue());
                secrets.add(h.getValue());
            }
        }
        if (!subprotocols.isEmpty()) {
            rb.header("Sec-WebSocket-Protocol", String.join(", ", subprotocols));
        }
        secrets.removeIf(v -> v.length() < 4); // "1", "true": too short to be a secret, too common to mask
        return new Handshake(rb.build(), Redactor.standard().withValues(secrets));
    }

    private static void addHeader(Request.Builder rb, String name, String value) {
        try {
            rb.addHeader(name, value);
        } catch (IllegalArgumentException e) {
            // OkHttp's message quotes the offending value (a token with a stray newline, say): not passed on
            throw new SetupFailure("handshake header " + name + ": invalid name or value (value withheld)");
        }
    }

    private static Map<String, String> supplied(Supplier<Map<String, String>> supplier, String what) {
        Map<String, String> values = supplier.get();
        if (values == null) {
            throw new SetupFailure("a " + what + " supplier returned null");
        }
        values.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new SetupFailure("a " + what + " supplier returned a null name or value");
            }
        });
        return values;
    }
}
