package dev.relaykit.pusher.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.ApiException;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.pusher.crypto.EncryptedChannels;
import dev.relaykit.testkit.pusher.PusherServer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server-side client against the testkit's Pusher-protocol server, which checks HTTP API
 * signatures and channel/user auth on its own (the testkit's tests prove it agrees with the official
 * pusher-js and {@code pusher} library). Subscribers are bare WebSocket connections speaking protocol
 * 7, authorized with the bodies {@link PusherServerClient} makes, as a backend's auth endpoint returns them.
 */
class AgainstTestkitServerTest {
    private static final String KEY = "backend-key";
    private static final String SECRET = "backend-secret";
    private static final byte[] MASTER_KEY = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private PusherServer server;
    private PusherServerClient pusher;
    private final OkHttpClient http = new OkHttpClient();
    private final List<Conn> conns = new ArrayList<>();

    @BeforeEach
    void start() {
        server = PusherServer.builder().appId("42").key(KEY).secret(SECRET).start();
        pusher = PusherServerClient.builder().appId("42").key(KEY).secret(Secret.of(SECRET))
                .host(server.host()).port(server.httpPort()).useTls(false)
                .encryptionMasterKeyBase64(Base64.getEncoder().encodeToString(MASTER_KEY)).build();
    }

    @AfterEach
    void stop() {
        conns.forEach(c -> c.ws.cancel());
        pusher.close();
        server.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** One protocol-7 connection: frames in a queue, the close code in a future. */
    private final class Conn extends WebSocketListener {
        final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final WebSocket ws;
        final String socketId;

        Conn() throws Exception {
            ws = http.newWebSocket(new Request.Builder().url(server.wsUrl()).build(), this);
            conns.add(this);
            JsonNode hello = next("pusher:connection_established");
            socketId = Json.tree(hello.get("data").asText()).get("socket_id").asText();
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            frames.add(Json.tree(text));
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            closed.complete(code);
            webSocket.close(1000, null);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            closed.completeExceptionally(t);
        }

        JsonNode next(String event) throws InterruptedException {
            while (true) {
                JsonNode f = frames.poll(10, TimeUnit.SECONDS);
                assertThat(f).as("a " + event + " frame within 10 s").isNotNull();
                if (f.path("event").asText().equals(event)) {
                    return f;
                }
                assertThat(f.path("event").asText()).as("unexpected frame " + f).doesNotStartWith("pusher:error");
            }
        }

        /** Subscribes with what the backend's auth endpoint would have answered (null for a public channel). */
        void subscribe(String channel, String authBody) throws InterruptedException {
            ObjectNode data = Json.mapper().createObjectNode().put("channel", channel);
            if (authBody != null) {
                JsonNode auth = Json.tree(authBody);
                data.put("auth", auth.get("auth").asText());
                if (auth.has("channel_data")) {
                    data.put("channel_data", auth.get("channel_data").asText());
                }
            }
            send("pusher:subscribe", data);
            next("pusher_internal:subscription_succeeded");
        }

        void send(String event, JsonNode data) {
            ws.send(Json.write(Json.mapper().createObjectNode().put("event", event).set("data", data)));
        }
    }

    @Test
    void triggersReachSubscribersAndTheExcludedSocketIsLeftOut() throws Exception {
        Conn a = new Conn();
        Conn b = new Conn();
        a.subscribe("orders", null);
        b.subscribe("orders", null);

        pusher.trigger(TriggerRequest.builder().channel("orders").event("first").data(Map.of("id", 1))
                .excludeSocketId(a.socketId).build());
        pusher.triggerAsync("orders", "second", "{\"id\":2}").join();

        JsonNode atB = b.next("first");
        assertThat(atB.get("data").asText()).isEqualTo("{\"id\":1}");
        b.next("second");
        // frames on one connection arrive in order: if "first" had reached a, it would come before "second"
        JsonNode atA = a.frames.poll(10, TimeUnit.SECONDS);
        assertThat(atA.get("event").asText()).isEqualTo("second");
        assertThat(server.triggered()).extracting(PusherServer.TriggeredEvent::event).containsExactly("first", "second");
    }

    @Test
    void batchTriggersReachEachChannel() throws Exception {
        Conn c = new Conn();
        c.subscribe("eu", null);
        c.subscribe("us", null);
        List<ChannelInfo> infos = pusher.triggerBatch(List.of(BatchEvent.of("eu", "fill", "{\"n\":1}"),
                BatchEvent.of("us", "fill", "{\"n\":2}").withInfo(ChannelAttribute.SUBSCRIPTION_COUNT)));
        assertThat(c.next("fill").get("channel").asText()).isEqualTo("eu");
        assertThat(c.next("fill").get("channel").asText()).isEqualTo("us");
        assertThat(infos.get(1).subscriptionCount()).isEqualTo(1);
    }

    @Test
    void presenceAuthorizationIsAcceptedAndTheQueriesSeeTheMembers() throws Exception {
        Conn ada = new Conn();
        Conn bob = new Conn();
        ada.subscribe("presence-lobby", pusher.authorizeChannel(ada.socketId, "presence-lobby",
                new PresenceData("ada", Map.of("name", "Ada"))));
        bob.subscribe("presence-lobby", pusher.authorizeChannel(bob.socketId, "presence-lobby", PresenceData.of("bob")));
        JsonNode added = ada.next("pusher_internal:member_added");
        assertThat(Json.tree(added.get("data").asText()).get("user_id").asText()).isEqualTo("bob");

        assertThat(pusher.presenceUsers("presence-lobby")).extracting(PresenceUser::id).containsExactlyInAnyOrder("ada", "bob");
        assertThat(pusher.channel("presence-lobby", ChannelAttribute.USER_COUNT, ChannelAttribute.SUBSCRIPTION_COUNT))
                .isEqualTo(new ChannelInfo("presence-lobby", true, 2, 2));
        assertThat(pusher.channels("presence-", ChannelAttribute.USER_COUNT))
                .containsEntry("presence-lobby", new ChannelInfo("presence-lobby", true, 2, null));
        assertThat(pusher.channelsAsync(null).join()).containsOnlyKeys("presence-lobby");
        assertThat(pusher.channel("private-nobody")).isEqualTo(new ChannelInfo("private-nobody", false, null, null));
        TriggerResult r = pusher.trigger(TriggerRequest.builder().channel("presence-lobby").event("hi").data("{}")
                .info(ChannelAttribute.USER_COUNT).build());
        assertThat(r.channels().get("presence-lobby").userCount()).isEqualTo(2);
    }

    @Test
    void anEncryptedTriggerIsReadableWithTheSharedSecretFromTheAuthBody() throws Exception {
        Conn c = new Conn();
        String channel = "private-encrypted-fills";
        String authBody = pusher.authorizeChannel(c.socketId, channel);
        c.subscribe(channel, authBody);
        pusher.trigger(channel, "fill", "{\"qty\":\"0.5\"}");
        JsonNode payload = Json.tree(c.next("fill").get("data").asText());
        byte[] shared = Base64.getDecoder().decode(Json.tree(authBody).get("shared_secret").asText());
        assertThat(EncryptedChannels.decrypt(shared, payload.get("nonce").asText(), payload.get("ciphertext").asText()))
                .contains("{\"qty\":\"0.5\"}");
    }

    @Test
    void aSignedInUsersConnectionsAreTerminated() throws Exception {
        Conn c = new Conn();
        JsonNode auth = Json.tree(pusher.authenticateUser(c.socketId, Map.of("id", "user-42")));
        c.send("pusher:signin", Json.mapper().createObjectNode()
                .put("auth", auth.get("auth").asText()).put("user_data", auth.get("user_data").asText()));
        c.next("pusher:signin_success");
        pusher.terminateUserConnections("user-42");
        assertThat(c.closed.get(10, TimeUnit.SECONDS)).isEqualTo(4009);
    }

    @Test
    void aWrongSecretIsRefusedWithTheServersReason() {
        try (PusherServerClient wrong = PusherServerClient.builder().appId("42").key(KEY).secret(Secret.of("not-it"))
                .host(server.host()).port(server.httpPort()).useTls(false).build()) {
            assertThatThrownBy(() -> wrong.trigger("orders", "e", "{}"))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(401);
                        assertThat(e.serviceMessage()).isNotBlank();
                        assertThat(e.getMessage()).doesNotContain("not-it");
                    });
        }
        assertThat(server.triggered()).isEmpty();
    }
}
