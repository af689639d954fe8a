package dev.relaykit.testkit.pusher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.relaykit.core.json.Json;
import dev.relaykit.testkit.RestFake;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pusher's HTTP API ("HTTP API reference"): every request is signed ({@code auth_key}, {@code auth_timestamp},
 * {@code auth_version}, {@code body_md5}, {@code auth_signature}) and checked here before it is routed; a request
 * that fails the check gets 401 with the reason, as Pusher answers.
 */
final class HttpApi {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern ROUTE = Pattern.compile("/apps/([^/]+)(/.*)");
    private static final Pattern CHANNEL = Pattern.compile("/channels/([^/]+)");
    private static final Pattern USERS = Pattern.compile("/channels/([^/]+)/users");
    private static final Pattern TERMINATE = Pattern.compile("/users/([^/]+)/terminate_connections");
    /** Pusher accepts a timestamp within 600 seconds of its clock. */
    private static final long TIMESTAMP_GRACE_SECONDS = 600;
    private static final int MAX_DATA_BYTES = 10 * 1024;
    private static final int MAX_CHANNELS = 100;
    private static final int MAX_BATCH = 10;
    private static final int MAX_EVENT_NAME = 200;

    private final String appId;
    private final Signatures signatures;
    private final Hub hub;

    HttpApi(String appId, Signatures signatures, Hub hub) {
        this.appId = appId;
        this.signatures = signatures;
        this.hub = hub;
    }

    ResponseDefinition handle(Request request) {
        String url = request.getUrl();
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        String method = request.getMethod().getName();
        Matcher route = ROUTE.matcher(path);
        if (!route.matches()) {
            return text(404, "Not found: " + path);
        }
        if (!route.group(1).equals(appId)) {
            return text(404, "Unknown app id " + route.group(1));
        }
        Map<String, String> query = Hub.parseQuery(q < 0 ? "" : url.substring(q + 1));
        String body = request.getBodyAsString() == null ? "" : request.getBodyAsString();
        String authError = authenticate(method, path, query, body);
        if (authError != null) {
            hub.rejected("HTTP 401 " + method + " " + path + ": " + authError);
            return text(401, authError);
        }
        String rest = route.group(2);
        try {
            Matcher m;
            if (method.equals("POST") && rest.equals("/events")) {
                return events(Json.tree(body.isEmpty() ? "{}" : body));
            } else if (method.equals("POST") && rest.equals("/batch_events")) {
                return batch(Json.tree(body.isEmpty() ? "{}" : body));
            } else if (method.equals("GET") && rest.equals("/channels")) {
                return channels(query);
            } else if (method.equals("GET") && (m = USERS.matcher(rest)).matches()) {
                return users(Hub.decode(m.group(1)));
            } else if (method.equals("GET") && (m = CHANNEL.matcher(rest)).matches()) {
                return channel(Hub.decode(m.group(1)), query);
            } else if (method.equals("POST") && (m = TERMINATE.matcher(rest)).matches()) {
                hub.terminateUser(Hub.decode(m.group(1)));
                return RestFake.json(200, "{}");
            }
            return text(404, "Not found: " + method + " " + path);
        } catch (BadRequest e) {
            return text(e.status, e.getMessage());
        } catch (RuntimeException e) {
            return text(400, "Bad request: " + e.getMessage());
        }
    }

