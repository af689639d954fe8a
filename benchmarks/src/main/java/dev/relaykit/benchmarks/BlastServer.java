package dev.relaykit.benchmarks;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.commons.codec.binary.Base64;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * A minimal WebSocket server for throughput benchmarks: when a client sends the text {@code go N},
 * it writes N pre-encoded text frames (by default 200-byte ones; or a recorded set of messages,
 * cycled) as fast as the socket takes them. Everything is encoded once up front, so the client
 * under test, not the server, is the bottleneck.
 *
 * <p>Loopback only, no extensions (no compression), no TLS.
 */
public final class BlastServer implements AutoCloseable {
    /** The payload of every frame: exactly 200 bytes of JSON, shaped like an exchange trade event. */
    public static final String PAYLOAD = padTo200(
            "{\"e\":\"trade\",\"E\":1672515782136,\"s\":\"BNBBTC\",\"t\":12345,\"p\":\"0.001\",\"q\":\"100\","
                    + "\"T\":1672515782136,\"m\":true,\"M\":true,\"x\":\"");
    private static final int FRAMES_PER_BLOCK = 1000;
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final byte[] block;
    private final int[] frameEnds; // end offset of each frame in block
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private final String greeting;
    private final java.util.function.Function<String, String> responder;
    private final java.util.concurrent.atomic.AtomicInteger handshaken = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Starts on a free loopback port, serving the 200-byte {@link #PAYLOAD}.
     *
     * @throws IOException if no port can be bound
     */
    public BlastServer() throws IOException {
        this(List.of(PAYLOAD));
    }

    /**
     * Starts on a free loopback port, serving these messages in turn (each under 64 KiB).
     *
     * @param messages the text messages to cycle through
     * @throws IOException if no port can be bound
     */
    public BlastServer(List<String> messages) throws IOException {
        this(messages, null, null);
    }

    /**
     * Starts on a free loopback port, serving these messages in turn, for a protocol that needs a few words
     * before the data flows (Pusher: {@code pusher:connection_established}, then an answer to
     * {@code pusher:subscribe}). The frames are then sent with {@link #push(int)}.
     *
     * @param messages the text messages to cycle through
     * @param greeting a text frame sent to every client right after the handshake, or {@code null}
     * @param responder answers a client's text frame (other than {@code go N}) with a text frame, or {@code null}
     *     for none; may be {@code null}
     * @throws IOException if no port can be bound
     */
    public BlastServer(List<String> messages, String greeting, java.util.function.Function<String, String> responder)
            throws IOException {
        this.greeting = greeting;
        this.responder = responder;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        frameEnds = new int[FRAMES_PER_BLOCK];
        for (int i = 0; i < FRAMES_PER_BLOCK; i++) {
            byte[] payload = messages.get(i % messages.size()).getBytes(StandardCharsets.UTF_8);
            out.write(0x81); // FIN + text
            if (payload.length < 126) {
                out.write(payload.length);
            } else {
                out.write(126); // 16-bit length follows
                out.write(payload.length >> 8);
                out.write(payload.length & 0xFF);
            }
            out.write(payload, 0, payload.length);
            frameEnds[i] = out.size();
        }
        block = out.toByteArray();
        acceptor = new Thread(this::acceptLoop, "blast-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return {@code ws://127.0.0.1:PORT} */
    public String baseUrl() {
        return "ws://127.0.0.1:" + server.getLocalPort();
    }

    /** @return {@code ws://127.0.0.1:PORT/} */
    public String url() {
        return "ws://127.0.0.1:" + server.getLocalPort() + "/";
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                Thread t = new Thread(() -> serve(s), "blast-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
            OutputStream out = s.getOutputStream();
            String key = null;
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                if (line.regionMatches(true, 0, "Sec-WebSocket-Key:", 0, 18)) {
                    key = line.substring(18).trim();
                }
            }
            String accept = Base64.encodeBase64String(DigestUtils.sha1(key + GUID));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (greeting != null) {
                writeText(out, greeting);
            }
            sockets.add(s);
            handshaken.incrementAndGet();
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                long len = b1 & 0x7F;
                if (len == 126) {
                    len = in.readUnsignedShort();
                } else if (len == 127) {
                    len = in.readLong();
                }
                byte[] mask = new byte[4];
                if ((b1 & 0x80) != 0) {
                    in.readFully(mask);
                }
                byte[] data = new byte[(int) len];
                in.readFully(data);
                for (int i = 0; i < data.length; i++) {
                    data[i] ^= mask[i & 3];
                }
                int opcode = b0 & 0x0F;
                if (opcode == 0x8) { // close: echo it and stop
                    out.write(new byte[] {(byte) 0x88, 0});
                    out.flush();
                    return;
                }
                if (opcode == 0x9 && data.length < 126) { // ping: pong, so heartbeats keep a session up
                    synchronized (s) {
                        out.write(0x8A);
                        out.write(data.length);
                        out.write(data);
                        out.flush();
                    }
                    continue;
                }
                String text = new String(data, StandardCharsets.UTF_8);
                if (opcode == 0x1 && text.startsWith("go ")) {
                    synchronized (s) {
                        blast(out, Integer.parseInt(text.substring(3).trim()));
                    }
                } else if (opcode == 0x1 && responder != null) {
                    String reply = responder.apply(text);
                    if (reply != null) {
                        synchronized (s) {
                            writeText(out, reply);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // connection ended
        } finally {
            if (sockets.remove(s)) {
                handshaken.decrementAndGet();
            }
        }
    }

    private static void writeText(OutputStream out, String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        out.write(0x81);
        if (payload.length < 126) {
            out.write(payload.length);
        } else {
            out.write(126);
            out.write(payload.length >> 8);
            out.write(payload.length & 0xFF);
        }
        out.write(payload);
        out.flush();
    }

    private void blast(OutputStream out, int frames) throws IOException {
        for (int left = frames; left > 0; left -= FRAMES_PER_BLOCK) {
            out.write(block, 0, frameEnds[Math.min(left, FRAMES_PER_BLOCK) - 1]);
        }
        out.flush();
    }

    /**
     * Writes {@code frames} frames to every connected client from the calling thread (for clients,
     * such as stream-only connectors, that cannot send the {@code go N} command).
     *
     * @param frames how many frames
     * @throws IOException if a write fails
     */
    public void push(int frames) throws IOException {
        for (Socket s : sockets) {
            synchronized (s) {
                blast(s.getOutputStream(), frames);
            }
        }
    }

    /** @return how many clients have completed the handshake and are connected */
    public int connectedClients() {
        return handshaken.get();
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("closed during handshake");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    private static String padTo200(String prefix) {
        StringBuilder sb = new StringBuilder(prefix);
        while (sb.length() < 198) {
            sb.append('x');
        }
        return sb.append("\"}").toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
