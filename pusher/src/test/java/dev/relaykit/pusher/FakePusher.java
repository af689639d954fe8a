package dev.relaykit.pusher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.pusher.crypto.PusherSigner;
import dev.relaykit.testsupport.ScriptedWsServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Pusher-protocol script on the scripted WebSocket server, written from the protocol page
 * (https://pusher.com/docs/channels/library_auth_reference/pusher-websockets-protocol/): it checks
 * every signature with the docs' rule through {@link PusherSigner} and answers as Pusher does.
 */
final class FakePusher implements AutoCloseable {
    static final String KEY = "278d425bdf160c739803";
    static final String SECRET = "7ad3773142a6692b25b8";
    final PusherSigner signer = new PusherSigner(KEY, Secret.of(SECRET));
    final ScriptedWsServer ws = ScriptedWsServer.start();

    /** What one pusher:subscribe carried, with the socket id of the connection it came on. */
    record Subscribe(String socketId, String channel, String auth, String channelData) {
    }

    /** A client event as received, with the server's clock. */
    record ClientEvent(String event, String channel, String data, long atNanos) {
    }

    final List<Subscribe> subscribes = new CopyOnWriteArrayList<>();
    final List<ClientEvent> clientEvents = new CopyOnWriteArrayList<>();
    final List<String> signins = new CopyOnWriteArrayList<>();
    final List<String> pongs = new CopyOnWriteArrayList<>();
    final List<String> pings = new CopyOnWriteArrayList<>();
    final Map<String, String> cacheLast = new ConcurrentHashMap<>(); // channel -> last event frame
    final Map<String, String> presenceMembers = new ConcurrentHashMap<>(); // user id -> user_info JSON
    volatile boolean answerSubscribes = true;
    volatile boolean answerPings = true;
    volatile int activityTimeoutSeconds = 120;

    FakePusher() {
        ws.onOpen(c -> c.send(frame("pusher:connection_established", null,
                "{\"socket_id\":\"" + socketId(c) + "\",\"activity_timeout\":" + activityTimeoutSeconds + "}")));
        ws.onText(this::onText);
    }

    static String socketId(ScriptedWsServer.Client c) {
        return c.number() + "." + (1000 + c.number());
    }

    String uriHost() {
        return "127.0.0.1";
    }

    int port() {
        return ws.port();
    }

    PusherClient.Builder client() {
        return PusherClient.builder(KEY).host("127.0.0.1").port(ws.port()).tls(false);
    }

    static String frame(String event, String channel, String dataJson) {
        ObjectNode f = Json.mapper().createObjectNode().put("event", event);
        if (channel != null) {
            f.put("channel", channel);
        }
        if (dataJson != null) {
            f.put("data", dataJson); // double-encoded, as Pusher sends
        }
        return f.toString();
    }

    private void onText(ScriptedWsServer.Client c, String text) {
        JsonNode f = Json.tree(text);
        String event = f.path("event").asText();
        JsonNode d = f.path("data");
        switch (event) {
            case "pusher:subscribe" -> subscribe(c, d);
            case "pusher:signin" -> {
                String userData = d.path("user_data").asText();
                signins.add(socketId(c));
                if (d.path("auth").asText().equals(signer.authenticateUser(socketId(c), userData))) {
                    ObjectNode data = Json.mapper().createObjectNode().put("user_data", userData);
                    c.send(frame("pusher:signin_success", null, data.toString()));
                } else {
                    c.send(frame("pusher:error", null, "{\"code\":null,\"message\":\"Invalid signature\"}"));
                }
            }
            case "pusher:ping" -> {
                pings.add(socketId(c));
                if (answerPings) {
                    c.send(frame("pusher:pong", null, "{}"));
                }
            }
            case "pusher:pong" -> pongs.add(socketId(c));
            default -> {
                if (event.startsWith("client-")) {
                    clientEvents.add(new ClientEvent(event, f.path("channel").asText(), d.toString(), System.nanoTime()));
                }
            }
        }
    }

    private void subscribe(ScriptedWsServer.Client c, JsonNode d) {
        String channel = d.path("channel").asText();
        String sid = socketId(c);
        String auth = d.path("auth").isTextual() ? d.get("auth").asText() : null;
        String cd = d.path("channel_data").isTextual() ? d.get("channel_data").asText() : null;
        subscribes.add(new Subscribe(sid, channel, auth, cd));
        if (!answerSubscribes) {
            return;
        }
        boolean presence = channel.startsWith("presence-");
        boolean needsAuth = presence || channel.startsWith("private-");
        if (needsAuth) {
            String expected = presence ? signer.authorizePresence(sid, channel, cd) : signer.authorizeChannel(sid, channel);
            if (!expected.equals(auth)) {
                c.send(frame("pusher:subscription_error", channel,
                        "{\"type\":\"AuthError\",\"error\":\"Invalid signature\",\"status\":401}"));
                return;
            }
        }
        String data = "{}";
        if (presence) {
            JsonNode me = Json.tree(cd);
            ObjectNode hash = Json.mapper().createObjectNode();
            presenceMembers.forEach((id, info) -> hash.set(id, Json.tree(info)));
            hash.set(me.path("user_id").asText(), me.path("user_info"));
            ObjectNode p = Json.mapper().createObjectNode();
            p.putArray("ids");
            hash.fieldNames().forEachRemaining(((com.fasterxml.jackson.databind.node.ArrayNode) p.get("ids"))::add);
            p.set("hash", hash);
            p.put("count", hash.size());
            ObjectNode wrap = Json.mapper().createObjectNode();
            wrap.set("presence", p);
            data = wrap.toString();
        }
        c.send(frame("pusher_internal:subscription_succeeded", channel, data));
        if (channel.startsWith("cache-") || channel.contains("-cache-")) {
            String last = cacheLast.get(channel);
            c.send(last != null ? last : Json.mapper().createObjectNode().put("event", "pusher:cache_miss")
                    .put("channel", channel).toString());
        }
    }

    @Override
    public void close() {
        ws.close();
    }
}
