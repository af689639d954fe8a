package dev.relaykit.telegram.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.webhook.WebhookRequest;
import dev.relaykit.core.webhook.WebhookResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The secret token header is checked; updates reach the listener in arrival order. */
class TelegramWebhookHandlerTest {
    static final String SECRET = "s3cret_Token-1";

    static WebhookRequest post(String secretHeader, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return WebhookRequest.of("POST", "/telegram", name -> null,
                name -> name.equalsIgnoreCase(TelegramWebhookHandler.SECRET_HEADER) ? secretHeader : null,
                new ByteArrayInputStream(bytes), bytes.length);
    }

    @Test
    void aWrongOrMissingSecretTokenIsRefusedAndNothingIsDelivered() throws Exception {
        List<Update> seen = new CopyOnWriteArrayList<>();
        TelegramWebhookHandler handler = TelegramWebhookHandler.builder(Secret.of(SECRET)).listener(seen::add).build();

        assertThat(handler.handle(post("s3cret_Token-2", "{\"update_id\":1,\"message\":{}}")).status()).isEqualTo(401);
        assertThat(handler.handle(post(null, "{\"update_id\":1,\"message\":{}}")).status()).isEqualTo(401);
        assertThat(handler.handle(post(SECRET.substring(0, 5), "{\"update_id\":1,\"message\":{}}")).status()).isEqualTo(401);
        Thread.sleep(200); // nothing may arrive
        assertThat(seen).isEmpty();
    }

    @Test
    void updatesAreDeliveredInArrivalOrderAndAnsweredAtOnce() throws Exception {
        int n = 200;
        CountDownLatch all = new CountDownLatch(n);
        List<Long> seen = new CopyOnWriteArrayList<>();
        TelegramWebhookHandler handler = TelegramWebhookHandler.builder(Secret.of(SECRET)).listener(u -> {
            seen.add(u.updateId());
            all.countDown();
        }).build();
        List<Long> sent = new ArrayList<>();
        for (long id = 1000; id < 1000 + n; id++) {
            WebhookResponse r = handler.handle(post(SECRET, "{\"update_id\":" + id + ",\"message\":{\"text\":\"x\"}}"));
            assertThat(r.status()).isEqualTo(200);
            sent.add(id);
        }
        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).containsExactlyElementsOf(sent);
    }

    @Test
    void notAnUpdateIs400AndOtherMethods405() {
        TelegramWebhookHandler handler = TelegramWebhookHandler.builder(Secret.of(SECRET)).listener(u -> { }).build();
        assertThat(handler.handle(post(SECRET, "{\"message\":{}}")).status()).isEqualTo(400);
        assertThat(handler.handle(post(SECRET, "not json")).status()).isEqualTo(400);
        assertThat(handler.handle(WebhookRequest.of("GET", "/telegram", n -> null, n -> SECRET, null, 0)).status())
                .isEqualTo(405);
    }

    @Test
    void onTheEmbeddedServerARightSecretIsDeliveredAndAWrongOneRefused() throws Exception {
        List<Long> seen = new CopyOnWriteArrayList<>();
        CountDownLatch one = new CountDownLatch(1);
        TelegramWebhookHandler handler = TelegramWebhookHandler.builder(Secret.of(SECRET)).listener(u -> {
            seen.add(u.updateId());
            one.countDown();
        }).build();
        try (dev.relaykit.webhook.WebhookServer server = dev.relaykit.webhook.WebhookServer.builder()
                .route("/telegram", handler).host("127.0.0.1").port(0).start()) {
            okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
            String url = "http://127.0.0.1:" + server.port() + "/telegram";
            okhttp3.RequestBody body = okhttp3.RequestBody.create("{\"update_id\":77,\"message\":{\"text\":\"hi\"}}",
                    okhttp3.MediaType.get("application/json"));
            try (okhttp3.Response wrong = http.newCall(new okhttp3.Request.Builder().url(url)
                    .header(TelegramWebhookHandler.SECRET_HEADER, "nope").post(body).build()).execute()) {
                assertThat(wrong.code()).isEqualTo(401);
            }
            try (okhttp3.Response right = http.newCall(new okhttp3.Request.Builder().url(url)
                    .header(TelegramWebhookHandler.SECRET_HEADER, SECRET).post(body).build()).execute()) {
                assertThat(right.code()).isEqualTo(200);
            }
            assertThat(one.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(seen).containsExactly(77L);
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
