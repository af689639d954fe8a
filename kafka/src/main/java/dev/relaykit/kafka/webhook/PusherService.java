package dev.relaykit.kafka.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.webhook.WebhookBody;
import dev.relaykit.core.webhook.WebhookRequest;
import dev.relaykit.core.webhook.WebhookResponse;
import dev.relaykit.pusher.server.InvalidWebhookException;
import dev.relaykit.pusher.server.PusherWebhook;
import dev.relaykit.pusher.server.PusherWebhookHandler;
import dev.relaykit.pusher.server.PusherWebhookListener;
import dev.relaykit.pusher.server.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pusher Channels: the pusher module's {@link WebhookVerifier} (X-Pusher-Key, X-Pusher-Signature). Pusher's docs
 * (pusher.com/docs/channels/server_api/webhooks) define no delivery id: a webhook is {@code time_ms} ("when the
 * webhook was created") and its events, and a non-2xx answer makes Pusher send the same webhook again. So the id
 * is {@code time_ms} with the SHA-256 of the {@code events} array as JSON (whitespace does not count): the same for
 * every retry, different for any other webhook. One record per delivery (the listener receives whole deliveries),
 * keyed by the first event's channel.
 */
final class PusherService implements Service {
    static final String SOURCE = "pusher";
    private static final Logger LOG = LoggerFactory.getLogger(PusherService.class);

    private final WebhookVerifier verifier;

    PusherService(String key, Secret secret) {
        this.verifier = new WebhookVerifier(key, secret);
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Outcome accept(WebhookRequest request, int maxBodyBytes) {
        String method = request.method() == null ? "" : request.method().toUpperCase(Locale.ROOT);
        if (!method.equals("POST")) {
            return Outcome.answer(WebhookResponse.text(405, "method not allowed; Pusher delivers webhooks with POST")
                    .withHeader("Allow", "POST"));
        }
        byte[] body;
        try {
            body = WebhookBody.read(request, maxBodyBytes);
        } catch (WebhookBody.Refused refused) {
            return Outcome.answer(refused.response());
        }
        PusherWebhook hook;
        try {
            hook = verifier.verify(request.header(PusherWebhookHandler.KEY_HEADER),
                    request.header(PusherWebhookHandler.SIGNATURE_HEADER), body);
        } catch (InvalidWebhookException e) {
            LOG.warn("Pusher webhook refused: {}", e.getMessage());
            return Outcome.answer(e.reason() == InvalidWebhookException.Reason.MALFORMED
                    ? WebhookResponse.text(400, "malformed webhook")
                    : WebhookResponse.text(401, "invalid key or signature"));
        }
        JsonNode events = Json.tree(new String(body, StandardCharsets.UTF_8)).get("events");
        String id = hook.time().toEpochMilli() + ":" + DigestUtils.sha256Hex(events.toString());
        String channel = hook.events().isEmpty() ? null : hook.events().get(0).channel();
        return Outcome.write(List.of(new Delivery(channel == null ? id : channel, id, body)));
    }

    static Dispatch dispatch(PusherWebhookListener listener) {
        return (id, body) -> listener.onWebhook(WebhookVerifier.parse(body));
    }
}
