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
 * after both passed. {@link PusherWebhookHandler} and {@link PusherServerClient#webhook} verify with
 * it; so does a receiver that hands verified deliveries on elsewhere (the {@code kafka} module's
 * webhook intake).
 *
 * <pre>{@code
 * WebhookVerifier verifier = new WebhookVerifier("278d425bdf160c739803", Secret.of(System.getenv("PUSHER_SECRET")));
 * PusherWebhook hook = verifier.verify(request.header(PusherWebhookHandler.KEY_HEADER),
 *         request.header(PusherWebhookHandler.SIGNATURE_HEADER), body);   // throws InvalidWebhookException
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class WebhookVerifier {
    private final byte[] key;
    private final PayloadSigner hmac;

    /**
     * @param key the app key Pusher names in {@code X-Pusher-Key}; not empty
     * @param secret the app secret that signs deliveries; not empty
     */
    public WebhookVerifier(String key, Secret secret) {
        this.key = Limits.nonEmpty(key, "key").getBytes(StandardCharsets.UTF_8);
        Limits.secret(secret);
        this.hmac = PayloadSigner.hmacSha256Hex(secret);
    }

    /**
     * Verifies a delivery, then reads it.
     *
     * @param keyHeader the {@code X-Pusher-Key} header, or {@code null} if absent
     * @param signatureHeader the {@code X-Pusher-Signature} header, or {@code null} if absent
     * @param body the exact body bytes
     * @return the delivery
     * @throws InvalidWebhookException if the key or signature is wrong, or the signed body is not a webhook
     */
    public PusherWebhook verify(String keyHeader, String signatureHeader, byte[] body) {
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

    /**
     * Reads a body that was verified before (for example a delivery stored or passed on after
     * {@link #verify}); checks no signature.
     *
     * <pre>{@code
     * PusherWebhook hook = WebhookVerifier.parse(body);   // a body your receiver verified and stored
     * }</pre>
     *
     * @param body a webhook body, {@code {"time_ms":..,"events":[..]}}
     * @return the delivery
     * @throws InvalidWebhookException with {@link InvalidWebhookException.Reason#MALFORMED} if it is not a webhook
     */
    public static PusherWebhook parse(byte[] body) {
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
        List<PusherWebhookEvent> out = new ArrayList<>(events.size());
        for (JsonNode e : events) {
            if (!e.isObject()) {
                throw malformed("an event is not a JSON object");
            }
            out.add(PusherWebhookEvent.from(e));
        }
        return new PusherWebhook(Instant.ofEpochMilli(time.asLong()), out);
    }

    private static InvalidWebhookException malformed(String why) {
        return new InvalidWebhookException(InvalidWebhookException.Reason.MALFORMED,
                "correctly signed webhook is malformed: " + why);
    }
}
