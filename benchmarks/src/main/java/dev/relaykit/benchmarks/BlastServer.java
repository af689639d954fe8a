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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal WebSocket server for throughput benchmarks: when a client sends the text {@code go N},
 * it writes N pre-encoded 200-byte text frames as fast as the socket takes them. Everything is
 * encoded once up front, so the client under test, not the server, is the bottleneck.
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
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /**
     * Starts on a free loopback port.
     *
     * @throws IOException if no port can be bound
     */
    public BlastServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        byte[] payload = PAYLOAD.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[4 + payload.length];
        frame[0] = (byte) 0x81; // FIN + text
        frame[1] = 126; // 16-bit length follows
        frame[2] = (byte) (payload.length >> 8);
        frame[3] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 4, payload.length);
        block = new byte[frame.length * FRAMES_PER_BLOCK];
        for (int i = 0; i < FRAMES_PER_BLOCK; i++) {
            System.arraycopy(frame, 0, block, i * frame.length, frame.length);
        }
        acceptor = new Thread(this::acceptLoop, "blast-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
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
                sockets.add(s);
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
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
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
                String text = new String(data, StandardCharsets.UTF_8);
                if (opcode == 0x1 && text.startsWith("go ")) {
                    blast(out, Integer.parseInt(text.substring(3).trim()));
                }
            }
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            // connection ended
        } finally {
            sockets.remove(s);
        }
    }

    private void blast(OutputStream out, int frames) throws IOException {
        int frameLength = block.length / FRAMES_PER_BLOCK;
        for (int left = frames; left > 0; left -= FRAMES_PER_BLOCK) {
            out.write(block, 0, Math.min(left, FRAMES_PER_BLOCK) * frameLength);
        }
        out.flush();
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
