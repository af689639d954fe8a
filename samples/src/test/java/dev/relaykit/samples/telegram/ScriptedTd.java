package dev.relaykit.samples.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.json.Json;
import dev.relaykit.telegram.tdlib.TdJson;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Telegram's side of the console sample, scripted: a JSON-level stand-in for libtdjson behind {@link TdJson}, for
 * what needs Telegram's servers (codes, passwords, chats, downloads). It keeps TDLib's rules from
 * td_json_client.h (an answer carries its request's {@code @extra}, every object its {@code @client_id}); each test
 * scripts the answers, in the shapes of td_api.tl (TDLib 1.8.67), with {@link #on}.
 */
final class ScriptedTd implements TdJson {
    private final LinkedBlockingQueue<String> toClient = new LinkedBlockingQueue<>();
    private final Map<String, BiConsumer<Integer, JsonNode>> script = new ConcurrentHashMap<>();
    /** The requests the sample sent, in order. */
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    ScriptedTd() {
        // what TDLib does offline: its first state, its parameters taken, and close
        on("getAuthorizationState", (c, r) -> reply(c, r, "{\"@type\":\"authorizationStateWaitTdlibParameters\"}")
                .state(c, "authorizationStateWaitTdlibParameters"));
        on("setTdlibParameters", (c, r) -> reply(c, r, "{\"@type\":\"ok\"}")
                .state(c, "authorizationStateWaitPhoneNumber"));
        on("close", (c, r) -> reply(c, r, "{\"@type\":\"ok\"}").state(c, "authorizationStateClosing")
                .state(c, "authorizationStateClosed"));
    }

    ScriptedTd on(String type, BiConsumer<Integer, JsonNode> handler) {
        script.put(type, handler);
        return this;
    }

    ScriptedTd reply(int client, JsonNode request, String json) {
        ObjectNode n = (ObjectNode) Json.tree(json);
        n.set("@extra", request.get("@extra"));
        return emit(client, n);
    }

    ScriptedTd fail(int client, JsonNode request, int code, String message) {
        return reply(client, request, "{\"@type\":\"error\",\"code\":" + code + ",\"message\":\"" + message + "\"}");
    }

    ScriptedTd update(int client, String json) {
        return emit(client, (ObjectNode) Json.tree(json));
    }

    ScriptedTd state(int client, String stateJsonOrType) {
        String state = stateJsonOrType.startsWith("{") ? stateJsonOrType : "{\"@type\":\"" + stateJsonOrType + "\"}";
        return update(client, "{\"@type\":\"updateAuthorizationState\",\"authorization_state\":" + state + "}");
    }

    private ScriptedTd emit(int client, ObjectNode n) {
        n.put("@client_id", client);
        toClient.add(Json.write(n));
        return this;
    }

    /** @return the requests of this type, in order */
    List<JsonNode> sent(String type) {
        return requests.stream().filter(r -> type.equals(r.path("@type").asText())).toList();
    }

    @Override
    public int createClientId() {
        return 1;
    }

    @Override
    public void send(int clientId, String request) {
        JsonNode r = Json.tree(request);
        requests.add(r);
        BiConsumer<Integer, JsonNode> h = script.get(r.path("@type").asText());
        if (h == null) {
            fail(clientId, r, 400, "not scripted: " + r.path("@type").asText());
        } else {
            h.accept(clientId, r);
        }
    }

    @Override
    public String receive(double timeoutSeconds) {
        try {
            return toClient.poll((long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** td_execute: the one synchronous call the sample makes is parseTextEntities, answered for its test text. */
    @Override
    public String execute(String request) {
        JsonNode r = Json.tree(request);
        if ("parseTextEntities".equals(r.path("@type").asText()) && "*hi* there".equals(r.path("text").asText())) {
            return "{\"@type\":\"formattedText\",\"text\":\"hi there\",\"entities\":[{\"@type\":\"textEntity\","
                    + "\"offset\":0,\"length\":2,\"type\":{\"@type\":\"textEntityTypeBold\"}}]}";
        }
        return "{\"@type\":\"error\",\"code\":400,\"message\":\"not scripted\"}";
    }
}
