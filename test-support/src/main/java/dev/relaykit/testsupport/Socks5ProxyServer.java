package dev.relaykit.testsupport;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

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
 */
public class Socks5ProxyServer extends LoopbackProxy {

    /** How a client named its target. */
    public enum AddressType {
        /** ATYP 1: an IPv4 address. */
        IPV4,
        /** ATYP 3: a domain name, resolved by the proxy. */
        DOMAIN,
        /** ATYP 4: an IPv6 address. */
        IPV6
    }

    /**
     * One CONNECT request the proxy received (after successful authentication, if required).
     *
     * @param host the target as sent: a domain name or an IP address literal
     * @param port the target port
     * @param addressType how the target was sent
     * @param username the user name the client authenticated with, or {@code null}
     * @param reply the SOCKS5 reply code the proxy sent (0 = succeeded)
     */
    public record Connect(String host, int port, AddressType addressType, String username, int reply) {
    }

    private final String username;
    private final String password;
    private final List<Connect> connects = new CopyOnWriteArrayList<>();
    private final AtomicInteger rejectedCredentials = new AtomicInteger();

    /**
     * Starts the proxy; {@code null} credentials: it serves everyone. For the testkit's subclass of the same name;
     * use {@link #start()} or {@link #startRequiringCredentials}.
     *
     * @param username the user name it accepts, or {@code null}
     * @param password the password it accepts, or {@code null}
     */
    protected Socks5ProxyServer(String username, String password) {
        super("socks5");
        this.username = username;
        this.password = password;
        startAccepting();
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

    /** @return every CONNECT received so far, in order */
    public List<Connect> connects() {
        return List.copyOf(connects);
    }

    /**
     * Waits until at least {@code count} CONNECT requests have arrived.
     *
     * @param count how many
     * @param timeout how long to wait
     * @return all CONNECTs so far (at least {@code count})
     * @throws TimeoutException if fewer arrived in time
     * @throws InterruptedException if interrupted while waiting
     */
    public List<Connect> awaitConnects(int count, Duration timeout) throws TimeoutException, InterruptedException {
        return awaitRecorded(connects, count, timeout, "SOCKS5 CONNECT");
    }

    /** @return how many times a client sent wrong credentials */
    public int rejectedCredentials() {
        return rejectedCredentials.get();
    }

    @Override
    void handle(Socket client) throws IOException {
        DataInputStream in = new DataInputStream(client.getInputStream());
        OutputStream out = client.getOutputStream();
        if (in.readUnsignedByte() != 5) {
            client.close();
            return;
        }
        byte[] methods = new byte[in.readUnsignedByte()];
        in.readFully(methods);
        boolean offersPassword = contains(methods, 2);
        int method = username != null ? (offersPassword ? 2 : 0xFF)
                : contains(methods, 0) ? 0 : offersPassword ? 2 : 0xFF;
        out.write(new byte[] {5, (byte) method});
        out.flush();
        if (method == 0xFF) {
            client.close();
            return;
        }
        String user = null;
        if (method == 2) {
            in.readUnsignedByte(); // sub-negotiation version 1
            user = readString(in);
            String pass = readString(in);
            boolean ok = username == null || (username.equals(user) && password.equals(pass));
            if (!ok) {
                rejectedCredentials.incrementAndGet(); // counted before the client can see the reply
            }
            out.write(new byte[] {1, (byte) (ok ? 0 : 1)});
            out.flush();
            if (!ok) {
                client.close();
                return;
            }
        }

        in.readUnsignedByte(); // version
        int command = in.readUnsignedByte();
        in.readUnsignedByte(); // reserved
        int atyp = in.readUnsignedByte();
        String host;
        AddressType type;
        switch (atyp) {
            case 1, 4 -> {
                byte[] addr = new byte[atyp == 1 ? 4 : 16];
                in.readFully(addr);
                host = InetAddress.getByAddress(addr).getHostAddress();
                type = atyp == 1 ? AddressType.IPV4 : AddressType.IPV6;
            }
            case 3 -> {
                host = readString(in);
                type = AddressType.DOMAIN;
            }
            default -> {
                reply(out, 8);
                client.close();
                return;
            }
        }
        int port = in.readUnsignedShort();
        if (command != 1) {
            connects.add(new Connect(host, port, type, user, 7));
            reply(out, 7);
            client.close();
            return;
        }
        Socket target;
        try {
            target = connect(host, port);
        } catch (IOException e) {
            int code = e instanceof ConnectException ? 5 : e instanceof UnknownHostException ? 4 : 1;
            connects.add(new Connect(host, port, type, user, code));
            reply(out, code);
            client.close();
            return;
        }
        connects.add(new Connect(host, port, type, user, 0));
        reply(out, 0);
        relay(client, target);
    }

    private static void reply(OutputStream out, int code) throws IOException {
        out.write(new byte[] {5, (byte) code, 0, 1, 0, 0, 0, 0, 0, 0}); // bound address 0.0.0.0:0
        out.flush();
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readUnsignedByte()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static boolean contains(byte[] methods, int method) {
        for (byte m : methods) {
            if (m == method) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "Socks5ProxyServer[" + host() + ":" + port() + (username != null ? ", auth" : "") + "]";
    }
}
