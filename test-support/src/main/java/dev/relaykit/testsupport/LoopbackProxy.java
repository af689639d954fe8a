package dev.relaykit.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The plumbing both test proxies share: a loopback listener, one daemon thread per connection,
 * byte relays, and a {@link #close()} that stops all of it.
 */
abstract class LoopbackProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final String threadPrefix;
    private final AtomicInteger threadCount = new AtomicInteger();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    LoopbackProxy(String kind) {
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on a loopback port", e);
        }
        threadPrefix = "testkit-" + kind + "-" + listener.getLocalPort() + "-";
    }

    /** Starts accepting; call once the subclass is fully constructed. */
    final void startAccepting() {
        spawn("accept", () -> {
            while (!closed) {
                Socket client;
                try {
                    client = listener.accept();
                } catch (IOException e) {
                    return; // closed
                }
                track(client);
                spawn("conn", () -> {
                    try {
                        handle(client);
                    } catch (IOException | RuntimeException e) {
                        release(client);
                    }
                });
            }
        });
    }

    /**
     * Serves one client connection. Runs on its own thread; may leave relays running when it returns.
     *
     * @param client the accepted socket
     * @throws IOException on any I/O failure (the client is then closed)
     */
    abstract void handle(Socket client) throws IOException;

    /** @return the port the proxy listens on */
    public int port() {
        return listener.getLocalPort();
    }

    /** @return {@code 127.0.0.1} (or the loopback address this JVM prefers) */
    public String host() {
        return listener.getInetAddress().getHostAddress();
    }

    /** Stops listening, closes every connection it accepted or opened, and ends its threads. */
    @Override
    public void close() {
        closed = true;
        quietlyClose(listener);
        sockets.forEach(LoopbackProxy::quietlyClose);
        for (Thread t : threads) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Waits until {@code recorded} holds at least {@code count} entries, then returns a copy. */
    static <T> List<T> awaitRecorded(List<T> recorded, int count, Duration timeout, String what)
            throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (recorded.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("expected " + count + " " + what + "(s) within " + timeout.toMillis()
                        + " ms, got " + recorded);
            }
            Thread.sleep(5);
        }
        return List.copyOf(recorded);
    }

    /** Opens a connection to the target, trying each of its addresses in turn. */
    final Socket connect(String host, int port) throws IOException {
        IOException last = null;
        for (InetAddress address : InetAddress.getAllByName(host)) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(address, port), 5000);
                return track(s);
            } catch (IOException e) {
                s.close();
                last = e;
            }
        }
        throw last != null ? last : new UnknownHostException(host);
    }

    /** Copies bytes both ways until either side ends, then closes both. */
    final void relay(Socket a, Socket b) {
        spawn("relay", () -> copy(a, b));
        spawn("relay", () -> copy(b, a));
    }

    private void copy(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) != -1; ) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // one side went away
        } finally {
            release(from);
            release(to);
        }
    }

    final Socket track(Socket s) {
        sockets.add(s);
        if (closed) {
            quietlyClose(s);
        }
        return s;
    }

    private void spawn(String role, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } finally {
                threads.remove(Thread.currentThread());
            }
        }, threadPrefix + role + "-" + threadCount.incrementAndGet());
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    static void quietlyClose(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }

    private void release(Socket s) {
        quietlyClose(s);
        sockets.remove(s);
    }
}
