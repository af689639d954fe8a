package dev.relaykit.samples.socketio;

import dev.relaykit.samples.SampleRun;
import dev.relaykit.socketio.Generation;
import dev.relaykit.socketio.SocketIoClient;
import dev.relaykit.socketio.SocketIoSocket;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A chat client for a socket.io server of any generation (0.9 to 4.x, detected from the handshake):
 * joins a room, prints what the room says, and sends each line you type.
 *
 * <pre>
 * ./relaykit socketio-server 3000                      # a local socket.io 4.x server (v09, v1, v2, v3: add it)
 * ./relaykit socketio-chat http://127.0.0.1:3000 lobby alice
 * </pre>
 *
 * The server side is the test peers' contract: {@code join} (room) answers {@code joined}, and
 * {@code room-msg} ({room, msg}) is sent on to everyone in the room.
 */
public final class SocketIoChat {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private SocketIoChat() {
    }

    /**
     * Chats until stdin ends. A failed connection prints one line naming the cause and exits with 1.
     *
     * @param args {@code [url [room [name]]]}, default {@code http://127.0.0.1:3000 lobby relaykit}
     */
    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:3000";
        String room = args.length > 1 ? args[1] : "lobby";
        String name = args.length > 2 ? args[2] : "relaykit";
        SampleRun.main("socketio-chat", () -> {
            try (Chat chat = Chat.open(url, room, name, System.out)) {
                System.out.println("type a line to say it in " + room + "; Ctrl-D leaves");
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isBlank()) {
                        chat.say(line);
                    }
                }
            }
        });
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
         * @throws SampleRun.Failure if it cannot connect, naming the step and the cause
         */
        public static Chat open(String url, String room, String name, PrintStream out) {
            Generation generation = SampleRun.step(out, "connecting to the socket.io server at " + url,
                    () -> SocketIoClient.detectGeneration(url));
            SocketIoClient client = SocketIoClient.builder(url).generation(generation).build();
            try {
                SocketIoSocket socket = client.socket("/");
                socket.on("room-msg", e -> out.println(e.arg(0).asText()));
                socket.on("joined", e -> out.println("* joined " + e.arg(0).asText() + " on a socket.io " + generation
                        + " server"));
                SampleRun.await(out, "opening a " + generation + " connection", socket.connect(), CONNECT_TIMEOUT);
                socket.emit("join", room);
                return new Chat(client, socket, room, name);
            } catch (RuntimeException e) {
                client.close();
                throw e;
            }
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