    /** @return why the request is not authentic, or {@code null} when it is */
    private String authenticate(String method, String path, Map<String, String> query, String body) {
        for (String required : List.of("auth_key", "auth_timestamp", "auth_version", "auth_signature")) {
            if (!query.containsKey(required)) {
                return "Missing parameter: " + required;
            }
        }
        if (!query.get("auth_key").equals(signatures.key())) {
            return "Unknown auth_key";
        }
        if (!query.get("auth_version").equals("1.0")) {
            return "Unsupported auth_version " + query.get("auth_version") + " (expected 1.0)";
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(query.get("auth_timestamp"));
        } catch (NumberFormatException e) {
            return "Invalid auth_timestamp";
        }
        long now = System.currentTimeMillis() / 1000;
        if (Math.abs(now - timestamp) > TIMESTAMP_GRACE_SECONDS) {
            return "Timestamp expired: Given timestamp (" + timestamp + ") not within 600s of server time (" + now + ")";
        }
        if (!body.isEmpty()) {
            String md5 = query.get("body_md5");
            if (md5 == null) {
                return "Missing parameter: body_md5 (the request has a body)";
            }
            if (!Signatures.constantTimeEquals(Signatures.md5Hex(body), md5)) {
                return "Invalid body_md5: it is not the MD5 of the request body";
            }
        }
        // the string to sign: method, path and every query parameter but auth_signature, keys lower-cased and
        // sorted, written key=value (not URL-escaped) and joined with '&'
        TreeMap<String, String> sorted = new TreeMap<>();
        query.forEach((k, v) -> {
            if (!k.equals("auth_signature")) {
                sorted.put(k.toLowerCase(java.util.Locale.ROOT), v);
            }
        });
        StringBuilder params = new StringBuilder();
        sorted.forEach((k, v) -> params.append(params.length() == 0 ? "" : "&").append(k).append('=').append(v));
        String toSign = method + "\n" + path + "\n" + params;
        if (!signatures.verify(toSign, query.get("auth_signature"))) {
            return "Invalid signature: Expected HMAC SHA256 hex digest of " + toSign.replace("\n", "\\n")
                    + ", but got " + query.get("auth_signature");
        }
        return null;
    }

    private ResponseDefinition events(JsonNode body) {
        String name = requireText(body, "name");
        String data = requireData(body);
        List<String> channels = new ArrayList<>();
        if (body.path("channels").isArray()) {
            body.get("channels").forEach(c -> channels.add(c.asText()));
        } else if (body.path("channel").isTextual()) {
            channels.add(body.get("channel").asText());
        }
        if (channels.isEmpty()) {
            throw new BadRequest(400, "Missing parameter: channels (or channel)");
        }
        if (channels.size() > MAX_CHANNELS) {
            throw new BadRequest(400, "Too many channels: " + channels.size() + " (at most " + MAX_CHANNELS + ")");
        }
        if (channels.size() > 1 && channels.stream().anyMatch(c -> c.startsWith("private-encrypted-"))) {
            throw new BadRequest(400, "Cannot trigger an event on several channels when one is encrypted");
        }
        channels.forEach(HttpApi::checkChannel);
        String socketId = socketId(body);
        Set<String> info = info(body.path("info").asText(""));
        ObjectNode answer = NODES.objectNode();
        ObjectNode perChannel = NODES.objectNode();
        for (String channel : channels) {
            hub.trigger(channel, name, data, socketId);
            if (!info.isEmpty()) {
                perChannel.set(channel, attributes(channel, info, false));
            }
        }
        if (!info.isEmpty()) {
            answer.set("channels", perChannel);
        }
        return RestFake.json(200, answer.toString());
    }

    private ResponseDefinition batch(JsonNode body) {
        JsonNode batch = body.path("batch");
        if (!batch.isArray() || batch.isEmpty()) {
            throw new BadRequest(400, "Missing parameter: batch (an array of events)");
        }
        if (batch.size() > MAX_BATCH) {
            throw new BadRequest(400, "Batch too large: " + batch.size() + " events (at most " + MAX_BATCH + ")");
        }
        // check every event before triggering any, so a bad batch sends nothing
        for (JsonNode event : batch) {
            requireText(event, "name");
            requireData(event);
            checkChannel(requireText(event, "channel"));
            socketId(event);
        }
        ArrayNode infos = NODES.arrayNode();
        boolean anyInfo = false;
        for (JsonNode event : batch) {
            String channel = event.get("channel").asText();
            hub.trigger(channel, event.get("name").asText(), event.get("data").asText(), socketId(event));
            Set<String> info = info(event.path("info").asText(""));
            anyInfo |= !info.isEmpty();
            infos.add(info.isEmpty() ? NODES.objectNode() : attributes(channel, info, false));
        }
        ObjectNode answer = NODES.objectNode();
        if (anyInfo) {
            answer.set("batch", infos);
        }
        return RestFake.json(200, answer.toString());
    }

