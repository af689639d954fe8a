package dev.relaykit.core.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Objects;
import javax.net.SocketFactory;

/**
 * Wraps a {@link SocketFactory} so that every socket it creates has TCP keep-alive
 * ({@code SO_KEEPALIVE}) on. The operating system then probes an idle connection and reports a
 * peer that vanished (a half-open connection) as a read error, even when the protocol above sends
 * no heartbeat of its own. WebSocket sessions use it by default.
 *
 * <pre>{@code
 * OkHttpClient http = new OkHttpClient.Builder()
 *     .socketFactory(KeepAliveSocketFactory.wrap(javax.net.SocketFactory.getDefault()))
 *     .build();
 * }</pre>
 */
public final class KeepAliveSocketFactory extends SocketFactory {
    private final SocketFactory delegate;

    private KeepAliveSocketFactory(SocketFactory delegate) {
        this.delegate = delegate;
    }

    /**
     * @param delegate the factory that creates the sockets (the SOCKS5 one, or the default)
     * @return a factory whose sockets have keep-alive on; {@code delegate} itself if it already is one
     */
    public static SocketFactory wrap(SocketFactory delegate) {
        Objects.requireNonNull(delegate, "delegate");
        return delegate instanceof KeepAliveSocketFactory ? delegate : new KeepAliveSocketFactory(delegate);
    }

    private static Socket keepAlive(Socket s) throws IOException {
        s.setKeepAlive(true);
        return s;
    }

    @Override
    public Socket createSocket() throws IOException {
        return keepAlive(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return keepAlive(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return keepAlive(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return keepAlive(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return keepAlive(delegate.createSocket(address, port, localAddress, localPort));
    }

    @Override
    public String toString() {
        return "KeepAliveSocketFactory[" + delegate + "]";
    }
}
