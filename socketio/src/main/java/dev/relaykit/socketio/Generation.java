package dev.relaykit.socketio;

/**
 * The server generation a {@link SocketIoClient} speaks to. The default, {@link #AUTO}, asks the server on the
 * first connection and keeps the answer for every reconnection; a fixed generation that the server turns out not to
 * speak fails the connection with a {@link GenerationMismatchException}, never a half-working one.
 */
public enum Generation {
    /** socket.io 3.x and 4.x: Engine.IO revision 4 ({@code EIO=4}), Socket.IO protocol revision 5. */
    V3_V4(4, 5),
    /** socket.io 1.x and 2.x: Engine.IO revision 3 ({@code EIO=3}), Socket.IO protocol revision 4. */
    V1_V2(3, 4),
    /**
     * socket.io 0.9: its own protocol (HTTP handshake {@code /socket.io/1/}, frames {@code type:id:endpoint:data}),
     * no Engine.IO ({@link #engineIoRevision()} is 0), WebSocket or xhr-polling transport (no upgrade from one to the
     * other: see {@link SocketIoClient.Builder#transport(TransportMode)}), no binary (byte arrays are sent as base64
     * strings; {@link SocketEvent#bytes(int)} decodes them).
     */
    V0_9(0, 1),
    /**
     * Not a wire generation: the client finds the server's generation from its handshake on the first connection
     * (Engine.IO polling handshakes, then the 0.9 handshake, with the client's query and headers, as
     * {@link SocketIoClient#detectGeneration(String)} does) and keeps it for every reconnection;
     * {@link SocketIoClient#generation()} then reports what was found. The default. Its revisions are -1.
     */
    AUTO(-1, -1);

    private final int engineIo;
    private final int socketIo;

    Generation(int engineIo, int socketIo) {
        this.engineIo = engineIo;
        this.socketIo = socketIo;
    }

    /** @return the Engine.IO revision ({@code EIO} query parameter); 0 for 0.9, -1 for {@link #AUTO} */
    public int engineIoRevision() {
        return engineIo;
    }

    /** @return the Socket.IO protocol revision (1 for 0.9, -1 for {@link #AUTO}) */
    public int socketIoRevision() {
        return socketIo;
    }
}
