package dev.relaykit.testkit.pusher;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One client connection to a {@link PusherServer}, as the server sees it: for a test to look at what the client did
 * and to end the connection the way Pusher would.
 *
 * <pre class="java-members">{@code
 * void aliceIsToldToReconnect(PusherServer server) throws Exception {
 *     PusherConnection c = server.awaitSubscription("presence-room", Duration.ofSeconds(5));
 *     assertThat(c.userId()).contains("alice");                 // signed in as alice
 *     c.close(4200, "Generic reconnect immediately");           // the client should come back at once
 * }
 * }</pre>
 */
public interface PusherConnection {

    /** @return the socket id the server gave this connection ({@code "123.456"}) */
    String socketId();

    /** @return the request path with its query, e.g. {@code /app/KEY?protocol=7&client=js&version=8.6.0} */
    String path();

    /** @return the id of the user this connection signed in as ({@code pusher:signin}), if it did */
    Optional<String> userId();

    /** @return the channels this connection is subscribed to now */
    Set<String> channels();

    /** @return every text frame this connection sent, in order */
    List<String> received();

    /** @return how many {@code pusher:pong} events this connection sent (answers to {@link #ping()}) */
    int pongsReceived();

    /** @return {@code true} while the connection is open */
    boolean isOpen();

    /** @param frame a raw text frame to send to this client as is (a malformed frame, an event of your own) */
    void send(String frame);

    /** Sends {@code {"event":"pusher:ping","data":{}}}, as Pusher does when a connection has been quiet. */
    void ping();

    /**
     * Closes the connection with a close frame, e.g. 4100 (over capacity: reconnect after a backoff), 4200
     * (reconnect at once), 4201 (pong not received) or 4001-4099 (refused: do not reconnect).
     *
     * @param code the WebSocket close code
     * @param reason the close reason
     */
    void close(int code, String reason);

    /** Drops the TCP connection without a close frame, as a network failure would. */
    void drop();
}
