package dev.relaykit.pusher.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.core.rest.RestRequest;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.pusher.crypto.PusherSigner;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every request's signed form. The trigger is checked byte for byte against the HTTP API
 * reference's worked example (fixture {@code pusher/server/http-api-worked-example.properties},
 * https://pusher.com/docs/channels/library_auth_reference/rest-api/#worked-authentication-example);
 * the other endpoints are checked with {@link WireCheck}, the documented rule written again on the
 * JDK's HMAC and MD5.
 */
class HttpApiSignatureTest {
    private static final String KEY = "278d425bdf160c739803";
    private static final String SECRET = "7ad3773142a6692b25b8";

    private MockWebServer server;
    private PusherServerClient pusher;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
        pusher = PusherServerClient.builder().appId("3").key(KEY).secret(Secret.of(SECRET))
                .host("127.0.0.1").port(server.getPort()).useTls(false).build();
    }

    @AfterEach
    void stop() throws Exception {
        pusher.close();
        server.shutdown();
    }

    private static Properties docsExample() throws Exception {
        Properties p = new Properties();
        try (InputStream in = HttpApiSignatureTest.class.getResourceAsStream("/pusher/server/http-api-worked-example.properties")) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void aTriggerIsTheDocsWorkedExampleByteForByte() throws Exception {
        Properties doc = docsExample();
        Clock then = Clock.fixed(Instant.ofEpochSecond(Long.parseLong(doc.getProperty("auth_timestamp"))), ZoneOffset.UTC);
        server.enqueue(new MockResponse().setBody("{}"));
        try (PusherServerClient docs = PusherServerClient.builder().appId(doc.getProperty("app_id"))
                .key(doc.getProperty("key")).secret(Secret.of(doc.getProperty("secret")))
                .host("127.0.0.1").port(server.getPort()).useTls(false).clock(then).build()) {
            TriggerResult result = docs.trigger("project-3", "foo", "{\"some\":\"data\"}");
            assertThat(result.channels()).isEmpty();
        }
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r.getRequestLine()).isEqualTo(doc.getProperty("request") + " HTTP/1.1");
        assertThat(r.getBody().readUtf8()).isEqualTo(doc.getProperty("body"));
        assertThat(r.getHeader("Content-Type")).startsWith("application/json");
    }

    @Test
    void theStringToSignIsTheDocsOne() throws Exception {
        Properties doc = docsExample();
        RestRequest unsigned = RestRequest.post("/apps/3/events")
                .jsonBody(dev.relaykit.core.json.Json.tree(doc.getProperty("body"))).signed().build();
        Clock then = Clock.fixed(Instant.ofEpochSecond(1353088179L), ZoneOffset.UTC);
        RestRequest signed = new ApiSigner(new PusherSigner(KEY, Secret.of(SECRET)), then).sign(unsigned);
        assertThat(ApiSigner.stringToSign(signed)).isEqualTo(doc.getProperty("string_to_sign"));
        assertThat(signed.queryParams()).extracting(RestRequest.Param::value)
                .contains(doc.getProperty("body_md5"), doc.getProperty("auth_signature"));
    }

    @Test
    void everyEndpointIsSignedAsPusherChecksIt() throws Exception {
        for (int i = 0; i < 7; i++) {
            server.enqueue(new MockResponse().setBody("{}"));
        }
        pusher.trigger(TriggerRequest.builder().channels("a", "b").event("e").data("{}").excludeSocketId("1.2")
                .info(ChannelAttribute.SUBSCRIPTION_COUNT).build());
        pusher.triggerBatch(List.of(BatchEvent.of("a", "e", "x"), BatchEvent.of("b", "e", "y")));
        pusher.channels("presence-", ChannelAttribute.USER_COUNT, ChannelAttribute.SUBSCRIPTION_COUNT);
        pusher.channels(null);
        pusher.channel("presence-room", ChannelAttribute.USER_COUNT);
        pusher.presenceUsers("presence-room");
        pusher.terminateUserConnections("user-42");

        String[][] expected = {
            {"POST", "/apps/3/events"},
            {"POST", "/apps/3/batch_events"},
            {"GET", "/apps/3/channels"},
            {"GET", "/apps/3/channels"},
            {"GET", "/apps/3/channels/presence-room"},
            {"GET", "/apps/3/channels/presence-room/users"},
            {"POST", "/apps/3/users/user-42/terminate_connections"},
        };
        for (String[] e : expected) {
            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(r.getMethod()).isEqualTo(e[0]);
            assertThat(r.getRequestUrl().encodedPath()).isEqualTo(e[1]);
            String body = r.getBody().clone().readUtf8();
            switch (e[1]) {
                case "/apps/3/events" -> assertThat(body).isEqualTo(
                        "{\"name\":\"e\",\"channels\":[\"a\",\"b\"],\"data\":\"{}\",\"socket_id\":\"1.2\",\"info\":\"subscription_count\"}");
                case "/apps/3/batch_events" -> assertThat(body).isEqualTo(
                        "{\"batch\":[{\"channel\":\"a\",\"name\":\"e\",\"data\":\"x\"},{\"channel\":\"b\",\"name\":\"e\",\"data\":\"y\"}]}");
                case "/apps/3/users/user-42/terminate_connections" -> assertThat(body).isEqualTo("{}");
                default -> assertThat(body).isEmpty();
            }
            WireCheck.assertSigned(r, KEY, SECRET);
            if (e[1].equals("/apps/3/channels/presence-room")) {
                assertThat(WireCheck.query(r)).containsEntry("info", "user_count");
            }
        }
    }

    @Test
    void channelFiltersAndInfoAttributesGoInTheSignedQuery() throws Exception {
        server.enqueue(new MockResponse().setBody("{}"));
        pusher.channels("presence-", ChannelAttribute.USER_COUNT, ChannelAttribute.SUBSCRIPTION_COUNT);
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(WireCheck.query(r))
                .containsEntry("filter_by_prefix", "presence-")
                .containsEntry("info", "user_count,subscription_count");
        WireCheck.assertSigned(r, KEY, SECRET);
    }

    @Test
    void theSecretAndSignatureNeverShowInToString() {
        assertThat(pusher.toString()).doesNotContain(SECRET).contains(KEY);
    }
}
