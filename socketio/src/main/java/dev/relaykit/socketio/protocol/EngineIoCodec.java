package dev.relaykit.socketio.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Engine.IO packet and payload codec for protocol revisions 3 ({@code EIO=3}, socket.io 1.x/2.x) and 4
 * ({@code EIO=4}, socket.io 3.x/4.x).
 *
 * <p>Packets: {@code <type digit>[data]} as a text WebSocket frame; binary messages as a binary frame (v4: the
 * bytes alone; v3: a type byte {@code 4} then the bytes). Polling payloads: v4 joins packets with the record
 * separator {@code \u001e} and writes binary as {@code b<base64>}; v3 writes {@code <length>:<packet>} with binary
 * as {@code b4<base64>} (text payload) or uses the XHR2 binary payload format.
 *
 * <p>Every decode method throws only {@link ProtocolException} for malformed input.
 */
public final class EngineIoCodec {
    private static final char SEPARATOR = '\u001e';
    private static final int MAX_LENGTH_DIGITS = 10;

    private final int revision;

    private EngineIoCodec(int revision) {
        this.revision = revision;
    }

    /** @return the codec of Engine.IO revision 3 */
    public static EngineIoCodec v3() {
        return new EngineIoCodec(3);
    }

    /** @return the codec of Engine.IO revision 4 */
    public static EngineIoCodec v4() {
        return new EngineIoCodec(4);
    }

    /**
     * @param revision 3 or 4
     * @return the codec of that revision
     */
    public static EngineIoCodec of(int revision) {
        if (revision != 3 && revision != 4) {
            throw new IllegalArgumentException("Engine.IO revision must be 3 or 4, was " + revision);
        }
        return new EngineIoCodec(revision);
    }

    /** @return 3 or 4 */
    public int revision() {
        return revision;
    }

    // ------------------------------------------------------------------ single packets (WebSocket frames)

    /**
     * Decodes a text frame.
     *
     * @param frame the frame
     * @return the packet
     * @throws ProtocolException when the frame is empty or its type is unknown
     */
    public EnginePacket decodeText(String frame) {
        if (frame == null || frame.isEmpty()) {
            throw new ProtocolException("empty Engine.IO packet (a packet starts with a type digit 0-6)");
        }
        return EnginePacket.text(EnginePacket.Type.of(frame.charAt(0) - '0', "Engine.IO packet"), frame.substring(1));
    }

    /**
     * Decodes a binary frame. In revision 4 the packet wraps {@code frame} itself, not a copy: the caller hands the
     * array over and does not change it afterwards.
     *
     * @param frame the frame bytes
     * @return a binary MESSAGE packet
     * @throws ProtocolException when a v3 frame is empty or does not start with the message type 4
     */
    public EnginePacket decodeBinary(byte[] frame) {
        if (frame == null) {
            throw new ProtocolException("missing binary Engine.IO frame");
        }
        if (revision == 4) {
            return EnginePacket.message(frame);
        }
        if (frame.length == 0) {
            throw new ProtocolException("empty binary Engine.IO v3 frame (expected a type byte first)");
        }
        EnginePacket.Type type = EnginePacket.Type.of(frame[0], "binary Engine.IO v3 frame");
        if (type != EnginePacket.Type.MESSAGE) {
            throw new ProtocolException("binary Engine.IO v3 frame of type " + type + "; only MESSAGE carries binary");
        }
        byte[] data = new byte[frame.length - 1];
        System.arraycopy(frame, 1, data, 0, data.length);
        return EnginePacket.message(data);
    }

    /**
     * Encodes a text packet as a text frame.
     *
     * @param packet a text packet
     * @return the frame
     */
    public String encodeText(EnginePacket packet) {
        if (packet.isBinary()) {
            throw new IllegalArgumentException("binary packets are sent with encodeBinary");
        }
        return packet.type().code() + packet.text();
    }

    /**
     * Encodes a binary packet as a binary frame. In revision 4 the frame is the packet's own array, not a copy.
     *
     * @param packet a binary MESSAGE packet
     * @return the frame
     */
    public byte[] encodeBinary(EnginePacket packet) {
        if (!packet.isBinary()) {
            throw new IllegalArgumentException("text packets are sent with encodeText");
        }
        if (revision == 4) {
            return packet.binary();
        }
        byte[] out = new byte[packet.binary().length + 1];
        out[0] = 4;
        System.arraycopy(packet.binary(), 0, out, 1, packet.binary().length);
        return out;
    }

    // ------------------------------------------------------------------ polling payloads (text)

    /**
     * Encodes packets as a text polling payload (v4: separator-joined; v3: length-prefixed), binary as base64.
     *
     * @param packets the packets, at least one
     * @return the payload
     */
    public String encodePayload(List<EnginePacket> packets) {
        StringBuilder sb = new StringBuilder();
        for (EnginePacket p : packets) {
            String one = p.isBinary()
                    ? (revision == 4 ? "b" : "b4") + Base64.getEncoder().encodeToString(p.binary())
                    : encodeText(p);
            if (revision == 4) {
                if (sb.length() > 0) {
                    sb.append(SEPARATOR);
                }
                sb.append(one);
            } else {
                sb.append(one.length()).append(':').append(one);
            }
        }
        return sb.toString();
    }

