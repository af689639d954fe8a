package dev.relaykit.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.extensions.permessage_deflate.PerMessageDeflateExtension;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.PingFrame;
import org.java_websocket.framing.PongFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.java_websocket.server.SSLParametersWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;

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
 * <p>It depends on nothing of RelayKit, so sdk-core's own tests use it; the testkit offers it to users under its old
 * name, {@code dev.relaykit.testkit.ScriptedWsServer} (a subclass: that is why this class and its {@link Builder}
 * can be extended, by nothing else).
 */
public class ScriptedWsServer implements AutoCloseable {

    /** A connected client, as the server sees it. */
    public interface Client {
        /** @return the connection number, from 1 in the order clients connected */
        int number();

        /** @return the request path (with query) the client connected to */
        String path();

        /** @return the handshake headers the client sent (names lower-cased) */
        Map<String, String> headers();

        /** @param text a text frame to send to this client */
        void send(String text);

        /** @param bytes a binary frame to send to this client */
        void send(byte[] bytes);

        /** Sends a ping to this client. */
        void ping();

        /**
         * Closes with a close frame.
         *
         * @param code close code
         * @param reason close reason
         */
        void close(int code, String reason);

        /** Drops the TCP connection without a close frame. */
        void drop();

        /** @return {@code true} while connected */
        boolean isOpen();
    }

    /**
     * One handshake the server accepted.
     *
     * @param number the connection number, from 1
     * @param path the request path with query
     * @param headers the request headers (names lower-cased)
     */
    public record Handshake(int number, String path, Map<String, String> headers) {
    }

    private static final AtomicInteger SERVERS = new AtomicInteger();
    private final Server server;
    private final CountDownLatch started = new CountDownLatch(1);
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final List<String> allReceived = new CopyOnWriteArrayList<>();
    private final BlockingQueue<byte[]> receivedBinary = new LinkedBlockingQueue<>();
    private final List<Handshake> handshakes = new CopyOnWriteArrayList<>();
    private final List<ClientImpl> clients = new CopyOnWriteArrayList<>();
    private final BlockingQueue<ClientImpl> opened = new LinkedBlockingQueue<>();
    private final AtomicInteger connectionNumbers = new AtomicInteger();
    private final AtomicInteger refuseNext = new AtomicInteger();
    private final AtomicLong refuseUntilNanos = new AtomicLong();
    private final AtomicInteger pingsReceived = new AtomicInteger();
    private final ScheduledExecutorService delayer;
    private volatile boolean withholdPongs;
    private volatile Duration pongDelay = Duration.ZERO;
    private volatile Consumer<Client> openScript = c -> { };
    private volatile BiConsumer<Client, String> textScript = (c, t) -> { };
    private volatile Consumer<Client> closeScript = c -> { };
    private volatile Exception startError;
    private final List<Exception> connectionErrors = new CopyOnWriteArrayList<>();

