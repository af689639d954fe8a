package dev.relaykit.samples.socketio;

import dev.relaykit.socketio.Generation;
import dev.relaykit.socketio.SocketIoClient;
import dev.relaykit.socketio.SocketIoSocket;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A chat client for a socket.io server of any generation (0.9 to 4.x, detected from the handshake):
 * joins a room, prints what the room says, and sends each line you type.
 *
 * <pre>
 * node socketio/src/test/node/v4/server.js 3000        # or v09, v1, v2, v3: the test peers speak this chat
 * ./mvnw -q -pl samples -am package -DskipTests -Pdemo -Ddemo.main=dev.relaykit.samples.socketio.SocketIoChat \
 *     -Dexec.args="http://127.0.0.1:3000 lobby alice"
 * </pre>
 *
 * The server side is the test peers' contract: {@code join} (room) answers {@code joined}, and
 * {@code room-msg} ({room, msg}) is sent on to everyone in the room.
 */
public final class SocketIoChat {
    private SocketIoChat() {
    }

    /**
     * @param args {@code url [room [name]]}
     * @throws Exception if the connection fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: SocketIoChat <server url, e.g. http://127.0.0.1:3000> [room] [name]");
            System.exit(2);
        }
        String room = args.length > 1 ? args[1] : "lobby";
        String name = args.length > 2 ? args[2] : "relaykit";
        try (Chat chat = Chat.open(args[0], room, name, System.out)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    chat.say(line);
                }
            }
        }
    }

    /** One chat connection, joined to a room. */
    public static final class Chat implements AutoCloseable {
        private final SocketIoClient client;
        private final SocketIoSocket socket;
        private final String room;
        private final String name;

        private Chat(SocketIoClient client, SocketIoSocket socket, String room, String name) {
            this.client = client;
            this.socket = socket;
            this.room = room;
            this.name = name;
        }

        /**
         * Connects (generation detected from the server's handshake), joins the room and prints
         * every message of the room.
         *
         * @param url the server URL
         * @param room the room
         * @param name your name
         * @param out where messages are printed
         * @return the chat
         * @throws Exception if it cannot connect or join
         */
        public static Chat open(String url, String room, String name, PrintStream out) throws Exception {
            Generation generation = SocketIoClient.detectGeneration(url);
            SocketIoClient client = SocketIoClient.builder(url).generation(generation).build();
            SocketIoSocket socket = client.socket("/");
            socket.on("room-msg", e -> out.println(e.arg(0).asText()));
            socket.on("joined", e -> out.println("* joined " + e.arg(0).asText() + " on a socket.io " + generation
                    + " server"));
            socket.connect().get(10, TimeUnit.SECONDS);
            socket.emit("join", room);
            return new Chat(client, socket, room, name);
        }

        /**
         * Sends a line to the room.
         *
         * @param text the line
         */
        public void say(String text) {
            socket.emit("room-msg", Map.of("room", room, "msg", name + ": " + text));
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
