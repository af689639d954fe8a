package dev.relaykit.socketio;

import dev.relaykit.core.RelayKitException;

/**
 * The server speaks another Socket.IO generation than the client was built for (for example an
 * Engine.IO 3 client against a socket.io 4 server, which refuses it). Found from what the server answers: a
 * first connection that fails or has no handshake within a second is checked by asking the server which generation
 * it speaks, and a socket.io 1.x/2.x {@code CONNECT} (no session id) reaching a {@link Generation#V3_V4} client
 * fails it at once. The client does not retry, since retrying cannot help. Build the client with {@link #spoken()},
 * or leave the generation at its default, {@link Generation#AUTO}.
 */
public class GenerationMismatchException extends RelayKitException {
    private static final long serialVersionUID = 1L;

    private final Generation configured;
    private final Generation spoken;

    /**
     * @param configured the generation the client was built for
     * @param spoken the generation the server answered with
     */
    public GenerationMismatchException(Generation configured, Generation spoken) {
        this(configured, spoken, null);
    }

    /**
     * @param configured the generation the client was built for
     * @param spoken the generation the server answered with
     * @param howFound what showed it (e.g. {@code "the server's CONNECT carries no session id"}), or null
     */
    public GenerationMismatchException(Generation configured, Generation spoken, String howFound) {
        super("the server speaks socket.io " + describe(spoken) + " but the client was built for "
                + describe(configured) + (howFound == null ? "" : " (" + howFound + ")")
                + "; use .generation(Generation." + spoken.name() + ") or the default, Generation.AUTO");
        this.configured = configured;
        this.spoken = spoken;
    }

    private static String describe(Generation g) {
        return switch (g) {
            case V3_V4 -> "3.x/4.x (V3_V4)";
            case V1_V2 -> "1.x/2.x (V1_V2)";
            case V0_9 -> "0.9 (V0_9)";
            case AUTO -> "AUTO";
        };
    }

    /** @return the generation the client was built for */
    public Generation configured() {
        return configured;
    }

    /** @return the generation the server speaks */
    public Generation spoken() {
        return spoken;
    }
}
