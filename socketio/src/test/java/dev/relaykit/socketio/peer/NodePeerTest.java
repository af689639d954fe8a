package dev.relaykit.socketio.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every generation's real socket.io peer starts, speaks its own handshake with the configured
 * pings, greets on "/chat", guards "/secure", and is gone after close; talked to by hand over
 * HTTP long-polling, so this proves the peers without our client.
 */
class NodePeerTest {

    @ParameterizedTest
    @EnumSource(Generation.class)
    void peerHandshakesWithTheConfiguredPingsAndGreetsOnChat(Generation gen) throws IOException {
        NodePeer peer = NodePeer.start(gen);
        try {
            assertThat(peer.url()).isEqualTo("http://127.0.0.1:" + peer.port());
            PollingWire wire = PollingWire.open(peer, "");
            String chat;
            if (gen == Generation.V09) {
                // sid:heartbeat timeout:close timeout:transports
                String[] hs = wire.opening().get(0).split(":");
                assertThat(hs).hasSize(4);
                assertThat(hs[0]).isNotEmpty();
                assertThat(hs[1]).isEqualTo("3");
                assertThat(hs[2]).isEqualTo("60");
                assertThat(hs[3].split(",")).contains("websocket", "xhr-polling");
                assertThat(wire.pollUntil(p -> p.equals("1::"), 1)).containsExactly("1::");
                wire.send("1::/chat");
                chat = last(wire.pollUntil(p -> p.startsWith("5::/chat:"), 3));
                JsonNode event = Json.tree(chat.substring("5::/chat:".length()));
                assertThat(event.get("name").asText()).isEqualTo("welcome");
                assertWelcome(event.get("args").get(0), gen, "/chat");
            } else {
                String open = wire.opening().get(0);
                assertThat(open).startsWith("0{");
                JsonNode hs = Json.tree(open.substring(1));
                assertThat(hs.get("sid").asText()).isNotEmpty();
                assertThat(hs.get("pingInterval").asInt()).isEqualTo(1000);
                assertThat(hs.get("pingTimeout").asInt()).isEqualTo(1000);
                assertThat(hs.get("upgrades").toString()).isEqualTo("[\"websocket\"]");
                wire.send(gen.socketIoProtocol() == 5 ? "40/chat," : "40/chat");
                chat = last(wire.pollUntil(p -> p.startsWith("42/chat,"), 3));
                JsonNode event = Json.tree(chat.substring("42/chat,".length()));
                assertThat(event.get(0).asText()).isEqualTo("welcome");
                assertWelcome(event.get(1), gen, "/chat");
            }
        } finally {
            peer.close();
        }
        assertStopped(peer);
    }

    @ParameterizedTest
    @EnumSource(Generation.class)
    void secureNamespaceRefusesAWrongTokenAndAcceptsTheRightOne(Generation gen) throws IOException {
        try (NodePeer peer = NodePeer.start(gen)) {
            switch (gen) {
                case V09 -> {   // 0.9 carries only its fixed error reasons: 2 is "unauthorized"
                    assertThat(last(secure09(peer, "nope", "7::/secure"))).isEqualTo("7::/secure:2");
                    assertWelcome(Json.tree(last(secure09(peer, "s3cret", "5::/secure:")).substring(11)).get("args").get(0),
                            gen, "/secure");
                }
                case V1, V2 -> {   // the token travels in the handshake query
                    assertThat(last(secureEio3(peer, "nope", "44/secure"))).isEqualTo("44/secure,\"not authorized\"");
                    assertWelcome(Json.tree(last(secureEio3(peer, "s3cret", "42/secure,")).substring(10)).get(1), gen, "/secure");
                }
                case V3, V4 -> {   // the token travels in the CONNECT packet's auth payload
                    assertThat(last(secureEio4(peer, "nope", "44/secure,")))
                            .isEqualTo("44/secure,{\"message\":\"not authorized\"}");
                    assertWelcome(Json.tree(last(secureEio4(peer, "s3cret", "42/secure,")).substring(10)).get(1), gen, "/secure");
                }
            }
        }
    }

