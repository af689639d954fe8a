package dev.relaykit.socketio;

import dev.relaykit.core.RelayKitException;

/**
 * The server speaks another Socket.IO generation than the client was built for (for example an
 * Engine.IO 3 client against a socket.io 4 server, which refuses it). Found by asking the server
 * after a first connection that never got through; the client does not retry, since retrying cannot
 * help. Build the client with {@link #spoken()}, or with {@link SocketIoClient#detectGeneration(String)}.
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
        super("the server speaks socket.io " + spoken + " but the client was built for " + configured
                + "; use .generation(Generation." + spoken.name() + ") or SocketIoClient.detectGeneration(url)");
        this.configured = configured;
        this.spoken = spoken;
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
