package dev.relaykit.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * An event a namespace received: its name, its arguments and, when the server asked for an acknowledgement, the
 * means to send it. Binary arguments are {@code BinaryNode}s on 1.x-4.x and base64 strings on 0.9 (which has no
 * binary): {@link #bytes(int)} returns the bytes on every generation. Numbers are decoded as Jackson's default
 * {@code ObjectMapper} decodes them (fractions as doubles) unless the client was built with
 * {@link SocketIoClient.Builder#bigDecimals(boolean) bigDecimals(true)}.
 *
 * <p>Local lifecycle events use the reserved names {@code connect}, {@code disconnect} (arguments: socket.io's
 * reason string and, when there is one, the detail; typed: {@link #disconnectReason()}) and {@code connect_error}
 * (argument: the server's message).
 */
public final class SocketEvent {
    private final String name;
    private final List<JsonNode> args;
    private final Consumer<Object[]> ack;
    private final boolean base64Binary;
    private final DisconnectReason disconnectReason;

    /** @param args a list built for this event, handed over (not copied): users see it unmodifiable */
    SocketEvent(String name, List<JsonNode> args, Consumer<Object[]> ack) {
        this(name, args, ack, false, null);
    }

    SocketEvent(String name, List<JsonNode> args, Consumer<Object[]> ack, boolean base64Binary,
                DisconnectReason disconnectReason) {
        this.name = name;
        this.args = Collections.unmodifiableList(args);
        this.ack = ack;
        this.base64Binary = base64Binary;
        this.disconnectReason = disconnectReason;
    }

    /**
     * @return for a local {@code disconnect} event, why the namespace was disconnected (the same on every generation
     *     and transport); {@code null} for every other event
     */
    public DisconnectReason disconnectReason() {
        return disconnectReason;
    }

    /** @return the event name */
    public String name() {
        return name;
    }

    /** @return the arguments */
    public List<JsonNode> args() {
        return args;
    }

    /**
     * @param index argument index
     * @return the argument
     */
    public JsonNode arg(int index) {
        return args.get(index);
    }

    /**
     * @param index argument index
     * @param type the type to convert to
     * @param <T> the type
     * @return the argument converted with the shared Jackson mapper
     */
    public <T> T arg(int index, Class<T> type) {
        return Json.mapper().convertValue(args.get(index), type);
    }

    /**
     * The bytes of a binary argument, on every generation: a binary attachment on 1.x-4.x, the base64 string that
     * stands for it on 0.9.
     *
     * @param index argument index
     * @return the binary argument's bytes
     * @throws IllegalArgumentException when the argument is not binary (on 0.9: not a base64 string)
     */
    public byte[] bytes(int index) {
        return bytes(args.get(index), "argument " + index);
    }

    /**
     * Like {@link #bytes(int)} for a value nested in an argument, e.g. {@code e.bytes(e.arg(1).get("file"))}.
     *
     * @param value a value taken from this event's arguments
     * @return its bytes
     * @throws IllegalArgumentException when the value is not binary (on 0.9: not a base64 string)
     */
    public byte[] bytes(JsonNode value) {
        return bytes(value, "the value");
    }

    private byte[] bytes(JsonNode n, String what) {
        if (n != null && n.isBinary()) {
            try {
                return n.binaryValue();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        if (base64Binary && n != null && n.isTextual()) {
            try {
                return java.util.Base64.getDecoder().decode(n.asText());
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalArgumentException(what + " of '" + name + "' is a string but not base64 (socket.io 0.9"
                        + " sends binary as base64)", notBase64);
            }
        }
        throw new IllegalArgumentException(what + " of '" + name + "' is not binary but "
                + (n == null ? "missing" : n.getNodeType()));
    }

    /** @return whether the sender waits for an acknowledgement */
    public boolean hasAck() {
        return ack != null;
    }

    /**
     * Acknowledges the event with arguments ({@code byte[]} values are sent as binary).
     *
     * @param args the acknowledgement's arguments
     * @throws IllegalStateException when the sender asked for no acknowledgement
     */
    public void ack(Object... args) {
        if (ack == null) {
            throw new IllegalStateException("event '" + name + "' was sent without an acknowledgement callback");
        }
        ack.accept(args);
    }

    @Override
    public String toString() {
        return "SocketEvent[" + name + ", " + args.size() + " arg(s)" + (ack != null ? ", ack" : "") + "]";
    }
}
