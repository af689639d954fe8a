package dev.relaykit.pusher.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.secret.Secret;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Agreement with the official {@code pusher} npm library (5.3.4, the testkit's pinned peer): the
 * fixtures {@code official-library-requests.json} and {@code official-library-auth.json} hold what
 * that library sent and returned for the same inputs (each file says how it was made). Requests are
 * compared by method, path, decoded query (so {@code auth_signature} too) and body; the library writes
 * a trigger's body as {@code name, data, channels} where the HTTP API reference's worked example (which
 * {@link HttpApiSignatureTest} matches byte for byte) writes {@code name, channels, data}, so the trigger
 * is compared as JSON and by its signature over its own bytes.
 */
class OfficialLibraryAgreementTest {

    private static JsonNode fixture(String name) throws Exception {
        try (InputStream in = OfficialLibraryAgreementTest.class.getResourceAsStream("/pusher/server/" + name)) {
            return Json.read(in.readAllBytes(), JsonNode.class);
        }
    }

    private static Map<String, String> query(HttpUrl url) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < url.querySize(); i++) {
            out.put(url.queryParameterName(i), url.queryParameterValue(i));
        }
        return out;
    }

    @Test
    void everyRequestIsTheOneTheOfficialLibrarySends() throws Exception {
        List<JsonNode> theirs = List.copyOf(Json.mapper().convertValue(fixture("official-library-requests.json").get("requests"),
                new com.fasterxml.jackson.core.type.TypeReference<List<JsonNode>>() { }));
        Clock then = Clock.fixed(Instant.ofEpochSecond(1353088179L), ZoneOffset.UTC);
        try (MockApi api = new MockApi(); PusherServerClient pusher = api.client().clock(then).build()) {
            for (int i = 0; i < theirs.size(); i++) {
                api.server.enqueue(new MockResponse().setBody("{}"));
            }
            pusher.trigger(TriggerRequest.builder().channels("presence-a", "presence-b").event("quote").data("{\"px\":1}")
                    .excludeSocketId("1234.1234").info(ChannelAttribute.USER_COUNT, ChannelAttribute.SUBSCRIPTION_COUNT).build());
            pusher.triggerBatch(List.of(BatchEvent.of("a", "e", "x"),
                    BatchEvent.of("presence-b", "e", "y").withInfo(ChannelAttribute.USER_COUNT)));
            pusher.channels("presence-", ChannelAttribute.USER_COUNT, ChannelAttribute.SUBSCRIPTION_COUNT);
            pusher.channel("presence-a", ChannelAttribute.USER_COUNT);
            pusher.presenceUsers("presence-a");
            pusher.terminateUserConnections("user-42");

            for (JsonNode their : theirs) {
                RecordedRequest ours = api.server.takeRequest(5, TimeUnit.SECONDS);
                HttpUrl theirUrl = HttpUrl.get("http://127.0.0.1" + their.get("url").asText());
                String ourBody = ours.getBody().readUtf8();
                assertThat(ours.getMethod()).isEqualTo(their.get("method").asText());
                assertThat(ours.getRequestUrl().encodedPath()).isEqualTo(theirUrl.encodedPath());
                if (theirUrl.encodedPath().endsWith("/events")) {
                    assertThat(Json.tree(ourBody)).isEqualTo(Json.tree(their.get("body").asText()));
                    assertThat(query(ours.getRequestUrl())).containsEntry("auth_key", MockApi.KEY)
                            .containsEntry("auth_timestamp", "1353088179").containsEntry("auth_version", "1.0");
                    WireCheck.assertSignedAt(ours, ourBody, MockApi.SECRET);
                } else {
                    assertThat(ourBody).as(theirUrl.encodedPath()).isEqualTo(their.get("body").asText());
                    assertThat(query(ours.getRequestUrl())).as(theirUrl.encodedPath()).isEqualTo(query(theirUrl));
                }
            }
        }
    }

    @Test
    void authBodiesAreTheOfficialLibrarys() throws Exception {
        JsonNode f = fixture("official-library-auth.json");
        String socketId = f.get("socket_id").asText();
        try (PusherServerClient pusher = PusherServerClient.builder().appId("3").key(f.get("key").asText())
                .secret(Secret.of(f.get("secret").asText()))
                .encryptionMasterKeyBase64(f.get("encryptionMasterKeyBase64").asText()).build()) {
            assertThat(Json.tree(pusher.authorizeChannel(socketId, f.at("/private/channel").asText())))
                    .isEqualTo(f.at("/private/answer"));
            JsonNode p = f.get("presence");
            assertThat(Json.tree(pusher.authorizeChannel(socketId, p.get("channel").asText(),
                    new PresenceData(p.get("user_id").asText(), p.get("user_info")))))
                    .isEqualTo(p.get("answer"));
            assertThat(Json.tree(pusher.authorizeChannel(socketId, f.at("/encrypted/channel").asText())))
                    .isEqualTo(f.at("/encrypted/answer"));
            assertThat(Json.tree(pusher.authenticateUser(socketId, f.at("/user/user_data").asText())))
                    .isEqualTo(f.at("/user/answer"));
        }
    }
}
