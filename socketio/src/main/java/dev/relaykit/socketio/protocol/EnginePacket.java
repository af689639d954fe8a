package dev.relaykit.socketio.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * One Engine.IO packet: a type and either a text payload ({@link #text()}, possibly empty) or a binary payload
 * ({@link #binary()}, only for {@link Type#MESSAGE}).
 *
 * @param type the packet type
 * @param text the text data; {@code ""} when there is none; {@code null} for a binary packet
 * @param binary the binary data, or {@code null} for a text packet
 */
public record EnginePacket(Type type, String text, byte[] binary) {

    /** Engine.IO packet types (the same digits in revisions 2, 3 and 4). */
    public enum Type {
        /** {@code 0}: handshake data from the server. */
        OPEN,
        /** {@code 1}: close the session. */
        CLOSE,
        /** {@code 2}: ping (from the server in v4, from the client in v3); also {@code 2probe}. */
        PING,
        /** {@code 3}: pong; also {@code 3probe}. */
        PONG,
        /** {@code 4}: a message (carries a Socket.IO packet). */
        MESSAGE,
        /** {@code 5}: transport upgrade completed. */
        UPGRADE,
        /** {@code 6}: no-op (used to end a pending poll during upgrade). */
        NOOP;

        /** @return the wire digit */
        public char code() {
            return (char) ('0' + ordinal());
        }

        static Type of(int digit, String where) {
            if (digit < 0 || digit > 6) {
                throw new ProtocolException("unknown Engine.IO packet type " + describe(digit) + " in " + where);
            }
            return values()[digit];
        }

        private static String describe(int digit) {
            int c = digit + '0';
            return c >= 32 && c < 127 ? "'" + (char) c + "'" : "code " + c;
        }
    }

    /**
     * Validates the combination.
     *
     * @param type the packet type
     * @param text the text data
     * @param binary the binary data
     */
    public EnginePacket {
        Objects.requireNonNull(type, "type");
        if ((text == null) == (binary == null)) {
            throw new IllegalArgumentException("an Engine.IO packet has either text or binary data");
        }
        if (binary != null && type != Type.MESSAGE) {
            throw new IllegalArgumentException("only MESSAGE packets carry binary data, not " + type);
        }
    }

    /**
     * @param type the type
     * @param text the data ({@code ""} for none)
     * @return a text packet
     */
    public static EnginePacket text(Type type, String text) {
        return new EnginePacket(type, text, null);
    }

    /**
     * @param type the type
     * @return a packet without data
     */
    public static EnginePacket of(Type type) {
        return new EnginePacket(type, "", null);
    }

    /**
     * @param text the message
     * @return a MESSAGE packet carrying text
     */
    public static EnginePacket message(String text) {
        return new EnginePacket(Type.MESSAGE, text, null);
    }

    /**
     * @param data the bytes
     * @return a MESSAGE packet carrying binary data
     */
    public static EnginePacket message(byte[] data) {
        return new EnginePacket(Type.MESSAGE, null, data);
    }

    /** @return whether the data is binary */
    public boolean isBinary() {
        return binary != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnginePacket p && p.type == type && Objects.equals(p.text, text)
                && Arrays.equals(p.binary, binary);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, text, Arrays.hashCode(binary));
    }

    @Override
    public String toString() {
        return "EnginePacket[" + type + ", " + (binary != null ? binary.length + " bytes" : '"' + text + '"') + "]";
    }
}
