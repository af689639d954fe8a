package dev.relaykit.pusher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.ws.ReconnectPolicy;
import dev.relaykit.pusher.crypto.EncryptedChannels;
import dev.relaykit.pusher.crypto.PusherSigner;
import dev.relaykit.testkit.pusher.PusherServer;
import dev.relaykit.testsupport.LineProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client against the testkit's {@link PusherServer} (an independent implementation of the protocol,
 * itself checked against pusher-js and the official {@code pusher} library), and against what the official
 * {@code pusher} Node library signs and encrypts.
 */
class PusherServerInteropTest {
    private static final String KEY = "interop-key";
    private static final String SECRET = "interop-secret";
    private static final byte[] MASTER = "32-byte-master-key-for-the-tests".getBytes(StandardCharsets.US_ASCII);
    private final PusherServer server = PusherServer.builder().appId("4242").key(KEY).secret(SECRET).start();
    private final PusherSigner signer = new PusherSigner(KEY, Secret.of(SECRET));
    private final List<PusherClient> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        clients.forEach(PusherClient::close);
        server.close();
    }

    private PusherClient client(String userId, ChannelAuthorizer authorizer) {
        PusherClient c = PusherClient.builder(KEY).host("127.0.0.1").port(server.wsPort()).tls(false)
                .channelAuthorizer(authorizer != null ? authorizer : ChannelAuthorizer.signing(signer,
                        ch -> "{\"user_id\":\"" + userId + "\",\"user_info\":{\"name\":\"" + userId + "\"}}", MASTER))
                .reconnect(ReconnectPolicy.linear(Duration.ofMillis(50), Duration.ZERO, Duration.ofMillis(50)))
                .build();
        clients.add(c);
        return c;
    }

    @Test
    void everyChannelKindAgainstPusherServer() throws Exception {
        PusherClient a = client("ann", null);
        PusherClient b = client("bob", null);
        a.connect().get(10, TimeUnit.SECONDS);
        b.connect().get(10, TimeUnit.SECONDS);

        BlockingQueue<PusherEvent> got = new LinkedBlockingQueue<>();
        for (String name : List.of("news", "private-orders", "private-encrypted-vault")) {
            a.channel(name).bindAll(e -> {
                if (!e.event().startsWith("pusher")) {
                    got.add(e);
                }
            });
            a.channel(name).subscribe().get(10, TimeUnit.SECONDS);
        }
        server.trigger("news", "headline", "{\"t\":1}");
        server.trigger("private-orders", "filled", "{\"t\":2}");
        EncryptedChannels.Payload p = EncryptedChannels.encrypt(
                EncryptedChannels.sharedSecret("private-encrypted-vault", MASTER), "{\"t\":3}");
        server.trigger("private-encrypted-vault", "secret", Json.mapper().createObjectNode()
                .put("nonce", p.nonce()).put("ciphertext", p.ciphertext()).toString());
        assertThat(List.of(got.poll(10, TimeUnit.SECONDS), got.poll(10, TimeUnit.SECONDS), got.poll(10, TimeUnit.SECONDS)))
                .extracting(PusherEvent::data).containsExactly("{\"t\":1}", "{\"t\":2}", "{\"t\":3}");

        // presence: bob joins and leaves ann's room, in order
        PresenceChannel room = a.presenceChannel("presence-room");
        BlockingQueue<String> order = new LinkedBlockingQueue<>();
        room.onMemberAdded(m -> order.add("+" + m.id()));
        room.onMemberRemoved(m -> order.add("-" + m.id()));
        room.subscribe().get(10, TimeUnit.SECONDS);
        assertThat(room.me()).get().extracting(Member::id).isEqualTo("ann");
        b.subscribePresence("presence-room").get(10, TimeUnit.SECONDS);
        b.unsubscribe("presence-room");
        assertThat(List.of(order.poll(10, TimeUnit.SECONDS), order.poll(10, TimeUnit.SECONDS)))
                .containsExactly("+bob", "-bob");

        // cache: replay of the last event, or a miss
        server.trigger("cache-prices", "price", "{\"p\":\"9.5\"}");
        BlockingQueue<PusherEvent> cache = new LinkedBlockingQueue<>();
        a.channel("cache-prices").bind("price", cache::add);
        a.channel("cache-empty").bind("pusher:cache_miss", cache::add);
        a.channel("cache-prices").subscribe().get(10, TimeUnit.SECONDS);
        a.channel("cache-empty").subscribe().get(10, TimeUnit.SECONDS);
        assertThat(cache.poll(10, TimeUnit.SECONDS).data()).isEqualTo("{\"p\":\"9.5\"}");
        assertThat(cache.poll(10, TimeUnit.SECONDS).event()).isEqualTo("pusher:cache_miss");

        // client events between the two, not echoed to the sender
        BlockingQueue<PusherEvent> chat = new LinkedBlockingQueue<>();
        b.channel("private-orders").bind("client-hi", chat::add);
        b.channel("private-orders").subscribe().get(10, TimeUnit.SECONDS);
        a.findChannel("private-orders").orElseThrow().trigger("client-hi", Map.of("from", "ann")).get(10, TimeUnit.SECONDS);
        assertThat(chat.poll(10, TimeUnit.SECONDS).json().get("from").asText()).isEqualTo("ann");
        assertThat(got.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void reconnectsResubscribeWithFreshAuthAndRefusalStops() throws Exception {
        PusherClient a = client("ann", null);
        a.connect().get(10, TimeUnit.SECONDS);
        a.subscribe("private-a").get(10, TimeUnit.SECONDS);
        a.subscribePresence("presence-b").get(10, TimeUnit.SECONDS);
        String first = a.socketId();
        server.disconnect(first, 4200, "Generic reconnect immediately");
        // until the server has forgotten the old connection, its subscriptions would satisfy the waits below
        server.awaitClosed(first, Duration.ofSeconds(10));
        // PusherServer checks each signature against the new socket id: only fresh auth gets back in
        server.awaitSubscribers("private-a", 1, Duration.ofSeconds(10));
        server.awaitSubscribers("presence-b", 1, Duration.ofSeconds(10));
        assertThat(a.socketId()).isNotEqualTo(first);
        assertThat(server.connection(a.socketId())).isPresent();

        BlockingQueue<PusherException> errors = new LinkedBlockingQueue<>();
        a.onError(errors::add);
        server.disconnect(a.socketId(), 4001, "Application does not exist");
        PusherException e = errors.poll(10, TimeUnit.SECONDS);
        assertThat(e).isInstanceOf(ConnectionRefusedException.class);
        assertThat(a.state()).isEqualTo(PusherConnectionState.FAILED);
    }

    @Test
    @Timeout(60)
    void whatTheOfficialPusherNodeLibrarySignsAndEncryptsIsAccepted() throws Exception {
        Path peers = Path.of("..", "testkit", "src", "test", "node", "pusher", "node_modules").toAbsolutePath().normalize();
        assertThat(peers.resolve("pusher")).as("the testkit build installs the node peers (install-peers.sh)").isDirectory();
        BlockingQueue<PusherEvent> got = new LinkedBlockingQueue<>();
        CompletableFuture<JsonNode> nodeAnswer = new CompletableFuture<>();
        // every authorization comes from the library's answer for this socket id
        PusherClient c = client("x", (sid, ch) -> nodeAnswer.thenApply(a -> {
            JsonNode n = a.path("auths").path(ch);
            return new ChannelAuthorizer.Auth(n.get("auth").asText(), n.path("channel_data").asText(null),
                    n.path("shared_secret").asText(null));
        }));
        c.connect().get(10, TimeUnit.SECONDS);

        ObjectNode cfg = Json.mapper().createObjectNode().put("httpPort", server.httpPort()).put("appId", "4242")
                .put("key", KEY).put("secret", SECRET).put("masterKey", Base64.getEncoder().encodeToString(MASTER))
                .put("socketId", c.socketId());
        cfg.putArray("channels").add("private-n").add("presence-n").add("private-encrypted-n");
        cfg.putObject("member").put("user_id", "node-user").putObject("user_info").put("name", "Node");
        cfg.putObject("user").put("id", "node-user");
        cfg.putObject("trigger").put("channel", "private-encrypted-n").put("event", "sealed").put("data", "{\"from\":\"node\"}");
        ProcessBuilder pb = new ProcessBuilder("node", Path.of("src", "test", "node", "backend.js").toString());
        pb.environment().put("RELAYKIT_PUSHER_BACKEND", cfg.toString());
        pb.environment().put("NODE_PATH", peers.toString());
        BlockingQueue<String> out = new LinkedBlockingQueue<>();
        try (LineProcess node = LineProcess.start(pb, "pusher-backend", out::add)) {
            String line = out.poll(10, TimeUnit.SECONDS);
            assertThat(line).as("node's first line; stderr: " + node.stderr()).isNotNull().contains("auths");
            JsonNode answer = Json.tree(line);
            nodeAnswer.complete(answer);
            // the library's presence auth and user auth are what our signer makes: the same rule on both sides
            assertThat(answer.path("auths").path("private-n").path("auth").asText())
                    .isEqualTo(signer.authorizeChannel(c.socketId(), "private-n"));
            assertThat(answer.path("user").path("auth").asText())
                    .isEqualTo(signer.authenticateUser(c.socketId(), answer.path("user").path("user_data").asText()));
            // and the library's shared secret is the one we derive
            assertThat(Base64.getDecoder().decode(answer.path("auths").path("private-encrypted-n").path("shared_secret").asText()))
                    .isEqualTo(EncryptedChannels.sharedSecret("private-encrypted-n", MASTER));

            c.subscribe("private-n").get(10, TimeUnit.SECONDS);
            assertThat(c.subscribePresence("presence-n").get(10, TimeUnit.SECONDS).me()).get()
                    .extracting(Member::id).isEqualTo("node-user");
            c.channel("private-encrypted-n").bind("sealed", got::add);
            c.channel("private-encrypted-n").subscribe().get(10, TimeUnit.SECONDS);
            node.send("go");
            assertThat(out.poll(10, TimeUnit.SECONDS)).as("stderr: " + node.stderr()).contains("\"triggered\":200");
        }
        // the library encrypted it (its own nonce, its own derivation of the key); we decrypt it
        assertThat(got.poll(10, TimeUnit.SECONDS).data()).isEqualTo("{\"from\":\"node\"}");
        assertThat(server.triggered()).anySatisfy(t -> assertThat(t.data()).contains("ciphertext").doesNotContain("node"));
    }
}
