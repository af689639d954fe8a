package dev.relaykit.testkit.pusher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * PusherServer against the official clients: pusher-js (8.6.0) connects and subscribes, the {@code pusher} server
 * library (5.3.4) signs channel authorizations and user sign-ins and calls the HTTP API. Each test asserts what
 * pusher-js got: if the server spoke the protocol differently from Pusher, the official client would not see it.
 */
@Timeout(60)
class PusherServerNodeTest {
    static final String SECRET = "node-test-secret";
    private static final Duration WAIT = Duration.ofSeconds(25);

    private static PusherServer.Builder server() {
        return PusherServer.builder().appId("4242").key("node-test-key").secret(SECRET);
    }

    @Test
    void publicChannelGetsTriggeredEventsButNotTheExcludedSocketsAndCountsItsSubscribers() throws Exception {
        try (PusherServer server = server().subscriptionCountEvents(true).start();
             PusherPeer peer = PusherPeer.run("channels", server)) {
            List<JsonNode> lines = peer.awaitDone(WAIT);
            String socketA = peer.lines("subscribed").get(0).path("socketId").asText();
            assertThat(socketA).matches("\\d+\\.\\d+");

            assertThat(events(lines, "a")).containsExactly(
                    "headline {\"title\":\"hello\"}", "batch-1 {\"n\":1}", "batch-2 {\"n\":2}", "last {\"n\":3}");
            // the socket_id exclusion kept "excluded" from a only
            assertThat(events(lines, "b")).startsWith("excluded {\"n\":0}", "headline {\"title\":\"hello\"}");
            assertThat(lines.stream().filter(n -> n.path("t").asText().equals("count")).map(n -> n.path("count").asInt()))
                    .containsExactly(1, 2);

            Map<String, JsonNode> http = http(lines);
            assertThat(http.get("channels").path("body").toString())
                    .isEqualTo("{\"channels\":{\"news\":{\"subscription_count\":2}}}");
            assertThat(http.get("channel").path("body").toString())
                    .isEqualTo("{\"occupied\":true,\"subscription_count\":2}");
            assertThat(http.get("trigger-info").path("body").toString())
                    .isEqualTo("{\"channels\":{\"news\":{\"subscription_count\":2}}}");
            assertThat(server.triggered()).filteredOn(e -> e.event().equals("excluded"))
                    .singleElement().satisfies(e -> assertThat(e.excludedSocketId()).contains(socketA));
            assertThat(server.rejections()).isEmpty();
        }
    }

    @Test
    void privateAndPresenceChannelsWithMembersAndClientEvents() throws Exception {
        try (PusherServer server = server().start(); PusherPeer peer = PusherPeer.run("presence", server)) {
            List<JsonNode> lines = peer.awaitDone(WAIT);
            assertThat(lines).filteredOn(n -> n.path("t").asText().equals("event")).singleElement()
                    .satisfies(n -> assertThat(n.path("data").path("text").asText()).isEqualTo("for members only"));

            List<JsonNode> members = peer.lines("members");
            assertThat(members).hasSize(3);
            assertThat(members.get(0).toString()).contains("\"who\":\"alice\"", "\"me\":\"alice\"", "\"count\":1",
                    "{\"id\":\"alice\",\"info\":{\"name\":\"Alice\"}}");
            assertThat(members.get(1).path("me").asText()).isEqualTo("bob");
            assertThat(members.get(1).path("members").findValuesAsText("id")).containsExactly("alice", "bob");
            assertThat(peer.lines("member_added")).singleElement().satisfies(n -> {
                assertThat(n.path("id").asText()).isEqualTo("bob");
                assertThat(n.path("info").path("name").asText()).isEqualTo("Bob");
            });
            // bob's client event reaches alice with bob's user_id, and not bob himself
            assertThat(peer.lines("client_event")).singleElement().satisfies(n -> {
                assertThat(n.path("who").asText()).isEqualTo("alice");
                assertThat(n.path("userId").asText()).isEqualTo("bob");
                assertThat(n.path("data").path("typing").asBoolean()).isTrue();
            });
            Map<String, JsonNode> http = http(lines);
            assertThat(http.get("users").path("body").toString())
                    .isEqualTo("{\"users\":[{\"id\":\"alice\"},{\"id\":\"bob\"}]}");
            assertThat(http.get("presence-channels").path("body").toString())
                    .isEqualTo("{\"channels\":{\"presence-room\":{\"user_count\":2}}}");
            assertThat(peer.lines("member_removed")).singleElement()
                    .satisfies(n -> assertThat(n.path("id").asText()).isEqualTo("bob"));
            assertThat(members.get(2).path("count").asInt()).isEqualTo(1);
        }
    }