    /**
     * For a subclass's builder ({@link Builder#start(Function)}); does not start the server.
     *
     * @param b the options
     */
    protected ScriptedWsServer(Builder b) {
        List<IExtension> extensions = b.compression
                ? List.of(new PerMessageDeflateExtension()) : List.of();
        List<IProtocol> protocols = new ArrayList<>();
        b.subprotocols.forEach(p -> protocols.add(new Protocol(p)));
        protocols.add(new Protocol(""));
        List<Draft> drafts = List.of(new Draft_6455(extensions, protocols));
        this.server = new Server(new InetSocketAddress("127.0.0.1", b.port), drafts);
        if (b.sslContext != null) {
            if (b.needClientAuth) {
                SSLParameters params = b.sslContext.getDefaultSSLParameters();
                params.setNeedClientAuth(true);
                server.setWebSocketFactory(new SSLParametersWebSocketServerFactory(b.sslContext, params));
            } else {
                server.setWebSocketFactory(new DefaultSSLWebSocketServerFactory(b.sslContext));
            }
        } else if (b.plainFactory != null) {
            server.setWebSocketFactory(b.plainFactory);
        }
        server.setReuseAddr(true);
        server.setDaemon(true);
        server.setConnectionLostTimeout(0); // the server never pings by itself; tests ping explicitly
        this.delayer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "testkit-ws-" + SERVERS.incrementAndGet() + "-delayer");
            t.setDaemon(true);
            return t;
        });
        this.tls = b.sslContext != null;
        this.sweeper = new StuckWriteSweeper(server, delayer);
    }

    // writes what Java-WebSocket's selector race leaves queued (the cause of a rare CI flake; see the class)
    private final StuckWriteSweeper sweeper;

    private final boolean tls;

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

    /** @return {@code ws://127.0.0.1:PORT/} (or {@code wss://...} with TLS) */
    public URI uri() {
        return URI.create((tls ? "wss" : "ws") + "://127.0.0.1:" + port() + "/");
    }

    /** @return the port the server listens on */
    public int port() {
        return server.getPort();
    }

    // ------------------------------------------------------------------ scripts

    /**
     * Runs for each client that connects, on the server's thread, before any of its messages.
     *
     * @param script what to do with a new client (send a greeting, drop it, ...)
     * @return this
     */
    public ScriptedWsServer onOpen(Consumer<Client> script) {
        this.openScript = Objects.requireNonNull(script, "script");
        return this;
    }

    /**
     * Runs for each text message a client sends (after it is recorded).
     *
     * @param script what to answer
     * @return this
     */
    public ScriptedWsServer onText(BiConsumer<Client, String> script) {
        this.textScript = Objects.requireNonNull(script, "script");
        return this;
    }

    /**
     * Runs once for each client whose connection ends, whichever side closed it (a close frame, a drop, the
     * server stopping), after it left {@link #openClients()}; a server that keeps per-client state (members of a
     * room, say) forgets the client here.
     *
     * @param script what to do when a client goes away
     * @return this
     */
    public ScriptedWsServer onClose(Consumer<Client> script) {
        this.closeScript = Objects.requireNonNull(script, "script");
        return this;
    }

    // ------------------------------------------------------------------ commands

    /** @param text sent to every connected client */
    public void broadcast(String text) {
        server.broadcast(text);
    }

    /** @param bytes sent to every connected client */
    public void broadcast(byte[] bytes) {
        server.broadcast(bytes);
    }

    /** Drops every connection without a close frame (as a network failure would). */
    public void dropAll() {
        clients.forEach(ClientImpl::drop);
    }

    /**
     * Closes every connection with a close frame.
     *
     * @param code close code
     * @param reason close reason
     */
    public void closeAll(int code, String reason) {
        clients.forEach(c -> c.close(code, reason));
    }

    /**
     * Refuses the next {@code count} handshakes (the server answers the upgrade with HTTP 404).
     *
     * @param count how many
     */
    public void refuseConnections(int count) {
        refuseNext.set(count);
    }

    /**
     * Refuses every handshake for a while (HTTP 404 to the upgrade).
     *
     * @param duration how long from now
     */
    public void refuseConnectionsFor(Duration duration) {
        refuseUntilNanos.set(System.nanoTime() + duration.toNanos());
    }

    /**
     * @param withhold {@code true} to stop answering pings (a half-dead server), {@code false} to resume
     */
    public void withholdPongs(boolean withhold) {
        this.withholdPongs = withhold;
    }

    /**
     * @param delay answer pings this late (zero for at once)
     */
    public void delayPongs(Duration delay) {
        this.pongDelay = Objects.requireNonNull(delay, "delay");
    }

    // ------------------------------------------------------------------ observations

    /** @return every text message received so far, from all clients, in arrival order */
    public List<String> messages() {
        return List.copyOf(allReceived);
    }

    /**
     * Waits for the next {@code count} text messages not yet taken by an earlier await.
     *
     * @param count how many
     * @param timeout how long to wait in all
     * @return the messages, in arrival order
     * @throws TimeoutException if fewer arrived in time (the message says how many did)
     * @throws InterruptedException if interrupted
     */
    public List<String> awaitMessages(int count, Duration timeout) throws TimeoutException, InterruptedException {
        return take(received, count, timeout, "text message");
    }

    /**
     * Waits for the next {@code count} binary messages.
     *
     * @param count how many
     * @param timeout how long to wait in all
     * @return the messages, in arrival order
     * @throws TimeoutException if fewer arrived in time
     * @throws InterruptedException if interrupted
     */
    public List<byte[]> awaitBinary(int count, Duration timeout) throws TimeoutException, InterruptedException {
        return take(receivedBinary, count, timeout, "binary message");
    }

    /**
     * Waits for the next client to connect (clients not yet taken by an earlier await, in order).
     *
     * @param timeout how long to wait
     * @return the client
     * @throws TimeoutException if none connected in time
     * @throws InterruptedException if interrupted
     */
    public Client awaitClient(Duration timeout) throws TimeoutException, InterruptedException {
        return take(opened, 1, timeout, "client connection").get(0);
    }

    /** @return the handshakes accepted so far, in order */
    public List<Handshake> handshakes() {
        return List.copyOf(handshakes);
    }

    /** @return how many connections were accepted so far */
    public int connectionCount() {
        return connectionNumbers.get();
    }

    /** @return the clients connected now */
    public List<Client> openClients() {
        List<Client> open = new ArrayList<>();
        for (ClientImpl c : clients) {
            if (c.isOpen()) {
                open.add(c);
            }
        }
        return open;
    }

    /** @return errors the server hit on client connections (bad frames, decompression failures), in order */
    public List<Exception> errors() {
        return List.copyOf(connectionErrors);
    }

    /** @return how many pings clients have sent */
    public int pingsReceived() {
        return pingsReceived.get();
    }

    /** @return how many times a connection was found with frames queued and no write interest, and written (tests) */
    int writesUnstuck() {
        return sweeper.unstuck();
    }

    /** Stops the server, closing every connection, and ends its threads. */
    @Override
    public void close() {
        sweeper.stop();
        try {
            server.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        delayer.shutdownNow();
    }

    private static <T> List<T> take(BlockingQueue<T> q, int count, Duration timeout, String what)
            throws TimeoutException, InterruptedException {
        List<T> out = new ArrayList<>(count);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (out.size() < count) {
            T next = q.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new TimeoutException("expected " + count + " " + what + "(s) within " + timeout.toMillis()
                        + " ms, got " + out.size() + ": " + out);
            }
            out.add(next);
        }
        return out;
    }

    // ------------------------------------------------------------------ internals

    private final class ClientImpl implements Client {
        final WebSocket ws;
        final int number;
        final String path;
        final Map<String, String> headers;

        ClientImpl(WebSocket ws, int number, String path, Map<String, String> headers) {
            this.ws = ws;
            this.number = number;
            this.path = path;
            this.headers = headers;
        }

        @Override
        public int number() {
            return number;
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public Map<String, String> headers() {
            return headers;
        }

        @Override
        public void send(String text) {
            if (ws.isOpen()) {
                try {
                    ws.send(text);
                } catch (org.java_websocket.exceptions.WebsocketNotConnectedException closedMeanwhile) {
                    // closed between isOpen() and send() (a client rotating away): dropped, as when closed before
                }
            }
        }

        @Override
        public void send(byte[] bytes) {
            if (ws.isOpen()) {
                ws.send(bytes);
            }
        }

        @Override
        public void ping() {
            if (ws.isOpen()) {
                ws.sendPing();
            }
        }

        @Override
        public void close(int code, String reason) {
            ws.close(code, reason);
        }

        @Override
        public void drop() {
            ws.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by test");
        }

        @Override
        public boolean isOpen() {
            return ws.isOpen();
        }

        @Override
        public String toString() {
            return "Client#" + number + " " + path;
        }
    }

    private final class Server extends WebSocketServer {
        Server(InetSocketAddress address, List<Draft> drafts) {
            super(address, drafts);
        }

        @Override
        public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
                                                                          ClientHandshake request)
                throws InvalidDataException {
            if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                    || System.nanoTime() - refuseUntilNanos.get() < 0) {
                throw new InvalidDataException(CloseFrame.TRY_AGAIN_LATER, "refused by test script");
            }
            return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Iterator<String> it = handshake.iterateHttpFields(); it.hasNext(); ) {
                String name = it.next();
                headers.put(name.toLowerCase(java.util.Locale.ROOT), handshake.getFieldValue(name));
            }
            int number = connectionNumbers.incrementAndGet();
            ClientImpl client = new ClientImpl(conn, number, handshake.getResourceDescriptor(),
                    Collections.unmodifiableMap(headers));
            conn.setAttachment(client);
            handshakes.add(new Handshake(number, client.path, client.headers));
            clients.add(client);
            openScript.accept(client);
            opened.add(client);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            ClientImpl c = conn.getAttachment();
            if (c != null) {
                clients.remove(c);
                closeScript.accept(c);
            }
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            allReceived.add(message);
            received.add(message);
            ClientImpl c = conn.getAttachment();
            textScript.accept(c, message);
        }

        @Override
        public void onMessage(WebSocket conn, ByteBuffer message) {
            byte[] bytes = new byte[message.remaining()];
            message.get(bytes);
            receivedBinary.add(bytes);
        }

        @Override
        public void onWebsocketPing(WebSocket conn, Framedata f) {
            pingsReceived.incrementAndGet();
            if (withholdPongs) {
                return;
            }
            PongFrame pong = new PongFrame((PingFrame) f);
            Duration delay = pongDelay;
            if (delay.isZero()) {
                conn.sendFrame(pong);
            } else {
                delayer.schedule(() -> {
                    if (conn.isOpen()) {
                        conn.sendFrame(pong);
                    }
                }, delay.toNanos(), TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            if (conn == null) {
                startError = ex;
                started.countDown();
            } else {
                connectionErrors.add(ex);
            }
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }

    /** Options for a {@link ScriptedWsServer}. */
    public static class Builder {
        private boolean compression = true;
        private SSLContext sslContext;
        private boolean needClientAuth;
        private final List<String> subprotocols = new ArrayList<>();
        private int port;
        // this package's tests only: wraps plain connections' channels, to hold the selector thread at a chosen point
        WebSocketServerFactory plainFactory;

        /** Use {@link ScriptedWsServer#builder()}; a subclass's builder calls this. */
        protected Builder() {
        }

        /**
         * @param enabled accept permessage-deflate when a client offers it (default {@code true})
         * @return this
         */
        public Builder compression(boolean enabled) {
            this.compression = enabled;
            return this;
        }

        /**
         * Serves {@code wss://} with this TLS context.
         *
         * @param context a server SSL context (key manager with the server's certificate)
         * @param requireClientCertificate {@code true} to demand a client certificate
         * @return this
         */
        public Builder tls(SSLContext context, boolean requireClientCertificate) {
            this.sslContext = Objects.requireNonNull(context, "context");
            this.needClientAuth = requireClientCertificate;
            return this;
        }

        /**
         * @param protocols subprotocols the server accepts, in its order of preference
         * @return this
         */
        public Builder subprotocols(String... protocols) {
            subprotocols.addAll(List.of(protocols));
            return this;
        }

        /**
         * @param port a fixed port (default: a free one)
         * @return this
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Starts the server and waits until it listens.
         *
         * @return the running server
         * @throws IllegalStateException if it could not start
         */
        public ScriptedWsServer start() {
            return start(ScriptedWsServer::new);
        }

        /**
         * Starts a server made by {@code constructor} (a subclass's constructor) and waits until it listens.
         *
         * @param constructor makes the (not yet started) server from these options
         * @param <S> the server's type
         * @return the running server
         * @throws IllegalStateException if it could not start
         */
        protected final <S extends ScriptedWsServer> S start(Function<Builder, S> constructor) {
            if (port == 0) {
                port = freePort();
            }
            S made = constructor.apply(this);
            ScriptedWsServer s = made; // its private fields are reached through this class, not the type variable
            s.server.start();
            try {
                if (!s.started.await(10, TimeUnit.SECONDS) || s.startError != null) {
                    s.close();
                    throw new IllegalStateException("WebSocket server did not start on 127.0.0.1:" + s.port(),
                            s.startError);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting", e);
            }
            return made;
        }
    }

    /**
     * Finds a free TCP port on the loopback interface.
     *
     * @return a port that was free a moment ago
     */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }
}
