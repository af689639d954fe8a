package dev.relaykit.pusher.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.webhook.WebhookRequest;
import dev.relaykit.core.webhook.WebhookResponse;
import dev.relaykit.webhook.WebhookServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * Webhooks as the "Webhooks" page of the Pusher docs describes them
 * (https://pusher.com/docs/channels/server_api/webhooks/): {@code X-Pusher-Key}, and
 * {@code X-Pusher-Signature} = hex HMAC-SHA256 of the body with the app secret. The fixture
 * {@code pusher/server/webhook-events.json} holds the page's example of each event kind in one batch
 * (plus one made-up name, to show an unknown event is kept).
 */
class PusherWebhookHandlerTest {
    private static final String KEY = "278d425bdf160c739803";
    private static final String SECRET = "7ad3773142a6692b25b8";

    private final List<Webhook> received = new CopyOnWriteArrayList<>();
    private final PusherWebhookHandler handler = PusherWebhookHandler.builder()
            .key(KEY).secret(Secret.of(SECRET)).listener(received::add).build();

    private static byte[] fixture() throws Exception {
        try (InputStream in = PusherWebhookHandlerTest.class.getResourceAsStream("/pusher/server/webhook-events.json")) {
            return in.readAllBytes();
        }
    }

    private static WebhookRequest post(Map<String, String> headers, byte[] body) {
        return WebhookRequest.of("POST", "/pusher", name -> null,
                name -> headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                        .map(Map.Entry::getValue).findFirst().orElse(null),
                new ByteArrayInputStream(body), body.length);
    }

    @Test
    void aGenuineDeliveryReachesTheListenerAsTypedEvents() throws Exception {
        byte[] body = fixture();
        WebhookResponse r = handler.handle(post(Map.of("X-Pusher-Key", KEY,
                "X-Pusher-Signature", WireCheck.hmacHex(SECRET, new String(body, "UTF-8"))), body));
        assertThat(r.status()).isEqualTo(200);
        assertThat(received).hasSize(1);
        Webhook hook = received.get(0);
        assertThat(hook.time()).isEqualTo(Instant.ofEpochMilli(1327078148132L));
        assertThat(hook.events()).hasSize(8);
        assertThat(hook.events().subList(0, 7)).containsExactly(
                new WebhookEvent.ChannelOccupied("test_channel"),
                new WebhookEvent.ChannelVacated("test_channel"),
                new WebhookEvent.MemberAdded("presence-your_channel_name", "a_user_id"),
                new WebhookEvent.MemberRemoved("presence-your_channel_name", "a_user_id"),
                new WebhookEvent.ClientEvent("presence-your_channel_name", "client-your_event", "{\"hello\":\"world\"}",
                        "socket_id_of_the_sender", "user_id_associated_with_the_sender_socket_id"),
                new WebhookEvent.CacheMiss("cache-test-channel"),
                new WebhookEvent.SubscriptionCount("my-channel", 3));
        assertThat(hook.events().get(7)).isInstanceOfSatisfying(WebhookEvent.Unknown.class, u -> {
            assertThat(u.name()).isEqualTo("something_new");
            assertThat(u.json().get("extra").asInt()).isEqualTo(1);
        });
    }

    @Test
    void aBadSignatureOrWrongKeyIsRefusedAndNeverParsed() throws Exception {
        byte[] body = fixture();
        String good = WireCheck.hmacHex(SECRET, new String(body, "UTF-8"));
        String flipped = (good.charAt(0) == 'a' ? "b" : "a") + good.substring(1);
        assertThat(handler.handle(post(Map.of("X-Pusher-Key", KEY, "X-Pusher-Signature", flipped), body)).status())
                .isEqualTo(401);
        assertThat(handler.handle(post(Map.of("X-Pusher-Key", "another-app-key", "X-Pusher-Signature", good), body)).status())
                .isEqualTo(401);
        assertThat(handler.handle(post(Map.of("X-Pusher-Signature", good), body)).status()).isEqualTo(401);
        assertThat(handler.handle(post(Map.of("X-Pusher-Key", KEY), body)).status()).isEqualTo(401);
        String otherSecret = WireCheck.hmacHex("not-the-secret", new String(body, "UTF-8"));
        assertThat(handler.handle(post(Map.of("X-Pusher-Key", KEY, "X-Pusher-Signature", otherSecret), body)).status())
                .isEqualTo(401);
        // a genuine signature over a body that was changed afterwards
        byte[] tampered = new String(body, "UTF-8").replace("a_user_id", "b_user_id").getBytes("UTF-8");
        assertThat(handler.handle(post(Map.of("X-Pusher-Key", KEY, "X-Pusher-Signature", good), tampered)).status())
                .isEqualTo(401);
        assertThat(received).isEmpty();
    }

    @Test
    void otherRequestsGetTheirOwnAnswers() throws Exception {
        byte[] junk = "not json".getBytes("UTF-8");
        assertThat(handler.handle(post(Map.of("X-Pusher-Key", KEY, "X-Pusher-Signature",
                WireCheck.hmacHex(SECRET, "not json")), junk)).status()).isEqualTo(400);
        assertThat(handler.handle(WebhookRequest.of("GET", "/pusher", n -> null, n -> null, null, 0)).status())
                .isEqualTo(405);
        PusherWebhookHandler small = PusherWebhookHandler.builder().key(KEY).secret(Secret.of(SECRET))
                .listener(received::add).maxBodyBytes(10).build();
        byte[] body = fixture();
        assertThat(small.handle(post(Map.of("X-Pusher-Key", KEY, "X-Pusher-Signature",
                WireCheck.hmacHex(SECRET, new String(body, "UTF-8"))), body)).status()).isEqualTo(413);
        PusherWebhookHandler failing = PusherWebhookHandler.builder().key(KEY).secret(Secret.of(SECRET))
                .listener(h -> {
                    throw new IllegalStateException("database down");
                }).build();
        assertThat(failing.handle(post(Map.of("X-Pusher-Key", KEY, "X-Pusher-Signature",
                WireCheck.hmacHex(SECRET, new String(body, "UTF-8"))), body)).status())
                .as("a failing listener makes Pusher deliver again").isEqualTo(500);
        assertThat(received).isEmpty();
    }

    @Test
    void theClientVerifiesWebhooksForYourOwnEndpoint() throws Exception {
        byte[] body = fixture();
        try (PusherServerClient pusher = PusherServerClient.builder().appId("3").key(KEY).secret(Secret.of(SECRET)).build()) {
            Webhook hook = pusher.webhook(KEY, WireCheck.hmacHex(SECRET, new String(body, "UTF-8")).toUpperCase(), body);
            assertThat(hook.events()).hasSize(8);
            assertThatThrownBy(() -> pusher.webhook("other", "00", body))
                    .isInstanceOfSatisfying(InvalidWebhookException.class,
                            e -> assertThat(e.reason()).isEqualTo(InvalidWebhookException.Reason.WRONG_KEY));
            assertThatThrownBy(() -> pusher.webhook(KEY, "00", body))
                    .isInstanceOfSatisfying(InvalidWebhookException.class,
                            e -> assertThat(e.reason()).isEqualTo(InvalidWebhookException.Reason.BAD_SIGNATURE))
                    .message().doesNotContain(SECRET);
        }
    }

    @Test
    void servedByTheEmbeddedWebhookServer() throws Exception {
        byte[] body = fixture();
        String sig = WireCheck.hmacHex(SECRET, new String(body, "UTF-8"));
        List<Webhook> got = new CopyOnWriteArrayList<>();
        try (PusherServerClient pusher = PusherServerClient.builder().appId("3").key(KEY).secret(Secret.of(SECRET)).build();
                WebhookServer server = WebhookServer.builder().route("/pusher", pusher.webhookHandler(got::add)).start()) {
            OkHttpClient http = new OkHttpClient();
            MediaType json = MediaType.get("application/json");
            Request good = new Request.Builder().url(server.uri("/pusher").toString())
                    .header("X-Pusher-Key", KEY).header("X-Pusher-Signature", sig)
                    .post(RequestBody.create(body, json)).build();
            try (Response r = http.newCall(good).execute()) {
                assertThat(r.code()).isEqualTo(200);
            }
            Request forged = good.newBuilder().header("X-Pusher-Signature", sig.replace(sig.charAt(5), sig.charAt(5) == '0' ? '1' : '0')).build();
            try (Response r = http.newCall(forged).execute()) {
                assertThat(r.code()).isEqualTo(401);
            }
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        assertThat(got).hasSize(1);
        assertThat(got.get(0).events().get(2)).isEqualTo(new WebhookEvent.MemberAdded("presence-your_channel_name", "a_user_id"));
    }
}
