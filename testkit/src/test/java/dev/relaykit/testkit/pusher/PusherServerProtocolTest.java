package dev.relaykit.testkit.pusher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The protocol details behind the official client's back, frame by frame: close codes of refused connections,
 * authorized connections, presence with several connections per user, pings both ways, client events on encrypted
 * channels, and the hooks a test uses.
 */
class PusherServerProtocolTest {
    static final String KEY = "proto-key";
    private static final String SECRET = "proto-secret";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static PusherServer start() {
        return PusherServer.builder().key(KEY).secret(SECRET).activityTimeout(Duration.ofSeconds(30)).start();
    }

    @Test
    void connectionEstablishedCarriesItsDataAsAJsonString() throws Exception {
        try (PusherServer server = start(); RawClient c = RawClient.connect(server.wsUrl(), SECRET)) {
            JsonNode established = c.next("pusher:connection_established");
            assertThat(established.path("data").isTextual()).isTrue();
            JsonNode data = Json.tree(established.path("data").asText());
            assertThat(data.path("socket_id").asText()).matches("\\d+\\.\\d+");
            assertThat(data.path("activity_timeout").asInt()).isEqualTo(30);
            assertThat(server.awaitConnection(WAIT).socketId()).isEqualTo(data.path("socket_id").asText());
        }
    }

    @Test
    void refusedConnectionsGetTheDocumentedErrorAndCloseCode() throws Exception {
        try (PusherServer server = start()) {
            String base = "ws://127.0.0.1:" + server.wsPort();
            assertRefused(base + "/app/unknown-key?protocol=7", 4001);
            assertRefused(base + "/apps/" + KEY + "?protocol=7", 4005);
            assertRefused(base + "/app/" + KEY + "?protocol=seven", 4006);
            assertRefused(base + "/app/" + KEY + "?protocol=6", 4007);
            assertRefused(base + "/app/" + KEY, 4008);
            assertThat(server.rejections()).hasSize(5);
            assertThat(server.connections()).isEmpty();
        }
    }

    private static void assertRefused(String url, int code) throws Exception {
        try (RawClient c = RawClient.connect(url, SECRET)) {
            assertThat(c.next("pusher:error").path("data").path("code").asInt()).isEqualTo(code);
            assertThat(c.awaitCloseCode()).isEqualTo(code);
        }
    }

    @Test
    void authorizedConnectionsThatDoNotSignInInTimeAreClosedWith4009() throws Exception {
        try (PusherServer server = PusherServer.builder().key(KEY).secret(SECRET)
                .requireSignIn(Duration.ofMillis(300)).start();
             RawClient anonymous = RawClient.connected(server, SECRET);
             RawClient alice = RawClient.connected(server, SECRET)) {
            String userData = "{\"id\":\"alice\"}";
            alice.send("{\"event\":\"pusher:signin\",\"data\":{\"auth\":\"" + KEY + ":"
                    + alice.sign(alice.socketId + "::user::" + userData) + "\",\"user_data\":" + Json.write(userData) + "}}");
            assertThat(alice.next("pusher:signin_success").path("data").path("user_data").asText()).isEqualTo(userData);
            assertThat(anonymous.next("pusher:error").path("data").path("code").asInt()).isEqualTo(4009);
            assertThat(anonymous.awaitCloseCode()).isEqualTo(4009);
            assertThat(server.awaitSignIn("alice", WAIT).socketId()).isEqualTo(alice.socketId);
            server.awaitOpenConnections(1, WAIT);
            assertThat(server.connections()).extracting(PusherConnection::socketId).containsExactly(alice.socketId);
        }
    }

