package dev.relaykit.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * An event a namespace received: its name, its arguments (binary arguments are {@code BinaryNode}s, read them with
 * {@link #bytes(int)}) and, when the server asked for an acknowledgement, the means to send it.
 *
 * <p>Local lifecycle events use the reserved names {@code connect}, {@code disconnect} (argument: the reason) and
 * {@code connect_error} (argument: the server's message).
 */
public final class SocketEvent {
    private final String name;
    private final List<JsonNode> args;
    private final Consumer<Object[]> ack;

    /** @param args a list built for this event, handed over (not copied): users see it unmodifiable */
    SocketEvent(String name, List<JsonNode> args, Consumer<Object[]> ack) {
        this.name = name;
        this.args = Collections.unmodifiableList(args);
        this.ack = ack;
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
     * @param index argument index
     * @return the binary argument's bytes
     * @throws IllegalArgumentException when the argument is not binary
     */
    public byte[] bytes(int index) {
        JsonNode n = args.get(index);
        if (!n.isBinary()) {
            throw new IllegalArgumentException("argument " + index + " of '" + name + "' is not binary but " + n.getNodeType());
        }
        try {
            return n.binaryValue();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
