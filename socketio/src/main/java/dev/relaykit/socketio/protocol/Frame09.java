package dev.relaykit.socketio.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One Socket.IO 0.9 frame: {@code type:id:endpoint[:data]}, e.g. {@code 5:::{"name":"a","args":[1]}} (event),
 * {@code 6:::4+["x"]} (ack of message 4 with data), {@code 2::} (heartbeat), {@code 1::/chat} (connect).
 *
 * @param type the frame type
 * @param id the message id (empty when none)
 * @param ackWithData whether the id ends with {@code +} (the receiver acks with data)
 * @param endpoint the endpoint (namespace), empty for the main one
 * @param data the data (empty when none)
 */
public record Frame09(Type type, String id, boolean ackWithData, String endpoint, String data) {

    /** Socket.IO 0.9 frame types. */
    public enum Type {
        /** {@code 0}. */
        DISCONNECT,
        /** {@code 1}. */
        CONNECT,
        /** {@code 2}. */
        HEARTBEAT,
        /** {@code 3}. */
        MESSAGE,
        /** {@code 4}. */
        JSON,
        /** {@code 5}: {@code {"name":..., "args":[...]}}. */
        EVENT,
        /** {@code 6}: data {@code <id>[+<json array>]}. */
        ACK,
        /** {@code 7}: data {@code reason[+advice]}. */
        ERROR,
        /** {@code 8}. */
        NOOP
    }

    /**
     * @param type type
     * @param id id
     * @param ackWithData ack flag
     * @param endpoint endpoint
     * @param data data
     */
    public Frame09 {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(data, "data");
    }

    /** @return the frame's wire form */
    public String encode() {
        StringBuilder sb = new StringBuilder().append(type.ordinal()).append(':').append(id);
        if (ackWithData) {
            sb.append('+');
        }
        sb.append(':').append(endpoint);
        if (!data.isEmpty()) {
            sb.append(':').append(data);
        }
        return sb.toString();
    }

    /**
     * Decodes a frame.
     *
     * @param frame the text
     * @return the frame
     * @throws ProtocolException when the frame is malformed
     */
    public static Frame09 decode(String frame) {
        if (frame == null || frame.length() < 3) {
            throw new ProtocolException("Socket.IO 0.9 frame too short: '" + (frame == null ? "" : frame)
                    + "' (expected type:id:endpoint)");
        }
        int t = frame.charAt(0) - '0';
        if (t < 0 || t > 8 || frame.charAt(1) != ':') {
            throw new ProtocolException("Socket.IO 0.9 frame must start with a type digit 0-8 and ':': "
                    + EngineIoCodec.clip(frame));
        }
        int idEnd = frame.indexOf(':', 2);
        if (idEnd < 0) {
            throw new ProtocolException("Socket.IO 0.9 frame without the ':' after the id: " + EngineIoCodec.clip(frame));
        }
        String id = frame.substring(2, idEnd);
        boolean plus = id.endsWith("+");
        if (plus) {
            id = id.substring(0, id.length() - 1);
        }
        for (int k = 0; k < id.length(); k++) {
            if (id.charAt(k) < '0' || id.charAt(k) > '9') {
                throw new ProtocolException("Socket.IO 0.9 frame id '" + EngineIoCodec.clip(id) + "' is not a number");
            }
        }
        if (plus && id.isEmpty()) {
            throw new ProtocolException("Socket.IO 0.9 frame with '+' but no id");
        }
        int endpointEnd = frame.indexOf(':', idEnd + 1);
        String endpoint = frame.substring(idEnd + 1, endpointEnd < 0 ? frame.length() : endpointEnd);
        String data = endpointEnd < 0 ? "" : frame.substring(endpointEnd + 1);
        return new Frame09(Type.values()[t], id, plus, endpoint, data);
    }
    private static final char MARK = '\ufffd';

    /**
     * Splits an HTTP polling body into frames: one frame as it is, or several as
     * {@code \ufffd<length>\ufffd<frame>...} (length in UTF-16 code units, as JavaScript counts).
     *
     * @param body the body
     * @return the frames, in order
     * @throws ProtocolException when the framing is malformed
     */
    public static List<String> decodePayload(String body) {
        List<String> frames = new ArrayList<>();
        if (body.isEmpty() || body.charAt(0) != MARK) {
            frames.add(body);
            return frames;
        }
        int i = 0;
        while (i < body.length()) {
            if (body.charAt(i) != MARK) {
                throw new ProtocolException("Socket.IO 0.9 payload: expected \\ufffd at " + i + ": "
                        + EngineIoCodec.clip(body));
            }
            int end = body.indexOf(MARK, i + 1);
            if (end < 0 || end == i + 1 || end - i > 10) {
                throw new ProtocolException("Socket.IO 0.9 payload: bad frame length at " + i + ": "
                        + EngineIoCodec.clip(body));
            }
            int length = 0;
            for (int k = i + 1; k < end; k++) {
                char c = body.charAt(k);
                if (c < '0' || c > '9') {
                    throw new ProtocolException("Socket.IO 0.9 payload: frame length is not a number: "
                            + EngineIoCodec.clip(body.substring(i + 1, end)));
                }
                length = length * 10 + (c - '0');
            }
            if (end + 1 + (long) length > body.length()) {
                throw new ProtocolException("Socket.IO 0.9 payload: frame of " + length + " chars runs past the end");
            }
            frames.add(body.substring(end + 1, end + 1 + length));
            i = end + 1 + length;
        }
        return frames;
    }

    /**
     * Joins frames into one HTTP polling body (the inverse of {@link #decodePayload(String)}).
     *
     * @param frames the frames, at least one
     * @return the body
     */
    public static String encodePayload(List<String> frames) {
        if (frames.size() == 1) {
            return frames.get(0);
        }
        StringBuilder sb = new StringBuilder();
        for (String f : frames) {
            sb.append(MARK).append(f.length()).append(MARK).append(f);
        }
        return sb.toString();
    }
}
