package dev.relaykit.pusher.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.RelayKitException;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.sign.PayloadSigner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a webhook as the "Webhooks" page says Pusher signs it: {@code X-Pusher-Key} is the app key
 * and {@code X-Pusher-Signature} the hex HMAC-SHA256 of the exact body bytes with the app secret.
 * Both comparisons take the same time wherever the first difference is, and the body is parsed only
 * after both passed.
 */
final class WebhookVerifier {
    private final byte[] key;
    private final PayloadSigner hmac;

    WebhookVerifier(String key, Secret secret) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
        this.hmac = PayloadSigner.hmacSha256Hex(secret);
    }

    Webhook verify(String keyHeader, String signatureHeader, byte[] body) {
        if (keyHeader == null || !MessageDigest.isEqual(key, keyHeader.getBytes(StandardCharsets.UTF_8))) {
            throw new InvalidWebhookException(InvalidWebhookException.Reason.WRONG_KEY,
                    keyHeader == null ? "webhook has no X-Pusher-Key header" : "webhook's X-Pusher-Key is not this app's key");
        }
        if (signatureHeader == null) {
            throw new InvalidWebhookException(InvalidWebhookException.Reason.BAD_SIGNATURE,
                    "webhook has no X-Pusher-Signature header");
        }
        byte[] expected = hmac.sign(body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signatureHeader.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new InvalidWebhookException(InvalidWebhookException.Reason.BAD_SIGNATURE,
                    "webhook's X-Pusher-Signature does not match its body (" + body.length + " bytes)");
        }
        return parse(body);
    }

    static Webhook parse(byte[] body) {
        JsonNode root;
        try {
            root = Json.read(body, JsonNode.class);
        } catch (RelayKitException e) {
            throw malformed("the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw malformed("the body is not a JSON object");
        }
        JsonNode time = root.get("time_ms");
        JsonNode events = root.get("events");
        if (time == null || !time.isIntegralNumber()) {
            throw malformed("time_ms is missing or not a number");
        }
        if (events == null || !events.isArray()) {
            throw malformed("events is missing or not an array");
        }
        List<WebhookEvent> out = new ArrayList<>(events.size());
        for (JsonNode e : events) {
            if (!e.isObject()) {
                throw malformed("an event is not a JSON object");
            }
            out.add(WebhookEvent.from(e));
        }
        return new Webhook(Instant.ofEpochMilli(time.asLong()), out);
    }

    private static InvalidWebhookException malformed(String why) {
        return new InvalidWebhookException(InvalidWebhookException.Reason.MALFORMED,
                "correctly signed webhook is malformed: " + why);
    }
}