    @Test
    void aUserWithTwoConnectionsIsOneMemberAddedOnceAndRemovedWhenItsLastConnectionLeaves() throws Exception {
        try (PusherServer server = start();
             RawClient watcher = RawClient.connected(server, SECRET);
             RawClient tab1 = RawClient.connected(server, SECRET);
             RawClient tab2 = RawClient.connected(server, SECRET)) {
            watcher.subscribePresence("presence-room", "watcher");
            watcher.next("pusher_internal:subscription_succeeded");
            tab1.subscribePresence("presence-room", "bob");
            JsonNode succeeded = tab1.next("pusher_internal:subscription_succeeded");
            JsonNode presence = Json.tree(succeeded.path("data").asText()).path("presence");
            assertThat(presence.path("count").asInt()).isEqualTo(2);
            assertThat(presence.path("ids").toString()).isEqualTo("[\"watcher\",\"bob\"]");
            assertThat(presence.path("hash").path("bob").path("name").asText()).isEqualTo("bob");
            assertThat(Json.tree(watcher.next("pusher_internal:member_added").path("data").asText()).path("user_id")
                    .asText()).isEqualTo("bob");

            tab2.subscribePresence("presence-room", "bob");
            tab2.next("pusher_internal:subscription_succeeded");
            tab1.send("{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"presence-room\"}}");
            tab1.roundTrip(); // the server handles a connection's frames in order: the unsubscribe is done
            assertThat(server.channels()).containsEntry("presence-room", 2);
            assertThat(server.members("presence-room")).containsExactly("watcher", "bob");
            assertThat(watcher.poll(300)).as("no member event while one of bob's connections remains").isNull();

            tab2.close();
            JsonNode removed = watcher.next("pusher_internal:member_removed");
            assertThat(Json.tree(removed.path("data").asText()).path("user_id").asText()).isEqualTo("bob");
            assertThat(server.members("presence-room")).containsExactly("watcher");
        }
    }

    @Test
    void pingsAreAnsweredBothWays() throws Exception {
        try (PusherServer server = start(); RawClient c = RawClient.connected(server, SECRET)) {
            c.send("{\"event\":\"pusher:ping\",\"data\":{}}");
            assertThat(c.next("pusher:pong").path("data").toString()).isEqualTo("{}");
            PusherConnection conn = server.connection(c.socketId).orElseThrow();
            conn.ping();
            c.next("pusher:ping");
            c.send("{\"event\":\"pusher:pong\",\"data\":{}}");
            c.roundTrip();
            assertThat(conn.pongsReceived()).isEqualTo(1);
            assertThat(conn.received()).hasSize(3);
        }
    }

    @Test
    void clientEventsAreRefusedOnEncryptedChannelsAndFromNonSubscribers() throws Exception {
        try (PusherServer server = start();
             RawClient a = RawClient.connected(server, SECRET);
             RawClient b = RawClient.connected(server, SECRET)) {
            a.subscribePrivate("private-encrypted-vault");
            b.subscribePrivate("private-encrypted-vault");
            a.next("pusher_internal:subscription_succeeded");
            b.next("pusher_internal:subscription_succeeded");
            a.send("{\"event\":\"client-leak\",\"channel\":\"private-encrypted-vault\",\"data\":{}}");
            assertThat(a.next("pusher:error").path("data").path("message").asText()).contains("encrypted");
            a.send("{\"event\":\"client-hi\",\"channel\":\"private-elsewhere\",\"data\":{}}");
            assertThat(a.next("pusher:error").path("data").path("message").asText()).contains("must be subscribed");
            assertThat(b.poll(300)).as("nothing reached the other subscriber").isNull();
        }
    }

    @Test
    void aServerToUserChannelIsOnlyForTheConnectionSignedInAsThatUser() throws Exception {
        try (PusherServer server = start(); RawClient c = RawClient.connected(server, SECRET)) {
            c.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"#server-to-user-alice\",\"auth\":\"\"}}");
            assertThat(c.next("pusher:error").path("data").path("message").asText()).contains("not signed in as alice");
            assertThat(server.channels()).isEmpty();
        }
    }

    @Test
    void hooksCloseAConnectionWithACodeAndTriggerFromJava() throws Exception {
        try (PusherServer server = start(); RawClient c = RawClient.connected(server, SECRET)) {
            c.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"cache-prices\"}}");
            c.next("pusher:cache_miss");
            PusherConnection conn = server.awaitSubscription("cache-prices", WAIT);
            assertThat(conn.channels()).containsExactly("cache-prices");
            assertThat(server.trigger("cache-prices", "price", "{\"p\":1}")).isEqualTo(1);
            JsonNode event = c.next("price");
            assertThat(event.path("channel").asText()).isEqualTo("cache-prices");
            assertThat(event.path("data").asText()).isEqualTo("{\"p\":1}");
            assertThat(server.disconnect(conn.socketId(), 4100, "Over capacity")).isTrue();
            assertThat(c.awaitCloseCode()).isEqualTo(4100);
            server.awaitNoSubscribers("cache-prices", WAIT);
            assertThat(server.channels()).isEmpty();
        }
    }
}