    @Test
    void v4AnnouncesConnectionStateRecovery() throws IOException {
        try (NodePeer peer = NodePeer.start(Generation.V4)) {
            PollingWire wire = PollingWire.open(peer, "");
            wire.send("40/chat,");
            String connected = last(wire.pollUntil(p -> p.startsWith("40/chat,"), 3));
            // a private session id (pid) in the CONNECT answer is how a v4 server says it can recover the session
            JsonNode answer = Json.tree(connected.substring("40/chat,".length()));
            assertThat(answer.get("sid").asText()).isNotEmpty();
            assertThat(answer.get("pid").asText()).isNotEmpty();
        }
    }

    @Test
    void missingNodeModulesFailsNamingTheInstallCommand(@TempDir Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("v4"));
        Files.writeString(dir.resolve("server.js"), "console.log('READY 1')\n");
        assertThatThrownBy(() -> NodePeer.start(Generation.V4, root, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("socket.io 4.8.1 peer is not installed")
                .hasMessageContaining("npm ci --ignore-scripts --no-audit --no-fund")
                .hasMessageContaining(dir.toString())
                .hasMessageContaining(".ci/run");
    }

    @Test
    void aStaleInstallIsRefused(@TempDir Path root) throws IOException {
        Path dir = fakePeer(root, "4.7.0", "console.log('READY 1')\n");
        assertThatThrownBy(() -> NodePeer.start(Generation.V4, root, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has socket.io 4.7.0 installed, expected 4.8.1")
                .hasMessageContaining("npm ci")
                .hasMessageContaining(dir.toString());
    }

    @Test
    void aPeerDyingBeforeReadyFailsWithItsOutput(@TempDir Path root) throws IOException {
        fakePeer(root, "4.8.1", "console.log('starting'); console.error('boom: ' + process.argv[2]); process.exit(3);\n");
        assertThatThrownBy(() -> NodePeer.start(Generation.V4, root, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited before READY (exit code 3)")
                .hasMessageContaining("starting")
                .hasMessageContaining("[stderr] boom: 0");
    }

    @Test
    void aPortOutOfRangeIsRefusedBeforeStarting() {
        assertThatThrownBy(() -> NodePeer.start(Generation.V4, 65536))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port must be 0..65535, was 65536");
    }

    private static Path fakePeer(Path root, String version, String serverJs) throws IOException {
        Path dir = Files.createDirectories(root.resolve("v4"));
        Files.writeString(dir.resolve("server.js"), serverJs);
        Path pkg = Files.createDirectories(dir.resolve("node_modules/socket.io"));
        Files.writeString(pkg.resolve("package.json"), "{\"name\": \"socket.io\", \"version\": \"" + version + "\"}");
        return dir;
    }

    private static List<String> secure09(NodePeer peer, String token, String prefix) throws IOException {
        PollingWire wire = PollingWire.open(peer, "token=" + token);
        wire.pollUntil(p -> p.equals("1::"), 1);
        wire.send("1::/secure");
        return wire.pollUntil(p -> p.startsWith(prefix), 3);
    }

    private static List<String> secureEio3(NodePeer peer, String token, String prefix) throws IOException {
        PollingWire wire = PollingWire.open(peer, "token=" + token);
        wire.send("40/secure");
        return wire.pollUntil(p -> p.startsWith(prefix), 3);
    }

    private static List<String> secureEio4(NodePeer peer, String token, String prefix) throws IOException {
        PollingWire wire = PollingWire.open(peer, "");
        wire.send("40/secure,{\"token\":\"" + token + "\"}");
        return wire.pollUntil(p -> p.startsWith(prefix), 3);
    }

    private static void assertWelcome(JsonNode welcome, Generation gen, String nsp) {
        assertThat(welcome.get("gen").asText()).isEqualTo(gen.folder());
        assertThat(welcome.get("nsp").asText()).isEqualTo(nsp);
    }

    private static String last(List<String> packets) {
        return packets.get(packets.size() - 1);
    }

    private static void assertStopped(NodePeer peer) {
        assertThat(peer.isAlive()).isFalse();
        assertThat(ProcessHandle.of(peer.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThatThrownBy(() -> PollingWire.get(peer.url() + "/socket.io/"))
                .as("nothing listens on %s any more", peer.url())
                .isInstanceOf(IOException.class);
    }
}
