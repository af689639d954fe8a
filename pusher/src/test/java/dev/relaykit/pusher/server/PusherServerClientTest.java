package dev.relaykit.pusher.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.ApiException;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.pusher.crypto.EncryptedChannels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PusherServerClientTest {
    private static final String KEY = "278d425bdf160c739803";
    private static final String SECRET = "7ad3773142a6692b25b8";
    private static final byte[] MASTER_KEY = "this is 32 bytes of master key!!".getBytes(StandardCharsets.US_ASCII);

    private MockWebServer server;
    private PusherServerClient pusher;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
        pusher = client(true);
    }

    private PusherServerClient client(boolean withMasterKey) {
        PusherServerClient.Builder b = PusherServerClient.builder().appId("3").key(KEY).secret(Secret.of(SECRET))
                .host("127.0.0.1").port(server.getPort()).useTls(false);
        if (withMasterKey) {
            b.encryptionMasterKeyBase64(Base64.getEncoder().encodeToString(MASTER_KEY));
        }
        return b.build();
    }

    @AfterEach
    void stop() throws Exception {
        pusher.close();
        server.shutdown();
    }

    private JsonNode sentBody() throws Exception {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        return Json.tree(r.getBody().readUtf8());
    }

    // ---------------------------------------------------------------- answers

    @Test
    void answersAreTyped() throws Exception {
        // response bodies as the HTTP API reference shows them for each endpoint
        server.enqueue(new MockResponse().setBody(
                "{\"channels\":{\"presence-foobar\":{\"user_count\":42,\"subscription_count\":51},\"presence-another\":{}}}"));
        server.enqueue(new MockResponse().setBody("{\"batch\":[{\"user_count\":1,\"subscription_count\":2},{}]}"));
        server.enqueue(new MockResponse().setBody(
                "{\"channels\":{\"presence-foobar\":{\"user_count\":42},\"presence-another\":{\"user_count\":123}}}"));
        server.enqueue(new MockResponse().setBody("{\"occupied\":true,\"user_count\":42,\"subscription_count\":42}"));
        server.enqueue(new MockResponse().setBody("{\"occupied\":false}"));
        server.enqueue(new MockResponse().setBody("{\"users\":[{\"id\":\"1\"},{\"id\":2}]}"));

        TriggerResult t = pusher.trigger(TriggerRequest.builder().channels("presence-foobar", "presence-another")
                .event("e").data("{}").info(ChannelAttribute.USER_COUNT, ChannelAttribute.SUBSCRIPTION_COUNT).build());
        assertThat(t.channels()).containsEntry("presence-foobar", new ChannelInfo("presence-foobar", true, 42, 51))
                .containsEntry("presence-another", new ChannelInfo("presence-another", true, null, null));

        List<ChannelInfo> batch = pusher.triggerBatch(List.of(
                BatchEvent.of("presence-a", "e", "{}").withInfo(ChannelAttribute.USER_COUNT, ChannelAttribute.SUBSCRIPTION_COUNT),
                BatchEvent.of("b", "e", "{}")));
        assertThat(batch).containsExactly(new ChannelInfo("presence-a", true, 1, 2), new ChannelInfo("b", true, null, null));

        Map<String, ChannelInfo> list = pusher.channels("presence-", ChannelAttribute.USER_COUNT);
        assertThat(list.keySet()).containsExactly("presence-foobar", "presence-another");
        assertThat(list.get("presence-another").userCount()).isEqualTo(123);

        assertThat(pusher.channel("presence-foobar", ChannelAttribute.USER_COUNT, ChannelAttribute.SUBSCRIPTION_COUNT))
                .isEqualTo(new ChannelInfo("presence-foobar", true, 42, 42));
        assertThat(pusher.channelAsync("private-x").join()).isEqualTo(new ChannelInfo("private-x", false, null, null));
        assertThat(pusher.presenceUsersAsync("presence-foobar").join())
                .containsExactly(new PresenceUser("1"), new PresenceUser("2"));
    }

    @Test
    void pusherErrorsNameTheStatusAndPushersMessage() {
        server.enqueue(new MockResponse().setResponseCode(401)
                .setBody("Invalid signature: you should have sent HmacSHA256Hex(\"POST\\n/apps/3/events\\n...\", your_secret)"));
        assertThatThrownBy(() -> pusher.trigger("orders", "e", "{}"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.serviceMessage()).startsWith("Invalid signature");
                    assertThat(e.getMessage()).contains("pusher").contains("401").contains("Invalid signature")
                            .doesNotContain(SECRET);
                });
        server.enqueue(new MockResponse().setResponseCode(413).setBody("Request Entity Too Large"));
        assertThatThrownBy(() -> pusher.triggerAsync("orders", "e", "{}").join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(413);
                    assertThat(e.serviceMessage()).isEqualTo("Request Entity Too Large");
                });
        assertThat(server.getRequestCount()).as("a trigger is never sent twice").isEqualTo(2);
    }

    @Test
    void dataIsSentAsGivenOrWrittenAsJson() throws Exception {
        server.enqueue(new MockResponse().setBody("{}"));
        server.enqueue(new MockResponse().setBody("{}"));
        pusher.trigger("orders", "e", Map.of("id", 42));
        assertThat(sentBody().get("data").asText()).isEqualTo("{\"id\":42}");
        pusher.trigger("orders", "e", "plain text");
        assertThat(sentBody().get("data").asText()).isEqualTo("plain text");
    }

    // ---------------------------------------------------------------- encryption

    @Test
    void aTriggerOnAnEncryptedChannelIsDecryptableWithTheChannelsSharedSecret() throws Exception {
        server.enqueue(new MockResponse().setBody("{}"));
        server.enqueue(new MockResponse().setBody("{}"));
        String channel = "private-encrypted-orders";
        pusher.trigger(channel, "order-filled", "{\"qty\":\"0.5\"}");
        JsonNode sent = sentBody();
        String wireData = sent.get("data").asText();
        assertThat(wireData).doesNotContain("0.5");
        JsonNode payload = Json.tree(wireData);
        byte[] shared = EncryptedChannels.sharedSecret(channel, MASTER_KEY);
        assertThat(EncryptedChannels.decrypt(shared, payload.get("nonce").asText(), payload.get("ciphertext").asText()))
                .contains("{\"qty\":\"0.5\"}");
        // another channel's secret cannot read it
        assertThat(EncryptedChannels.decrypt(EncryptedChannels.sharedSecret("private-encrypted-other", MASTER_KEY),
                payload.get("nonce").asText(), payload.get("ciphertext").asText())).isEmpty();

        pusher.triggerBatch(List.of(BatchEvent.of("public", "e", "clear"), BatchEvent.of(channel, "e", "secret")));
        JsonNode batch = sentBody().get("batch");
        assertThat(batch.get(0).get("data").asText()).isEqualTo("clear");
        JsonNode p2 = Json.tree(batch.get(1).get("data").asText());
        assertThat(EncryptedChannels.decrypt(shared, p2.get("nonce").asText(), p2.get("ciphertext").asText()))
                .contains("secret");
    }

    @Test
    void encryptedChannelRulesAreCheckedBeforeSending() {
        assertRefusedUnsent(IllegalArgumentException.class, "several channels",
                () -> pusher.trigger(TriggerRequest.builder().channels("private-encrypted-a", "b").event("e").data("{}").build()));
        try (PusherServerClient noKey = client(false)) {
            assertRefusedUnsent(IllegalStateException.class, "no encryption master key",
                    () -> noKey.trigger("private-encrypted-a", "e", "{}"));
            assertRefusedUnsent(IllegalStateException.class, "no encryption master key",
                    () -> noKey.authorizeChannel("1.1", "private-encrypted-a"));
        }
        assertThatThrownBy(() -> PusherServerClient.builder().encryptionMasterKeyBase64("c2hvcnQ="))
                .hasMessageContaining("32 bytes, got 5");
    }

    // ---------------------------------------------------------------- limits

    @Test
    void badInputIsRefusedWithNothingSent() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add("c" + i);
        }
        assertRefusedUnsent(IllegalArgumentException.class, "101 channels; Pusher allows at most 100",
                () -> pusher.trigger(TriggerRequest.builder().channels(many).event("e").data("{}").build()));
        List<BatchEvent> eleven = Collections.nCopies(11, BatchEvent.of("c", "e", "{}"));
        assertRefusedUnsent(IllegalArgumentException.class, "11 events; Pusher allows at most 10",
                () -> pusher.triggerBatch(eleven));
        assertRefusedUnsent(IllegalArgumentException.class, "201 characters",
                () -> pusher.trigger("c", "e".repeat(201), "{}"));
        assertRefusedUnsent(IllegalArgumentException.class, "10241 bytes",
                () -> pusher.trigger("c", "e", "x".repeat(10 * 1024 + 1)));
        assertRefusedUnsent(IllegalArgumentException.class, "10241 bytes",
                () -> pusher.triggerBatchAsync(List.of(BatchEvent.of("c", "e", "x".repeat(10 * 1024 + 1)))));
        assertRefusedUnsent(IllegalArgumentException.class, "socket id 'abc'",
                () -> pusher.trigger(TriggerRequest.builder().channel("c").event("e").data("{}").excludeSocketId("abc").build()));
        assertRefusedUnsent(IllegalArgumentException.class, "'bad channel'", () -> pusher.trigger("bad channel", "e", "{}"));
        assertRefusedUnsent(IllegalArgumentException.class, "only reported for presence channels",
                () -> pusher.channel("private-x", ChannelAttribute.USER_COUNT));
        assertRefusedUnsent(IllegalArgumentException.class, "filter_by_prefix starting with presence-",
                () -> pusher.channels("private-", ChannelAttribute.USER_COUNT));
        assertRefusedUnsent(IllegalArgumentException.class, "only be listed for presence channels",
                () -> pusher.presenceUsers("private-x"));
        assertRefusedUnsent(IllegalArgumentException.class, "escape", () -> pusher.terminateUserConnections("a/b"));
        assertRefusedUnsent(IllegalArgumentException.class, "escape", () -> pusher.terminateUserConnectionsAsync("a b"));
        assertRefusedUnsent(IllegalArgumentException.class, "at least one channel",
                () -> pusher.trigger(TriggerRequest.builder().event("e").data("{}").build()));

        // exactly at the limits is fine
        server.enqueue(new MockResponse().setBody("{}"));
        pusher.trigger("c", "e".repeat(200), "x".repeat(10 * 1024));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    private void assertRefusedUnsent(Class<? extends Throwable> type, String message, Executable call) {
        int before = server.getRequestCount();
        assertThatThrownBy(call::execute).isInstanceOf(type).hasMessageContaining(message);
        assertThat(server.getRequestCount()).as("requests sent").isEqualTo(before);
    }

    // ---------------------------------------------------------------- auth endpoint bodies

    @Test
    void channelAuthorizationBodiesAreSignedAsTheAuthSignaturesPageSays() throws Exception {
        // https://pusher.com/docs/channels/library_auth_reference/auth-signatures/ worked example
        JsonNode priv = Json.tree(pusher.authorizeChannel("1234.1234", "private-foobar"));
        assertThat(priv.get("auth").asText())
                .isEqualTo("278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4");
        assertThat(priv.has("shared_secret")).isFalse();

        JsonNode presence = Json.tree(pusher.authorizeChannel("1234.1234", "presence-foobar",
                new PresenceData("10", Map.of("name", "Mr. Channels"))));
        String channelData = presence.get("channel_data").asText();
        assertThat(Json.tree(channelData).get("user_id").asText()).isEqualTo("10");
        assertThat(Json.tree(channelData).get("user_info").get("name").asText()).isEqualTo("Mr. Channels");
        assertThat(presence.get("auth").asText()).isEqualTo(KEY + ":"
                + WireCheck.hmacHex(SECRET, "1234.1234:presence-foobar:" + channelData));

        String channel = "private-encrypted-orders";
        JsonNode enc = Json.tree(pusher.authorizeChannel("1234.1234", channel));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(channel.getBytes(StandardCharsets.UTF_8));
        sha.update(MASTER_KEY);
        assertThat(enc.get("shared_secret").asText()).isEqualTo(Base64.getEncoder().encodeToString(sha.digest()));
        assertThat(enc.get("auth").asText()).isEqualTo(KEY + ":" + WireCheck.hmacHex(SECRET, "1234.1234:" + channel));

        assertThatThrownBy(() -> pusher.authorizeChannel("1234.1234", "presence-foobar"))
                .hasMessageContaining("PresenceData");
        assertThatThrownBy(() -> pusher.authorizeChannel("1234.1234", "private-x", PresenceData.of("1")))
                .hasMessageContaining("not a presence channel");
        assertThatThrownBy(() -> pusher.authorizeChannel("1234.1234", "public")).hasMessageContaining("public channel");
        assertThatThrownBy(() -> pusher.authorizeChannel("nope", "private-x")).hasMessageContaining("socket id 'nope'");
    }

    @Test
    void userAuthenticationBodyIsSignedAsTheAuthSignaturesPageSays() {
        // the page's worked example: socket 1234.1234, user_data {"id":"12345"}
        JsonNode r = Json.tree(pusher.authenticateUser("1234.1234", "{\"id\":\"12345\"}"));
        assertThat(r.get("user_data").asText()).isEqualTo("{\"id\":\"12345\"}");
        assertThat(r.get("auth").asText())
                .isEqualTo("278d425bdf160c739803:4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba");
        JsonNode fromMap = Json.tree(pusher.authenticateUser("1234.1234", Map.of("id", "12345")));
        assertThat(fromMap.get("auth").asText()).isEqualTo(r.get("auth").asText());
        assertThatThrownBy(() -> pusher.authenticateUser("1234.1234", Map.of("id", 12345)))
                .hasMessageContaining("non-empty string \"id\"");
        assertThatThrownBy(() -> pusher.authenticateUser("1234.1234", "{\"id\":\"\"}"))
                .hasMessageContaining("non-empty string \"id\"");
    }

    @Test
    void theClusterPicksTheApiHost() {
        try (PusherServerClient eu = PusherServerClient.builder().appId("1").key("k").secret(Secret.of("s")).cluster("eu").build();
                PusherServerClient dflt = PusherServerClient.builder().appId("1").key("k").secret(Secret.of("s")).build();
                PusherServerClient own = PusherServerClient.builder().appId("1").key("k").secret(Secret.of("s"))
                        .host("pusher.example.com").port(6001).useTls(false).build()) {
            assertThat(eu.baseUrl()).isEqualTo("https://api-eu.pusher.com");
            assertThat(dflt.baseUrl()).isEqualTo("https://api-mt1.pusher.com");
            assertThat(own.baseUrl()).isEqualTo("http://pusher.example.com:6001");
        }
    }
}
