package dev.relaykit.testkit.pusher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;

/**
 * A bare WebSocket client (the JDK's) speaking Pusher frames by hand, for the protocol details the official client
 * hides: close codes, exact frames, several connections of one user. Signatures are made here from the docs' rule
 * (hex HMAC-SHA256 of {@code socket_id:channel[:channel_data]}), independently of the server's code.
 */
final class RawClient implements AutoCloseable {
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket ws;
    private final String secret;

    private RawClient(String url, String secret) {
        this.secret = secret;
        this.ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(url), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            frames.add(Json.tree(partial.toString()));
                            partial.setLength(0);
                        }
                        w.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
                        closeCode.complete(code);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket w, Throwable error) {
                        closeCode.completeExceptionally(error);
                    }
                }).join();
    }

    static RawClient connect(String url, String secret) {
        return new RawClient(url, secret);
    }

    /** Connects and reads {@code pusher:connection_established}; @return the socket id */
    static RawClient connected(PusherServer server, String secret) throws InterruptedException {
        RawClient c = new RawClient(server.wsUrl(), secret);
        JsonNode established = c.next("pusher:connection_established");
        c.socketId = Json.tree(established.path("data").asText()).path("socket_id").asText();
        return c;
    }

    String socketId;

    void send(String frame) {
        ws.sendText(frame, true).join();
    }

    void subscribePrivate(String channel) {
        send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\",\"auth\":\"" + PusherServerProtocolTest.KEY
                + ":" + sign(socketId + ":" + channel) + "\"}}");
    }

    void subscribePresence(String channel, String userId) {
        String channelData = "{\"user_id\":\"" + userId + "\",\"user_info\":{\"name\":\"" + userId + "\"}}";
        String auth = PusherServerProtocolTest.KEY + ":" + sign(socketId + ":" + channel + ":" + channelData);
        send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\",\"auth\":\"" + auth
                + "\",\"channel_data\":" + Json.write(channelData) + "}}");
    }

    /** A ping and its pong: every frame sent before it has been handled by the server. */
    void roundTrip() throws InterruptedException {
        send("{\"event\":\"pusher:ping\",\"data\":{}}");
        next("pusher:pong");
    }

    String sign(String data) {
        return new HmacUtils(HmacAlgorithms.HMAC_SHA_256, secret.getBytes(StandardCharsets.UTF_8)).hmacHex(data);
    }

    /** @return the next frame with this event name (frames before it are skipped) */
    JsonNode next(String event) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            JsonNode f = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (f == null) {
                throw new AssertionError("no " + event + " within 10 s");
            }
            if (f.path("event").asText().equals(event)) {
                return f;
            }
        }
    }

    /** @return the next frame, or null if none arrives within {@code millis} */
    JsonNode poll(long millis) throws InterruptedException {
        return frames.poll(millis, TimeUnit.MILLISECONDS);
    }

    int awaitCloseCode() throws Exception {
        return closeCode.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        ws.abort();
    }
}