    @Test
    void encryptedChannelsCarryOnlyCiphertextThatPusherJsDecrypts() throws Exception {
        try (PusherServer server = server().start(); PusherPeer peer = PusherPeer.run("encrypted", server)) {
            List<JsonNode> lines = peer.awaitDone(WAIT);
            assertThat(lines).filteredOn(n -> n.path("t").asText().equals("event"))
                    .extracting(n -> n.path("channel").asText() + " " + n.path("data"))
                    .containsExactlyInAnyOrder("private-encrypted-cache-vault {\"code\":\"before-subscribe\"}",
                            "private-encrypted-vault {\"code\":\"s3cr3t\"}");
            assertThat(server.triggered()).hasSize(2).allSatisfy(e -> {
                JsonNode data = Json.tree(e.data());
                assertThat(data.fieldNames()).toIterable().containsExactlyInAnyOrder("nonce", "ciphertext");
                assertThat(e.data()).doesNotContain("s3cr3t", "before-subscribe");
            });
        }
    }

    @Test
    void everyKindOfCacheChannelReplaysItsLastEventOrSaysCacheMiss() throws Exception {
        try (PusherServer server = server().start(); PusherPeer peer = PusherPeer.run("cache", server)) {
            peer.awaitDone(WAIT);
            Map<String, String> first = peer.lines("first").stream().collect(Collectors.toMap(
                    n -> n.path("channel").asText(), n -> n.path("event").asText() + " " + n.path("data")));
            assertThat(first).containsOnly(
                    Map.entry("cache-a", "state {\"version\":10}"),
                    Map.entry("private-cache-b", "state {\"version\":1}"),
                    Map.entry("presence-cache-c", "state {\"version\":2}"),
                    Map.entry("private-encrypted-cache-d", "state {\"version\":3}"),
                    Map.entry("cache-empty", "pusher:cache_miss null"));
        }
    }

    @Test
    void badSignaturesPublicClientEventsTheClientEventLimitAndUnknownKeysAreRefusedAsPusherDoes() throws Exception {
        try (PusherServer server = server().start(); PusherPeer peer = PusherPeer.run("errors", server)) {
            List<JsonNode> lines = peer.awaitDone(WAIT);
            List<JsonNode> malloryErrors = lines.stream()
                    .filter(n -> n.path("t").asText().equals("error") && n.path("who").asText().equals("mallory"))
                    .toList();
            assertThat(malloryErrors).extracting(n -> n.path("error").path("data").path("message").asText())
                    .anySatisfy(m -> assertThat(m).startsWith("Invalid signature: Expected HMAC SHA256 hex digest of ")
                            .contains(":private-vault"))
                    .anySatisfy(m -> assertThat(m).contains("only supported on private and presence channels"));
            assertThat(malloryErrors).allSatisfy(n -> assertThat(n.path("error").path("data").path("code").isNull()).isTrue());
            // the bad signature did not cost mallory the connection
            assertThat(beforeFinishing(lines)).filteredOn(n -> n.path("t").asText().equals("state")
                            && n.path("who").asText().equals("mallory"))
                    .extracting(n -> n.path("state").asText()).containsExactly("connected");

            assertThat(peer.lines("http-error")).singleElement().satisfies(n -> {
                assertThat(n.path("status").asInt()).isEqualTo(401);
                assertThat(n.path("body").asText()).startsWith("Invalid signature");
            });
            assertThat(peer.lines("client_events_received")).singleElement()
                    .satisfies(n -> assertThat(n.path("count").asInt()).isEqualTo(10));
            assertThat(lines).filteredOn(n -> n.path("who").asText().equals("bob"))
                    .extracting(n -> n.path("error").path("data").path("code").asInt())
                    .containsExactly(4301, 4301, 4301, 4301, 4301);
            assertThat(lines).filteredOn(n -> n.path("t").asText().equals("error")
                            && n.path("who").asText().equals("stranger"))
                    .extracting(n -> n.path("error").path("data").path("code").asInt()).contains(4001);
            assertThat(peer.lines("state")).filteredOn(n -> n.path("who").asText().equals("stranger"))
                    .extracting(n -> n.path("state").asText()).doesNotContain("connected");
        }
    }

