package dev.relaykit.core.net;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.SocketFactory;
import okhttp3.Dns;

/**
 * Sockets that reach their target through a SOCKS5 proxy (RFC 1928, CONNECT) with optional
 * user name/password authentication (RFC 1929), without the JVM-wide {@link java.net.Authenticator}.
 *
 * <p>{@link Socket#connect(SocketAddress, int)} connects to the proxy and runs the handshake for
 * the requested target. A target whose address is {@code 0.0.0.0} but carries a host name (as
 * produced by {@link #remoteDns()}) or that is unresolved is sent as a domain name (ATYP 3), so the
 * proxy resolves it; any other address is sent as IPv4 (ATYP 1) or IPv6 (ATYP 4).
 */
final class Socks5SocketFactory extends SocketFactory {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final String[] REPLIES = {
        "succeeded", "general SOCKS server failure", "connection not allowed by ruleset", "network unreachable",
        "host unreachable", "connection refused", "TTL expired", "command not supported", "address type not supported",
    };

    private final String proxyHost;
    private final int proxyPort;
    private final byte[] username;
    private final byte[] password;
    private final Dns remoteDns = new RemoteDns();

    Socks5SocketFactory(String proxyHost, int proxyPort, String username, String password) {
        this.proxyHost = proxyHost;
        this.proxyPort = proxyPort;
        this.username = username == null ? null : username.getBytes(StandardCharsets.UTF_8);
        this.password = password == null ? null : password.getBytes(StandardCharsets.UTF_8);
    }

    /** @return a DNS that leaves names unresolved for the proxy to resolve; IP literals pass through */
    Dns remoteDns() {
        return remoteDns;
    }

    private String proxy() {
        return "SOCKS5 proxy " + proxyHost + ":" + proxyPort;
    }

    @Override
    public Socket createSocket() {
        return new Socks5Socket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(InetSocketAddress.createUnresolved(host, port));
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket s = createSocket();
        s.bind(new InetSocketAddress(localHost, localPort));
        s.connect(InetSocketAddress.createUnresolved(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket s = createSocket();
        s.bind(new InetSocketAddress(localAddress, localPort));
        s.connect(new InetSocketAddress(address, port));
        return s;
    }

    private final class Socks5Socket extends Socket {
        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress target)) {
                throw new IllegalArgumentException("unsupported address type: " + endpoint);
            }
            super.connect(new InetSocketAddress(proxyHost, proxyPort), timeout);
            int previousTimeout = getSoTimeout();
            if (timeout > 0) {
                setSoTimeout(timeout);
            }
            try {
                handshake(target);
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
            setSoTimeout(previousTimeout);
        }

        private void handshake(InetSocketAddress target) throws IOException {
            DataInputStream in = new DataInputStream(getInputStream()); // unbuffered: read exactly the handshake
            OutputStream out = getOutputStream();

            // greeting: offer "no authentication" and, with credentials, "user name/password"
            out.write(username == null ? new byte[] {5, 1, 0} : new byte[] {5, 2, 0, 2});
            out.flush();
            int version = read(in);
            int method = read(in);
            if (version != 5) {
                throw new IOException(proxy() + " is not a SOCKS5 proxy (version byte " + version + ")");
            }
            if (method == 2 && username != null) {
                authenticate(in, out);
            } else if (method == 2 || (method == 0xFF && username == null)) {
                throw new IOException(proxy() + " requires a user name and password (ProxyConfig.withCredentials)");
            } else if (method != 0) {
                throw new IOException(proxy() + " accepted none of the offered authentication methods (chose "
                        + method + ")");
            }

            // CONNECT
            ByteArrayOutputStream req = new ByteArrayOutputStream();
            req.write(new byte[] {5, 1, 0});
            String name = domainName(target);
            if (name != null) {
                byte[] host = name.getBytes(StandardCharsets.US_ASCII);
                if (host.length > 255) {
                    throw new IOException("host name too long for SOCKS5: " + name);
                }
                req.write(3);
                req.write(host.length);
                req.write(host);
            } else {
                byte[] addr = target.getAddress().getAddress();
                req.write(addr.length == 4 ? 1 : 4);
                req.write(addr);
            }
            req.write(target.getPort() >> 8);
            req.write(target.getPort() & 0xFF);
            out.write(req.toByteArray());
            out.flush();

            String what = (name != null ? name : target.getAddress().getHostAddress()) + ":" + target.getPort();
            if (read(in) != 5) {
                throw new IOException(proxy() + " sent a malformed reply to CONNECT " + what);
            }
            int reply = read(in);
            read(in); // reserved
            int atyp = read(in);
            int skip = switch (atyp) {
                case 1 -> 4;
                case 4 -> 16;
                case 3 -> read(in);
                default -> throw new IOException(proxy() + " sent a malformed reply to CONNECT " + what);
            };
            in.readFully(new byte[skip + 2]); // bound address and port: not needed
            if (reply != 0) {
                String meaning = reply < REPLIES.length ? REPLIES[reply] : "unknown error";
                throw new IOException("SOCKS5 proxy refused CONNECT to " + what + ": " + meaning
                        + " (reply " + reply + ")");
            }
        }

        private void authenticate(DataInputStream in, OutputStream out) throws IOException {
            ByteArrayOutputStream auth = new ByteArrayOutputStream();
            auth.write(1);
            auth.write(username.length);
            auth.write(username);
            auth.write(password.length);
            auth.write(password);
            out.write(auth.toByteArray());
            out.flush();
            read(in); // sub-negotiation version
            if (read(in) != 0) {
                throw new IOException(proxy() + " rejected the credentials");
            }
        }

        private int read(DataInputStream in) throws IOException {
            try {
                return in.readUnsignedByte();
            } catch (EOFException e) {
                throw new IOException(proxy() + " closed the connection during the SOCKS5 handshake", e);
            }
        }

        @Override
        public String toString() {
            return "Socks5Socket[via " + proxyHost + ":" + proxyPort + ", " + super.toString() + "]";
        }
    }

    /** @return the name to send (ATYP 3), or {@code null} to send the address */
    private static String domainName(InetSocketAddress target) {
        if (target.isUnresolved()) {
            return target.getHostString();
        }
        String host = target.getHostString(); // never a reverse lookup
        boolean placeholder = target.getAddress().isAnyLocalAddress() && !isIpLiteral(host);
        return placeholder ? host : null;
    }

    private static boolean isIpLiteral(String host) {
        return IPV4.matcher(host).matches() || host.indexOf(':') >= 0;
    }

    /** Leaves names for the proxy to resolve: 0.0.0.0 tagged with the name. IP literals are parsed, not looked up. */
    private static final class RemoteDns implements Dns {
        @Override
        public List<InetAddress> lookup(String hostname) throws UnknownHostException {
            if (isIpLiteral(hostname)) {
                return List.of(InetAddress.getByName(hostname));
            }
            return List.of(InetAddress.getByAddress(hostname, new byte[4]));
        }
    }
}
