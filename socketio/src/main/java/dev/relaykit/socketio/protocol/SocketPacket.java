package dev.relaykit.socketio.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One Socket.IO packet (protocol revisions 4 and 5). Binary attachments are already put back in place:
 * they appear in {@link #data()} as Jackson {@code BinaryNode}s.
 *
 * @param type the packet type
 * @param namespace the namespace, {@code "/"} for the main one (revision 4 may carry a query: {@code /a?x=1})
 * @param ackId the acknowledgement id, or {@code null}
 * @param data the payload, or {@code null} when there is none
 */
public record SocketPacket(Type type, String namespace, Long ackId, JsonNode data) {

    /** Socket.IO packet types. */
    public enum Type {
        /** {@code 0}: connect to a namespace (and the server's answer). */
        CONNECT,
        /** {@code 1}: disconnect from a namespace. */
        DISCONNECT,
        /** {@code 2}: an event: {@code ["name", args...]}. */
        EVENT,
        /** {@code 3}: an acknowledgement: {@code [args...]}. */
        ACK,
        /** {@code 4}: revision 5 CONNECT_ERROR / revision 4 ERROR. */
        CONNECT_ERROR,
        /** {@code 5}: an event with binary attachments. */
        BINARY_EVENT,
        /** {@code 6}: an acknowledgement with binary attachments. */
        BINARY_ACK
    }

    /**
     * @param type the packet type
     * @param namespace the namespace
     * @param ackId the ack id or null
     * @param data the data or null
     */
    public SocketPacket {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(namespace, "namespace");
        if (!namespace.startsWith("/")) {
            throw new IllegalArgumentException("a namespace starts with '/': " + namespace);
        }
        if (ackId != null && ackId < 0) {
            throw new IllegalArgumentException("ack id must be >= 0, was " + ackId);
        }
    }
}
