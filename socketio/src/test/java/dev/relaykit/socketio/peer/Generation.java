package dev.relaykit.socketio.peer;

import java.util.OptionalInt;

/**
 * A Socket.IO server generation the tests run a real Node peer of, with the wire protocols it speaks.
 * Each has its own folder under {@code socketio/src/test/node/} (see the README there).
 */
public enum Generation {
    /** socket.io 0.9: Socket.IO protocol 1, its own transports, no Engine.IO. */
    V09("v09", "0.9.19", OptionalInt.empty(), 1),
    /** socket.io 1.x: Engine.IO protocol 3, Socket.IO protocol 4. */
    V1("v1", "1.7.4", OptionalInt.of(3), 4),
    /** socket.io 2.x: Engine.IO protocol 3, Socket.IO protocol 4. */
    V2("v2", "2.5.1", OptionalInt.of(3), 4),
    /** socket.io 3.x: Engine.IO protocol 4, Socket.IO protocol 5. */
    V3("v3", "3.1.2", OptionalInt.of(4), 5),
    /** socket.io 4.x: Engine.IO protocol 4, Socket.IO protocol 5; connection state recovery enabled. */
    V4("v4", "4.8.1", OptionalInt.of(4), 5);

    private final String folder;
    private final String socketIoVersion;
    private final OptionalInt engineIoProtocol;
    private final int socketIoProtocol;

    Generation(String folder, String socketIoVersion, OptionalInt engineIoProtocol, int socketIoProtocol) {
        this.folder = folder;
        this.socketIoVersion = socketIoVersion;
        this.engineIoProtocol = engineIoProtocol;
        this.socketIoProtocol = socketIoProtocol;
    }

    /** The peer's folder name under {@code src/test/node}, also the {@code gen} its "welcome" event reports. */
    public String folder() {
        return folder;
    }

    /** The exact socket.io npm version the folder's package.json pins. */
    public String socketIoVersion() {
        return socketIoVersion;
    }

    /** The Engine.IO protocol revision ({@code EIO=} query value); empty for 0.9, which predates Engine.IO. */
    public OptionalInt engineIoProtocol() {
        return engineIoProtocol;
    }

    /** The Socket.IO protocol revision the server speaks (0.9's handshake path {@code /socket.io/1/} carries 1). */
    public int socketIoProtocol() {
        return socketIoProtocol;
    }
}
