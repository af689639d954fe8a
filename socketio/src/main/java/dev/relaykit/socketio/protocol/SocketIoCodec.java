package dev.relaykit.socketio.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Socket.IO packet codec for protocol revisions 4 (socket.io 1.x/2.x) and 5 (socket.io 3.x/4.x).
 *
 * <p>Format: {@code <type>[<attachments>-][<namespace>,][<ack id>][JSON payload]}; binary values are replaced by
 * {@code {"_placeholder":true,"num":n}} and sent as separate binary Engine.IO messages after the header.
 *
 * <p>Encoding is stateless ({@link #encode}); decoding keeps the state of a binary packet whose attachments are
 * still arriving, so use one {@link Decoder} per connection. Decoding throws only {@link ProtocolException}.
 */
public final class SocketIoCodec {
    /** The most attachments one packet may announce. */
    public static final int MAX_ATTACHMENTS = 10_000;
    // numbers as Jackson's default ObjectMapper reads them (int, long, BigInteger, double), so that the trees a user
    // gets equal the ones their own ObjectMapper builds; or every fraction as an exact BigDecimal, on request
    private static final ObjectReader PLAIN = Json.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .without(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).forType(JsonNode.class);
    private static final ObjectReader DECIMAL = PLAIN.with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final int revision;
    private final ObjectReader reader;

    private SocketIoCodec(int revision, ObjectReader reader) {
        this.revision = revision;
        this.reader = reader;
    }

    /**
     * @param revision 4 or 5
     * @return the codec; it decodes numbers as Jackson's default {@code ObjectMapper} does (fractions as doubles)
     */
    public static SocketIoCodec of(int revision) {
        return of(revision, false);
    }

    /**
     * @param revision 4 or 5
     * @param bigDecimals decode every fraction as an exact {@code BigDecimal} ({@code DecimalNode}) instead of a
     *     {@code double}
     * @return the codec
     */
    public static SocketIoCodec of(int revision, boolean bigDecimals) {
        if (revision != 4 && revision != 5) {
            throw new IllegalArgumentException("Socket.IO protocol revision must be 4 or 5, was " + revision);
        }
        return new SocketIoCodec(revision, jsonReader(bigDecimals));
    }

    /**
     * @param bigDecimals fractions as {@code BigDecimal} instead of {@code double}
     * @return the reader argument payloads are decoded with (it refuses trailing tokens)
     */
    public static ObjectReader jsonReader(boolean bigDecimals) {
        return bigDecimals ? DECIMAL : PLAIN;
    }

    /** @return 4 or 5 */
    public int revision() {
        return revision;
    }

    /**
     * Encodes a packet. EVENT/ACK packets whose data holds binary become BINARY_EVENT/BINARY_ACK.
     *
     * @param packet the packet
     * @return the header text first, then one {@code byte[]} per attachment
     */
    public List<Object> encode(SocketPacket packet) {
        List<Object> out = new ArrayList<>();
        out.add(null);
        JsonNode data = packet.data() == null ? null : deconstruct(packet.data(), out);
        SocketPacket.Type type = packet.type();
        int attachments = out.size() - 1;
        if (attachments > 0) {
            if (type == SocketPacket.Type.EVENT) {
                type = SocketPacket.Type.BINARY_EVENT;
            } else if (type == SocketPacket.Type.ACK) {
                type = SocketPacket.Type.BINARY_ACK;
            } else if (type != SocketPacket.Type.BINARY_EVENT && type != SocketPacket.Type.BINARY_ACK) {
                throw new IllegalArgumentException(type + " packets cannot carry binary data");
            }
        }
        StringBuilder sb = new StringBuilder().append((char) ('0' + type.ordinal()));
        if (type == SocketPacket.Type.BINARY_EVENT || type == SocketPacket.Type.BINARY_ACK) {
            sb.append(attachments).append('-');
        }
        if (!packet.namespace().equals("/")) {
            sb.append(packet.namespace()).append(',');
        }
        if (packet.ackId() != null) {
            sb.append(packet.ackId());
        }
        if (data != null) {
            sb.append(Json.write(data));
        }
        out.set(0, sb.toString());
        return out;
    }

    /** Replaces binary values by placeholders, copying only the containers on the way to one. */
    private static JsonNode deconstruct(JsonNode node, List<Object> buffers) {
        if (!hasBinary(node)) {
            return node;
        }
        if (node instanceof BinaryNode b) {
            ObjectNode placeholder = JsonNodeFactory.instance.objectNode();
            placeholder.put("_placeholder", true);
            placeholder.put("num", buffers.size() - 1);
            buffers.add(b.binaryValue());
            return placeholder;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(n -> copy.add(deconstruct(n, buffers)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                copy.set(e.getKey(), deconstruct(e.getValue(), buffers));
            }
            return copy;
        }
        return node;
    }

    private static boolean hasBinary(JsonNode node) {
        if (node instanceof BinaryNode) {
            return true;
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (hasBinary(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return a new decoder for one connection */
    public Decoder decoder() {
        return new Decoder();
    }

    /**
     * Decodes the packets of one connection, gathering binary attachments. Not thread-safe.
     */
    public final class Decoder {
        private SocketPacket pending;
        private int expected;
        private final List<byte[]> buffers = new ArrayList<>();

        private Decoder() {
        }

        /**
         * Feeds a text Engine.IO message.
         *
         * @param text the message
         * @return the packet, or {@code null} when it is a binary packet waiting for its attachments
         * @throws ProtocolException when the text is malformed or attachments were expected
         */
        public SocketPacket decodeText(String text) {
            if (pending != null) {
                reset();
                throw new ProtocolException("text packet arrived while " + expected
                        + " binary attachment(s) were expected");
            }
            Header h = parse(text);
            if (h.attachments > 0) {
                pending = h.packet;
                expected = h.attachments;
                return null;
            }
            return h.packet;
        }

        /**
         * Feeds a binary Engine.IO message (an attachment).
         *
         * @param data the bytes
         * @return the completed packet, or {@code null} while more attachments are expected
         * @throws ProtocolException when no binary packet is waiting for attachments
         */
        public SocketPacket decodeBinary(byte[] data) {
            if (pending == null) {
                throw new ProtocolException("binary attachment arrived without a binary packet header");
            }
            buffers.add(data);
            if (buffers.size() < expected) {
                return null;
            }
            SocketPacket p = pending;
            List<byte[]> b = new ArrayList<>(buffers);
            reset();
            return new SocketPacket(p.type(), p.namespace(), p.ackId(), reconstruct(p.data(), b));
        }

        /** @return whether attachments are still expected */
        public boolean isAwaitingAttachments() {
            return pending != null;
        }

        /** Drops a partly received binary packet (after a reconnect). */
        public void reset() {
            pending = null;
            expected = 0;
            buffers.clear();
        }
    }

    private static JsonNode reconstruct(JsonNode node, List<byte[]> buffers) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            JsonNode flag = node.get("_placeholder");
            if (flag != null && flag.isBoolean() && flag.booleanValue()) {
                JsonNode num = node.get("num");
                if (num == null || !num.canConvertToInt() || !num.isIntegralNumber() || num.intValue() < 0
                        || num.intValue() >= buffers.size()) {
                    throw new ProtocolException("binary placeholder " + EngineIoCodec.clip(node.toString())
                            + " does not name one of the " + buffers.size() + " attachment(s)");
                }
                return BinaryNode.valueOf(buffers.get(num.intValue()));
            }
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                copy.set(e.getKey(), reconstruct(e.getValue(), buffers));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(n -> copy.add(reconstruct(n, buffers)));
            return copy;
        }
        return node;
    }

    private record Header(SocketPacket packet, int attachments) {
    }

    private Header parse(String s) {
        if (s == null || s.isEmpty()) {
            throw new ProtocolException("empty Socket.IO packet");
        }
        int t = s.charAt(0) - '0';
        if (t < 0 || t > 6) {
            throw new ProtocolException("unknown Socket.IO packet type '" + s.charAt(0) + "'");
        }
        SocketPacket.Type type = SocketPacket.Type.values()[t];
        int i = 1;
        int attachments = 0;
        boolean binary = type == SocketPacket.Type.BINARY_EVENT || type == SocketPacket.Type.BINARY_ACK;
        if (binary) {
            int dash = s.indexOf('-', i);
            if (dash < 0) {
                throw new ProtocolException("binary Socket.IO packet without '<attachments>-': "
                        + EngineIoCodec.clip(s));
            }
            long n = digits(s, i, dash, "attachment count");
            if (n < 1 || n > MAX_ATTACHMENTS) {
                throw new ProtocolException("binary Socket.IO packet announces " + n + " attachments (allowed 1 to "
                        + MAX_ATTACHMENTS + ")");
            }
            attachments = (int) n;
            i = dash + 1;
        }
        String nsp = "/";
        if (i < s.length() && s.charAt(i) == '/') {
            int comma = s.indexOf(',', i);
            int end = comma < 0 ? s.length() : comma;
            nsp = s.substring(i, end);
            i = comma < 0 ? end : comma + 1;
        }
        Long id = null;
        int start = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i > start) {
            id = digits(s, start, i, "ack id");
        }
        JsonNode data = null;
        if (i < s.length()) {
            try {
                data = reader.readValue(s.substring(i));
            } catch (JsonProcessingException | RuntimeException e) {
                throw new ProtocolException("Socket.IO " + type + " packet: payload is not valid JSON: "
                        + EngineIoCodec.clip(s.substring(i)), e);
            }
        }
        check(type, id, data);
        return new Header(new SocketPacket(type, nsp, id, data), attachments);
    }

    private void check(SocketPacket.Type type, Long id, JsonNode data) {
        String problem = switch (type) {
            case CONNECT -> data == null || data.isObject() ? null : "payload must be an object";
            case DISCONNECT -> data == null ? null : "DISCONNECT carries no payload";
            case EVENT, BINARY_EVENT -> data != null && data.isArray() && !data.isEmpty()
                    && (data.get(0).isTextual() || data.get(0).isNumber()) ? null
                    : "payload must be an array starting with the event name";
            case ACK, BINARY_ACK -> id == null ? "acknowledgement without an id"
                    : data != null && data.isArray() ? null : "payload must be an array";
            case CONNECT_ERROR -> data == null || data.isTextual() || data.isObject() ? null
                    : "payload must be a string or an object";
        };
        if (problem != null) {
            throw new ProtocolException("malformed Socket.IO " + type + " packet: " + problem);
        }
    }

    private static long digits(String s, int from, int to, String what) {
        if (to == from || to - from > 15) {
            throw new ProtocolException("Socket.IO packet: bad " + what + " '" + EngineIoCodec.clip(s.substring(from, to))
                    + "'");
        }
        long n = 0;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                throw new ProtocolException("Socket.IO packet: " + what + " '" + EngineIoCodec.clip(s.substring(from, to))
                        + "' is not a number");
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