    private ResponseDefinition channels(Map<String, String> query) {
        String prefix = query.getOrDefault("filter_by_prefix", "");
        Set<String> info = info(query.getOrDefault("info", ""));
        if (info.contains("user_count") && !prefix.startsWith("presence-")) {
            throw new BadRequest(400, "user_count may only be requested with filter_by_prefix=presence-");
        }
        ObjectNode list = NODES.objectNode();
        hub.occupied().keySet().stream().filter(c -> c.startsWith(prefix))
                .forEach(c -> list.set(c, attributes(c, info, false)));
        ObjectNode answer = NODES.objectNode();
        answer.set("channels", list);
        return RestFake.json(200, answer.toString());
    }

    private ResponseDefinition channel(String channel, Map<String, String> query) {
        checkChannel(channel);
        Set<String> info = info(query.getOrDefault("info", ""));
        if (info.contains("user_count") && !channel.startsWith("presence-")) {
            throw new BadRequest(400, "user_count is only available for presence channels");
        }
        ObjectNode answer = NODES.objectNode();
        answer.put("occupied", hub.subscriptionCount(channel) > 0);
        answer.setAll(attributes(channel, info, true));
        return RestFake.json(200, answer.toString());
    }

    private ResponseDefinition users(String channel) {
        if (!channel.startsWith("presence-")) {
            throw new BadRequest(400, "Users can only be listed for presence channels");
        }
        ArrayNode users = NODES.arrayNode();
        hub.members(channel).forEach(id -> users.addObject().put("id", id));
        ObjectNode answer = NODES.objectNode();
        answer.set("users", users);
        return RestFake.json(200, answer.toString());
    }

    private ObjectNode attributes(String channel, Set<String> info, boolean withCache) {
        ObjectNode out = NODES.objectNode();
        if (info.contains("user_count") && channel.startsWith("presence-")) {
            out.put("user_count", hub.members(channel).size());
        }
        if (info.contains("subscription_count")) {
            out.put("subscription_count", hub.subscriptionCount(channel));
        }
        if (withCache && info.contains("cache") && Hub.isCache(channel)) {
            hub.cached(channel).ifPresent(c -> {
                ObjectNode cache = out.putObject("cache");
                cache.put("event", c.event());
                cache.put("data", c.data());
                cache.put("ttl", Math.max(0, (c.expiresAtNanos() - System.nanoTime()) / 1_000_000_000L));
            });
        }
        return out;
    }

    private static Set<String> info(String info) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String attribute : info.split(",")) {
            if (!attribute.isBlank()) {
                out.add(attribute.trim());
            }
        }
        return out;
    }

    private static String requireText(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new BadRequest(400, "Missing parameter: " + field);
        }
        if (field.equals("name") && v.asText().length() > MAX_EVENT_NAME) {
            throw new BadRequest(400, "Event name too long: at most " + MAX_EVENT_NAME + " characters");
        }
        return v.asText();
    }

    private static String requireData(JsonNode body) {
        JsonNode v = body.get("data");
        if (v == null || !v.isTextual()) {
            throw new BadRequest(400, "Missing parameter: data (a string)");
        }
        if (v.asText().getBytes(StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
            throw new BadRequest(413, "Request Entity Too Large: event data is limited to 10KB");
        }
        return v.asText();
    }

    private static String socketId(JsonNode body) {
        JsonNode v = body.get("socket_id");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!Hub.validSocketId(v.asText())) {
            throw new BadRequest(400, "Invalid socket_id: " + v.asText());
        }
        return v.asText();
    }

    private static void checkChannel(String channel) {
        if (!Hub.validChannelName(channel)) {
            throw new BadRequest(400, "Invalid channel name: " + channel);
        }
    }

    private static ResponseDefinition text(int status, String body) {
        return new ResponseDefinitionBuilder().withStatus(status)
                .withHeader("Content-Type", "text/plain;charset=UTF-8").withBody(body).build();
    }

    /** A request the API refuses, with its status and Pusher-style explanation. */
    private static final class BadRequest extends RuntimeException {
        final int status;

        BadRequest(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }
}
