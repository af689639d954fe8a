package dev.relaykit.telegram.tdlib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.json.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * A scripted, JSON-level fake of TDLib behind the same {@link TdJson} interface the native library
 * implements: for the flows that need Telegram's servers. It plays TDLib's documented behaviour
 * (td_json_client.h: answers carry the request's "@extra", every object its "@client_id"; a client
 * sends nothing before its first request) and the object shapes of td_api.tl (TDLib 1.8.67); each
 * test scripts the rest with {@link #on}. Out of the box it does what the real library does offline:
 * first request → authorizationStateWaitTdlibParameters; setTdlibParameters → ok and
 * authorizationStateWaitPhoneNumber; close → ok, authorizationStateClosing, authorizationStateClosed.
 */
final class ScriptedTdJson implements TdJson {
    private final AtomicInteger ids = new AtomicInteger();
    private final LinkedBlockingQueue<String> out = new LinkedBlockingQueue<>();
    private final Map<String, BiConsumer<Integer, JsonNode>> handlers = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> started = new ConcurrentHashMap<>();
    private volatile java.util.function.Function<JsonNode, String> execute =
            r -> "{\"@type\":\"error\",\"code\":400,\"message\":\"not scripted\"}";
    /** Every request sent, as TDLib received it. */
    final List<JsonNode> sent = new CopyOnWriteArrayList<>();

    ScriptedTdJson() {
        on("getAuthorizationState", (c, r) -> answer(c, r, authState("authorizationStateWaitTdlibParameters")));
        on("setTdlibParameters", (c, r) -> {
            answer(c, r, "{\"@type\":\"ok\"}");
            pushState(c, "{\"@type\":\"authorizationStateWaitPhoneNumber\"}");
        });
        on("close", (c, r) -> {
            answer(c, r, "{\"@type\":\"ok\"}");
            pushState(c, "{\"@type\":\"authorizationStateClosing\"}");
            pushState(c, "{\"@type\":\"authorizationStateClosed\"}");
        });
    }

    private static String authState(String type) {
        return "{\"@type\":\"" + type + "\"}";
    }

    /** A client of this fake with made-up api credentials and a short close timeout. */
    TdClient.Builder client() {
        return TdClient.builder(this).apiId(1).apiHash("h").closeTimeout(java.time.Duration.ofSeconds(10));
    }

    /** An object saved under src/test/resources/tdlib (td_api.tl shapes, see the README there). */
    static String fixture(String name) {
        try (java.io.InputStream in = ScriptedTdJson.class.getResourceAsStream("/tdlib/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Scripts what the fake does with a request of this {@code @type} (replacing the default). */
    ScriptedTdJson on(String type, BiConsumer<Integer, JsonNode> handler) {
        handlers.put(type, handler);
        return this;
    }

    /** Answers a request: the object, with the request's @extra and the client's id. */
    void answer(int clientId, JsonNode request, String json) {
        ObjectNode n = (ObjectNode) Json.tree(json);
        if (request.hasNonNull("@extra")) { // as TDLib: a request without one is answered without one
            n.set("@extra", request.get("@extra"));
        }
        n.put("@client_id", clientId);
        out.add(Json.write(n));
    }

    /** Answers a request with TDLib's error object. */
    void error(int clientId, JsonNode request, int code, String message) {
        answer(clientId, request, Json.write(Json.mapper().createObjectNode().put("@type", "error")
                .put("code", code).put("message", message)));
    }

    /** Sends an update to a client. */
    void push(int clientId, String json) {
        ObjectNode n = (ObjectNode) Json.tree(json);
        n.put("@client_id", clientId);
        out.add(Json.write(n));
    }

    /** Queues an object exactly as given (it must carry its own @client_id): for throughput probes. */
    void pushRaw(String json) {
        out.add(json);
    }

    /** Sends updateAuthorizationState with this state object. */
    void pushState(int clientId, String state) {
        push(clientId, "{\"@type\":\"updateAuthorizationState\",\"authorization_state\":" + state + "}");
    }

    /** The last request of this type sent, or null. */
    JsonNode last(String type) {
        JsonNode found = null;
        for (JsonNode n : sent) {
            if (type.equals(n.path("@type").asText())) {
                found = n;
            }
        }
        return found;
    }

    @Override
    public int createClientId() {
        return ids.incrementAndGet();
    }

    @Override
    public void send(int clientId, String request) {
        JsonNode r = Json.tree(request);
        sent.add(r);
        if (started.putIfAbsent(clientId, true) == null) {
            pushState(clientId, authState("authorizationStateWaitTdlibParameters"));
        }
        BiConsumer<Integer, JsonNode> h = handlers.get(r.path("@type").asText());
        if (h != null) {
            h.accept(clientId, r);
        }
    }

    @Override
    public String receive(double timeoutSeconds) {
        try {
            return out.poll((long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Scripts td_execute. */
    ScriptedTdJson onExecute(java.util.function.Function<JsonNode, String> answer) {
        this.execute = answer;
        return this;
    }

    @Override
    public String execute(String request) {
        return execute.apply(Json.tree(request));
    }
}