    /**
     * Decodes a text polling payload.
     *
     * @param payload the response body
     * @return the packets in order
     * @throws ProtocolException when the payload is malformed
     */
    public List<EnginePacket> decodePayload(String payload) {
        if (payload == null || payload.isEmpty()) {
            throw new ProtocolException("empty Engine.IO payload");
        }
        List<EnginePacket> out = new ArrayList<>();
        if (revision == 4) {
            int start = 0;
            while (true) {
                int end = payload.indexOf(SEPARATOR, start);
                String one = payload.substring(start, end < 0 ? payload.length() : end);
                out.add(one.startsWith("b") ? EnginePacket.message(base64(one.substring(1))) : decodeText(one));
                if (end < 0) {
                    return out;
                }
                start = end + 1;
            }
        }
        int i = 0;
        while (i < payload.length()) {
            int colon = payload.indexOf(':', i);
            if (colon < 0) {
                throw new ProtocolException("Engine.IO v3 payload: missing ':' after the length at offset " + i);
            }
            int length = parseLength(payload.substring(i, colon), i);
            if (colon + 1 + length > payload.length()) {
                throw new ProtocolException("Engine.IO v3 payload: packet length " + length + " at offset " + i
                        + " runs past the end of the payload (" + payload.length() + " chars)");
            }
            String one = payload.substring(colon + 1, colon + 1 + length);
            if (one.startsWith("b")) {
                if (one.length() < 2 || one.charAt(1) != '4') {
                    throw new ProtocolException("Engine.IO v3 payload: base64 packet must be a message ('b4...')");
                }
                out.add(EnginePacket.message(base64(one.substring(2))));
            } else {
                out.add(decodeText(one));
            }
            i = colon + 1 + length;
        }
        return out;
    }

    // ------------------------------------------------------------------ v3 binary (XHR2) payloads

    /**
     * Encodes packets as an Engine.IO v3 binary payload: per packet a flag byte (0 text, 1 binary), the length's
     * decimal digits as byte values, 0xFF, then the data (text as UTF-8; binary with its type byte first).
     *
     * @param packets the packets
     * @return the payload bytes
     */
    public byte[] encodeBinaryPayload(List<EnginePacket> packets) {
        requireV3("binary payloads");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (EnginePacket p : packets) {
            byte[] data = p.isBinary() ? encodeBinary(p) : encodeText(p).getBytes(StandardCharsets.UTF_8);
            out.write(p.isBinary() ? 1 : 0);
            for (char c : Integer.toString(data.length).toCharArray()) {
                out.write(c - '0');
            }
            out.write(0xFF);
            out.writeBytes(data);
        }
        return out.toByteArray();
    }

    /**
     * Decodes an Engine.IO v3 binary payload.
     *
     * @param payload the response body
     * @return the packets
     * @throws ProtocolException when the payload is malformed
     */
    public List<EnginePacket> decodeBinaryPayload(byte[] payload) {
        requireV3("binary payloads");
        if (payload == null || payload.length == 0) {
            throw new ProtocolException("empty Engine.IO v3 binary payload");
        }
        List<EnginePacket> out = new ArrayList<>();
        int i = 0;
        while (i < payload.length) {
            int flag = payload[i];
            if (flag != 0 && flag != 1) {
                throw new ProtocolException("Engine.IO v3 binary payload: flag byte " + (flag & 0xFF) + " at offset "
                        + i + " (expected 0 for text or 1 for binary)");
            }
            int j = i + 1;
            long length = 0;
            int digits = 0;
            while (j < payload.length && (payload[j] & 0xFF) != 0xFF) {
                int d = payload[j];
                if (d < 0 || d > 9 || ++digits > MAX_LENGTH_DIGITS) {
                    throw new ProtocolException("Engine.IO v3 binary payload: bad length at offset " + i);
                }
                length = length * 10 + d;
                j++;
            }
            if (j >= payload.length || digits == 0) {
                throw new ProtocolException("Engine.IO v3 binary payload: unterminated or empty length at offset " + i);
            }
            j++;
            if (length > payload.length - j) {
                throw new ProtocolException("Engine.IO v3 binary payload: packet length " + length + " at offset " + i
                        + " runs past the end (" + payload.length + " bytes)");
            }
            byte[] data = new byte[(int) length];
            System.arraycopy(payload, j, data, 0, data.length);
            out.add(flag == 1 ? decodeBinary(data) : decodeText(new String(data, StandardCharsets.UTF_8)));
            i = j + data.length;
        }
        return out;
    }

    private void requireV3(String what) {
        if (revision != 3) {
            throw new IllegalStateException(what + " exist only in Engine.IO revision 3");
        }
    }

    private static int parseLength(String digits, int offset) {
        if (digits.isEmpty() || digits.length() > MAX_LENGTH_DIGITS) {
            throw new ProtocolException("Engine.IO v3 payload: bad length '" + clip(digits) + "' at offset " + offset);
        }
        long n = 0;
        for (int k = 0; k < digits.length(); k++) {
            char c = digits.charAt(k);
            if (c < '0' || c > '9') {
                throw new ProtocolException("Engine.IO v3 payload: length '" + clip(digits) + "' at offset " + offset
                        + " is not a number");
            }
            n = n * 10 + (c - '0');
        }
        if (n > Integer.MAX_VALUE) {
            throw new ProtocolException("Engine.IO v3 payload: length " + n + " is too large");
        }
        return (int) n;
    }

    private static byte[] base64(String s) {
        // the JDK's decoder, not commons-codec's: it refuses a malformed packet, where commons-codec skips
        // characters outside the alphabet and would hand the listener bytes the server never sent
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("Engine.IO payload: invalid base64 binary packet: " + e.getMessage(), e);
        }
    }

    static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
