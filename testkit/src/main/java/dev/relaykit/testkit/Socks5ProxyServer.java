package dev.relaykit.testkit;

import java.util.Objects;

/**
 * A SOCKS5 proxy (RFC 1928, CONNECT only) on a free loopback port, optionally demanding user
 * name/password authentication (RFC 1929), for testing clients configured with a SOCKS proxy.
 *
 * <p>It records every CONNECT it received, including whether the client sent a domain name (the
 * proxy resolves it) or an IP address, and counts rejected credentials. A target it cannot reach is
 * answered with reply 5 (connection refused) or 4 (host unreachable).
 *
 * <pre>{@code
 * try (ScriptedWsServer server = ScriptedWsServer.start();
 *      Socks5ProxyServer proxy = Socks5ProxyServer.startRequiringCredentials("bot", "s3cret")) {
 *     WsSession session = WsSession.builder("ws://localhost:" + server.port() + "/")
 *             .proxy(ProxyConfig.socks5(proxy.host(), proxy.port()).withCredentials("bot", "s3cret"))
 *             .build();
 *     session.connect().join();
 *     Socks5ProxyServer.Connect c = proxy.awaitConnects(1, Duration.ofSeconds(5)).get(0);
 *     assertThat(c.addressType()).isEqualTo(Socks5ProxyServer.AddressType.DOMAIN);   // the proxy resolved it
 *     session.close();
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} closes every connection and ends its threads (daemons named
 * {@code testkit-socks5-PORT-...}).
 *
 * <p>The proxy itself is {@link dev.relaykit.testsupport.Socks5ProxyServer}, in the module {@code test-support},
 * which depends on nothing of RelayKit so that sdk-core's own tests can use it. This subclass keeps the testkit's name
 * for testkit users: its factories return this type; {@link Connect} and {@link AddressType} are inherited.
 */
public final class Socks5ProxyServer extends dev.relaykit.testsupport.Socks5ProxyServer {

    private Socks5ProxyServer(String username, String password) {
        super(username, password);
    }

    /**
     * Starts a proxy that needs no authentication (it accepts any credentials offered, too).
     *
     * @return the running proxy
     */
    public static Socks5ProxyServer start() {
        return new Socks5ProxyServer(null, null);
    }

    /**
     * Starts a proxy that demands these credentials (RFC 1929).
     *
     * @param username the user name it accepts
     * @param password the password it accepts
     * @return the running proxy
     */
    public static Socks5ProxyServer startRequiringCredentials(String username, String password) {
        return new Socks5ProxyServer(Objects.requireNonNull(username, "username"),
                Objects.requireNonNull(password, "password"));
    }
}
