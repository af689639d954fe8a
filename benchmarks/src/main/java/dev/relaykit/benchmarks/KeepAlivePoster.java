package dev.relaykit.benchmarks;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhook benchmarks' load generator: one keep-alive loopback connection posting pre-built HTTP/1.1 requests
 * in turn and reading each answer, so that what is measured is the receiver, not an HTTP client.
 */
final class KeepAlivePoster implements Closeable {
    private final byte[][] requests;
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private int next;

    KeepAlivePoster(int port, byte[][] requests) throws IOException {
        this.requests = requests;
        this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream(), 8192);
    }

    /** Posts the next request and reads its answer; fails on anything but 200. */
    int post() throws IOException {
        out.write(requests[next]);
        out.flush();
        next = (next + 1) % requests.length;
        int status = readResponse(in);
        if (status != 200) {
            throw new IllegalStateException("the receiver answered " + status);
        }
        return status;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Waits (up to 30 s) until the receiver's listener caught up with every delivery it acknowledged. */
    static void awaitDelivered(AtomicLong accepted, AtomicLong delivered) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (delivered.get() < accepted.get() && System.nanoTime() < deadline) {
            Thread.sleep(10); // a teardown, not a measurement: the listener runs on the receiver's threads
        }
    }

    /** Reads one HTTP/1.1 response (status line, headers, a Content-Length body) and returns its status. */
    static int readResponse(InputStream in) throws IOException {
        String statusLine = readLine(in);
        if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 response: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = 0;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Long.parseLong(line.substring(15).trim());
            }
        }
        while (length > 0) {
            long skipped = in.skip(length);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed inside a response body");
                }
                skipped = 1;
            }
            length -= skipped;
        }
        return status;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed by the server");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }
}
