package dev.relaykit.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

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
 */
public class HttpProxyServer extends LoopbackProxy {
    private static final int MAX_HEAD_BYTES = 64 * 1024;

    /**
     * One request the proxy received.
     *
     * @param method {@code CONNECT}, {@code GET}, ...
     * @param target {@code host:port} for CONNECT, the absolute URL otherwise
     * @param credentialsPresented whether the request carried a {@code Proxy-Authorization} header
     * @param accepted whether the proxy served it (credentials right or not required)
     * @param headers the request's headers, names in lower case, {@code proxy-authorization} left out
     */
    public record Request(String method, String target, boolean credentialsPresented, boolean accepted,
            Map<String, String> headers) {
    }

    private final String expectedAuthorization;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /**
     * Starts the proxy; {@code null} credentials: it serves everyone. For the testkit's subclass of the same name;
     * use {@link #start()} or {@link #startRequiringCredentials}.
     *
     * @param username the user name it accepts, or {@code null}
     * @param password the password it accepts, or {@code null}
     */
    protected HttpProxyServer(String username, String password) {
        super("http-proxy");
        this.expectedAuthorization = username == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        startAccepting();
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

    /** @return every request received so far, in order */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /**
     * Waits until at least {@code count} requests have arrived.
     *
     * @param count how many
     * @param timeout how long to wait
     * @return all requests received so far (at least {@code count})
     * @throws TimeoutException if fewer arrived in time
     * @throws InterruptedException if interrupted while waiting
     */
    public List<Request> awaitRequests(int count, Duration timeout) throws TimeoutException, InterruptedException {
        return awaitRecorded(requests, count, timeout, "proxy request");
    }

    @Override
    void handle(Socket client) throws IOException {
        String head = readHead(client.getInputStream());
        if (head == null) {
            client.close();
            return;
        }
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3) {
            respond(client, "400 Bad Request");
            return;
        }
        String method = requestLine[0];
        String target = requestLine[1];
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> forwarded = new ArrayList<>();
        String authorization = null;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            if (name.equals("proxy-authorization")) {
                authorization = value;
                continue;
            }
            headers.put(name, value);
            if (!name.equals("proxy-connection")) {
                forwarded.add(lines[i]);
            }
        }
        boolean accepted = expectedAuthorization == null || expectedAuthorization.equals(authorization);
        requests.add(new Request(method, target, authorization != null, accepted, Map.copyOf(headers)));
        if (!accepted) {
            respond(client, "407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"testkit\"");
            return;
        }

        if (method.equals("CONNECT")) {
            int colon = target.lastIndexOf(':');
            Socket origin;
            try {
                origin = connect(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));
            } catch (IOException | RuntimeException e) {
                respond(client, "502 Bad Gateway");
                return;
            }
            client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            relay(client, origin);
            return;
        }

        URI uri;
        try {
            uri = URI.create(target);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            respond(client, "400 Bad Request");
            return;
        }
        Socket origin;
        try {
            origin = connect(uri.getHost(), uri.getPort() == -1 ? 80 : uri.getPort());
        } catch (IOException e) {
            respond(client, "502 Bad Gateway");
            return;
        }
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        StringBuilder out = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        boolean upgrade = headers.containsKey("upgrade");
        for (String line : forwarded) {
            if (!upgrade && line.regionMatches(true, 0, "connection:", 0, 11)) {
                continue;
            }
            out.append(line).append("\r\n");
        }
        if (!upgrade) {
            out.append("Connection: close\r\n"); // one request per connection: the origin ends it
        }
        out.append("\r\n");
        origin.getOutputStream().write(out.toString().getBytes(StandardCharsets.ISO_8859_1));
        relay(client, origin);
    }

    private static void respond(Socket client, String status) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write(("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        client.close();
    }

    /** Reads up to and including the blank line, byte by byte so nothing after it is consumed. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b == -1) {
                return null;
            }
            head.write(b);
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("request head too large");
            }
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return "HttpProxyServer[" + host() + ":" + port() + (expectedAuthorization != null ? ", auth" : "") + "]";
    }
}
