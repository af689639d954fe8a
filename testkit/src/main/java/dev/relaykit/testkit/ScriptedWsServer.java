package dev.relaykit.testkit;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * A scriptable in-process WebSocket server on a free loopback port, for testing WebSocket clients
 * (RelayKit's and your own bot's) without a network.
 *
 * <p>It records what clients send and the handshake they made, pushes frames, drops or closes
 * connections on command, refuses connections for a while, and delays or withholds pongs. Scripts
 * ({@link #onOpen}, {@link #onText}) react to clients as they connect and send.
 *
 * <pre>{@code
 * try (ScriptedWsServer server = ScriptedWsServer.start()) {
 *     server.onText((client, text) -> client.send("echo:" + text));
 *     WsSession session = WsSession.builder(server.uri().toString()).build();
 *     session.connect().join();
 *     session.send("hello");
 *     List<String> got = server.awaitMessages(1, Duration.ofSeconds(5));   // ["hello"]
 *     server.refuseConnections(3);    // the next 3 handshakes are refused
 *     server.dropAll();               // abrupt TCP close, no close frame: the session starts reconnecting
 *     session.close();
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops the server and every thread it started.
 *
 * <p>The server itself is {@link dev.relaykit.testsupport.ScriptedWsServer}, in the module {@code test-support}, which
 * depends on nothing of RelayKit so that sdk-core's own tests can use it. This subclass keeps the testkit's name for
 * testkit users: its factories and fluent methods return this type; {@link Client}, {@link Handshake} and
 * {@link #freePort()} are inherited.
 */
public final class ScriptedWsServer extends dev.relaykit.testsupport.ScriptedWsServer {

    private ScriptedWsServer(dev.relaykit.testsupport.ScriptedWsServer.Builder options) {
        super(options);
    }

    /**
     * Starts a plain server (no TLS, compression accepted) on a free loopback port.
     *
     * @return the running server
     */
    public static ScriptedWsServer start() {
        return builder().start();
    }

    /** @return a builder for TLS, compression and subprotocol options */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs for each client that connects, on the server's thread, before any of its messages.
     *
     * @param script what to do with a new client (send a greeting, drop it, ...)
     * @return this
     */
    @Override
    public ScriptedWsServer onOpen(Consumer<Client> script) {
        super.onOpen(script);
        return this;
    }

    /**
     * Runs for each text message a client sends (after it is recorded).
     *
     * @param script what to answer
     * @return this
     */
    @Override
    public ScriptedWsServer onText(BiConsumer<Client, String> script) {
        super.onText(script);
        return this;
    }

    /**
     * Runs once for each client whose connection ends, whichever side closed it, after it left
     * {@link #openClients()}.
     *
     * @param script what to do when a client goes away
     * @return this
     */
    @Override
    public ScriptedWsServer onClose(Consumer<Client> script) {
        super.onClose(script);
        return this;
    }

    /** Options for a {@link ScriptedWsServer}. */
    public static final class Builder extends dev.relaykit.testsupport.ScriptedWsServer.Builder {
        private Builder() {
        }

        /**
         * @param enabled accept permessage-deflate when a client offers it (default {@code true})
         * @return this
         */
        @Override
        public Builder compression(boolean enabled) {
            super.compression(enabled);
            return this;
        }

        /**
         * Serves {@code wss://} with this TLS context.
         *
         * @param context a server SSL context (key manager with the server's certificate)
         * @param requireClientCertificate {@code true} to demand a client certificate
         * @return this
         */
        @Override
        public Builder tls(SSLContext context, boolean requireClientCertificate) {
            super.tls(context, requireClientCertificate);
            return this;
        }

        /**
         * @param protocols subprotocols the server accepts, in its order of preference
         * @return this
         */
        @Override
        public Builder subprotocols(String... protocols) {
            super.subprotocols(protocols);
            return this;
        }

        /**
         * @param port a fixed port (default: a free one)
         * @return this
         */
        @Override
        public Builder port(int port) {
            super.port(port);
            return this;
        }

        /**
         * Starts the server and waits until it listens.
         *
         * @return the running server
         * @throws IllegalStateException if it could not start
         */
        @Override
        public ScriptedWsServer start() {
            return start(ScriptedWsServer::new);
        }
    }
}