    @Test
    void userSignInGetsEventsSentToTheUserUntilTheBackendTerminatesItsConnections() throws Exception {
        try (PusherServer server = server().start(); PusherPeer peer = PusherPeer.run("signin", server)) {
            List<JsonNode> lines = peer.awaitDone(WAIT);
            assertThat(peer.lines("signed_in")).singleElement().satisfies(n -> {
                assertThat(n.path("userData").path("id").asText()).isEqualTo("alice");
                assertThat(n.path("userData").path("user_info").path("name").asText()).isEqualTo("Alice");
            });
            assertThat(peer.lines("user_event")).singleElement()
                    .satisfies(n -> assertThat(n.path("data").path("text").asText()).isEqualTo("hello alice"));
            assertThat(lines).filteredOn(n -> n.path("t").asText().equals("error"))
                    .extracting(n -> n.path("error").path("data").path("code").asInt()).contains(4009);
            server.awaitOpenConnections(0, WAIT);
        }
    }

    @Test
    void pusherJsReconnectsWithFreshAuthAfter4200And4100AndStaysAwayAfter4001() throws Exception {
        try (PusherServer server = server().start(); PusherPeer peer = PusherPeer.run("reconnect", server)) {
            JsonNode first = peer.await("subscribed", WAIT);
            assertThat(first.path("authorizations").asInt()).isEqualTo(1);
            assertThat(server.disconnect(first.path("socketId").asText(), 4200, "Generic reconnect immediately")).isTrue();

            JsonNode second = peer.await("subscribed", WAIT);
            assertThat(second.path("socketId").asText()).isNotEqualTo(first.path("socketId").asText());
            assertThat(second.path("authorizations").asInt()).isEqualTo(2);
            assertThat(server.disconnect(second.path("socketId").asText(), 4100, "Over capacity")).isTrue();

            JsonNode third = peer.await("subscribed", WAIT);
            assertThat(third.path("authorizations").asInt()).isEqualTo(3);
            int connections = server.webSocketServer().connectionCount();
            assertThat(server.disconnect(third.path("socketId").asText(), 4001, "Application does not exist")).isTrue();
            peer.await(n -> n.path("t").asText().equals("state") && n.path("state").asText().equals("disconnected"),
                    WAIT, "the disconnected state");
            Thread.sleep(1500); // asserting that something does NOT happen: no reconnection after a 4001
            assertThat(server.webSocketServer().connectionCount()).isEqualTo(connections);
            assertThat(peer.lines("subscribed")).hasSize(3);
            peer.send("finish");
            peer.awaitDone(WAIT);
        }
    }

    /** The lines printed before the script disconnected its clients to finish. */
    private static List<JsonNode> beforeFinishing(List<JsonNode> lines) {
        int end = 0;
        while (end < lines.size() && !lines.get(end).path("t").asText().equals("finishing")) {
            end++;
        }
        return lines.subList(0, end);
    }

    /** "name data" of the events one client got on news, in order. */
    private static List<String> events(List<JsonNode> lines, String who) {
        return lines.stream().filter(n -> n.path("t").asText().equals("event") && n.path("who").asText().equals(who))
                .map(n -> n.path("event").asText() + " " + n.path("data")).toList();
    }

    private static Map<String, JsonNode> http(List<JsonNode> lines) {
        return lines.stream().filter(n -> n.path("t").asText().equals("http"))
                .collect(Collectors.toMap(n -> n.path("label").asText(), n -> n));
    }
}
