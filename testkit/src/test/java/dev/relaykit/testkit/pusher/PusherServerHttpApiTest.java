package dev.relaykit.testkit.pusher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;
import org.junit.jupiter.api.Test;

/**
 * The HTTP API's refusals, which the official library never provokes: each signature part checked on its own, the
 * documented limits, and requests the API cannot answer. Requests are signed here by the "HTTP API reference" rule.
 */
class PusherServerHttpApiTest {
    private static final String KEY = "http-key";
    private static final String SECRET = "http-secret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static PusherServer start() {
        return PusherServer.builder().appId("77").key(KEY).secret(SECRET).start();
    }

    @Test
    void aCorrectlySignedTriggerIsAcceptedAndEachBrokenSignaturePartIsRefusedWith401() throws Exception {
        try (PusherServer server = start()) {
            String body = "{\"name\":\"e\",\"channel\":\"news\",\"data\":\"{}\"}";
            long now = System.currentTimeMillis() / 1000;
            assertThat(send(server, "POST", "/apps/77/events", body, signed("POST", "/apps/77/events", body, now, KEY, SECRET))
                    .statusCode()).isEqualTo(200);

            Map<String, String> wrongSecret = signed("POST", "/apps/77/events", body, now, KEY, "not-it");
            Map<String, String> wrongKey = signed("POST", "/apps/77/events", body, now, "other-key", SECRET);
            Map<String, String> stale = signed("POST", "/apps/77/events", body, now - 601, KEY, SECRET);
            Map<String, String> badMd5 = signed("POST", "/apps/77/events", "{\"tampered\":true}", now, KEY, SECRET);
            Map<String, String> unsigned = new TreeMap<>(signed("POST", "/apps/77/events", body, now, KEY, SECRET));
            unsigned.remove("auth_signature");
            for (Map<String, String> query : java.util.List.of(wrongSecret, wrongKey, stale, badMd5, unsigned)) {
                HttpResponse<String> refused = send(server, "POST", "/apps/77/events", body, query);
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
            }
            assertThat(server.rejections()).hasSize(5).allSatisfy(r -> assertThat(r).startsWith("HTTP 401 POST"))
                    .noneSatisfy(r -> assertThat(r).contains(SECRET));
            assertThat(server.triggered()).hasSize(1);
        }
    }

    @Test
    void documentedLimitsAndUnanswerableQueries() throws Exception {
        try (PusherServer server = start()) {
            String big = "{\"name\":\"e\",\"channel\":\"news\",\"data\":\"" + "x".repeat(10 * 1024 + 1) + "\"}";
            assertThat(post(server, "/apps/77/events", big).statusCode()).isEqualTo(413);
            StringBuilder batch = new StringBuilder("{\"batch\":[");
            for (int i = 0; i < 11; i++) {
                batch.append(i == 0 ? "" : ",").append("{\"name\":\"e\",\"channel\":\"news\",\"data\":\"{}\"}");
            }
            assertThat(post(server, "/apps/77/batch_events", batch + "]}").statusCode()).isEqualTo(400);
            assertThat(post(server, "/apps/77/events",
                    "{\"name\":\"e\",\"channels\":[\"private-encrypted-a\",\"news\"],\"data\":\"{}\"}").statusCode())
                    .isEqualTo(400);
            assertThat(get(server, "/apps/77/channels/news/users", Map.of()).statusCode()).isEqualTo(400);
            assertThat(get(server, "/apps/77/channels/news", Map.of("info", "user_count")).statusCode()).isEqualTo(400);
            assertThat(get(server, "/apps/77/channels", Map.of("info", "user_count")).statusCode()).isEqualTo(400);
            assertThat(get(server, "/apps/78/channels", Map.of()).statusCode()).isEqualTo(404);
            assertThat(server.triggered()).isEmpty();
        }
    }

    @Test
    void aCacheChannelReportsItsCachedEventAndAnEmptyChannelIsUnoccupied() throws Exception {
        try (PusherServer server = start()) {
            assertThat(post(server, "/apps/77/events", "{\"name\":\"price\",\"channel\":\"cache-btc\",\"data\":\"42\"}")
                    .statusCode()).isEqualTo(200);
            HttpResponse<String> info = get(server, "/apps/77/channels/cache-btc", Map.of("info", "cache"));
            assertThat(info.body()).startsWith("{\"occupied\":false,\"cache\":{\"event\":\"price\",\"data\":\"42\",\"ttl\":");
            assertThat(get(server, "/apps/77/channels", Map.of()).body()).isEqualTo("{\"channels\":{}}");
        }
    }

    private static HttpResponse<String> post(PusherServer server, String path, String body) throws Exception {
        return send(server, "POST", path, body, signed("POST", path, body, System.currentTimeMillis() / 1000, KEY, SECRET));
    }

    private static HttpResponse<String> get(PusherServer server, String path, Map<String, String> params) throws Exception {
        Map<String, String> query = new TreeMap<>(params);
        query.putAll(signed("GET", path, "", System.currentTimeMillis() / 1000, KEY, SECRET, params));
        return send(server, "GET", path, "", query);
    }

    private static Map<String, String> signed(String method, String path, String body, long timestamp, String key,
                                              String secret) {
        return signed(method, path, body, timestamp, key, secret, Map.of());
    }

    /** The "HTTP API reference" rule: HMAC-SHA256 of METHOD\npath\nsorted params, the body's MD5 among them. */
    private static Map<String, String> signed(String method, String path, String body, long timestamp, String key,
                                              String secret, Map<String, String> params) {
        TreeMap<String, String> query = new TreeMap<>(params);
        query.put("auth_key", key);
        query.put("auth_timestamp", Long.toString(timestamp));
        query.put("auth_version", "1.0");
        if (!body.isEmpty()) {
            query.put("body_md5", DigestUtils.md5Hex(body.getBytes(StandardCharsets.UTF_8)));
        }
        String toSign = method + "\n" + path + "\n" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        query.put("auth_signature", new HmacUtils(HmacAlgorithms.HMAC_SHA_256,
                secret.getBytes(StandardCharsets.UTF_8)).hmacHex(toSign));
        return query;
    }

    private static HttpResponse<String> send(PusherServer server, String method, String path, String body,
                                             Map<String, String> query) throws Exception {
        String q = query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.httpUrl() + path + "?" + q));
        request = method.equals("GET") ? request.GET()
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
