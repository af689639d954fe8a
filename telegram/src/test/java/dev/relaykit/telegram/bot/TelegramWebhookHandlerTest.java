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
}
