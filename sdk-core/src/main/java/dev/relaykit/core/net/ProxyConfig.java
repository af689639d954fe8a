package dev.relaykit.core.net;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * How to reach the network through a proxy: an HTTP proxy (CONNECT tunnels for TLS, absolute-form
 * requests for plain HTTP and {@code ws://}) or a SOCKS5 proxy, optionally with a user name and
 * password. Immutable and thread-safe.
 *
 * <pre>{@code
 * ProxyConfig corporate = ProxyConfig.http("proxy.corp.example", 3128).withCredentials("bot", System.getenv("PROXY_PASSWORD"));
 * ProxyConfig tor = ProxyConfig.socks5("127.0.0.1", 9050);
 *
 * WsSession session = WsSession.builder("wss://stream.example.com/ws").proxy(corporate).build();
 * OkHttpClient rest = HttpClients.configure(HttpClients.shared(), tor, null);
 * }</pre>
 *
 * <p><b>HTTP proxies</b> get credentials as {@code Proxy-Authorization: Basic} when the proxy asks
 * with a 407 (and up front for CONNECT tunnels). If the proxy answers 407 to a request that already
 * carried credentials, the request fails instead of retrying forever.
 *
 * <p><b>SOCKS5 proxies</b> are spoken to by RelayKit's own small SOCKS5 client (RFC 1928, with RFC
 * 1929 user name/password authentication), never the JVM's: credentials stay with this client and
 * never go through the process-wide {@link java.net.Authenticator}. Host names are resolved by the
 * proxy (remote DNS), so a name the local resolver cannot see still works; IP literals are sent as
 * addresses.
 *
 * <p>Credentials never appear in {@link #toString()} or in any exception message.
 */
public final class ProxyConfig {

    /** The kind of proxy. */
    public enum Type {
        /** An HTTP proxy (CONNECT for TLS, absolute-form requests otherwise). */
        HTTP,
        /** A SOCKS version 5 proxy, CONNECT command. */
        SOCKS5
    }

    private final Type type;
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    // made once, so clients built from one configuration can share pooled connections (OkHttp compares them)
    private final Authenticator authenticator;
    private final Socks5SocketFactory socksFactory;

    private ProxyConfig(Type type, String host, int port, String username, String password) {
        this.type = type;
        this.host = Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("proxy host is blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy port must be 1..65535, was " + port);
        }
        this.port = port;
        this.username = username;
        this.password = password;
        this.authenticator = type == Type.HTTP && username != null
                ? basicAuthenticator(Credentials.basic(username, password, StandardCharsets.UTF_8)) : null;
        this.socksFactory = type == Type.SOCKS5 ? new Socks5SocketFactory(host, port, username, password) : null;
    }

    /**
     * An HTTP proxy without credentials.
     *
     * @param host the proxy's host name or IP address
     * @param port the proxy's port
     * @return the configuration
     */
    public static ProxyConfig http(String host, int port) {
        return new ProxyConfig(Type.HTTP, host, port, null, null);
    }

    /**
     * A SOCKS5 proxy without credentials.
     *
     * @param host the proxy's host name or IP address
     * @param port the proxy's port
     * @return the configuration
     */
    public static ProxyConfig socks5(String host, int port) {
        return new ProxyConfig(Type.SOCKS5, host, port, null, null);
    }

    /**
     * The same proxy with a user name and password.
     *
     * @param username the user name
     * @param password the password
     * @return a new configuration; this one is unchanged
     * @throws IllegalArgumentException for SOCKS5, if either is longer than 255 bytes in UTF-8 (RFC 1929's limit)
     */
    public ProxyConfig withCredentials(String username, String password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (type == Type.SOCKS5 && (username.getBytes(StandardCharsets.UTF_8).length > 255
                || password.getBytes(StandardCharsets.UTF_8).length > 255)) {
            throw new IllegalArgumentException("SOCKS5 user names and passwords are limited to 255 bytes (RFC 1929)");
        }
        return new ProxyConfig(type, host, port, username, password);
    }

    /** @return the kind of proxy */
    public Type type() {
        return type;
    }

    /** @return the proxy's host */
    public String host() {
        return host;
    }

    /** @return the proxy's port */
    public int port() {
        return port;
    }

    /** @return whether a user name and password are configured */
    public boolean hasCredentials() {
        return username != null;
    }

    /**
     * Routes every connection of the client being built through this proxy. For SOCKS5 this also
     * replaces the builder's socket factory and DNS (the proxy resolves names).
     *
     * @param builder the builder to adjust
     * @return the same builder
     */
    public OkHttpClient.Builder applyTo(OkHttpClient.Builder builder) {
        Objects.requireNonNull(builder, "builder");
        if (type == Type.HTTP) {
            builder.proxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port)));
            if (authenticator != null) {
                builder.proxyAuthenticator(authenticator);
            }
        } else {
            builder.proxy(Proxy.NO_PROXY)
                    .socketFactory(socksFactory)
                    .dns(socksFactory.remoteDns());
        }
        return builder;
    }

    private static Authenticator basicAuthenticator(String credential) {
        return (route, response) -> {
            Request request = response.request();
            if (request.header("Proxy-Authorization") != null) {
                return null; // these credentials were already refused: give up rather than loop
            }
            return request.newBuilder().header("Proxy-Authorization", credential).build();
        };
    }

    @Override
    public String toString() {
        return "ProxyConfig[" + type + " " + host + ":" + port + (username != null ? ", user=***" : "") + "]";
    }
}
