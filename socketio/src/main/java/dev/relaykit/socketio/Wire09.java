package dev.relaykit.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.json.Json;
import dev.relaykit.socketio.protocol.Frame09;
import dev.relaykit.socketio.protocol.ProtocolException;
import dev.relaykit.socketio.protocol.SocketPacket;

/** Translates between 0.9 frames and the client's {@link SocketPacket}s, so one namespace logic serves all. */
final class Wire09 {
    private static final String[] REASONS = {"transport not supported", "client not handshaken", "unauthorized"};

    private Wire09() {
    }

    static String namespace(String endpoint) {
        return endpoint.isEmpty() ? "/" : endpoint;
    }

    static String endpoint(String namespace) {
        return namespace.equals("/") ? "" : namespace;
    }

    /** @return the packet, or null for frames the namespaces do not see */
    static SocketPacket toPacket(Frame09 f, com.fasterxml.jackson.databind.ObjectReader reader) {
        String nsp = namespace(f.endpoint());
        if (!nsp.startsWith("/")) {
            throw new ProtocolException("Socket.IO 0.9 endpoint must start with '/': " + f.endpoint());
        }
        // an id asks for an acknowledgement ("1+" with data, "1" without: 0.9 servers whose callback declares no
        // parameters send the latter yet read the arguments of the answer); either way the listener acks
        Long id = f.id().isEmpty() ? null : Long.valueOf(f.id());
        switch (f.type()) {
            case CONNECT:
                return new SocketPacket(SocketPacket.Type.CONNECT, nsp, null, null);
            case DISCONNECT:
                return new SocketPacket(SocketPacket.Type.DISCONNECT, nsp, null, null);
            case MESSAGE:
                return event(nsp, id, "message", JsonNodeFactory.instance.textNode(f.data()));
            case JSON:
                return event(nsp, id, "message", json(f.data(), reader));
            case EVENT: {
                JsonNode ev = json(f.data(), reader);
                if (!ev.path("name").isTextual()) {
                    throw new ProtocolException("Socket.IO 0.9 event without a name: " + f.encode());
                }
                ArrayNode data = JsonNodeFactory.instance.arrayNode().add(ev.get("name").asText());
                JsonNode args = ev.get("args");
                if (args != null && args.isArray()) {
                    data.addAll((ArrayNode) args);
                }
                return new SocketPacket(SocketPacket.Type.EVENT, nsp, id, data);
            }
            case ACK: {
                String d = f.data();
                int plus = d.indexOf('+');
                String ackId = plus < 0 ? d : d.substring(0, plus);
                if (!ackId.matches("\\d{1,15}")) {
                    throw new ProtocolException("Socket.IO 0.9 ack with a bad id: " + f.encode());
                }
                JsonNode args = plus < 0 ? JsonNodeFactory.instance.arrayNode() : json(d.substring(plus + 1), reader);
                if (!args.isArray()) {
                    throw new ProtocolException("Socket.IO 0.9 ack data must be an array: " + f.encode());
                }
                return new SocketPacket(SocketPacket.Type.ACK, nsp, Long.valueOf(ackId), args);
            }
            case ERROR: {
                String reason = f.data();
                int plus = reason.indexOf('+');
                String r = plus < 0 ? reason : reason.substring(0, plus);
                String text = r.matches("\\d") && Integer.parseInt(r) < REASONS.length ? REASONS[Integer.parseInt(r)] : r;
                return new SocketPacket(SocketPacket.Type.CONNECT_ERROR, nsp, null,
                        JsonNodeFactory.instance.textNode(text));
            }
            default:
                return null;
        }
    }

    private static SocketPacket event(String nsp, Long id, String name, JsonNode arg) {
        return new SocketPacket(SocketPacket.Type.EVENT, nsp, id, JsonNodeFactory.instance.arrayNode().add(name).add(arg));
    }

    private static JsonNode json(String s, com.fasterxml.jackson.databind.ObjectReader reader) {
        try {
            return reader.readValue(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            throw new ProtocolException("Socket.IO 0.9 frame data is not JSON: " + TransportSupport.clip(s, 40), e);
        }
    }

    /** @return the frame, or null when 0.9 sends nothing for this packet */
    static Frame09 toFrame(SocketPacket p) {
        String ep = endpoint(p.namespace());
        switch (p.type()) {
            case CONNECT:
                return ep.isEmpty() ? null : new Frame09(Frame09.Type.CONNECT, "", false, ep, "");
            case DISCONNECT:
                return new Frame09(Frame09.Type.DISCONNECT, "", false, ep, "");
            case EVENT:
            case BINARY_EVENT: {
                ObjectNode ev = JsonNodeFactory.instance.objectNode();
                ev.put("name", p.data().get(0).asText());
                ArrayNode args = ev.putArray("args");
                for (int i = 1; i < p.data().size(); i++) {
                    args.add(p.data().get(i));
                }
                String id = p.ackId() == null ? "" : p.ackId().toString();
                // binary values serialise as base64 strings: 0.9 has no binary frames
                return new Frame09(Frame09.Type.EVENT, id, p.ackId() != null, ep, Json.write(ev));
            }
            case ACK:
            case BINARY_ACK:
                return new Frame09(Frame09.Type.ACK, "", false, ep, p.ackId() + "+" + Json.write(p.data()));
            default:
                throw new IllegalArgumentException("0.9 cannot send " + p.type());
        }
    }
}
