package dev.relaykit.testkit;

import java.util.Objects;

/**
 * An HTTP proxy on a free loopback port, for testing clients configured with a proxy.
 *
 * <p>It tunnels {@code CONNECT host:port} (how clients reach {@code https://} and {@code wss://}
 * through a proxy) and forwards absolute-form requests such as {@code GET http://host:port/path}
 * (how they reach {@code http://} and {@code ws://}, WebSocket upgrades included) to the origin,
 * one request per connection. It can demand Basic credentials, answering {@code 407} with
 * {@code Proxy-Authenticate: Basic realm="testkit"} until they are right, and it records every
 * request it received.
 *
 * <pre>{@code
 * try (ScriptedWsServer server = ScriptedWsServer.start();
 *      HttpProxyServer proxy = HttpProxyServer.startRequiringCredentials("bot", "s3cret")) {
 *     WsSession session = WsSession.builder(server.uri().toString())
 *             .proxy(ProxyConfig.http(proxy.host(), proxy.port()).withCredentials("bot", "s3cret"))
 *             .build();
 *     session.connect().join();
 *     // OkHttp asks without credentials first (answered 407), then with them
 *     HttpProxyServer.Request last = proxy.awaitRequests(2, Duration.ofSeconds(5)).get(1);
 *     assertThat(last.accepted()).isTrue();
 *     session.close();
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} closes every connection and ends its threads (daemons named
 * {@code testkit-http-proxy-PORT-...}).
 *
 * <p>The proxy itself is {@link dev.relaykit.testsupport.HttpProxyServer}, in the module {@code test-support}, which
 * depends on nothing of RelayKit so that sdk-core's own tests can use it. This subclass keeps the testkit's name for
 * testkit users: its factories return this type; {@link Request} is inherited.
 */
public final class HttpProxyServer extends dev.relaykit.testsupport.HttpProxyServer {

    private HttpProxyServer(String username, String password) {
        super(username, password);
    }

    /**
     * Starts a proxy that serves everyone.
     *
     * @return the running proxy
     */
    public static HttpProxyServer start() {
        return new HttpProxyServer(null, null);
    }

    /**
     * Starts a proxy that answers 407 unless a request carries these Basic credentials.
     *
     * @param username the user name it accepts
     * @param password the password it accepts
     * @return the running proxy
     */
    public static HttpProxyServer startRequiringCredentials(String username, String password) {
        return new HttpProxyServer(Objects.requireNonNull(username, "username"),
                Objects.requireNonNull(password, "password"));
    }
}
